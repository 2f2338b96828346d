// Animating from the inspector and the curve editor, on the demo street set:
// key camera A's focal length with its diamond and by typing at another frame (auto-key), edit it at frame 24
// (a key appears at 24 and the evaluation there gives the typed value), scrub the field label (one gesture,
// one step), then open the curve editor: the drawn curve is the evaluated one, dragging a key moves it in
// time and value as ONE undo step, interpolation buttons set the key, playback moves the playhead line
// without re-rendering the editor. Last, the motion path in the viewport follows the evaluated positions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, type App } from './harness';
import { evaluateScene, findTrack } from '../../src/core/timeline';
import type { Camera, Project } from '../../src/core/document';

const CAM = 'cam_a';
const FOCAL = 'lens.focalLengthMm';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1200, height: 820 } });
});
afterAll(async () => {
  await app?.close();
});

const project = () => inApp(app.page, (h) => h.projectStore.getState().project) as Promise<Project>;
const sceneId = () => inApp(app.page, (h) => h.projectStore.getState().activeSceneId as string);
const undoLabels = () => inApp(app.page, (h) => h.projectStore.getState().history.past.map((s: { label: string }) => s.label) as string[]);
const seek = async (f: number) => {
  await app.page.evaluate((f) => (globalThis as any).__previs.timeline.transport.seek(f), f);
  await app.page.waitForFunction((f) => document.querySelector('[data-testid=inspector]')?.getAttribute('data-frame') === String(f), f);
};
const focalKeys = async () => {
  const p = await project();
  return findTrack(p.scenes[await sceneId()]!, CAM, FOCAL)?.keys.map((k) => [k.frame, k.value]) ?? [];
};
/** keyboard undo/redo reach the app only when no field has focus (a field keeps its own text undo) */
const blur = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const diamond = () => app.page.getByTestId(`key-diamond-${FOCAL}`);
const waitFocalField = (v: string) =>
  app.page.waitForFunction((v) => (document.querySelector('[data-testid=camera-focal]') as HTMLInputElement | null)?.value === v, v);

describe('auto-key from the inspector', () => {
  it('keys the focal length with its diamond and by editing it; an edit at frame 24 keys 24', async () => {
    const { page } = app;
    await page.evaluate((id) => (globalThis as any).__previs.editorStore.getState().select([id]), CAM);
    await page.locator('[data-panel=timeline]').click();
    await page.locator('[data-panel=inspector]').click().catch(() => undefined);
    await seek(0);
    await expect(diamond().getAttribute('data-state')).resolves.toBe('static');

    // the diamond keys the shown value (32 mm in the demo) at frame 0
    await diamond().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="key-diamond-lens.focalLengthMm"]')?.getAttribute('data-state') === 'onKey');
    expect(await focalKeys()).toEqual([[0, 32]]);

    // at 48 the field shows the held 32; typing 80 keys 48 (auto-key), the static lens is left alone
    await seek(48);
    await expect(diamond().getAttribute('data-state')).resolves.toBe('animated');
    await page.getByTestId('camera-focal').fill('80');
    await page.getByTestId('camera-focal').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="key-diamond-lens.focalLengthMm"]')?.getAttribute('data-state') === 'onKey');
    expect(await focalKeys()).toEqual([[0, 32], [48, 80]]);

    // at 24 the field shows the evaluated value (ease in-out half-way: 56), not the static 32
    await seek(24);
    await waitFocalField('56');
    await expect(diamond().getAttribute('data-state')).resolves.toBe('animated');
    const before = (await undoLabels()).length;
    await page.getByTestId('camera-focal').fill('50');
    await page.getByTestId('camera-focal').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="key-diamond-lens.focalLengthMm"]')?.getAttribute('data-state') === 'onKey');
    expect(await focalKeys()).toEqual([[0, 32], [24, 50], [48, 80]]);
    const labels = await undoLabels();
    expect(labels.length).toBe(before + 1);
    expect(labels.at(-1)).toBe('Set Focal length');
    const p = await project();
    const sid = await sceneId();
    const cam = evaluateScene(p, sid, 24).objects[CAM] as Camera;
    expect(cam.lens.focalLengthMm).toBe(50);
    expect((p.scenes[sid]!.objects[CAM] as Camera).lens.focalLengthMm).toBe(32);
    // the live look of the app agrees: the lens HUD/readout is drawn from the same evaluated camera
    await waitFocalField('50');
  });

  it('scrubbing the field label is one gesture: one undo step, one key replaced', async () => {
    const { page } = app;
    const before = (await undoLabels()).length;
    const label = page.getByTestId('camera-section').locator('.field-label', { hasText: 'Focal length' });
    const box = (await label.boundingBox())!;
    const y = box.y + box.height / 2;
    const x = box.x + box.width - 8; // away from the diamond at the label's start
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + i * 5, y);
    await page.mouse.up();
    await page.waitForFunction((n) => (globalThis as any).__previs.projectStore.getState().history.past.length === n + 1, before);
    const keys = await focalKeys();
    expect(keys.map((k) => k[0])).toEqual([0, 24, 48]);
    expect(keys[1]![1]).toBeCloseTo(50 + 40 * 0.5, 6); // 40 px × step 0.5 mm
    await blur();
    await page.keyboard.press('Control+z');
    expect(await focalKeys()).toEqual([[0, 32], [24, 50], [48, 80]]);
  });
});

describe('curve editor', () => {
  it('draws the evaluated curve; dragging a key moves it in time and value as one undo step', async () => {
    const { page } = app;
    const sid = await sceneId();
    const trackId = findTrack((await project()).scenes[sid]!, CAM, FOCAL)!.id;
    // the dope sheet's ∿ opens that track in the curve editor
    await page.getByTestId(`curve-of-${trackId}`).click();
    await expect(page.getByTestId('curve-channel').inputValue()).resolves.toBe(`${trackId}:-`);
    await page.getByTestId('curve-frame-all').click();
    const plot = page.getByTestId('curve-plot');
    const readView = () =>
      plot.evaluate((el) => {
        const n = (k: string) => Number(el.getAttribute(k));
        const r = el.getBoundingClientRect();
        return { f0: n('data-f0'), f1: n('data-f1'), v0: n('data-v0'), v1: n('data-v1'), width: r.width, height: r.height, left: r.left, top: r.top };
      });
    const v = await readView();
    expect(v.f0).toBeLessThan(0);
    expect(v.f1).toBeGreaterThan(48);

    // every drawn point is the evaluator's value at that frame (to a tenth of a pixel)
    const pts = await page.getByTestId('curve-path').evaluate((el) =>
      [...(el.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]),
    );
    expect(pts.length).toBeGreaterThan(50);
    const p0 = await project();
    for (const [x, y] of pts.filter((_, i) => i % 7 === 0)) {
      const f = v.f0 + (x! / v.width) * (v.f1 - v.f0);
      const expected = (evaluateScene(p0, sid, f).objects[CAM] as Camera).lens.focalLengthMm;
      const yExpected = v.height - ((expected - v.v0) / (v.v1 - v.v0)) * v.height;
      expect(Math.abs(y! - yExpected)).toBeLessThan(0.11 + Math.abs(((v.f1 - v.f0) / v.width) * 2)); // sample spacing slack
    }

    // drag the key at 24 right by ~6 frames and up by ~10 mm, in several moves
    const key = page.locator('.curves-key[data-frame="24"]');
    const kb = (await key.boundingBox())!;
    const sx = kb.x + kb.width / 2;
    const sy = kb.y + kb.height / 2;
    const pxPerFrame = v.width / (v.f1 - v.f0);
    const pxPerMm = v.height / (v.v1 - v.v0);
    const before = (await undoLabels()).length;
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(sx + i * pxPerFrame, sy - (i / 6) * 10 * pxPerMm);
    await page.mouse.up();
    await page.waitForFunction((n) => (globalThis as any).__previs.projectStore.getState().history.past.length === n + 1, before);
    const keys = await focalKeys();
    expect(keys.map((k) => k[0])).toEqual([0, 30, 48]);
    expect(keys[1]![1] as number).toBeGreaterThan(58);
    expect(keys[1]![1] as number).toBeLessThan(62);
    expect((await undoLabels()).at(-1)).toBe('Move key');
    await blur();
    await page.keyboard.press('Control+z');
    expect(await focalKeys()).toEqual([[0, 32], [24, 50], [48, 80]]);
    await page.keyboard.press('Control+Shift+z');
    expect((await focalKeys()).map((k) => k[0])).toEqual([0, 30, 48]);
  });

  it('sets interpolation from the buttons and the right-click menu, one step each', async () => {
    const { page } = app;
    await page.locator('.curves-key[data-frame="0"]').click();
    await page.getByTestId('curve-interp-step').click();
    await page.locator('.curves-key[data-frame="30"]').click({ button: 'right' });
    await page.getByTestId('curve-menu').getByRole('menuitem', { name: 'Ease out' }).click();
    const p = await project();
    const t = findTrack(p.scenes[await sceneId()]!, CAM, FOCAL)!;
    expect(t.keys.map((k) => [k.frame, k.interp, k.ease ?? null])).toEqual([
      [0, 'step', null],
      [30, 'bezier', [0, 0, 0.58, 1]],
      [48, 'bezier', [0.42, 0, 0.58, 1]],
    ]);
    expect((await undoLabels()).slice(-2)).toEqual(['Key step', 'Key ease out']);
    // the step key holds its value up to the next key
    expect((evaluateScene(p, await sceneId(), 29).objects[CAM] as Camera).lens.focalLengthMm).toBe(32);
  });

  it('plays without re-rendering the curve editor; the playhead line follows', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const t = (globalThis as any).__previs.timeline.transport;
      t.setRange({ in: 0, out: 13 });
      t.setLoop(false);
      t.setEveryFrame(true);
      t.seek(0);
    });
    const rendersBefore = await inApp(page, (h) => h.timeline.curveStats.renders as number);
    await page.evaluate(() => (globalThis as any).__previs.timeline.transport.play(1));
    await page.waitForFunction(() => (globalThis as any).__previs.playhead.frame === 12 && !(globalThis as any).__previs.playhead.playing, undefined, { timeout: 120_000 });
    const rendersAfter = await inApp(page, (h) => h.timeline.curveStats.renders as number);
    expect(rendersAfter).toBe(rendersBefore);
    const line = await page.locator('.curves-playhead').getAttribute('x1');
    const v = await page.getByTestId('curve-plot').evaluate((el) => ({
      f0: Number(el.getAttribute('data-f0')),
      f1: Number(el.getAttribute('data-f1')),
      w: el.getBoundingClientRect().width,
    }));
    expect(Number(line)).toBeCloseTo(((12 - v.f0) / (v.f1 - v.f0)) * v.w, 3);
    await page.evaluate(() => (globalThis as any).__previs.timeline.transport.setRange(null));
  });
});

describe('motion path', () => {
  it('draws the keyed camera path through the evaluated positions', async () => {
    const { page } = app;
    const sid = await sceneId();
    await page.evaluate(
      ([sid, cam]) => {
        const h = (globalThis as any).__previs;
        // the demo's camera A already pushes in over shot 1; this path is keyed from an unkeyed camera
        h.projectStore.getState().execute('Remove demo dolly', (p: any) => {
          const { trk_cam_a_dolly: _gone, ...tracks } = p.scenes[sid].tracks;
          return { ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], tracks } } };
        });
        h.projectStore.getState().execute('Set key', h.timeline.setKey(sid, cam, 'transform.position', { frame: 0, value: [0.5, 1.65, 9], interp: 'linear' }));
        h.projectStore.getState().execute('Set key', h.timeline.setKey(sid, cam, 'transform.position', { frame: 40, value: [3, 1.65, 5], interp: 'bezier' }));
      },
      [sid, CAM] as const,
    );
    const path = () =>
      page.evaluate(() => {
        const g = (globalThis as any).__previs.viewport.get().scene.getObjectByName('motion-paths');
        let arr: number[] | null = null;
        g?.traverse((o: any) => {
          if (o.type === 'Line' && !arr) arr = Array.from(o.geometry.getAttribute('position').array as Float32Array);
        });
        return arr as number[] | null;
      });
    await page.waitForFunction(() => {
      const g = (globalThis as any).__previs.viewport.get().scene.getObjectByName('motion-paths');
      let n = 0;
      g?.traverse((o: any) => (o.type === 'Line' ? n++ : 0));
      return n > 0;
    });
    const pts = (await path())!;
    const p = await project();
    // one vertex per frame from the first key to the last
    expect(pts.length).toBe(41 * 3 + 3);
    for (const f of [0, 10, 20, 33, 40]) {
      const e = evaluateScene(p, sid, f).objects[CAM]!.transform.position;
      for (let i = 0; i < 3; i++) expect(pts[f * 3 + i]).toBeCloseTo(e[i]!, 4);
    }
  });
});
