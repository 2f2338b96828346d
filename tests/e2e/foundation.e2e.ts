// The foundation end to end: the demo renders, an edit made with the gizmo undoes and redoes, survives
// a reload (autosave), a corrupt file is refused with the project intact, and nothing leaves the origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, canvasPixels, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

function screenOf(page: App['page'], id: string) {
  return inApp(page, (h) => {
    // project the object's origin with the live viewport camera into page pixels
    const { camera, gl } = h.viewport.get();
    const sid = h.projectStore.getState().activeSceneId;
    const o = h.projectStore.getState().project.scenes[sid].objects[(globalThis as any).__target];
    const v = camera.position.clone().set(...o.transform.position).project(camera);
    const r = gl.domElement.getBoundingClientRect();
    return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
  }).then((p) => p as { x: number; y: number });
}

describe('foundation', () => {
  it('renders the demo street set (real pixels, not blank)', async () => {
    const px = await canvasPixels(app.page);
    const colours = new Set<number>();
    let sky = 0;
    for (let i = 0; i < px.data.length; i += 4 * 7) {
      const [r, g, b] = [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      if (Math.abs(r - 0x9d) < 6 && Math.abs(g - 0xb7) < 6 && Math.abs(b - 0xcf) < 6) sky++;
    }
    // a blank or single-colour canvas has one or two colours; the lit set has many dozens
    expect(colours.size).toBeGreaterThan(60);
    // sky is visible but does not fill the frame: the set is there
    const samples = px.data.length / (4 * 7);
    expect(sky / samples).toBeGreaterThan(0.02);
    expect(sky / samples).toBeLessThan(0.8);
    await expect(app.page.getByTestId('renderer').textContent()).resolves.toMatch(/^WebGL2/);
    await expect(app.page.getByTestId('outliner').textContent()).resolves.toContain('Office block');
  });

  it('adds a box, moves it with the gizmo, undo and redo', async () => {
    const { page } = app;
    await page.getByTestId('add-menu').selectOption('box');
    const id = await inApp(page, (h) => h.editorStore.getState().selection[0] as string);
    expect(id).toMatch(/^setPiece_/);
    await page.evaluate((t) => ((globalThis as any).__target = t), id);
    // the gizmo's centre handle sits on the object's origin; wait until it is attached
    await page.waitForFunction(() => {
      const { scene } = (globalThis as any).__previs.viewport.get();
      let found = false;
      scene.traverse((o: any) => (found ||= o.isTransformControlsGizmo === true || o.type === 'TransformControlsGizmo'));
      return found;
    });
    // the gizmo's pick meshes take their place when a frame renders: let a few frames pass
    const frames = await inApp(page, (h) => h.frameStats.frames as number);
    await page.waitForFunction((f) => (globalThis as any).__previs.frameStats.frames > f + 3, frames);
    const stepsBefore = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    // new objects land where the view looks, not at the origin: the drag is measured from there
    const from = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[(globalThis as any).__target].transform.position as number[];
    });
    const start = await screenOf(page, id);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(start.x + i * 6, start.y);
    await page.mouse.up();
    const pos = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[(globalThis as any).__target].transform.position as number[];
    });
    expect(Math.hypot(pos[0]! - from[0]!, pos[2]! - from[2]!)).toBeGreaterThan(0.5);
    const history = await inApp(page, (h) => h.projectStore.getState().history.past.map((s: any) => s.label) as string[]);
    expect(history.length).toBe(stepsBefore + 1);
    expect(history.at(-1)).toMatch(/^Move/);

    await page.keyboard.press('Control+z');
    const undone = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[(globalThis as any).__target].transform.position as number[];
    });
    expect(undone).toEqual(from);
    await page.keyboard.press('Control+Shift+z');
    const redone = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[(globalThis as any).__target].transform.position as number[];
    });
    expect(redone).toEqual(pos);
  });

  it('keeps the edit after a reload (autosave)', async () => {
    const { page } = app;
    const id = await page.evaluate(() => (globalThis as any).__target as string);
    const pos = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[(globalThis as any).__target].transform.position as number[];
    });
    await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent === 'All changes saved');
    await app.reload();
    await page.evaluate((t) => ((globalThis as any).__target = t), id);
    const after = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return { source: h.ready.source, pos: s.project.scenes[s.activeSceneId].objects[(globalThis as any).__target]?.transform.position };
    });
    expect(after.source).toBe('restored');
    expect(after.pos).toEqual(pos);
  });

  it('refuses a corrupt project file with an error and keeps the open project', async () => {
    const { page } = app;
    const before = await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project));
    const corrupt = before.slice(0, Math.floor(before.length * 0.6));
    await page.getByTestId('open-file-input').setInputFiles({ name: 'broken.previs.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
    await page.getByTestId('notice-error').first().waitFor();
    const text = await page.getByTestId('notice-error').first().textContent();
    expect(text).toContain('broken.previs.json');
    expect(text).toContain('not valid JSON');
    const after = await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project));
    expect(after).toBe(before);
    await app.reload();
    const stored = await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project));
    expect(JSON.parse(stored).id).toBe(JSON.parse(before).id);
  });

  it('never requests anything outside its own origin', () => {
    const foreign = app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(app.requests.length).toBeGreaterThan(2);
  });
});
