// Shot from words in the browser: "/" opens the command bar, the line is shown as chips, Enter makes one
// camera and one shot as one undo step, and the rendered look-through frame has the actor where the medium
// shot puts her (head top just under the top edge, the body running out at the bottom, centred).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, canvasPixels, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1100, height: 700 } });
});
afterAll(async () => {
  await app?.close();
});

/** Head-top row as the framing table defines a medium shot (core/shotgrammar/framingTable.ts). */
const MS_TOP_ROW = 0.09;
/** a pixel of frame height is ~0.3 %; the stated tolerance allows for anti-aliasing of the head's silhouette */
const ROW_TOL = 0.015;

describe('shot from words', () => {
  it('command bar → camera made (one undo step) → the rendered frame shows Ana as a medium shot', async () => {
    const { page } = app;
    await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      const base = { parentId: null, visible: true, locked: false };
      const ana = {
        ...base, id: 'ana', name: 'Ana', type: 'actor', build: 'female', heightCm: 168, pose: {}, posePreset: 'stand', lookAt: null,
        colour: '#ff0000', transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
      };
      const cam = {
        ...base, id: 'cam_a', name: 'A camera', type: 'camera',
        body: { sensorPresetId: 'super35-4perf', sensorWidthMm: 24.89, sensorHeightMm: 18.66 },
        lens: { focalLengthMm: 50, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 4, lensSetId: 'cooke-s4i' },
        deliveryAspect: 2.39, backgroundPlateId: null,
        transform: { position: [6, 1.6, 6], rotation: [0, 0.78, 0], scale: [1, 1, 1] },
      };
      const scene = { ...p.scenes[sid], environment: { skyColour: '#203040', groundColour: '#404040', groundSize: 400 }, objects: { ana, cam_a: cam }, shots: {}, shotOrder: [], tracks: {} };
      st.load({ ...p, scenes: { ...p.scenes, [sid]: scene } });
      h.editorStore.getState().select([]);
      h.editorStore.getState().setViewMode('perspective');
    });
    // "/" opens the bar; typing shows the parse as chips before anything is applied
    await page.locator('[data-testid=viewport] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const input = page.getByTestId('shot-command-input');
    await input.waitFor();
    await input.fill('MS on Ana, 35 mm');
    const chips = page.locator('[data-testid=shot-command-parse] .chip');
    await expect.poll(() => chips.allTextContents()).toEqual(['MS · medium shot', 'Ana', '35 mm']);
    const before = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    await input.press('Enter');
    await page.getByTestId('shot-command').waitFor({ state: 'detached' });

    const made = await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const s = st.project.scenes[st.activeSceneId];
      const shot = Object.values(s.shots)[0] as { cameraId: string; description: string; size: string };
      const cam = s.objects[shot.cameraId];
      return { past: st.history.past.length as number, shot, focal: cam.lens.focalLengthMm as number, cams: Object.values(s.objects).filter((o: any) => o.type === 'camera').length, view: h.editorStore.getState().lookThroughCameraId };
    });
    expect(made.past).toBe(before + 1);
    expect(made.cams).toBe(2);
    expect(made.shot).toMatchObject({ description: 'MS on Ana, 35 mm', size: 'MS' });
    expect(made.focal).toBe(35);
    expect(made.view).toBe(made.shot.cameraId);
    // a few frames through the new camera, then read the real pixels
    await page.waitForFunction((id) => {
      const lt = (globalThis as any).__previs.lookThrough;
      return lt.cameraId === id && lt.projection !== null;
    }, made.shot.cameraId);
    const f0 = await inApp(page, (h) => h.frameStats.frames as number);
    await page.waitForFunction((f) => (globalThis as any).__previs.frameStats.frames > f + 3, f0);
    const frame = await inApp(page, (h) => h.lookThrough.projection.frame as { x: number; y: number; width: number; height: number });
    const px = await canvasPixels(page);
    const x0 = Math.round(frame.x * px.width), x1 = Math.round((frame.x + frame.width) * px.width);
    const y0 = Math.round(frame.y * px.height), y1 = Math.round((frame.y + frame.height) * px.height);
    let top = -1, bottom = -1, left = px.width, right = -1;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * px.width + x) * 4;
        const r = px.data[i]!, g = px.data[i + 1]!, b = px.data[i + 2]!;
        if (r > 90 && r > g * 2 && r > b * 2) {
          if (top < 0) top = y;
          bottom = y;
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    const headRow = (top - y0) / (y1 - y0);
    const centreCol = ((left + right + 1) / 2 - x0) / (x1 - x0);
    console.log(`shot from words, rendered: frame ${x1 - x0}×${y1 - y0} px, head top at row ${headRow.toFixed(4)} (framing table ${MS_TOP_ROW}), body to row ${((bottom - y0) / (y1 - y0)).toFixed(4)}, centre column ${centreCol.toFixed(4)}`);
    expect(top).toBeGreaterThan(y0);
    expect(Math.abs(headRow - MS_TOP_ROW)).toBeLessThan(ROW_TOL);
    // the waist is the framing line: the body runs out of the bottom of the frame
    expect(bottom).toBe(y1 - 1);
    expect(Math.abs(centreCol - 0.5)).toBeLessThan(0.03);

    // the shot list shows the words
    await page.locator('[data-panel=shots]').click();
    await expect.poll(() => page.getByTestId('shot-words').first().textContent()).toBe('“MS on Ana, 35 mm”');

    // the new camera is selected: its inspector has the Shot Designer, with the words it was made from
    await expect.poll(() => page.getByTestId('shot-designer').locator('.words').first().textContent()).toBe('“MS on Ana, 35 mm”');
    // one undo removes the camera and the shot together
    await page.locator('[data-testid=viewport] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    const undone = await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const s = st.project.scenes[st.activeSceneId];
      return { shots: Object.keys(s.shots).length, cams: Object.values(s.objects).filter((o: any) => o.type === 'camera').length };
    });
    expect(undone).toEqual({ shots: 0, cams: 1 });
    expect(app.errors).toEqual([]);
  });

  it('a misspelt name is refused in the bar with the nearest name, and nothing changes', async () => {
    const { page } = app;
    const before = await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project));
    await page.keyboard.press('/');
    const input = page.getByTestId('shot-command-input');
    await input.fill('MS on Anna');
    await expect.poll(() => page.getByTestId('shot-command-error').textContent()).toContain('did you mean "Ana"');
    await input.press('Enter');
    expect(await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project))).toBe(before);
    await input.press('Escape');
  });
});
