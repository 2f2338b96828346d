// Review end to end in Chromium: an effect result lands with its signed record → the review panel lists it as
// draft with its flags and the viewport labels it → reviewers approve it (two roles, as a likeness layer needs)
// → consent recorded through the consent panel clears it → a re-run sends it back to submitted → a deliverable
// export through the real export panel is refused, naming the layer and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { drawOnDemand, inApp, openApp, type App } from './harness';

let app: App;

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1600, height: 1000 } });
  // the review queue is judged here, not the viewport: it draws on demand, so the layers' jobs get the machine
  await drawOnDemand(app.page);
  // the machine is shared by many test runs at once: wait on conditions generously, never on sleeps
  app.page.setDefaultTimeout(120_000);
});

afterAll(async () => {
  await app?.close();
});

/** Adds a plate of a real person and commits a finished de-age result on it through commitEffectRun. */
async function runEffect(run: number): Promise<string> {
  return app.page.evaluate(async (run: number) => {
    const h = (globalThis as any).__previs;
    const hex = async (s: string) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const store = h.projectStore.getState();
    const sceneId = store.activeSceneId;
    const plateId = 'plate_e2e';
    if (!store.project.scenes[sceneId].objects[plateId]) {
      const plate = {
        id: plateId, name: 'Jo close-up', parentId: null, transform: { position: [0, 1.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
        visible: true, locked: false, type: 'plate', assetId: await hex('plate bytes'), mediaKind: 'image', widthPx: 512, heightPx: 512,
        frameCount: 1, fps: 24, rights: 'owned', depictsPerson: true, performerName: 'Jo Performer',
      };
      store.execute('Add plate', (p: any) => ({ ...p, scenes: { ...p.scenes, [sceneId]: { ...p.scenes[sceneId], objects: { ...p.scenes[sceneId].objects, [plateId]: plate } } } }));
    }
    const out = await hex(`de-aged output, run ${run}`);
    const layer = {
      id: 'layer_deage_e2e', name: 'Jo de-aged', parentId: null, transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
      visible: true, locked: false, type: 'effectLayer', effect: 'deage', targetIds: [plateId], params: { yearsYounger: 10 + run }, seed: run,
      models: [{ id: 'deage-procedural', version: '1.0.0', sha256: await hex('graph'), license: 'MIT', kind: 'procedural' }],
      status: 'done', inputHashes: {}, output: { assetId: out, contentHash: out },
      runReport: { backend: 'wasm', adapter: null, fallbackReason: null, timingsMs: { total: 40 }, peakMemoryBytes: null, softwareVersion: '0.1.0', startedAt: new Date().toISOString() },
      frameRange: null, intendedUse: 'may-reach-final', thirdPartyIp: false, consentId: h.projectStore.getState().project.scenes[sceneId].objects.layer_deage_e2e?.consentId ?? null,
      runCount: 0, altersLikeness: true,
    };
    await h.disclosure.enrolAs('Ada Artist', ['artist']);
    await h.disclosure.commitEffectRun({ sceneId, layer, label: 'De-age plate' });
    return layer.id;
  }, run);
}

const card = '[data-testid=review-layer][data-layer-id=layer_deage_e2e]';
const stateIs = (s: string) => app.page.waitForSelector(`${card}[data-state=${s}]`, { timeout: 120_000 });

/** Becomes a studio member with this one role (enrolled through the real request → certificate steps), then acts. */
async function actAs(name: string, role: string, action: string) {
  const p = app.page;
  await p.evaluate(([n, r]) => (globalThis as any).__previs.disclosure.enrolAs(n, [r]), [name, role] as const);
  await p.waitForFunction((n) => document.querySelector('[data-testid=identity]')?.textContent?.includes(n), name);
  await p.click(`${card} [data-action=${action}]:not([disabled])`);
}

describe('burned-in labels', () => {
  it('draws a readable label next to its anchor in a preview frame (real pixels)', async () => {
    const W = 640;
    const H = 360;
    const b64 = await app.page.evaluate(
      ({ W, H }) => (globalThis as any).__previs.disclosure.burnIn([{ text: 'AI-GENERATED · PENDING REVIEW', x: 400, y: 250 }, { text: 'AI-GENERATED · UNDISCLOSED' }], W, H),
      { W, H },
    );
    const px = Buffer.from(b64, 'base64');
    const at = (x: number, y: number) => [...px.subarray((y * W + x) * 4, (y * W + x) * 4 + 3)] as [number, number, number];
    const classify = (x0: number, y0: number, x1: number, y1: number) => {
      let dark = 0, amber = 0, red = 0, white = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
        const [r, g, b] = at(x, y);
        if (r < 80 && g < 80 && b < 80) dark++; // the box is 82 % opaque over white
        else if (r > 200 && g > 150 && b < 110) amber++;
        else if (r > 200 && g < 110 && b < 100) red++;
        else if (r > 245 && g > 245 && b > 245) white++;
      }
      return { dark, amber, red, white };
    };
    // anchored label: a dark box with amber lettering and a red rule, just above the anchor point
    const near = classify(250, 190, 550, 250);
    expect(near.dark).toBeGreaterThan(1500);
    expect(near.amber).toBeGreaterThan(150);
    expect(near.red).toBeGreaterThan(100);
    // unanchored label: stacked in the top-left corner
    const corner = classify(0, 0, 300, 30);
    expect(corner.dark).toBeGreaterThan(1500);
    expect(corner.amber).toBeGreaterThan(100);
    // the rest of the frame is untouched
    expect(classify(0, 300, 640, 360).white).toBe(640 * 60);
  });
});

describe('review workflow', { timeout: 400_000 }, () => {
  it('a new effect layer shows as draft with its flags, and is labelled in the viewport', async () => {
    await runEffect(1);
    await app.page.click('button[data-panel=review]');
    await stateIs('draft');
    const flags = await app.page.$$eval(`${card} [data-flag]`, (els) => els.map((e) => e.getAttribute('data-flag')));
    expect(flags).toEqual(expect.arrayContaining(['likeness', 'personalData', 'mayReachFinal']));
    expect(await app.page.textContent(`${card} [data-testid=consent-status]`)).toMatch(/needs consent/);
    const label = await app.page.waitForSelector('[data-testid=ai-label][data-layer-id=layer_deage_e2e]');
    expect(await label.textContent()).toBe('AI-GENERATED · PENDING REVIEW · NEEDS CONSENT');
    expect(await label.isVisible()).toBe(true);
    expect(await app.page.textContent('[data-testid=chain-status]')).toMatch(/chain verified/);
    // the inspector of the selected layer says the same, and holds its declarations
    await app.page.click(`${card} .review-title .link`);
    await app.page.click('button[data-panel=inspector]');
    expect(await app.page.textContent('[data-testid=inspector-disclosure]')).toMatch(/Review: draft · run 1/);
    await app.page.click('button[data-panel=review]');
  });

  it('is approved by the supervisor and legal, each signing with their own key', async () => {
    await actAs('Ada Artist', 'artist', 'submit');
    await stateIs('submitted');
    await actAs('Sam Supervisor', 'vfx-supervisor', 'approve');
    await app.page.waitForSelector(`${card} >> text=awaiting approval by legal`);
    await stateIs('submitted');
    await actAs('Lee Legal', 'legal', 'approve');
    await stateIs('approved');
    const history = await app.page.$$eval(`${card} .review-history li`, (els) => els.map((e) => e.textContent ?? ''));
    expect(history.some((t) => /approve: submitted → approved.*Lee Legal \(legal\)/.test(t))).toBe(true);
    // each signer entered their member certificate in the ledger; the approvals name the certificates
    const keys = await inApp(app.page, async (h) => Object.values((await h.disclosure.verify()).keys).map((k: any) => k.holder));
    expect([...new Set(keys)].sort()).toEqual(['Ada Artist', 'Lee Legal', 'Sam Supervisor']);
    expect(await app.page.textContent(`${card} [data-testid=approvals]`)).toMatch(/Sam Supervisor \(vfx-supervisor, certificate [0-9a-f]{8}…\), Lee Legal \(legal, certificate [0-9a-f]{8}…\)/);
    // each private key sits in IndexedDB as a non-extractable CryptoKey: usable for signing, never readable
    const stored = await app.page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('previs-sandbox');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const all: any[] = await new Promise((res, rej) => {
        const r = db.transaction('keys').objectStore('keys').getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const out = [];
      for (const k of all.filter((x) => x?.keyPair)) {
        let exported = true;
        try {
          await crypto.subtle.exportKey('jwk', k.keyPair.privateKey);
        } catch {
          exported = false;
        }
        out.push({ holder: k.holder, extractable: k.keyPair.privateKey.extractable, exported, type: k.keyPair.privateKey.type });
      }
      return out;
    });
    // the device key of this browser's member and the studio root key of its administrator
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const k of stored) expect(k).toMatchObject({ extractable: false, exported: false, type: 'private' });
    // still labelled until consent is recorded
    const label = await app.page.textContent('[data-testid=ai-label][data-layer-id=layer_deage_e2e]');
    expect(label).toBe('AI-GENERATED · NEEDS CONSENT');
  });

  it('consent recorded in the consent panel clears it for a deliverable', async () => {
    const p = app.page;
    await p.click('button[data-panel=consent]');
    await p.click('text=New consent record…');
    await p.fill('[aria-label="intended use"]', 'De-age Jo by about ten years for the flashback shots of this film');
    await p.fill('[aria-label="signed date"]', '2026-11-01');
    await p.setInputFiles('[aria-label="signed document"]', { name: 'consent.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 signed consent') });
    await p.waitForSelector('text=attached consent.pdf');
    await p.click('[data-testid=record-consent]');
    await p.waitForSelector('[data-testid=consent-item]');
    expect(await p.textContent('[data-testid=consent-item]')).toMatch(/Jo Performer · de-aging/);
    await p.waitForFunction(() => !document.querySelector('[data-testid=ai-label][data-layer-id=layer_deage_e2e]'));
    await p.click('button[data-panel=review]');
    await p.click('[data-testid=check-deliverable]');
    await p.waitForSelector('[data-testid=gate-result][data-ok=true]');
  });

  it('a re-run makes a new take: back to submitted, labelled again; take 1 keeps its approval', async () => {
    await runEffect(2);
    await stateIs('submitted');
    const label = await app.page.waitForSelector('[data-testid=ai-label][data-layer-id=layer_deage_e2e]');
    expect(await label.textContent()).toBe('AI-GENERATED · PENDING REVIEW');
    const history = await app.page.$$eval(`${card} .review-history li`, (els) => els.map((e) => e.textContent ?? ''));
    expect(history.some((t) => /take 2: .* take 1 keeps its review \(approved/.test(t))).toBe(true);
  });

  it('a deliverable export is refused, naming the layer and the reason', async () => {
    const p = app.page;
    await p.click('button[data-panel=export]');
    await p.check('[data-testid=purpose-deliverable]');
    await p.click('[data-testid=export-start]');
    const refused = await p.waitForSelector('[data-testid=export-refused]', { timeout: 180_000 });
    const text = (await refused.textContent()) ?? '';
    expect(text).toMatch(/Deliverable export refused/);
    const reasons = await p.$$eval('[data-testid=export-refused] [data-refused-layer=layer_deage_e2e] li', (els) => els.map((e) => e.textContent ?? ''));
    expect(reasons.some((r) => /^review is submitted \(awaiting approval by vfx-supervisor, legal\)/.test(r))).toBe(true);
    // and the ledger still verifies after the whole session
    const ok = await inApp(app.page, async (h) => (await h.disclosure.verify()).ok);
    expect(ok).toBe(true);
    expect(app.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    if (process.env.REVIEW_SHOT) {
      await p.click('button[data-panel=review]');
      await p.screenshot({ path: process.env.REVIEW_SHOT });
    }
  });
});

describe('a real effect run', () => {
  it('a de-age run through its panel lands in the review queue as draft, flagged, with its output as thumbnail', async () => {
    const p = app.page;
    await p.click('button[data-panel=deage]');
    await p.setInputFiles('[data-testid=plate-file]', resolve('tests/fixtures/faces/astronaut.png'));
    await p.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate' && o.widthPx === 512);
    }, undefined, { timeout: 120_000 });
    await p.click('[data-testid=deage-run]');
    const layerId = (await (
      await p.waitForFunction(() => {
        const s = (globalThis as any).__previs.projectStore.getState();
        const l = Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'effectLayer' && o.effect === 'deage' && o.id !== 'layer_deage_e2e' && o.status === 'done') as any;
        return l?.id ?? null;
      }, undefined, { timeout: 420_000 })
    ).jsonValue()) as string;
    await p.click('button[data-panel=review]');
    const real = `[data-testid=review-layer][data-layer-id="${layerId}"]`;
    await p.waitForSelector(`${real}[data-state=draft]`);
    const flags = await p.$$eval(`${real} [data-flag]`, (els) => els.map((e) => e.getAttribute('data-flag')));
    expect(flags).toEqual(expect.arrayContaining(['likeness', 'personalData']));
    // the thumbnail is the de-aged output itself, decoded from the asset store
    await p.waitForFunction((sel) => {
      const img = document.querySelector(`${sel} img.review-thumb`) as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth === 512;
    }, real, { timeout: 120_000 });
    const record = await inApp(p, (h) => {
      const ledger = h.projectStore.getState().project.ledger;
      return ledger[ledger.length - 1].payload;
    });
    expect(record.layerId).toBe(layerId);
    expect(record.operation).toMatchObject({ effect: 'deage', action: 'c2pa.edited' });
    expect(record.inputs[0]).toMatchObject({ relationship: 'parentOf', likeness: true });
    expect(record.models.map((m: any) => m.id)).toContain('deage-procedural');
    expect(await p.textContent('[data-testid=chain-status]')).toMatch(/chain verified/);
  }, 480_000);
});
