// Look-through is a true pinhole camera of the stored lens: an object of known width at a known distance
// covers the number of pixels the lens math predicts (within 1 %), and [ / ] step the lens as undo steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, canvasPixels, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1500, height: 950 } });
});
afterAll(async () => {
  await app?.close();
});

interface Setup {
  sensor: [number, number];
  focal: number;
  kind: 'spherical' | 'anamorphic';
  squeeze: number;
  aspect: number;
  boxWidth: number;
  distance: number;
}

/** Replaces the open project's scene with one red slab in front of one camera, and looks through it. */
async function stage(page: App['page'], s: Setup) {
  await page.evaluate((s) => {
    const h = (globalThis as any).__previs;
    const st = h.projectStore.getState();
    const p = st.project;
    const sid = st.activeSceneId;
    const base = { parentId: null, visible: true, locked: false };
    const depth = 0.02;
    const box = {
      ...base,
      id: 'slab',
      name: 'Slab',
      type: 'setPiece',
      shape: 'box',
      // the slab's front face is `distance` from the lens; its centre sits on the lens axis (y = 1.5)
      size: [s.boxWidth, 1, depth],
      colour: '#ff0000',
      transform: { position: [0, 1, -(s.distance + depth / 2)], rotation: [0, 0, 0], scale: [1, 1, 1] },
    };
    const cam = {
      ...base,
      id: 'testcam',
      name: 'Test camera',
      type: 'camera',
      body: { sensorPresetId: null, sensorWidthMm: s.sensor[0], sensorHeightMm: s.sensor[1] },
      lens: { focalLengthMm: s.focal, kind: s.kind, squeeze: s.squeeze, tStop: 2.8, focusDistanceM: s.distance, lensSetId: null },
      deliveryAspect: s.aspect,
      backgroundPlateId: null,
      transform: { position: [0, 1.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
    };
    const scene = {
      ...p.scenes[sid],
      environment: { skyColour: '#203040', groundColour: '#404040', groundSize: 400 },
      objects: { slab: box, testcam: cam },
      shots: {},
      shotOrder: [],
      tracks: {},
    };
    st.load({ ...p, scenes: { ...p.scenes, [sid]: scene } });
    h.editorStore.getState().select([]);
    h.editorStore.getState().setViewMode('lookThrough', 'testcam');
  }, s);
  // two rendered frames with the look-through projection applied
  await page.waitForFunction(() => {
    const lt = (globalThis as any).__previs.lookThrough;
    return lt.cameraId === 'testcam' && lt.projection !== null;
  });
  const f0 = await inApp(page, (h) => h.frameStats.frames as number);
  await page.waitForFunction((f) => (globalThis as any).__previs.frameStats.frames > f + 2, f0);
}

/** Width in pixels of the red run through the row at the frame centre. */
async function measureRedWidth(page: App['page']) {
  const px = await canvasPixels(page);
  const y = Math.round(px.height / 2);
  let first = -1;
  let last = -1;
  let count = 0;
  for (let x = 0; x < px.width; x++) {
    const i = (y * px.width + x) * 4;
    const r = px.data[i]!, g = px.data[i + 1]!, b = px.data[i + 2]!;
    if (r > 90 && r > g * 2 && r > b * 2) {
      if (first < 0) first = x;
      last = x;
      count++;
    }
  }
  return { width: px.width, height: px.height, first, last, count };
}

function predicted(s: Setup, W: number, H: number): number {
  // frame width in pixels: the delivery frame letterboxed into the canvas
  const frameW = W / H >= s.aspect ? H * s.aspect : W;
  // image area of the sensor used by the delivery aspect (desqueezed)
  const sq = s.kind === 'anamorphic' ? s.squeeze : 1;
  const desqW = s.sensor[0] * sq;
  const usedW = s.aspect >= desqW / s.sensor[1] ? desqW : s.sensor[1] * s.aspect;
  // desqueezed, the object's image is (w / d) · f wide: the squeeze widens the view, not the object
  const imageMm = (s.boxWidth / s.distance) * s.focal;
  return (imageMm / usedW) * frameW;
}

describe('look-through lens', () => {
  it('Full Frame 50 mm at 16:9: a 2 m slab at 10 m measures the pinhole width within 1 %', async () => {
    const s: Setup = { sensor: [36, 24], focal: 50, kind: 'spherical', squeeze: 1, aspect: 16 / 9, boxWidth: 2, distance: 10 };
    await stage(app.page, s);
    const m = await measureRedWidth(app.page);
    const want = predicted(s, m.width, m.height);
    console.log(`FF 50 mm 16:9 canvas ${m.width}×${m.height}: measured ${m.count} px (run ${m.first}–${m.last}), predicted ${want.toFixed(2)} px, error ${((100 * (m.count - want)) / want).toFixed(3)} %`);
    expect(m.count).toBe(m.last - m.first + 1); // one solid run, not scattered pixels
    expect(Math.abs(m.count - want) / want).toBeLessThan(0.01);
    // centred on the lens axis
    expect(Math.abs((m.first + m.last + 1) / 2 - m.width / 2)).toBeLessThan(2);
    // the HUD names the body, lens and the derived FOV
    const hud = await app.page.getByTestId('look-through-hud').textContent();
    expect(hud).toContain('50 mm');
    expect(hud).toContain('39.6°');
  });

  it('2× anamorphic 40 mm on Super 35 for 2.39: horizontal coverage from twice the sensor width', async () => {
    const s: Setup = { sensor: [24.89, 18.66], focal: 40, kind: 'anamorphic', squeeze: 2, aspect: 2.39, boxWidth: 1.5, distance: 8 };
    await stage(app.page, s);
    const m = await measureRedWidth(app.page);
    const want = predicted(s, m.width, m.height);
    console.log(`2× ana 40 mm S35 2.39: measured ${m.count} px, predicted ${want.toFixed(2)} px, error ${((100 * (m.count - want)) / want).toFixed(3)} %`);
    expect(Math.abs(m.count - want) / want).toBeLessThan(0.01);
  });

  it('[ and ] step the selected camera through its set, one undo step each', async () => {
    const { page } = app;
    await stage(page, { sensor: [36, 24], focal: 50, kind: 'spherical', squeeze: 1, aspect: 16 / 9, boxWidth: 2, distance: 10 });
    await inApp(page, (h) => h.editorStore.getState().select(['testcam']));
    const focal = () => inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects.testcam.lens.focalLengthMm as number;
    });
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    await page.keyboard.press(']');
    expect(await focal()).toBe(65);
    await page.keyboard.press(']');
    expect(await focal()).toBe(75);
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    expect(await focal()).toBe(40);
    const labels = await inApp(page, (h) => h.projectStore.getState().history.past.map((x: any) => x.label) as string[]);
    expect(labels.length).toBe(steps0 + 5);
    expect(labels.at(-1)).toBe('Lens 50 mm → 40 mm');
    await page.keyboard.press('Control+z');
    expect(await focal()).toBe(50);
    // the picture follows the lens: the slab at 65 mm is 65/50 as wide
    await page.keyboard.press(']');
    const f0 = await inApp(page, (h) => h.frameStats.frames as number);
    await page.waitForFunction((f) => (globalThis as any).__previs.frameStats.frames > f + 2, f0);
    const m = await measureRedWidth(page);
    const want = predicted({ sensor: [36, 24], focal: 65, kind: 'spherical', squeeze: 1, aspect: 16 / 9, boxWidth: 2, distance: 10 }, m.width, m.height);
    expect(Math.abs(m.count - want) / want).toBeLessThan(0.01);
    await page.getByTestId('look-through-hud').filter({ hasText: '65 mm' }).waitFor();
  });

  it('DOF preview: the slab is crisp focused on it and spreads when the focus is pulled to 1 m at T1.4', async () => {
    const { page } = app;
    const s: Setup = { sensor: [36, 24], focal: 50, kind: 'spherical', squeeze: 1, aspect: 16 / 9, boxWidth: 2, distance: 10 };
    await stage(page, s);
    const transition = async () => {
      const px = await canvasPixels(page);
      const y = Math.round(px.height / 2);
      // pixels that are neither slab-red nor free of red: the width of the blurred edges
      let partial = 0;
      for (let x = 0; x < px.width; x++) {
        const i = (y * px.width + x) * 4;
        const r = px.data[i]!, g = px.data[i + 1]!, b = px.data[i + 2]!;
        const redness = r - Math.max(g, b);
        const full = 90; // the lit slab is at least this much redder than green/blue (measured above)
        if (redness > 12 && redness < full) partial++;
      }
      return partial;
    };
    const frames = async () => {
      const f0 = await inApp(page, (h) => h.frameStats.frames as number);
      await page.waitForFunction((f) => (globalThis as any).__previs.frameStats.frames > f + 2, f0);
    };
    const setLens = (patch: Record<string, number>) =>
      page.evaluate((patch) => {
        const h = (globalThis as any).__previs;
        const st = h.projectStore.getState();
        const sid = st.activeSceneId;
        const p = st.project;
        const cam = p.scenes[sid].objects.testcam;
        st.load({ ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], objects: { ...p.scenes[sid].objects, testcam: { ...cam, lens: { ...cam.lens, ...patch } } } } } });
        h.editorStore.getState().setViewMode('lookThrough', 'testcam');
      }, patch);
    await setLens({ tStop: 1.4, focusDistanceM: 10 });
    await frames();
    const sharp = await transition();
    await setLens({ tStop: 1.4, focusDistanceM: 1 });
    await frames();
    const soft = await transition();
    console.log(`DOF: edge transition ${sharp} px focused on the slab, ${soft} px focused at 1 m`);
    expect(sharp).toBeLessThanOrEqual(4);
    expect(soft).toBeGreaterThan(12);
  });

  it('camera inspector: body preset, custom aspect (bad input refused with a notice), undo', async () => {
    const { page } = app;
    await stage(page, { sensor: [36, 24], focal: 50, kind: 'spherical', squeeze: 1, aspect: 16 / 9, boxWidth: 2, distance: 10 });
    await inApp(page, (h) => {
      h.editorStore.getState().setViewMode('perspective');
      h.editorStore.getState().select(['testcam']);
    });
    const cam = () => inApp(page, (h) => {
      const s = h.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects.testcam;
    }) as Promise<any>;
    await page.getByTestId('camera-body').selectOption('alexa-mini-lf-16x9');
    expect((await cam()).body).toEqual({ sensorPresetId: 'alexa-mini-lf-16x9', sensorWidthMm: 31.68, sensorHeightMm: 17.82 });
    // 50 mm over 31.68 mm: 35.16° horizontal at 16:9 (the sensor is 16:9 already)
    await page.getByTestId('camera-readout').filter({ hasText: 'FOV 35.16° × 20.21°' }).waitFor();
    await page.getByTestId('camera-aspect').selectOption('custom');
    const custom = page.getByTestId('camera-aspect-custom');
    await custom.fill('wide');
    await custom.blur();
    await page.getByTestId('notice-error').filter({ hasText: 'aspect:' }).first().waitFor();
    expect((await cam()).deliveryAspect).toBeCloseTo(16 / 9, 12);
    await custom.fill('2.2:1');
    await custom.blur();
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects.testcam.deliveryAspect === 2.2;
    });
    await page.getByTestId('undo').click();
    expect((await cam()).deliveryAspect).toBeCloseTo(16 / 9, 12);
    await page.getByTestId('undo').click();
    expect((await cam()).body.sensorWidthMm).toBe(36);
  });
});
