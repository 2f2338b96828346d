// Preview renders (storyboard stills, thumbnails, animatic frames) in the built app, judged by their pixels:
// - editor feedback (the amber selection tint, the move gizmo) never reaches a rendered frame;
// - every unapproved generated layer carries its burnt-in label ("AI-GENERATED · PENDING REVIEW") in a
//   still and in the decoded animatic, and an approved one does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApp, type App } from './harness';
import { enrolRenderNode } from './renderNode';
import { buildTestProject } from '../../src/core/export/bindProject.testutil';
import type { Project } from '../../src/core/document';

const OUT = resolve('.tmp/e2e-preview');

let app: App;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await openApp({ viewport: { width: 1100, height: 760 } });
});
afterAll(async () => {
  await app?.close();
});

/** RGBA of a still rendered through the app's still renderer (the thumbnail and storyboard path). */
async function still(width: number, frame?: number): Promise<{ w: number; h: number; data: number[] }> {
  return app.page.evaluate(
    async ([width, frame]) => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const shotId = s.project.scenes[s.activeSceneId].shotOrder[0];
      const png: Uint8Array = await h.animatic.renderShotStill(s.project, shotId, frame ?? undefined, { width });
      const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      return { w: bmp.width, h: bmp.height, data: Array.from(g.getImageData(0, 0, bmp.width, bmp.height).data) };
    },
    [width, frame ?? null] as const,
  );
}

function meanAbsDiff(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
    n += 3;
  }
  return sum / n;
}

/** Pixels in the labels' colours (amber text, red rule: warm and saturated), in RGB or RGBA data. */
function labelPixels(data: ArrayLike<number>, stride: number): number {
  let n = 0;
  for (let i = 0; i < data.length; i += stride) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    if (r > 190 && b < 110 && r - b > 120 && g > 50) n++;
  }
  return n;
}

async function loadProject(p: Project): Promise<void> {
  await app.page.evaluate((p) => (globalThis as any).__previs.projectStore.getState().load(p), p as unknown as Record<string, unknown>);
  await app.page.waitForFunction(() => {
    const h = (globalThis as any).__previs;
    return !!h.viewport.get().scene.getObjectByName('bldg-1');
  }, undefined, { timeout: 60_000 });
  // labels follow the approvals as the studio authority reads them for this ledger
  await app.page.evaluate(() => (globalThis as any).__previs.disclosure.authorityReady());
}

const SELECTION_EMISSIVE = 0x7a4a00;

describe('rendered frames carry no editor feedback', () => {
  it('a still of the demo is the same with everything selected (tint, gizmo) as with nothing selected', async () => {
    const { page } = app;
    const tinted = (want: boolean) =>
      page.waitForFunction(
        ([want, hex]) => {
          let found = false;
          (globalThis as any).__previs.viewport.get().scene.traverse((o: any) => {
            const ms = Array.isArray(o.material) ? o.material : o.material ? [o.material] : [];
            for (const m of ms) if (m.emissive?.getHex() === hex) found = true;
          });
          return found === want;
        },
        [want, SELECTION_EMISSIVE] as const,
        { timeout: 60_000 },
      );
    // every object with a body: the viewport tints them amber and puts the gizmo on the first
    await page.evaluate(() => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const ids = Object.values(s.project.scenes[s.activeSceneId].objects as Record<string, { id: string; type: string }>)
        .filter((o) => ['actor', 'building', 'setPiece'].includes(o.type))
        .map((o) => o.id);
      h.editorStore.getState().select(ids);
    });
    await tinted(true);
    const selected = await still(480);
    await page.evaluate(() => (globalThis as any).__previs.editorStore.getState().select([]));
    await tinted(false);
    const clean = await still(480);
    const d = meanAbsDiff(selected.data, clean.data);
    console.log(`[preview] still with everything selected vs nothing selected: mean abs diff ${d.toFixed(3)}`);
    expect(d).toBeLessThan(0.2);

    // control: the measure sees such a tint when it is not selection feedback (the same amber, one step off)
    const control = await page.evaluate(() => {
      const h = (globalThis as any).__previs;
      const touched: any[] = [];
      h.viewport.get().scene.traverse((o: any) => {
        if (!o.isMesh) return;
        for (const m of Array.isArray(o.material) ? o.material : [o.material]) {
          if (m.emissive) {
            m.emissive.setHex(0x7a4a01);
            touched.push(m);
          }
        }
      });
      (globalThis as any).__touched = touched;
      return touched.length;
    });
    expect(control).toBeGreaterThan(0);
    const off = await still(480);
    await page.evaluate(() => {
      for (const m of (globalThis as any).__touched) m.emissive.setHex(0);
    });
    const dc = meanAbsDiff(off.data, clean.data);
    console.log(`[preview] control (buildings tinted outside the selection): mean abs diff ${dc.toFixed(3)}`);
    expect(dc).toBeGreaterThan(1);
  }, 400_000);
});

describe('disclosure labels in preview renders', () => {
  let pending: Project;
  let approved: Project;
  beforeAll(async () => {
    const t = await buildTestProject({ approved: false });
    pending = t.project;
    approved = (await buildTestProject({ approved: true, studio: t.studio })).project;
    // approvals count only for a page that holds the studio root: this one signs as an enrolled render node
    const node = await enrolRenderNode(t.studio, OUT);
    const adopted = await app.page.evaluate(([k, c, r]) => (globalThis as any).__previs.exporter.adoptMember(k, c, r, []), [node.pkcs8B64, node.certificatePem, t.studio.rootPem] as const);
    expect(adopted).toMatchObject({ ok: true });
  });

  it('a still burns in the labels of unapproved layers, next to the layer, and none once approved', async () => {
    await loadProject(pending);
    const a = await still(960, 20);
    await loadProject(approved);
    const b = await still(960, 20);
    const withLabels = labelPixels(a.data, 4);
    const without = labelPixels(b.data, 4);
    console.log(`[preview] label-coloured pixels in a 960-wide still: pending ${withLabels}, approved ${without}`);
    expect(withLabels).toBeGreaterThan(without + 300);
    // and the labels are what differs between the two stills: the rest of the picture is the same
    expect(meanAbsDiff(a.data, b.data)).toBeLessThan(12);
  }, 300_000);

  it('animatic frames carry the labels: decoded frames of a pending and an approved project', async () => {
    const decodeFrame = async (p: Project, name: string) => {
      await loadProject(p);
      const b64 = await app.page.evaluate(async () => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const scene = s.project.scenes[s.activeSceneId];
        // three frames inside both layers' ranges
        const shot = { ...scene.shots['shot-1'], in: 20, out: 23 };
        const q = { ...s.project, scenes: { ...s.project.scenes, [s.activeSceneId]: { ...scene, shots: { 'shot-1': shot } } } };
        const f = await h.animatic.renderAnimaticFile(q, { width: 960, height: 540, burnIn: false });
        let bin = '';
        for (let i = 0; i < f.bytes.length; i += 0x8000) bin += String.fromCharCode(...f.bytes.subarray(i, i + 0x8000));
        return btoa(bin);
      });
      const path = join(OUT, `${name}.mp4`);
      writeFileSync(path, Buffer.from(b64, 'base64'));
      return execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-i', path, '-vf', 'select=eq(n\\,1)', '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
        maxBuffer: 64 << 20,
      });
    };
    const a = await decodeFrame(pending, 'pending');
    const b = await decodeFrame(approved, 'approved');
    expect(a.length).toBe(960 * 540 * 3);
    const withLabels = labelPixels(a, 3);
    const without = labelPixels(b, 3);
    console.log(`[preview] label-coloured pixels in decoded animatic frame 2 (960×540): pending ${withLabels}, approved ${without}`);
    expect(withLabels).toBeGreaterThan(without + 200);
  }, 400_000);
});
