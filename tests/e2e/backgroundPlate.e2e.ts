// A camera's background plate in Chromium: a still plate imported through the plates panel, chosen as a
// shot camera's background in the camera inspector, fills the delivery frame behind the set when looking
// through that camera (sky pixels become the plate's pixels at the same place in the frame, cover-fitted;
// the set stays in front), and a still rendered through that camera shows it too. Choosing "None" brings
// the sky back; each choice is one undo step and undo restores the plate. A video plate as the background
// follows the playhead (its screen's pixels at two plate frames), and a still of another frame seeks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { inApp, openApp, type App } from './harness';

const PLATE = resolve('tests/fixtures/faces/astronaut.png');
const CLIP = resolve('tests/fixtures/faces/astronaut-drift.mp4');
const SKY = [0x20, 0x30, 0x40];
// frame fractions (u left→right, v top→bottom) above the horizon of a level camera: empty sky
const SKY_POINTS: [number, number][] = [];
for (const v of [0.1, 0.22, 0.34]) for (const u of [0.15, 0.3, 0.5, 0.7, 0.85]) SKY_POINTS.push([u, v]);
// the middle of the red slab, below the horizon
const SLAB: [number, number] = [0.5, 0.62];

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 860 } });
});
afterAll(async () => {
  await app?.close();
});

/** In-page helpers: sample the look-through canvas and the plate image at frame fractions. */
async function installSampler(page: App['page']) {
  await page.evaluate(() => {
    const g = globalThis as any;
    const scratch = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    g.__bp = {
      /** mean RGB of a 3×3 block of the viewport canvas at frame fraction (u, v) */
      viewport(points: [number, number][]): number[][] | null {
        const lt = g.__previs.lookThrough;
        const src = document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement | null;
        if (!lt.projection || !src) return null;
        const f = lt.projection.frame;
        scratch.canvas.width = src.width;
        scratch.canvas.height = src.height;
        scratch.drawImage(src, 0, 0);
        return points.map(([u, v]) => {
          const x = Math.round((f.x + u * f.width) * src.width);
          const y = Math.round((f.y + v * f.height) * src.height);
          const d = scratch.getImageData(x - 1, y - 1, 3, 3).data;
          const m = [0, 0, 0];
          for (let i = 0; i < 36; i += 4) for (let k = 0; k < 3; k++) m[k]! += d[i + k]! / 9;
          return m;
        });
      },
      close(a: number[][], b: number[][], tol: number): boolean {
        return a.every((c, i) => c.every((x, k) => Math.abs(x - b[i]![k]!) <= tol));
      },
    };
  });
}

const viewportAt = (page: App['page'], points: [number, number][]) =>
  page.evaluate((pts) => (globalThis as any).__bp.viewport(pts) as number[][], points);

/** Waits until the look-through canvas shows `want` (± tol) at `points`. */
async function waitForPixels(page: App['page'], points: [number, number][], want: number[][], tol: number) {
  await page.waitForFunction(
    ({ points, want, tol }) => {
      const bp = (globalThis as any).__bp;
      const got = bp.viewport(points);
      return !!got && bp.close(got, want, tol);
    },
    { points, want, tol },
    { timeout: 60_000 },
  ).catch(async (e) => {
    const got = await viewportAt(page, points).catch(() => null);
    throw new Error(`${(e as Error).message}\nwanted ${JSON.stringify(want.map((c) => c.map(Math.round)))}\ngot ${JSON.stringify(got?.map((c) => c.map(Math.round)))}`);
  });
}

const historyLength = (page: App['page']) => inApp(page, (h) => h.projectStore.getState().history.past.length as number);
const backgroundOf = (page: App['page']) =>
  inApp(page, (h) => {
    const s = h.projectStore.getState();
    return s.project.scenes[s.activeSceneId].objects.testcam.backgroundPlateId as string | null;
  });

describe('background plate', () => {
  it('fills the look-through frame behind the set, renders in stills, goes with None, and undo restores it', async () => {
    const { page } = app;
    await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', PLATE);
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate' && o.widthPx === 512);
    }, undefined, { timeout: 30_000 });

    // a known set: sky colour, one red slab, a level camera, the plate (its plane in the set hidden) and a shot
    const plate = await page.evaluate((sky) => {
      const h = (globalThis as any).__previs;
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      const plate = Object.values(p.scenes[sid].objects).find((o: any) => o.type === 'plate' && o.widthPx === 512) as any;
      const base = { parentId: null, visible: true, locked: false };
      const slab = {
        ...base,
        id: 'slab',
        name: 'Slab',
        type: 'setPiece',
        shape: 'box',
        size: [2, 1, 0.02],
        colour: '#ff0000',
        transform: { position: [0, 1, -10], rotation: [0, 0, 0], scale: [1, 1, 1] },
      };
      const cam = {
        ...base,
        id: 'testcam',
        name: 'Test camera',
        type: 'camera',
        body: { sensorPresetId: null, sensorWidthMm: 36, sensorHeightMm: 24 },
        lens: { focalLengthMm: 50, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 10, lensSetId: null },
        deliveryAspect: 16 / 9,
        backgroundPlateId: null,
        transform: { position: [0, 1.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
      };
      const hex = '#' + sky.map((c: number) => c.toString(16).padStart(2, '0')).join('');
      const scene = {
        ...p.scenes[sid],
        environment: { ...p.scenes[sid].environment, skyColour: hex, groundColour: '#404040' },
        objects: { slab, testcam: cam, [plate.id]: { ...plate, visible: false } },
        shots: { sh: { id: 'sh', number: '1', name: 'Plate shot', cameraId: 'testcam', in: 0, out: 24, take: 1, size: null, angle: null, notes: '' } },
        shotOrder: ['sh'],
        tracks: {},
      };
      st.load({ ...p, scenes: { ...p.scenes, [sid]: scene } });
      h.editorStore.getState().select(['testcam']);
      h.editorStore.getState().setViewMode('lookThrough', 'testcam');
      return { id: plate.id as string, assetId: plate.assetId as string, name: plate.name as string };
    }, SKY);
    await installSampler(page);

    // before: one sky colour at every sample point (the sky hex through the viewport's colour pipeline:
    // blue above red), red on the slab
    // (the slab too: the sky can be drawn a frame before the new set's pieces are)
    await page.waitForFunction(
      ([points, slab]) => {
        const got: number[][] | null = (globalThis as any).__bp.viewport(points);
        const red = (globalThis as any).__bp.viewport([slab])?.[0];
        return !!got && got[0]![2]! > got[0]![0]! + 20 && got.every((c) => c.every((x, k) => Math.abs(x - got[0]![k]!) <= 2)) && !!red && red[0] > 120;
      },
      [SKY_POINTS, SLAB] as const,
      { timeout: 60_000 },
    );
    const sky = (await viewportAt(page, SKY_POINTS))[0]!;
    const slabBefore = (await viewportAt(page, [SLAB]))[0]!;
    expect(slabBefore[0]!).toBeGreaterThan(120);
    expect(slabBefore[0]!).toBeGreaterThan(3 * slabBefore[1]!);

    // the plate's own pixels at the same frame places: cover-fitted (a square plate in 16:9 shows its middle band)
    const size = await inApp(page, (h) => h.lookThrough.projection.frame.height * (document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement).height);
    const expected = await page.evaluate(async ({ hash, points, frameHeightPx }) => {
      const h = (globalThis as any).__previs;
      const bytes: Uint8Array = await h.deage.storedBytes(hash);
      const bmp = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
      const plateAspect = bmp.width / bmp.height;
      const frameAspect = 16 / 9;
      const [sx, sy] = plateAspect > frameAspect ? [frameAspect / plateAspect, 1] : [1, plateAspect / frameAspect];
      // one screen pixel covers this many plate pixels: average that footprint (what mipmapped sampling sees)
      const r = Math.max(1, Math.round((bmp.height * sy) / frameHeightPx));
      return points.map(([u, v]: [number, number]) => {
        const cx = Math.round((0.5 + (u - 0.5) * sx) * bmp.width);
        const cy = Math.round((0.5 + (v - 0.5) * sy) * bmp.height);
        const m = [0, 0, 0];
        let n = 0;
        for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) {
          const i = (Math.min(bmp.height - 1, Math.max(0, y)) * bmp.width + Math.min(bmp.width - 1, Math.max(0, x))) * 4;
          for (let k = 0; k < 3; k++) m[k]! += d[i + k]!;
          n++;
        }
        return m.map((x) => x / n);
      });
    }, { hash: plate.assetId, points: SKY_POINTS, frameHeightPx: size });
    // the check means something only where the plate differs from the sky
    const differs = expected.filter((c) => c.some((x, k) => Math.abs(x - sky[k]!) > 30)).length;
    expect(differs).toBeGreaterThanOrEqual(10);

    // the inspector's select: one undo step
    await page.click('button[data-panel=inspector]');
    const h0 = await historyLength(page);
    await page.selectOption('[data-testid=camera-background-plate]', plate.id);
    expect(await backgroundOf(page)).toBe(plate.id);
    expect(await historyLength(page)).toBe(h0 + 1);
    await page.waitForFunction((id) => (globalThis as any).__previs.backdrop.plateId === id && (globalThis as any).__previs.backdrop.ready, plate.id, { timeout: 30_000 });
    await waitForPixels(page, SKY_POINTS, expected, 24);
    const got = await viewportAt(page, SKY_POINTS);
    const err = got.flatMap((c, i) => c.map((x, k) => Math.abs(x - expected[i]![k]!)));
    console.log(`look-through vs plate at ${SKY_POINTS.length} points: mean |Δ| ${(err.reduce((a, b) => a + b, 0) / err.length).toFixed(2)}, max ${Math.max(...err).toFixed(2)} (of 255)`);
    expect(err.reduce((a, b) => a + b, 0) / err.length).toBeLessThan(12);
    // the set stays in front of the plate
    const slabWith = (await viewportAt(page, [SLAB]))[0]!;
    slabWith.forEach((x, k) => expect(Math.abs(x - slabBefore[k]!)).toBeLessThan(6));

    // a still through the camera shows the same plate behind the set
    const still = await page.evaluate(async ({ points, slab }) => {
      const h = (globalThis as any).__previs;
      const png: Uint8Array = await h.animatic.renderShotStill(h.projectStore.getState().project, 'sh', 0, { width: 640 });
      const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const at = ([u, v]: [number, number]) => {
        const d = g.getImageData(Math.round(u * bmp.width) - 1, Math.round(v * bmp.height) - 1, 3, 3).data;
        const m = [0, 0, 0];
        for (let i = 0; i < 36; i += 4) for (let k = 0; k < 3; k++) m[k]! += d[i + k]! / 9;
        return m;
      };
      return { size: [bmp.width, bmp.height], sky: points.map(at), slab: at(slab) };
    }, { points: SKY_POINTS, slab: SLAB });
    expect(still.size).toEqual([640, 360]);
    const stillErr = still.sky.flatMap((c, i) => c.map((x, k) => Math.abs(x - expected[i]![k]!)));
    console.log(`still vs plate: mean |Δ| ${(stillErr.reduce((a, b) => a + b, 0) / stillErr.length).toFixed(2)}, max ${Math.max(...stillErr).toFixed(2)}`);
    expect(Math.max(...stillErr)).toBeLessThanOrEqual(32);
    expect(still.slab[0]!).toBeGreaterThan(3 * still.slab[1]!);

    // None: the sky again, one undo step
    await page.selectOption('[data-testid=camera-background-plate]', '');
    expect(await backgroundOf(page)).toBeNull();
    expect(await historyLength(page)).toBe(h0 + 2);
    await waitForPixels(page, SKY_POINTS, SKY_POINTS.map(() => sky), 3);

    // undo puts the plate back behind the set
    await inApp(page, (h) => h.projectStore.getState().undo());
    expect(await backgroundOf(page)).toBe(plate.id);
    await waitForPixels(page, SKY_POINTS, expected, 24);
    expect(await page.inputValue('[data-testid=camera-background-plate]')).toBe(plate.id);
  });
  it('a video background plate shows the plate frame at the playhead, in look-through and in a still', async () => {
    const { page } = app;
    await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', CLIP);
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate' && o.mediaKind === 'video');
    }, undefined, { timeout: 60_000 });
    // the video becomes the test camera's background; its plane in the set is hidden
    const id = await page.evaluate(() => {
      const h = (globalThis as any).__previs;
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      const objects = { ...p.scenes[sid].objects };
      const video = Object.values(objects).find((o: any) => o.type === 'plate' && o.mediaKind === 'video') as any;
      objects[video.id] = { ...video, visible: false };
      objects.testcam = { ...objects.testcam, backgroundPlateId: video.id };
      st.load({ ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], objects } } });
      h.editorStore.getState().select([]);
      h.editorStore.getState().setViewMode('lookThrough', 'testcam');
      return video.id as string;
    });
    const frameHeightPx = await inApp(page, (h) => h.lookThrough.projection.frame.height * (document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement).height);

    /** Parks the playhead on the scene frame showing plate frame `k`; returns the screen's colours at the sample points. */
    const showPlateFrame = async (k: number) => {
      const f = await page.evaluate(({ id, k }) => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const plate = s.project.scenes[s.activeSceneId].objects[id];
        for (let f = 0; f < 200; f++) if (h.plates.requestAt(s.project, s.activeSceneId, plate, f).plateFrame === k) return f;
        return -1;
      }, { id, k });
      expect(f).toBeGreaterThanOrEqual(0);
      await page.evaluate((f) => (globalThis as any).__previs.playhead.set(f), f);
      await page.waitForFunction(({ id, f }) => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const e = h.plates.screens.get(id);
        return !!e && e.screen.shownKey === h.plates.requestAt(s.project, s.activeSceneId, s.project.scenes[s.activeSceneId].objects[id], f).key;
      }, { id, f }, { timeout: 120_000 });
      const colours = await page.evaluate(({ id, points, frameHeightPx }) => {
        const { screen } = (globalThis as any).__previs.plates.screens.get(id);
        const d: Uint8ClampedArray = screen.pixels();
        const W = screen.width, H = screen.height;
        const [sx, sy] = W / H > 16 / 9 ? [16 / 9 / (W / H), 1] : [1, W / H / (16 / 9)];
        const r = Math.max(1, Math.round((H * sy) / frameHeightPx));
        return points.map(([u, v]: [number, number]) => {
          const cx = Math.round((0.5 + (u - 0.5) * sx) * W);
          const cy = Math.round((0.5 + (v - 0.5) * sy) * H);
          const m = [0, 0, 0];
          let n = 0;
          for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) {
            const i = (Math.min(H - 1, Math.max(0, y)) * W + Math.min(W - 1, Math.max(0, x))) * 4;
            for (let c = 0; c < 3; c++) m[c]! += d[i + c]!;
            n++;
          }
          return m.map((x) => x / n);
        });
      }, { id, points: SKY_POINTS, frameHeightPx });
      return { f, colours };
    };

    const a = await showPlateFrame(3);
    await waitForPixels(page, SKY_POINTS, a.colours, 24);
    const b = await showPlateFrame(12);
    // the two plate frames differ somewhere at the sample points, so following the playhead is visible
    const moved = Math.max(...a.colours.flatMap((c, i) => c.map((x, k) => Math.abs(x - b.colours[i]![k]!))));
    console.log(`video plate frames 3 vs 12 at the sample points: max |Δ| ${moved.toFixed(1)}`);
    expect(moved).toBeGreaterThan(30);
    await waitForPixels(page, SKY_POINTS, b.colours, 24);

    // a still of scene frame a.f shows plate frame 3 (the render seeks the screen itself), with the playhead elsewhere
    const still = await page.evaluate(async ({ points, f }) => {
      const h = (globalThis as any).__previs;
      const png: Uint8Array = await h.animatic.renderShotStill(h.projectStore.getState().project, 'sh', f, { width: 640 });
      const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      return points.map(([u, v]: [number, number]) => {
        const d = g.getImageData(Math.round(u * bmp.width) - 1, Math.round(v * bmp.height) - 1, 3, 3).data;
        const m = [0, 0, 0];
        for (let i = 0; i < 36; i += 4) for (let k = 0; k < 3; k++) m[k]! += d[i + k]! / 9;
        return m;
      });
    }, { points: SKY_POINTS, f: a.f });
    const toA = Math.max(...still.flatMap((c, i) => c.map((x, k) => Math.abs(x - a.colours[i]![k]!))));
    console.log(`video still at plate frame 3 vs the plate: max |Δ| ${toA.toFixed(1)}`);
    expect(toA).toBeLessThanOrEqual(32);
  });
});
