// Building collapse, end to end in the built app: a demo building is collapsed through the effect (worker,
// Rapier, bake stored as an asset, layer + disclosure record), the shot is played: frames before the trigger
// are pixel-identical to the uncollapsed scene, frames after show the building gone from where it stood and
// rubble on the ground; debris is stepped by the ONNX graph; undo removes the layer and the building returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inApp, canvasPixels, type App } from './harness';
import { changed, openCollapseStage, type CollapseStage } from './collapseStage';

let app: App;
let stage: CollapseStage;
const OUT = resolve('.tmp/e2e-collapse');
const TRIGGER = 12;
/** every end-of-shot picture is taken at this one frame (the demo's cameras and actors move, so pictures of
 * different frames differ for reasons that have nothing to do with the collapse); the bake holds its last pose */
const END = TRIGGER + 60;
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

/**
 * RGBA of a still of shot 1 at `frame`, through the storyboard/animatic still renderer, with its camera put
 * where the viewport's camera stands (which sees the target building) in a copy of the project.
 */
async function shotStill(frame: number): Promise<{ w: number; data: Uint8Array }> {
  const still = await app.page.evaluate(async (f) => {
    const h = (globalThis as any).__previs;
    const s = h.projectStore.getState();
    const project = structuredClone(s.project);
    const scene = project.scenes[s.activeSceneId];
    const shotId = scene.shotOrder[0];
    const camId = scene.shots[shotId].cameraId;
    const { camera } = h.viewport.get();
    scene.objects[camId].transform.position = camera.position.toArray();
    scene.objects[camId].transform.rotation = [camera.rotation.x, camera.rotation.y, camera.rotation.z];
    for (const [k, t] of Object.entries(scene.tracks) as [string, any][]) if (t.targetId === camId) delete scene.tracks[k];
    const png: Uint8Array = await h.animatic.renderShotStill(project, shotId, f, { width: 480 });
    const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    return { w: bmp.width, data: Array.from(g.getImageData(0, 0, bmp.width, bmp.height).data) };
  }, frame);
  return { w: still.w, data: Uint8Array.from(still.data) };
}

describe('building collapse', () => {
  it('the panel runs a collapse with progress and cancels it without adding anything', async () => {
    const { page } = app;
    const id = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const b = (Object.values(s.project.scenes[s.activeSceneId].objects) as any[]).filter((o) => o.type === 'building').sort((a, b) => a.floors - b.floors)[0];
      h.editorStore.getState().select([b.id]);
      return b.id as string;
    });
    expect(id).toBeTruthy();
    await page.click('button[data-panel=collapse]');
    await page.getByTestId('collapse-panel').waitFor();
    const objectsBefore = await inApp(page, (h) => Object.keys(h.projectStore.getState().project.scenes[h.projectStore.getState().activeSceneId].objects).length as number);
    // a bad value is refused with a message, nothing runs
    await page.getByTestId('collapse-fragments').fill('3');
    await page.getByTestId('collapse-run').click();
    await page.waitForFunction(() => (globalThis as any).__previs.editorStore.getState().notices.some((n: any) => n.level === 'error' && /fragmentCount/.test(n.text)));
    await page.getByTestId('collapse-fragments').fill('200');
    await page.getByTestId('collapse-run').click();
    await page.getByTestId('collapse-progress').waitFor();
    await page.getByTestId('collapse-cancel').click();
    await page.getByTestId('collapse-run').waitFor({ timeout: 60_000 });
    const after = await inApp(page, (h) => ({
      objects: Object.keys(h.projectStore.getState().project.scenes[h.projectStore.getState().activeSceneId].objects).length as number,
      cancelled: h.editorStore.getState().notices.some((n: any) => /cancelled/.test(n.text)),
    }));
    expect(after.objects).toBe(objectsBefore);
    expect(after.cancelled).toBe(true);
    await inApp(page, (h) => h.editorStore.getState().select([]));
  }, 300_000);

  it('collapses a demo building, plays it, and undoes it', async () => {
    const { page } = app;
    // the smallest demo building that the default view sees, and where its upper storeys and base sit on screen
    const target = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const objs = Object.values(s.project.scenes[s.activeSceneId].objects) as any[];
      const { scene, camera, gl } = h.viewport.get();
      const w = gl.domElement.width, hgt = gl.domElement.height;
      const toScreen = (node: any, x: number, y: number, z: number) => {
        const v = node.position.clone().set(x, y, z);
        node.localToWorld(v);
        v.project(camera);
        return { x: ((v.x + 1) / 2) * w, y: ((1 - v.y) / 2) * hgt, inside: Math.abs(v.x) < 0.9 && Math.abs(v.y) < 0.9 && v.z < 1 };
      };
      const rect = (pts: { x: number; y: number }[]) => ({
        x0: Math.min(...pts.map((p) => p.x)), x1: Math.max(...pts.map((p) => p.x)), y0: Math.min(...pts.map((p) => p.y)), y1: Math.max(...pts.map((p) => p.y)),
      });
      const found = objs
        .filter((o) => o.type === 'building')
        .map((b) => {
          const node = scene.getObjectByName(b.id);
          const H = b.floors * b.floorHeight, W = b.footprint.width / 2, D = b.footprint.depth / 2;
          const corners = (y0: number, y1: number) => [y0, y1].flatMap((y) => [[-W, -D], [W, -D], [W, D], [-W, D]].map(([x, z]) => toScreen(node, x!, y, z!)));
          const top = corners(0.6 * H, H);
          return { id: b.id, H, floors: b.floors, depth: b.footprint.depth, visible: top.every((p) => p.inside), top: rect(top), base: rect(corners(0, 0.3 * H)), w };
        })
        .filter((b) => b.visible)
        .sort((a, b) => a.floors - b.floors);
      return found[0] ?? null;
    });
    expect(target, 'a demo building in view').not.toBeNull();
    const t = target!;

    // the uncollapsed scene at a frame before the trigger and at the end of the shot
    await at(TRIGGER - 2);
    const before = await canvasPixels(page);
    await at(END);
    const endIntact = await canvasPixels(page);
    await save('intact-end');
    const stillIntact = await shotStill(END);

    const historyBefore = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    const layer = await page.evaluate(
      async ({ id, trigger, depth }) => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const building = s.project.scenes[s.activeSceneId].objects[id];
        const params = {
          ...h.collapse.defaultCollapseParams(trigger),
          duration: 2,
          fragmentCount: 250,
          particleCount: 50_000,
          impactPoint: [0, 1.5, depth / 2],
          impactRadius: 2.5,
          strength: 16,
        };
        const l = await h.collapse.runCollapseEffect({ sceneId: s.activeSceneId, building, params, seed: 7 });
        return { id: l.id, hash: l.output.contentHash, frames: l.frameRange, effect: l.effect, fragments: l.params.fragments };
      },
      { id: t.id, trigger: TRIGGER, depth: t.depth },
    );
    expect(layer.effect).toBe('collapse');
    expect(layer.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(layer.frames.start).toBe(TRIGGER);
    const record = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.ledger.filter((e: any) => e.kind === 'disclosure').length as number;
    });
    expect(record).toBeGreaterThan(0);

    // before the trigger: exactly the uncollapsed scene
    await at(TRIGGER - 2);
    await frames(4);
    const beforeAfterRun = await canvasPixels(page);
    await save('before-trigger-after-run');
    const notices = await inApp(page, (h) => h.editorStore.getState().notices.map((n: any) => `${n.level}: ${n.text}`));
    expect([beforeAfterRun.width, beforeAfterRun.height], `viewport size (notices: ${notices.join(' | ')})`).toEqual([before.width, before.height]);
    expect(changed(before.data, beforeAfterRun.data, before.width).mean).toBeLessThan(0.5);

    // after: the fragments are drawn, the intact building is hidden, the debris has been stepped
    await at(END);
    const lastBakeFrame = Math.min(END - TRIGGER, layer.frames.end - layer.frames.start);
    await page.waitForFunction((f) => (globalThis as any).__previs.collapse.debrisStatus.frame === f, lastBakeFrame, { timeout: 120_000 });
    await frames(4);
    const after = await canvasPixels(page);
    await save('collapsed-end');
    const debris = await inApp(page, (h) => ({ ...h.collapse.debrisStatus }));
    expect(debris.live).toBeGreaterThanOrEqual(50_000);
    expect(debris.backend).toMatch(/wasm|webgpu/);
    // where the upper storeys stood, the picture changed (sky or the set behind shows through)…
    const top = changed(endIntact.data, after.data, after.width, t.top);
    expect(top.frac).toBeGreaterThan(0.3);
    // …and the ground around the base holds rubble: fragments are drawn there and the fragments sit low
    const base = changed(endIntact.data, after.data, after.width, { ...t.base, x0: t.base.x0 - 40, x1: t.base.x1 + 40 });
    expect(base.frac).toBeGreaterThan(0.05);
    const low = await page.evaluate(async (id) => {
      const h = (globalThis as any).__previs;
      const { scene } = h.viewport.get();
      const node = scene.getObjectByName(id);
      let batches = 0, visibleBuilding = false;
      node?.traverse((o: any) => {
        if (o.isBatchedMesh && o.visible) batches++;
      });
      return { batches, visibleBuilding };
    }, layer.id);
    expect(low.batches).toBeGreaterThan(0);

    // stills and animatic frames draw frames the playhead never visits: with the playhead parked before the
    // trigger, a still of the end frame still shows the collapse, as one rendered with the playhead there does
    const stillLive = await shotStill(END);
    await at(TRIGGER - 2);
    const stillParked = await shotStill(END);
    expect(changed(stillIntact.data, stillLive.data, stillLive.w).frac, 'the still shows the collapse').toBeGreaterThan(0.02);
    expect(changed(stillLive.data, stillParked.data, stillLive.w).mean, 'parked vs live playhead').toBeLessThan(1);

    // one undo removes the layer (the bake asset entry is its own, earlier step) and the building stands again
    const undo = await stage.undoLayer(layer.id, historyBefore, END);
    expect(undo.steps).toBeLessThanOrEqual(2);
    expect(undo.gone).toBe(true);
    expect(changed(endIntact.data, undo.picture.data, undo.picture.width).mean).toBeLessThan(0.5);
  }, 600_000);
});
