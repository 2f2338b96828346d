// Handles, not numbers, in Chromium: a selected collapse layer shows a ball at its impact point and an arrow
// for its direction in the viewport. Dragging the ball with the mouse onto the ground moves the layer's
// impactPoint to the ground point under the mouse (in the building's frame) in ONE undo step, the panel's
// numbers follow, and one undo restores it; dragging the arrow's tip turns impactDirection, also one step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 860 } });
});
afterAll(async () => {
  await app?.close();
});

const paramsOf = (page: App['page']) =>
  inApp(page, (h) => {
    const s = h.projectStore.getState();
    const l = s.project.scenes[s.activeSceneId].objects.blow;
    return { point: l.params.impactPoint as number[], direction: l.params.impactDirection as number[], steps: s.history.past.length as number };
  });

/** Client coordinates of a handle's centre (`point` or `tip`). */
const handleOnScreen = (page: App['page'], which: 'point' | 'tip') =>
  page.evaluate((which) => {
    const h = (globalThis as any).__previs;
    const o = h.collapseHandles[which];
    if (!o) return null;
    const st = h.viewport.get();
    o.updateWorldMatrix(true, false);
    const v = o.getWorldPosition(st.camera.position.clone()).project(st.camera);
    const r = st.gl.domElement.getBoundingClientRect();
    return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
  }, which);

async function drag(page: App['page'], from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.mouse.up();
}

describe('collapse handles', () => {
  it('drag the impact ball and the direction arrow: one undo step each, panel follows, undo restores', async () => {
    const { page } = app;
    // one building turned 90° at (4, 0, −2) and an unrun collapse layer on it, selected; a view from the front
    await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      const t = { position: [4, 0, -2], rotation: [0, Math.PI / 2, 0], scale: [1, 1, 1] };
      const building = { ...p.scenes[sid].objects.bldg_corner, id: 'b1', name: 'Target', transform: t };
      const layer = {
        id: 'blow', name: 'Target collapse', parentId: null, transform: t, visible: true, locked: false, type: 'effectLayer', effect: 'collapse',
        targetIds: ['b1'], params: { ...h.collapse.defaultCollapseParams(), impactPoint: [0, 2, 5], impactDirection: [0, 0, -1] }, seed: 1, models: [],
        status: 'idle', inputHashes: {}, output: null, runReport: null, frameRange: null, intendedUse: 'previs-only', thirdPartyIp: false, consentId: null, runCount: 0,
      };
      st.load({ ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], objects: { b1: building, blow: layer }, shots: {}, shotOrder: [], tracks: {} } } });
      h.editorStore.getState().setViewMode('perspective');
    });
    await page.click('button[data-panel=collapse]');
    await inApp(page, (h) => h.editorStore.getState().select(['blow']));
    await page.waitForFunction(() => !!(globalThis as any).__previs.viewport.get().controls);
    await page.evaluate(() => {
      const st = (globalThis as any).__previs.viewport.get();
      st.camera.position.set(22, 14, 16);
      st.controls.target.set(4, 1, -2);
      st.controls.update();
    });
    await page.waitForFunction(() => (globalThis as any).__previs.collapseHandles.layerId === 'blow');
    const n0 = await inApp(page, (h) => h.frameStats.frames as number);
    await page.waitForFunction((n) => (globalThis as any).__previs.frameStats.frames > n + 2, n0);
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notices .notice button').forEach((b) => b.click()));

    const before = await paramsOf(page);
    const from = (await handleOnScreen(page, 'point'))!;
    // the layer is in the building's frame: its local (0, 2, 5) is world (9, 2, −2)
    // drop it on open ground in front of the building, below and to the left of where it was
    const to = { x: from.x - 140, y: from.y + 120 };
    const ground = await page.evaluate((to) => {
      const st = (globalThis as any).__previs.viewport.get();
      const r = st.gl.domElement.getBoundingClientRect();
      const eye = st.camera.position.clone();
      const dir = eye.clone().set(((to.x - r.left) / r.width) * 2 - 1, 1 - ((to.y - r.top) / r.height) * 2, 0.5).unproject(st.camera).sub(eye).normalize();
      const t = -eye.y / dir.y;
      // world → the layer's frame (turned 90° about y at (4, 0, −2)): local x = −(z + 2), local z = x − 4
      const wx = eye.x + dir.x * t;
      const wz = eye.z + dir.z * t;
      return [-(wz + 2), 0, wx - 4];
    }, to);
    await drag(page, from, to);
    const moved = await paramsOf(page);
    console.log(`impact point ${JSON.stringify(before.point)} → ${JSON.stringify(moved.point)}; ground under the mouse (layer frame) ${JSON.stringify(ground.map((v) => +v.toFixed(2)))}`);
    expect(moved.steps).toBe(before.steps + 1);
    expect(Math.hypot(moved.point[0]! - ground[0]!, moved.point[1]!, moved.point[2]! - ground[2]!)).toBeLessThan(0.1);
    expect(Math.hypot(moved.point[0]! - before.point[0]!, moved.point[2]! - before.point[2]!)).toBeGreaterThan(1);
    // the panel's numbers are the layer's
    const shown = await page.$$eval('[data-testid=collapse-impact-point] input', (els) => els.map((e) => Number((e as HTMLInputElement).value)));
    expect(shown).toEqual(moved.point);
    expect((await inApp(page, (h) => h.projectStore.getState().history.past.at(-1).label)) as string).toMatch(/^Move impact of Target collapse/);

    // one undo puts it back
    await inApp(page, (h) => h.projectStore.getState().undo());
    const undone = await paramsOf(page);
    expect(undone.point).toEqual(before.point);
    expect(undone.steps).toBe(before.steps);
    await page.waitForFunction((want) => {
      const els = document.querySelectorAll<HTMLInputElement>('[data-testid=collapse-impact-point] input');
      return els.length === 3 && [...els].every((e, i) => Number(e.value) === want[i]);
    }, before.point);

    // the arrow's tip, dragged upwards on screen: the blow now points up, still unit length; one step
    const n1 = await inApp(page, (h) => h.frameStats.frames as number);
    await page.waitForFunction((n) => (globalThis as any).__previs.frameStats.frames > n + 1, n1);
    const tipAt = (await handleOnScreen(page, 'tip'))!;
    await drag(page, tipAt, { x: tipAt.x, y: tipAt.y - 150 });
    const aimed = await paramsOf(page);
    console.log(`direction ${JSON.stringify(before.direction)} → ${JSON.stringify(aimed.direction)}`);
    expect(aimed.steps).toBe(before.steps + 1);
    expect(aimed.direction[1]!).toBeGreaterThan(0.3);
    expect(Math.hypot(...(aimed.direction as [number, number, number]))).toBeCloseTo(1, 1);
    expect(aimed.point).toEqual(before.point);
    await inApp(page, (h) => h.projectStore.getState().undo());
    expect((await paramsOf(page)).direction).toEqual(before.direction);
  });
});
