// Takes and the big viewer in Chromium. Three PNGs are imported through the de-age panel: a plate with a known
// pixel pattern and two results. Two runs of a de-age layer land as take 1 and take 2 (signed records; the runs
// themselves are not executed here, deage.e2e.ts does that): take 1 is approved, take 2 is not, the gate
// refuses the deliverable until take 1 is made active in the panel, and take 1's approval is still there after
// the re-run. The viewer shows the plate at 1:1 (the canvas holds the source pixels exactly) and 4:1 (each
// source pixel a 4×4 square), compares the takes (difference matches the pictures' own largest difference), and
// a purged take stays in the ledger, marked purged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { inApp, openApp, type App } from './harness';
import { difference } from '../../src/ui/viewer/viewMath';

const W = 64;
const H = 48;
function picture(fn: (x: number, y: number) => [number, number, number]): Uint8Array {
  const d = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const [r, g, b] = fn(x, y);
    d.set([r & 255, g & 255, b & 255, 255], (y * W + x) * 4);
  }
  return d;
}
const plate = picture((x, y) => [x * 4, y * 5, (x ^ y) * 7]);
const take1 = picture((x, y) => [x * 4 + (x >= 10 && x < 30 ? 9 : 0), y * 5, (x ^ y) * 7]);
const take2 = picture((x, y) => [x * 4, y * 5 + (y >= 5 && y < 20 ? 37 : 0), (x ^ y) * 7]);

let app: App;
const dir = mkdtempSync(join(tmpdir(), 'takes-e2e-'));
const file = (name: string, data: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, encode({ width: W, height: H, data, channels: 4, depth: 8 }));
  return path;
};

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 800 } });
  app.page.setDefaultTimeout(45_000);
  app.page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await app?.close();
});

const plates = () =>
  inApp(app.page, (h) => {
    const s = h.projectStore.getState();
    return Object.values(s.project.scenes[s.activeSceneId].objects).filter((o: any) => o.type === 'plate').map((o: any) => ({ id: o.id, name: o.name, assetId: o.assetId }));
  });

async function closeNotices() {
  for (const b of await app.page.$$('.notices .notice button')) await b.click().catch(() => undefined);
}

/** Commits a finished de-age run on the pattern plate whose result is the given plate's image. */
async function run(plateId: string, outputAsset: string, n: number) {
  await app.page.evaluate(
    async ({ plateId, outputAsset, n }) => {
      const h = (globalThis as any).__previs;
      const store = h.projectStore.getState();
      const sceneId = store.activeSceneId;
      const prev = store.project.scenes[sceneId].objects.layer_takes_e2e;
      const layer = {
        id: 'layer_takes_e2e', name: 'Pattern de-aged', parentId: null, transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
        visible: true, locked: false, type: 'effectLayer', effect: 'deage', targetIds: [plateId], params: { yearsYounger: 10 + n }, seed: n,
        models: [{ id: 'deage-procedural', version: '1.0.0', sha256: 'a'.repeat(64), license: 'MIT', kind: 'procedural' }],
        status: 'done', inputHashes: {}, output: { assetId: outputAsset, contentHash: outputAsset },
        runReport: { backend: 'wasm', adapter: null, fallbackReason: null, timingsMs: { total: 40 }, peakMemoryBytes: null, softwareVersion: '0.1.0', startedAt: new Date().toISOString() },
        frameRange: { start: 0, end: 1 }, intendedUse: 'may-reach-final', thirdPartyIp: false, consentId: prev?.consentId ?? null, runCount: 0, altersLikeness: false,
      };
      await h.disclosure.enrolAs('Ada Artist', ['artist']);
      await h.disclosure.commitEffectRun({ sceneId, layer, label: n > 1 ? 'Re-run de-age' : 'De-age plate' });
    },
    { plateId, outputAsset, n },
  );
}

const gateOk = () => inApp(app.page, async (h) => (await h.disclosure.gate('deliverable')).ok as boolean);

describe('takes and the big viewer', () => {
  it('a re-run keeps the previous take and the approval stays with its take', async () => {
    const { page } = app;
    await page.click('button[data-panel=deage]');
    for (const [name, data] of [['pattern.png', plate], ['result-a.png', take1], ['result-b.png', take2]] as const) {
      const before = (await plates()).length;
      await page.setInputFiles('[data-testid=plate-file]', file(name, data));
      await page.waitForFunction((n) => {
        const s = (globalThis as any).__previs.projectStore.getState();
        return Object.values(s.project.scenes[s.activeSceneId].objects).filter((o: any) => o.type === 'plate').length > n;
      }, before);
    }
    const ps = await plates();
    const named = (n: string) => {
      const p = ps.find((x) => x.name.startsWith(n));
      if (!p) throw new Error(`plate ${n} was not imported`);
      return p;
    };
    const [pattern, a, b] = [named('pattern'), named('result-a'), named('result-b')];
    // a plate of no person: the layer needs the approvals its record names, not consent
    await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const sid = s.activeSceneId;
      s.execute('No person', (p: any) => {
        const objects = { ...p.scenes[sid].objects };
        for (const [id, o] of Object.entries<any>(objects)) if (o.type === 'plate') objects[id] = { ...o, depictsPerson: false };
        return { ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], objects } } };
      });
    });

    await run(pattern.id, a.assetId, 1);
    const roles: string[] = await inApp(page, (h) => {
      const l = h.projectStore.getState().project.ledger;
      return l.filter((e: any) => e.kind === 'disclosure').pop().payload.policy.approvalRoles;
    });
    expect(roles.length).toBeGreaterThan(0);
    await inApp(page, (h) => h.disclosure.reviewLayer('layer_takes_e2e', 'submit'));
    let k = 0;
    for (const role of roles) {
      await page.evaluate(([n, r]) => (globalThis as any).__previs.disclosure.enrolAs(n, [r]), [`Rev ${k++} ${role}`, role] as const);
      await inApp(page, (h) => h.disclosure.reviewLayer('layer_takes_e2e', 'approve'));
    }
    expect(await gateOk()).toBe(true);

    await run(pattern.id, b.assetId, 2);
    // the import selected the last plate; the panel reviews the selected plate's layer
    await inApp(page, (h) => h.editorStore.getState().select([]));
    await page.selectOption('[data-testid=deage-plate]', pattern.id);
    await page.waitForSelector('[data-testid=takes][data-active="2"] [data-take="2"][data-state=submitted]');
    await page.waitForSelector('[data-testid=takes] [data-take="1"][data-state=approved]');
    // the active take is unapproved: the deliverable is refused although take 1 is approved
    expect(await gateOk()).toBe(false);

    await closeNotices();
    await page.click('[data-testid=takes] [data-take="1"] [data-testid=take-active]');
    await page.waitForSelector('[data-testid=takes][data-active="1"]');
    expect(await inApp(page, (h) => h.projectStore.getState().project.scenes[h.projectStore.getState().activeSceneId].objects.layer_takes_e2e.output.assetId)).toBe(a.assetId);
    expect(await gateOk()).toBe(true);
    // and back: take 2 needs its own approval
    await page.click('[data-testid=takes] [data-take="2"] [data-testid=take-active]');
    await page.waitForSelector('[data-testid=takes][data-active="2"]');
    expect(await gateOk()).toBe(false);
  });

  it('the viewer shows 1:1 pixels exactly, and 4:1 as 4×4 squares', async () => {
    const { page } = app;
    await closeNotices();
    await page.click('[data-testid=deage-view-big]');
    await page.waitForSelector('[data-testid=big-viewer]');
    await page.click('[data-testid=viewer-ab]');
    await page.click('[data-testid=viewer-toggle]'); // B → A: the plate
    await page.waitForSelector('[data-testid=viewer-canvas][data-show=a]');
    for (const zoom of [1, 4]) {
      await page.click(`[data-testid=viewer-zoom-${zoom}]`);
      await page.waitForSelector(`[data-testid=viewer-canvas][data-ready=yes][data-zoom="${zoom}"][data-show=a]`).catch(async (e) => {
        throw new Error(`${e.message}\nviewer: ${await page.evaluate(() => document.querySelector('[data-testid=big-viewer]')?.outerHTML.slice(0, 1500))}`);
      });
      // read back only the picture's rectangle and compare in the page (a full canvas is megabytes over CDP)
      const got = await page.evaluate(
        ({ src, W, H, zoom }) => {
          const c = document.querySelector('[data-testid=viewer-canvas]') as HTMLCanvasElement;
          const ox = Number(c.dataset.ox);
          const oy = Number(c.dataset.oy);
          const g = c.getContext('2d')!;
          const img = g.getImageData(ox, oy, W * zoom, H * zoom).data;
          let wrong = 0;
          for (let y = 0; y < H * zoom; y++) for (let x = 0; x < W * zoom; x++) {
            const s = (((y / zoom) | 0) * W + ((x / zoom) | 0)) * 4;
            const d = (y * W * zoom + x) * 4;
            if (img[d] !== src[s] || img[d + 1] !== src[s + 1] || img[d + 2] !== src[s + 2]) wrong++;
          }
          const edge = g.getImageData(ox, oy - 1, 1, 1).data;
          return { ox, oy, wrong, edge: [edge[0], edge[1], edge[2]], fits: c.clientWidth * devicePixelRatio === c.width };
        },
        { src: Array.from(plate), W, H, zoom },
      );
      expect(got.fits).toBe(true);
      expect(Number.isInteger(got.ox) && Number.isInteger(got.oy)).toBe(true);
      const wrong = got.wrong;
      expect(wrong, `${zoom}:1 pixels that differ from the source`).toBe(0);
      // just outside the picture is the viewer's background, not a smeared edge
      expect(got.edge).toEqual([0x16, 0x17, 0x1a]);
    }
    await page.focus('[data-testid=viewer-canvas]').catch(() => undefined);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=big-viewer]', { state: 'detached' });
  });

  it('compares take 1 with take 2: the difference reads the pictures\' own largest difference', async () => {
    const { page } = app;
    await page.click('[data-testid=takes] [data-take="1"] [data-testid=take-a]');
    await page.click('[data-testid=takes] [data-take="2"] [data-testid=take-b]');
    await page.click('[data-testid=takes-compare]');
    await page.waitForSelector('[data-testid=big-viewer]');
    await page.click('[data-testid=viewer-diff]');
    await page.selectOption('[data-testid=viewer-gain]', '1');
    await page.waitForSelector('[data-testid=viewer-canvas][data-ready=yes][data-mode=diff]');
    const want = difference({ width: W, height: H, data: take1 }, { width: W, height: H, data: take2 }, 1).stats;
    await page.waitForFunction((max) => document.querySelector('[data-testid=viewer-caption]')?.textContent?.includes(`largest difference ${max} levels`), want.max);
    expect(await page.textContent('[data-testid=viewer-caption]')).toContain(`${(want.changed * 100).toFixed(1)} % of pixels changed`);
    await page.click('[data-testid=viewer-close]');
  });

  it('a purged take leaves the project and stays in the ledger as purged', async () => {
    const { page } = app;
    await closeNotices();
    await page.click('[data-testid=takes] [data-take="1"] [data-testid=take-purge]');
    await page.waitForSelector('[data-testid=takes] [data-take="1"][data-state=purged]');
    const r = await inApp(page, async (h) => {
      const p = h.projectStore.getState().project;
      const layer = p.scenes[h.projectStore.getState().activeSceneId].objects.layer_takes_e2e;
      return { last: p.ledger[p.ledger.length - 1].kind, chain: (await h.disclosure.verify()).ok, takes: layer.takes.map((t: any) => [t.n, t.purged]) };
    });
    expect(r).toEqual({ last: 'take-purge', chain: true, takes: [[1, true], [2, false]] });
    expect(app.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
