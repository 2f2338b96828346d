// Collapse of an imported mesh, end to end in the built app: the L-block fixture GLB is imported, set down in
// view, selected and collapsed from the Collapse panel (worker: weld, watertight check, convex decomposition,
// Voronoi fracture, Rapier, bake); the layer records the asset's geometry hash and its disclosure record cites
// it; frames before the trigger are the untouched scene, frames after show the block down as rubble on the
// ground; one undo removes the layer and the block stands again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { inApp, canvasPixels, type App } from './harness';
import { changed, openCollapseStage, type CollapseStage } from './collapseStage';
import { parseModel } from '../../src/viewport/objects/gltf';
import { soupFromModel } from '../../src/effects/collapse/view/assetSoup';
import { soupBytes } from '../../src/effects/collapse/meshSoup';

let app: App;
let stage: CollapseStage;
const OUT = resolve('.tmp/e2e-collapse-asset');
const TRIGGER = 12;
/** every end-of-shot picture is taken at this one frame (the demo's cameras and actors move); a 2 s bake at
 * 24 fps ends here, and a bake holds its last pose after its end anyway */
const END = TRIGGER + 48;
const GLB = readFileSync(resolve('tests/fixtures/models/l-block.glb'));

beforeAll(async () => {
  stage = await openCollapseStage(OUT);
  app = stage.app;
});
afterAll(async () => {
  await app?.close();
});

const frames = (n?: number) => stage.frames(n);
const at = (frame: number) => stage.at(frame);
const save = (name: string) => stage.save(name);

describe('imported mesh collapse', () => {
  it('imports the L-block, collapses it from the panel, plays it, and undoes it', async () => {
    const { page } = app;
    const assetId = await page.evaluate(async (bytes) => (globalThis as any).__previs.importModel(bytes, 'l-block.glb'), [...GLB]);
    expect(assetId).toBeTruthy();

    // set it down on open ground the camera sees whole: walk spots across the lower half of the screen and take
    // the first clear of every other object (a demo building in front would hide the rubble)
    const placed = await page.evaluate((id) => {
      const h = (globalThis as any).__previs;
      h.editorStore.getState().select([]);
      const { camera, gl } = h.viewport.get();
      const w = gl.domElement.width, hgt = gl.domElement.height;
      const s = h.projectStore.getState();
      const sid = s.activeSceneId;
      const others = (Object.values(s.project.scenes[sid].objects) as any[]).filter((o) => o.id !== id && o.type !== 'camera' && o.type !== 'light' && o.type !== 'effectLayer');
      const clear = (x: number, z: number) =>
        others.every((o) => {
          const r = o.type === 'building' ? Math.hypot(o.footprint.width, o.footprint.depth) / 2 + 5 : 5;
          return Math.hypot(o.transform.position[0] - x, o.transform.position[2] - z) > r;
        });
      const corners = (x: number, z: number, y0: number, y1: number) =>
        [y0, y1].flatMap((y) => [[-3, -2], [3, -2], [3, 2], [-3, 2]].map(([dx, dz]) => camera.position.clone().set(x + dx!, y, z + dz!).project(camera)));
      const rect = (ps: any[]) => {
        const q = ps.map((p) => ({ x: ((p.x + 1) / 2) * w, y: ((1 - p.y) / 2) * hgt }));
        return { x0: Math.min(...q.map((p) => p.x)), x1: Math.max(...q.map((p) => p.x)), y0: Math.min(...q.map((p) => p.y)), y1: Math.max(...q.map((p) => p.y)) };
      };
      for (let ny = -0.6; ny <= 0.2; ny += 0.1) {
        for (const nx of [0, 0.15, -0.15, 0.3, -0.3, 0.45, -0.45, 0.6, -0.6]) {
          const dir = camera.position.clone().set(nx, ny, 0.5).unproject(camera).sub(camera.position);
          if (dir.y >= -1e-6) continue;
          const t = -camera.position.y / dir.y;
          const x = camera.position.x + dir.x * t, z = camera.position.z + dir.z * t;
          if (!clear(x, z)) continue;
          if (!corners(x, z, 0, 7).every((p: any) => Math.abs(p.x) < 0.85 && Math.abs(p.y) < 0.85 && p.z < 1)) continue;
          h.projectStore.getState().execute('Place the block', (p: any) => {
            const sc = p.scenes[sid];
            const o = sc.objects[id];
            return { ...p, scenes: { ...p.scenes, [sid]: { ...sc, objects: { ...sc.objects, [id]: { ...o, transform: { ...o.transform, position: [x, 0, z] } } } } } };
          });
          return { x, z, top: rect(corners(x, z, 4.5, 7)), base: rect(corners(x, z, 0, 1.2)) };
        }
      }
      return null;
    }, assetId);
    expect(placed, 'a spot on the ground the camera sees').not.toBeNull();
    const spot = placed!;
    await frames(4);

    // the uncollapsed scene before the trigger and at the end of the shot
    await at(TRIGGER - 2);
    const before = await canvasPixels(page);
    await at(END);
    const endIntact = await canvasPixels(page);
    await save('intact-end');

    // the panel takes the selected asset as its target and aims the blow at it
    await page.evaluate((id) => (globalThis as any).__previs.editorStore.getState().select([id]), assetId);
    await page.click('button[data-panel=collapse]');
    await page.getByTestId('collapse-panel').waitFor();
    await page.getByTestId('collapse-asset-note').waitFor();
    expect(await page.getByTestId('collapse-panel').innerText()).toContain('l-block');
    const field = (label: string) => page.locator('label.field', { hasText: label });
    // aimed low on its front face (15 % of its 7 m height, the front at z = 2 m), once the model is read
    await page.waitForFunction(() => {
      const inputs = [...document.querySelectorAll('[data-testid=collapse-panel] label.field')].find((l) => /Impact point/.test(l.textContent ?? ''))?.querySelectorAll('input');
      return inputs?.[1]?.value === '1.05' && inputs?.[2]?.value === '2';
    });
    const historyBefore = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    await page.getByTestId('collapse-trigger').fill(String(TRIGGER));
    await page.getByTestId('collapse-fragments').fill('150');
    await field('Duration s').locator('input').fill('2');
    await field('Strength m/s').locator('input').fill('20');
    await field('Radius m').locator('input').fill('3');
    await field('Impact point').locator('input').nth(1).fill('1');
    await field('Fails first').locator('select').selectOption('toppling');
    await page.getByTestId('collapse-run').click();
    await page.getByTestId('collapse-progress').waitFor();
    await page.waitForFunction(
      (id) => {
        const s = (globalThis as any).__previs.projectStore.getState();
        return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer' && o.targetIds[0] === id);
      },
      assetId,
      { timeout: 400_000 },
    );
    const layer = await page.evaluate((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      const l: any = Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'effectLayer' && o.targetIds[0] === id);
      const ledger = JSON.stringify(s.project.ledger.filter((e: any) => e.kind === 'disclosure'));
      return { id: l.id, params: l.params, inputHashes: l.inputHashes, frames: l.frameRange, hash: l.output.contentHash, transform: l.transform, ledger };
    }, assetId);
    const notices = await inApp(page, (h) => h.editorStore.getState().notices.map((n: any) => `${n.level}: ${n.text}`));
    expect(layer.params.target, notices.join(' | ')).toBe('mesh');
    expect(layer.params.convexParts).toBe(2);
    expect(layer.params.meshTriangles).toBe(20);
    expect(layer.params.fragments).toBeGreaterThan(100);
    expect(layer.frames.start).toBe(TRIGGER);
    expect(layer.transform.position[0]).toBeCloseTo(spot.x, 6);
    // the layer's input is the geometry it fractured: the same hash computed here from the same file
    const soup = soupFromModel(await parseModel(new Uint8Array(GLB)), 1);
    const expected = createHash('sha256').update(soupBytes(soup)).digest('hex');
    expect(layer.inputHashes[assetId]).toBe(expected);
    expect(layer.ledger).toContain(expected);
    expect(layer.ledger).toContain(layer.hash);

    // before the trigger: exactly the scene without the collapse (nothing selected, as when it was taken)
    await inApp(page, (h) => h.editorStore.getState().select([]));
    await at(TRIGGER - 2);
    await frames(4);
    const beforeAfterRun = await canvasPixels(page);
    await save('before-trigger-after-run');
    expect([beforeAfterRun.width, beforeAfterRun.height]).toEqual([before.width, before.height]);
    expect(changed(before.data, beforeAfterRun.data, before.width).mean).toBeLessThan(0.5);

    // after: the block's top is gone from where it stood, and its fragments lie on the ground around the base
    await at(END);
    await frames(4);
    const after = await canvasPixels(page);
    await save('collapsed-end');
    const top = changed(endIntact.data, after.data, after.width, spot.top);
    const base = changed(endIntact.data, after.data, after.width, { ...spot.base, x0: spot.base.x0 - 40, x1: spot.base.x1 + 40 });
    expect(top.frac).toBeGreaterThan(0.3);
    expect(base.frac).toBeGreaterThan(0.05);
    const drawn = await page.evaluate((id) => {
      const { scene } = (globalThis as any).__previs.viewport.get();
      let batches = 0;
      scene.getObjectByName(id)?.traverse((o: any) => {
        if (o.isBatchedMesh && o.visible) batches++;
      });
      return batches;
    }, layer.id);
    expect(drawn).toBeGreaterThan(0);

    // one undo removes the layer (the bake asset entry is its own, earlier step) and the block stands again
    const undo = await stage.undoLayer(layer.id, historyBefore, END);
    expect(undo.steps).toBeLessThanOrEqual(2);
    expect(undo.gone).toBe(true);
    expect(changed(endIntact.data, undo.picture.data, undo.picture.width).mean).toBeLessThan(0.5);
  }, 600_000);

  it('refuses an open mesh with the reason, adding nothing', async () => {
    const { page } = app;
    // the crate with one face missing: not watertight
    const { boxesGlb } = await import('../fixtures/models/makeModels');
    const glb = boxesGlb([{ min: [-1, 0, -1], max: [1, 2, 1], colour: [0.5, 0.5, 0.5, 1] }]);
    const open = openBoxGlb(glb);
    const id = await page.evaluate(async (bytes) => (globalThis as any).__previs.importModel(bytes, 'open-box.glb'), [...open]);
    const count = () => inApp(page, (h) => Object.keys(h.projectStore.getState().project.scenes[h.projectStore.getState().activeSceneId].objects).length as number);
    const n0 = await count();
    await page.evaluate((i) => (globalThis as any).__previs.editorStore.getState().select([i]), id);
    await page.getByTestId('collapse-asset-note').waitFor();
    await page.getByTestId('collapse-fragments').fill('50');
    await page.getByTestId('collapse-run').click();
    await page.waitForFunction(() => (globalThis as any).__previs.editorStore.getState().notices.some((n: any) => n.level === 'error' && /not closed/.test(n.text)), undefined, {
      timeout: 120_000,
    });
    expect(await count()).toBe(n0);
  }, 300_000);
});

/** The box GLB with its last two triangles dropped from the index (the accessor count shrinks by 6). */
function openBoxGlb(glb: Uint8Array): Uint8Array {
  const dv = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLen = dv.getUint32(12, true);
  const text = new TextDecoder().decode(glb.subarray(20, 20 + jsonLen));
  const json = JSON.parse(text);
  json.accessors[2].count -= 6;
  let bytes = new TextEncoder().encode(JSON.stringify(json));
  const pad = (4 - (bytes.byteLength % 4)) % 4;
  bytes = Uint8Array.from([...bytes, ...new Array<number>(pad).fill(0x20)]);
  const bin = glb.subarray(20 + jsonLen);
  const out = new Uint8Array(20 + bytes.byteLength + bin.byteLength);
  const o = new DataView(out.buffer);
  o.setUint32(0, 0x46546c67, true);
  o.setUint32(4, 2, true);
  o.setUint32(8, out.byteLength, true);
  o.setUint32(12, bytes.byteLength, true);
  o.setUint32(16, 0x4e4f534a, true);
  out.set(bytes, 20);
  out.set(bin, 20 + bytes.byteLength);
  return out;
}
