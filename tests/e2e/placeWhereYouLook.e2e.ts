// Place where you look, in Chromium. New actors from the Add menu land on the ground point under the centre
// of the view (the ray through the view's centre meets y = 0 there, within 5 cm), a second one beside the
// first, never on it, and a file dropped on the view lands under the mouse. A still plate (a small PNG made
// here with a distinct colour in each quadrant) imported as an image plane while looking through a shot camera
// stands in front of that camera filling its frame, and its colours show — not black — at the right places in
// the look-through viewport and in a still exported through the shot's camera (the PNG decoded here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, openApp, type App } from './harness';
import { decodePng, encodePng } from '../../src/effects/plates/png';

// top-left red, top-right green, bottom-left blue, bottom-right yellow
const QUADS: Record<string, [number, number, number]> = { tl: [230, 30, 30], tr: [30, 200, 40], bl: [30, 50, 230], br: [240, 220, 30] };
// the lower pair above the line where the ground in front of the plate (10 m out) cuts the frame
// and two points 3 % in from the top corners: the plate reaches the frame's edges
const POINTS: Record<string, [number, number]> = { tl: [0.25, 0.25], tr: [0.75, 0.25], bl: [0.25, 0.65], br: [0.75, 0.65], tlEdge: [0.03, 0.03], trEdge: [0.97, 0.03] };
const want = (k: string) => QUADS[k.slice(0, 2)]!;

function quadrantPng(w: number, h: number): Buffer {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = QUADS[(y < h / 2 ? 't' : 'b') + (x < w / 2 ? 'l' : 'r')]!;
      data.set([c[0], c[1], c[2], 255], (y * w + x) * 4);
    }
  return Buffer.from(encodePng({ width: w, height: h, data }));
}

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 860 } });
});
afterAll(async () => {
  await app?.close();
});

const near = (a: number[], b: number[], tol: number) => a.every((x, k) => Math.abs(x - b[k]!) <= tol);

/** Sets the orbit view: eye at `eye`, looking at `target`. */
async function orbitTo(page: App['page'], eye: number[], target: number[]) {
  await page.evaluate(
    ({ eye, target }) => {
      const h = (globalThis as any).__previs;
      h.editorStore.getState().setViewMode('perspective');
      const st = h.viewport.get();
      st.camera.position.set(eye[0], eye[1], eye[2]);
      st.controls.target.set(target[0], target[1], target[2]);
      st.controls.update();
    },
    { eye, target },
  );
}

const objectsOf = (page: App['page']) =>
  inApp(page, (h) => {
    const s = h.projectStore.getState();
    return Object.values(s.project.scenes[s.activeSceneId].objects) as any[];
  });

describe('place where you look', () => {
  it('a new actor lands on the ground under the centre of the view, a second one beside it', async () => {
    const { page } = app;
    await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      st.load({ ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], objects: {}, shots: {}, shotOrder: [], tracks: {} } } });
    });
    await page.waitForFunction(() => !!(globalThis as any).__previs.viewport.get().controls);
    // a view from 12 m up and 14 m back, looking at (3, 0, −4): the ray through its centre meets the ground there
    await orbitTo(page, [3, 12, 10], [3, 0, -4]);
    const h0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    await page.selectOption('[data-testid=add-menu]', 'actor');
    await page.waitForFunction(() => (globalThis as any).__previs.projectStore.getState().history.past.length > 0);
    const first = (await objectsOf(page)).filter((o) => o.type === 'actor');
    expect(first).toHaveLength(1);
    const [x1, y1, z1] = first[0].transform.position;
    console.log(`first actor at (${x1.toFixed(3)}, ${y1.toFixed(3)}, ${z1.toFixed(3)}), view centre on the ground at (3, 0, −4)`);
    expect(Math.hypot(x1 - 3, z1 + 4)).toBeLessThan(0.05);
    expect(y1).toBe(0);
    expect(await inApp(page, (h) => h.projectStore.getState().history.past.length as number)).toBe(h0 + 1);

    // a second actor, the view unchanged: beside the first, shoulders clear of it, still near the view centre
    await page.selectOption('[data-testid=add-menu]', 'actor-female');
    await page.waitForFunction(() => (globalThis as any).__previs.projectStore.getState().history.past.length > 1);
    const actors = (await objectsOf(page)).filter((o) => o.type === 'actor');
    expect(actors).toHaveLength(2);
    const second = actors.find((o) => o.id !== first[0].id)!;
    const [x2, , z2] = second.transform.position;
    const apart = Math.hypot(x2 - x1, z2 - z1);
    console.log(`second actor ${apart.toFixed(2)} m from the first`);
    // two mannequin footprints (≈ 0.26 m and 0.24 m) and the gap between them
    expect(apart).toBeGreaterThan(0.26 + 0.24);
    expect(apart).toBeLessThan(2);

    // a plate file dropped on the view lands on the ground under the mouse (lower left of the view)
    const box = await page.locator('[data-testid=viewport] canvas').boundingBox();
    const at = { clientX: box!.x + box!.width * 0.3, clientY: box!.y + box!.height * 0.7 };
    const under = await page.evaluate((at) => {
      const st = (globalThis as any).__previs.viewport.get();
      const r = st.gl.domElement.getBoundingClientRect();
      const ndc = [((at.clientX - r.left) / r.width) * 2 - 1, 1 - ((at.clientY - r.top) / r.height) * 2];
      const eye = st.camera.position.clone();
      const dir = eye.clone().set(ndc[0], ndc[1], 0.5).unproject(st.camera).sub(eye).normalize();
      const t = -eye.y / dir.y;
      return [eye.x + dir.x * t, eye.z + dir.z * t];
    }, at);
    await page.evaluate(
      async ({ at, bytes }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(bytes)], 'dropped.png', { type: 'image/png' }));
        document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt, ...at }));
      },
      { at, bytes: Array.from(quadrantPng(32, 18)) },
    );
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate');
    }, undefined, { timeout: 30_000 });
    const plate = (await objectsOf(page)).find((o) => o.type === 'plate')!;
    console.log(`dropped plate at (${plate.transform.position.map((v: number) => v.toFixed(2)).join(', ')}), under the mouse: (${under.map((v) => v.toFixed(2)).join(', ')})`);
    expect(plate.parentId).toBeNull();
    expect(Math.hypot(plate.transform.position[0] - under[0]!, plate.transform.position[2] - under[1]!)).toBeLessThan(0.05);
    // standing on the ground, its picture turned to the viewer
    expect(plate.transform.position[1]).toBeCloseTo(1, 6);
    const eye = [3, 10];
    const facing = [Math.sin(plate.transform.rotation[1]), Math.cos(plate.transform.rotation[1])];
    const toEye = [eye[0]! - plate.transform.position[0], eye[1]! - plate.transform.position[2]];
    expect((facing[0]! * toEye[0]! + facing[1]! * toEye[1]!) / Math.hypot(toEye[0]!, toEye[1]!)).toBeGreaterThan(0.99);
  });
});

describe('still plate', () => {
  it('imported for a shot fills its camera frame and shows its pixels in the viewport and in an exported still', async () => {
    const { page } = app;
    // a known shot: a level camera at 1.6 m looking down −z, nothing in front of it
    await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      const base = { parentId: null, visible: true, locked: false };
      const cam = {
        ...base,
        id: 'platecam',
        name: 'Plate camera',
        type: 'camera',
        body: { sensorPresetId: null, sensorWidthMm: 36, sensorHeightMm: 24 },
        lens: { focalLengthMm: 35, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 4, lensSetId: null },
        deliveryAspect: 16 / 9,
        backgroundPlateId: null,
        transform: { position: [3, 1.6, 5], rotation: [0, 0.4, 0], scale: [1, 1, 1] },
      };
      const scene = {
        ...p.scenes[sid],
        environment: { ...p.scenes[sid].environment, skyColour: '#101010', groundColour: '#404040' },
        objects: { platecam: cam },
        shots: { ps: { id: 'ps', number: '1', name: 'Plate shot', cameraId: 'platecam', in: 0, out: 24, take: 1, size: null, angle: null, notes: '' } },
        shotOrder: ['ps'],
        tracks: {},
      };
      st.load({ ...p, scenes: { ...p.scenes, [sid]: scene } });
      h.editorStore.getState().select([]);
      h.editorStore.getState().setViewMode('lookThrough', 'platecam');
    });
    // the DOF preview tone-maps the whole picture (plates included) in its composite pass: judge the plate's
    // own pixels without it (the exported still has no such pass)
    await page.uncheck('[data-testid=dof-preview]');
    await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', { name: 'quadrants.png', mimeType: 'image/png', buffer: quadrantPng(96, 54) });
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate');
    }, undefined, { timeout: 30_000 });
    // a card in front of the shot camera: its child, on the lens axis, 10 m out, facing the lens
    const plate = (await objectsOf(page)).find((o) => o.type === 'plate')!;
    expect(plate.parentId).toBe('platecam');
    expect(plate.transform.position).toEqual([0, 0, -10]);
    expect(plate.transform.rotation).toEqual([0, 0, 0]);

    const sample = () =>
      page.evaluate((points) => {
        const g = globalThis as any;
        const lt = g.__previs.lookThrough;
        const src = document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement | null;
        if (!lt.projection || !src) return null;
        const f = lt.projection.frame;
        const c = document.createElement('canvas');
        c.width = src.width;
        c.height = src.height;
        const s = c.getContext('2d', { willReadFrequently: true })!;
        s.drawImage(src, 0, 0);
        const out: Record<string, number[]> = {};
        for (const [k, [u, v]] of Object.entries(points as Record<string, [number, number]>)) {
          const d = s.getImageData(Math.round((f.x + u * f.width) * src.width) - 1, Math.round((f.y + v * f.height) * src.height) - 1, 3, 3).data;
          const m = [0, 0, 0];
          for (let i = 0; i < 36; i += 4) for (let q = 0; q < 3; q++) m[q]! += d[i + q]! / 9;
          out[k] = m;
        }
        return out;
      }, POINTS);
    let got: Record<string, number[]> | null = null;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      got = await sample();
      if (got && Object.keys(POINTS).every((k) => near(got![k]!, want(k), 16))) break;
      await page.waitForTimeout(250);
    }
    console.log('look-through at quadrant centres', JSON.stringify(got && Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.map(Math.round)]))));
    const viewportGot = got;

    const png = await inApp(page, async (h) => {
      const bytes: Uint8Array = await h.animatic.renderShotStill(h.projectStore.getState().project, 'ps', 0, { width: 320 });
      return Array.from(bytes);
    });
    const still = decodePng(Uint8Array.from(png));
    const at = ([u, v]: [number, number]) => {
      const i = (Math.round(v * still.height) * still.width + Math.round(u * still.width)) * 4;
      return [still.data[i]!, still.data[i + 1]!, still.data[i + 2]!];
    };
    const stillGot = Object.fromEntries(Object.entries(POINTS).map(([k, p]) => [k, at(p)]));
    console.log('exported still at quadrant centres', JSON.stringify(stillGot));
    for (const k of Object.keys(POINTS)) expect(near(viewportGot![k]!, want(k), 16), `viewport ${k}`).toBe(true);
    for (const k of Object.keys(POINTS)) expect(near(stillGot[k]!, want(k), 16), `still ${k}`).toBe(true);
  });
});
