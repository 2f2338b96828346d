// Aim by hand, in the browser: a camera aimed from the inspector keeps a moving target at the frame centre
// through a dollying shot (measured in the rendered pixels and through the live camera), focus follows the
// target, camera ↔ view trade places, and piloting the shot camera while looking through it is one undo step.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, canvasPixels, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await app?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const notices = await inApp(app.page, (h) => h.editorStore.getState().notices.map((n: any) => `${n.level}: ${n.text}`)).catch(() => []);
  console.log(`errors: ${app.errors.join(' | ')}\nnotices: ${(notices as string[]).join(' | ')}`);
});

const FRAMES = [0, 15, 30, 47];

/** Ana walks across the street and a red marker box drifts behind her while the camera dollies: a moving shot. */
async function stage(page: App['page']) {
  await page.evaluate(() => {
    const h = (globalThis as any).__previs;
    const st = h.projectStore.getState();
    const p = st.project;
    const sid = st.activeSceneId;
    const base = { parentId: null, visible: true, locked: false };
    const ana = {
      ...base, id: 'ana', name: 'Ana', type: 'actor', build: 'female', heightCm: 168, pose: {}, posePreset: 'stand', lookAt: null, colour: '#3060c0',
      transform: { position: [-2, 0, 0], rotation: [0, 0.5, 0], scale: [1, 1, 1] },
    };
    const marker = {
      // a thin card: a deep box's side face would pull the silhouette's centroid off its centre
      ...base, id: 'marker', name: 'Marker', type: 'setPiece', shape: 'box', size: [0.4, 0.4, 0.01], colour: '#ff0000',
      // above head height: ANA walks between the camera and the card and must not hide part of it
      transform: { position: [-3, 2.4, -4], rotation: [0, 0, 0], scale: [1, 1, 1] },
    };
    const cam = {
      ...base, id: 'cam', name: 'A camera', type: 'camera',
      body: { sensorPresetId: null, sensorWidthMm: 36, sensorHeightMm: 24 },
      lens: { focalLengthMm: 35, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 4, lensSetId: null },
      deliveryAspect: 16 / 9, backgroundPlateId: null, aim: null,
      transform: { position: [0, 1.6, 8], rotation: [0, 0, 0], scale: [1, 1, 1] },
    };
    const lin = (id: string, targetId: string, a: number[], b: number[]) => ({
      id, targetId, property: 'transform.position',
      keys: [{ frame: 0, value: a, interp: 'linear' }, { frame: 47, value: b, interp: 'linear' }],
    });
    const scene = {
      ...p.scenes[sid],
      environment: { skyColour: '#203040', groundColour: '#404040', groundSize: 400 },
      objects: { ana, marker, cam },
      shots: {},
      shotOrder: [],
      tracks: {
        t_ana: lin('t_ana', 'ana', [-2, 0, 0], [2, 0, 1]),
        t_marker: lin('t_marker', 'marker', [-3, 2.4, -4], [3, 2.1, -2]),
        t_cam: lin('t_cam', 'cam', [0, 1.6, 8], [1.5, 1.3, 6.5]),
      },
    };
    st.load({ ...p, settings: { ...p.settings, frameIn: 0, frameOut: 48 }, scenes: { ...p.scenes, [sid]: scene } });
    h.playhead.set(0);
    h.editorStore.getState().setViewMode('perspective');
    h.editorStore.getState().select(['cam']);
  });
  await page.getByTestId('camera-aim-target').waitFor();
}

async function dismissNotices(page: App['page']) {
  for (const b of await page.locator('.notices .notice button').all()) await b.click().catch(() => undefined);
}

/** Sets the playhead and waits until the viewport has posed and drawn that frame. */
async function showFrame(page: App['page'], f: number) {
  await page.evaluate((f) => (globalThis as any).__previs.playhead.set(f), f);
  await page.waitForFunction((f) => (globalThis as any).__previs.animation.lastFrame === f, f);
  const n = await inApp(page, (h) => h.frameStats.frames as number);
  await page.waitForFunction((n) => (globalThis as any).__previs.frameStats.frames > n + 1, n);
}

/** Centroid of the red marker's pixels, and the canvas size. */
async function redCentroid(page: App['page']) {
  const px = await canvasPixels(page);
  let sx = 0, sy = 0, n = 0;
  for (let y = 0; y < px.height; y++) {
    for (let x = 0; x < px.width; x++) {
      const i = (y * px.width + x) * 4;
      const r = px.data[i]!, g = px.data[i + 1]!, b = px.data[i + 2]!;
      if (r > 90 && r > g * 2 && r > b * 2) {
        sx += x + 0.5; sy += y + 0.5; n++; // pixel centres
      }
    }
  }
  return { x: sx / n, y: sy / n, n, width: px.width, height: px.height };
}

/** Where the aim target lands through the live look-through camera, in canvas pixels, and the focus error. */
async function targetOnScreen(page: App['page']) {
  return inApp(page, (h) => {
    const { project, activeSceneId } = h.projectStore.getState();
    const frame = h.playhead.frame;
    const objects = h.aim.evaluateScene(project, activeSceneId, frame).objects;
    const cam = objects.cam;
    const p = h.aim.aimTargetPoint(objects, cam.aim.target);
    const three = h.viewport.get().camera;
    three.updateMatrixWorld();
    const v = three.matrixWorldInverse.elements;
    const pr = three.projectionMatrix.elements;
    const mul = (m: number[], x: number, y: number, z: number, w: number) => [
      m[0]! * x + m[4]! * y + m[8]! * z + m[12]! * w,
      m[1]! * x + m[5]! * y + m[9]! * z + m[13]! * w,
      m[2]! * x + m[6]! * y + m[10]! * z + m[14]! * w,
      m[3]! * x + m[7]! * y + m[11]! * z + m[15]! * w,
    ];
    const e = mul(v, p[0], p[1], p[2], 1);
    const c = mul(pr, e[0]!, e[1]!, e[2]!, e[3]!);
    const [W, H] = h.lookThrough.viewport;
    const pos = cam.transform.position;
    const dist = Math.hypot(p[0] - pos[0], p[1] - pos[1], p[2] - pos[2]);
    return {
      x: ((c[0]! / c[3]! + 1) / 2) * W,
      y: ((1 - c[1]! / c[3]!) / 2) * H,
      W,
      H,
      frameW: h.lookThrough.projection.frame.width * W,
      focus: cam.lens.focusDistanceM as number,
      dist,
      dutch: Math.atan2(three.matrixWorld.elements[1], three.matrixWorld.elements[5]),
    };
  });
}

/** Focus and target distance of the camera evaluated at some frames (no drawing needed). */
const targetOnScreenAt = (page: App['page'], frames: number[]) =>
  page.evaluate((frames) => {
    const h = (globalThis as any).__previs;
    const { project, activeSceneId } = h.projectStore.getState();
    return frames.map((f) => {
      const objects = h.aim.evaluateScene(project, activeSceneId, f).objects;
      const cam = objects.cam;
      const p = h.aim.aimTargetPoint(objects, cam.aim.target);
      const c = cam.transform.position;
      return { focus: cam.lens.focusDistanceM as number, dist: Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]), follow: cam.aim.followFocus as boolean };
    });
  }, frames);

const cameraState = (page: App['page']) =>
  inApp(page, (h) => {
    const s = h.projectStore.getState();
    const objects = h.aim.evaluateScene(s.project, s.activeSceneId, h.playhead.frame).objects;
    return {
      evaluated: objects.cam.transform as { position: number[]; rotation: number[] },
      stored: s.project.scenes[s.activeSceneId].objects.cam.transform as { position: number[]; rotation: number[] },
      tracks: JSON.stringify(s.project.scenes[s.activeSceneId].tracks),
      steps: s.history.past.length as number,
      labels: s.history.past.map((x: { label: string }) => x.label) as string[],
    };
  });

describe('aim by hand', () => {
  it('an aimed camera keeps a moving target at the frame centre through a dollying shot, and focus follows it', async () => {
    const { page } = app;
    await stage(page);
    await page.getByTestId('camera-aim-target').selectOption({ label: 'Marker' });
    await inApp(page, (h) => h.editorStore.getState().setViewMode('lookThrough', 'cam'));
    await page.waitForFunction(() => (globalThis as any).__previs.lookThrough.cameraId === 'cam');
    // the depth-of-field pass doubles the software renderer's work and is not what is measured here
    if (await page.getByTestId('dof-preview').isChecked()) await page.getByTestId('dof-preview').uncheck();
    for (const f of FRAMES) {
      await showFrame(page, f);
      const m = await redCentroid(page);
      const t = await targetOnScreen(page);
      const err = Math.hypot(m.x - m.width / 2, m.y - m.height / 2) / t.frameW;
      console.log(`marker, frame ${f}: ${m.n} red px, centroid (${m.x.toFixed(1)}, ${m.y.toFixed(1)}) in ${m.width}×${m.height}, off centre ${(err * 100).toFixed(3)} % of frame width; focus ${t.focus.toFixed(3)} m for ${t.dist.toFixed(3)} m`);
      expect(m.n).toBeGreaterThan(20);
      expect(err).toBeLessThan(0.01);
      expect(Math.abs(t.focus - t.dist)).toBeLessThan(0.001);
    }
    // Ana's eyes, picked by name in the inspector
    await inApp(page, (h) => h.editorStore.getState().select(['cam']));
    await page.getByTestId('camera-aim-target').selectOption({ label: 'Ana — eyes' });
    for (const f of FRAMES) {
      await showFrame(page, f);
      const t = await targetOnScreen(page);
      const err = Math.hypot(t.x - t.W / 2, t.y - t.H / 2) / t.frameW;
      console.log(`Ana's eyes, frame ${f}: off centre ${(err * 100).toFixed(4)} % of frame width, dutch ${t.dutch.toExponential(2)} rad, focus ${t.focus.toFixed(3)} m, distance ${t.dist.toFixed(3)} m`);
      expect(err).toBeLessThan(0.01);
      expect(Math.abs(t.dutch)).toBeLessThan(1e-6);
      expect(Math.abs(t.focus - t.dist)).toBeLessThan(0.001);
    }
    // the HUD reads the followed focus
    expect(await page.getByTestId('look-through-hud').textContent()).toContain((await targetOnScreen(page)).focus.toFixed(2));
  });

  it('the aim keys off and on at the playhead, one undo step each', async () => {
    const { page } = app;
    await stage(page);
    await page.getByTestId('camera-aim-target').selectOption({ label: 'Ana — eyes' });
    await showFrame(page, 20);
    await dismissNotices(page);
    const before = await cameraState(page);
    await page.getByTestId('camera-aim-key-off').click();
    await showFrame(page, 30);
    const off = await cameraState(page);
    expect(off.steps).toBe(before.steps + 1);
    expect(off.evaluated.rotation).toEqual([0, 0, 0]);
    await showFrame(page, 10);
    expect((await cameraState(page)).evaluated.rotation).not.toEqual([0, 0, 0]);
    await inApp(page, (h) => h.projectStore.getState().undo());
    await showFrame(page, 30);
    expect((await cameraState(page)).evaluated.rotation).not.toEqual([0, 0, 0]);

    // the followed focus keyed as a pull (one step), the follow then off; the keyed pull still lands on her eyes
    const live = await targetOnScreenAt(page, [5, 40]);
    const n = (await cameraState(page)).steps;
    await page.getByTestId('camera-focus-pull').click();
    const pulled = await cameraState(page);
    expect(pulled.steps).toBe(n + 1);
    expect(pulled.tracks).toContain('lens.focusDistanceM');
    const keyed = await targetOnScreenAt(page, [5, 40]);
    keyed.forEach((k, i) => {
      expect(k.follow).toBe(false);
      expect(Math.abs(k.focus - live[i]!.dist)).toBeLessThan(0.005);
    });
    await inApp(page, (h) => h.projectStore.getState().undo());
  });

  it('camera to current view and current view to camera', async () => {
    const { page } = app;
    await stage(page);
    await showFrame(page, 12);
    await dismissNotices(page);
    // orbit the editor's view away by hand
    const box = (await page.getByTestId('viewport').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 140, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    const before = await cameraState(page);
    await dismissNotices(page);
    await inApp(page, (h) => h.editorStore.getState().select(['cam']));
    await page.getByTestId('camera-to-view').click();
    await showFrame(page, 12);
    const after = await cameraState(page);
    const view = await inApp(page, (h) => {
      const c = h.viewport.get().camera;
      c.updateMatrixWorld();
      const m = c.matrixWorld.elements;
      return { position: [c.position.x, c.position.y, c.position.z], forward: [-m[8], -m[9], -m[10]] };
    });
    expect(after.steps).toBe(before.steps + 1);
    expect(after.labels.at(-1)).toMatch(/camera to current view/);
    after.evaluated.position.forEach((v, i) => expect(v).toBeCloseTo(view.position[i]!, 6));
    const [rx, ry] = after.evaluated.rotation as [number, number, number];
    // forward of Euler XYZ: −(third column of Rx·Ry·Rz)
    const fwd = [-Math.sin(ry), Math.sin(rx) * Math.cos(ry), -Math.cos(rx) * Math.cos(ry)];
    fwd.forEach((v, i) => expect(v).toBeCloseTo(view.forward[i]!, 6));
    // the dolly is keyed: the new place is a key at the playhead, not a new static position
    expect(after.stored.position).toEqual(before.stored.position);
    expect(after.tracks).not.toEqual(before.tracks);
    await inApp(page, (h) => h.projectStore.getState().undo());
    expect((await cameraState(page)).tracks).toEqual(before.tracks);

    // and back: the editor's view jumps to the camera (Shift+V)
    await page.getByTestId('viewport').click({ position: { x: 5, y: box.height - 5 } }).catch(() => undefined);
    await inApp(page, (h) => h.editorStore.getState().select(['cam']));
    await page.keyboard.press('Shift+KeyV');
    const cam = (await cameraState(page)).evaluated.position;
    await page.waitForFunction((p) => {
      const c = (globalThis as any).__previs.viewport.get().camera.position;
      return Math.hypot(c.x - p[0]!, c.y - p[1]!, c.z - p[2]!) < 1e-6;
    }, cam);
  });

  it('piloting the shot camera while looking through it: a drag and a wheel turn are one undo step each', async () => {
    const { page } = app;
    await stage(page);
    await showFrame(page, 10);
    await inApp(page, (h) => h.editorStore.getState().setViewMode('lookThrough', 'cam'));
    await page.waitForFunction(() => (globalThis as any).__previs.lookThrough.cameraId === 'cam');
    await showFrame(page, 10);
    await dismissNotices(page);
    const box = (await page.getByTestId('viewport').boundingBox())!;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    const before = await cameraState(page);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(cx + i * 20, cy + i * 4);
    await page.mouse.up();
    const orbited = await cameraState(page);
    expect(orbited.steps).toBe(before.steps + 1);
    const moved = Math.hypot(...orbited.evaluated.position.map((v, i) => v - before.evaluated.position[i]!));
    console.log(`orbit drag: camera moved ${moved.toFixed(3)} m in one step "${orbited.labels.at(-1)}"`);
    expect(moved).toBeGreaterThan(0.3);
    // auto-key: the keyed position got a key at frame 10, its static value is untouched
    expect(orbited.stored.position).toEqual(before.stored.position);
    await inApp(page, (h) => h.projectStore.getState().undo());
    await showFrame(page, 10);
    const undone = await cameraState(page);
    expect(undone.tracks).toEqual(before.tracks);
    expect(undone.evaluated).toEqual(before.evaluated);

    // dolly in with a turn of the wheel (three notches' worth), one step
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((n) => (globalThis as any).__previs.projectStore.getState().history.past.length === n + 1 && !(globalThis as any).__previs.projectStore.getState().history.mark, before.steps);
    const dollied = await cameraState(page);
    const fwd = (r: number[]) => [-Math.sin(r[1]!), Math.sin(r[0]!) * Math.cos(r[1]!), -Math.cos(r[0]!) * Math.cos(r[1]!)];
    const d = dollied.evaluated.position.map((v, i) => v - before.evaluated.position[i]!);
    const along = d.reduce((s, v, i) => s + v * fwd(before.evaluated.rotation)[i]!, 0);
    console.log(`wheel dolly: ${along.toFixed(3)} m along the lens axis in one step`);
    expect(along).toBeGreaterThan(0.3);
    await inApp(page, (h) => h.projectStore.getState().undo());
    expect((await cameraState(page)).tracks).toEqual(before.tracks);
    expect(app.errors).toEqual([]);
  });
});
