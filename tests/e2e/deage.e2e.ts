// De-age in Chromium: import a plate through the panel's file input, run the effect (worker, runtime,
// procedural graph), check the wipe shows the plate left of the line and the de-aged output right of it,
// that the layer came with its disclosure record, and that one undo removes the layer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { inApp, openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1500, height: 950 } });
});
afterAll(async () => {
  await app?.close();
});

const deageLayers = (page: App['page']) =>
  inApp(page, (h) => {
    const s = h.projectStore.getState();
    return Object.values(s.project.scenes[s.activeSceneId].objects).filter((o: any) => o.type === 'effectLayer' && o.effect === 'deage') as any[];
  });

describe('de-age effect in Chromium', () => {
  it('imports a plate, runs de-age, shows both in the wipe, and undo removes the layer', async () => {
    const { page } = app;
    await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', resolve('tests/fixtures/faces/astronaut.png'));
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate' && o.widthPx === 512);
    }, undefined, { timeout: 30_000 });
    const ledgerBefore = await inApp(page, (h) => h.projectStore.getState().project.ledger.length);

    await page.click('[data-testid=deage-run]');
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer' && o.effect === 'deage' && o.status === 'done');
    }, undefined, { timeout: 360_000 });
    const [layer] = await deageLayers(page);
    console.log(`de-age run report: ${JSON.stringify(layer.runReport)}`);
    expect(layer.targetIds).toHaveLength(1);
    expect(layer.models.map((m: any) => m.id)).toEqual(['mediapipe.blazeface-front-128', 'facemesh', 'deage-procedural']);
    expect(layer.output.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(layer.runReport.backend).toMatch(/wasm|webgpu/);
    const plateHash = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return (Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'plate') as any).assetId;
    });
    expect(layer.inputHashes[layer.targetIds[0]]).toBe(plateHash);
    // the layer and its signed disclosure record arrived together
    expect(await inApp(page, (h) => h.projectStore.getState().project.ledger.length)).toBeGreaterThan(ledgerBefore);

    await page.waitForSelector('[data-testid=deage-review][data-ready=yes]', { timeout: 60_000 });
    const check = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const objs = Object.values(s.project.scenes[s.activeSceneId].objects) as any[];
      const plate = objs.find((o) => o.type === 'plate');
      const layer = objs.find((o) => o.type === 'effectLayer');
      const before = await h.deage.assetFrame(plate.assetId, 0);
      const after = await h.deage.assetFrame(layer.output.assetId, 0);
      const canvas = document.querySelector('[data-testid=deage-canvas]') as HTMLCanvasElement;
      const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const wipe = Number((document.querySelector('[data-testid=deage-review]') as HTMLElement).dataset.wipe);
      const split = Math.round(wipe * canvas.width);
      const [x0, y0, x1, y1] = layer.params.bounds;
      const r = { split, width: canvas.width, leftWrong: 0, rightWrong: 0, leftChangedPixels: 0, rightChangedPixels: 0 };
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          if (x >= split - 1 && x <= split) continue; // the wipe line
          const i = (y * canvas.width + x) * 4;
          const want = x < split ? before.data : after.data;
          const changed = [0, 1, 2].some((c) => before.data[i + c] !== after.data[i + c]);
          const wrong = [0, 1, 2].some((c) => img[i + c] !== want[i + c]);
          if (x < split) {
            r.leftWrong += wrong ? 1 : 0;
            r.leftChangedPixels += changed ? 1 : 0;
          } else {
            r.rightWrong += wrong ? 1 : 0;
            r.rightChangedPixels += changed ? 1 : 0;
          }
        }
      return r;
    });
    // left of the line is the plate, right of it the de-aged output, and both sides cross the changed face
    expect(check.width).toBe(512);
    expect(check.leftWrong).toBe(0);
    expect(check.rightWrong).toBe(0);
    expect(check.leftChangedPixels).toBeGreaterThan(500);
    expect(check.rightChangedPixels).toBeGreaterThan(500);

    // one undo takes the layer (and its record) away; the plate stays
    await page.click('[data-testid=viewport]', { position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return !Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer');
    }, undefined, { timeout: 10_000 });
    expect(await inApp(page, (h) => h.projectStore.getState().project.ledger.length)).toBe(ledgerBefore);
    expect(await inApp(page, (h) => Object.values(h.projectStore.getState().project.scenes[h.projectStore.getState().activeSceneId].objects).some((o: any) => o.type === 'plate'))).toBe(true);

    // nothing left the app's own origin
    expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  }, 480_000);
});
