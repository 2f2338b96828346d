// A still plate in the set, in Chromium: a small PNG made here with four distinct colours (one per quadrant)
// imported as an image plane while looking through a shot camera lands in front of that camera, filling its
// frame, and its colours show (not black) in the look-through viewport at the right places and in a still
// exported through the shot's camera (the exported PNG decoded here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, openApp, type App } from './harness';
import { decodePng, encodePng } from '../../src/effects/plates/png';

// top-left red, top-right green, bottom-left blue, bottom-right yellow
const QUADS: Record<string, [number, number, number]> = { tl: [230, 30, 30], tr: [30, 200, 40], bl: [30, 50, 230], br: [240, 220, 30] };
const POINTS: Record<string, [number, number]> = { tl: [0.25, 0.25], tr: [0.75, 0.25], bl: [0.25, 0.75], br: [0.75, 0.75] };

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
        lens: { focalLengthMm: 35, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 10, lensSetId: null },
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
    await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', { name: 'quadrants.png', mimeType: 'image/png', buffer: quadrantPng(96, 54) });
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate');
    }, undefined, { timeout: 30_000 });

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
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      got = await sample();
      if (got && Object.keys(QUADS).every((k) => near(got![k]!, QUADS[k]!, 40))) break;
      await page.waitForTimeout(250);
    }
    console.log('look-through at quadrant centres', JSON.stringify(got && Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.map(Math.round)]))));
    for (const k of Object.keys(QUADS)) expect(near(got![k]!, QUADS[k]!, 40), `viewport ${k}`).toBe(true);

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
    for (const k of Object.keys(QUADS)) expect(near(stillGot[k]!, QUADS[k]!, 40), `still ${k}`).toBe(true);
  });
});
