// What the multi-person review tests share: clicking as a person would (notices closed first), and a plate with
// a finished de-age layer on it, committed through the app's own effect-run path so the layer has its disclosure
// record and is ready to submit. The layer's output is a stand-in hash: these tests judge review and approval,
// not pixels.
import type { Page } from 'playwright-core';

/** Notices sit over the lower right of the panels until dismissed: dismiss them as a person would. */
export async function dismissNotices(page: Page): Promise<void> {
  await page.$$eval('.notices .notice button', (bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
}

/** Clicks as a person would: first closing the notices that sit over the panels. */
export async function press(p: Page, selector: string): Promise<void> {
  await dismissNotices(p);
  await p.click(selector);
}

export interface LayerOnPlate {
  plateB64: string;
  plate: { id: string; name: string; file: string; depictsPerson: boolean; performerName: string | null };
  layer: { id: string; name: string; thirdPartyIp: boolean; altersLikeness: boolean };
  /** what the stand-in output hash is made from */
  output: string;
}

/** Adds the plate (one undo step) and commits a finished de-age layer on it; returns the plate's asset id. */
export async function addLayerOnPlate(page: Page, spec: LayerOnPlate): Promise<string> {
  return page.evaluate(async ({ plateB64, plate: p, layer: l, output }) => {
    const h = (globalThis as any).__previs;
    const [plateId] = await h.exporter.addDocuments([{ b64: plateB64, mime: 'image/png' }]);
    const hex = async (s: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const s = h.projectStore.getState();
    const sceneId = s.activeSceneId;
    const plate = {
      id: p.id, name: p.name, parentId: null, transform: { position: [0, 1.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] }, visible: true, locked: false,
      type: 'plate', assetId: plateId, mediaKind: 'image', widthPx: 512, heightPx: 512, frameCount: 1, fps: 24, rights: 'owned', depictsPerson: p.depictsPerson, performerName: p.performerName,
    };
    s.execute('Add plate', (q: any) => ({
      ...q,
      assets: { ...q.assets, [plateId]: { id: plateId, name: p.file, mime: 'image/png', byteLength: atob(plateB64).length, kind: 'plate' } },
      scenes: { ...q.scenes, [sceneId]: { ...q.scenes[sceneId], objects: { ...q.scenes[sceneId].objects, [p.id]: plate } } },
    }));
    const out = await hex(output);
    await h.disclosure.commitEffectRun({
      sceneId, label: 'De-age plate',
      layer: {
        id: l.id, name: l.name, parentId: null, transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] }, visible: true, locked: false,
        type: 'effectLayer', effect: 'deage', targetIds: [p.id], params: { yearsYounger: 15 }, seed: 1,
        models: [{ id: 'deage-procedural', version: '1.0.0', sha256: await hex('graph'), license: 'MIT', kind: 'procedural' }],
        status: 'done', inputHashes: {}, output: { assetId: out, contentHash: out },
        runReport: { backend: 'wasm', adapter: null, fallbackReason: null, timingsMs: { total: 1 }, peakMemoryBytes: null, softwareVersion: '0.1.0', startedAt: new Date().toISOString() },
        frameRange: null, intendedUse: 'may-reach-final', thirdPartyIp: l.thirdPartyIp, consentId: null, runCount: 0, altersLikeness: l.altersLikeness,
      },
    });
    return plateId as string;
  }, spec);
}
