// De-age in Chromium: import a plate through the panel's file input, run the effect (worker, runtime,
// procedural graph), check the wipe shows the plate left of the line and the de-aged output right of it,
// that the layer came with its disclosure record, and that one undo removes the layer. Then the same on a
// video plate: scrubbing shows the video's own frames (checked against ffmpeg's decode of the file), a
// 3-frame range is de-aged, played back at the playhead over the plate, reviewed in the wipe, and undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { canvasPixels, inApp, openApp, type App } from './harness';

const CLIP = resolve('tests/fixtures/faces/astronaut-drift.mp4');
const CLIP_SIZE = 384;

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1500, height: 950 } });
});
afterAll(async () => {
  await app?.close();
});

const deageLayers = (page: App['page']) =>
  inApp(page, (h) => {
    const s = h.projectStore.getState();
    return Object.values(s.project.scenes[s.activeSceneId].objects).filter((o: any) => o.type === 'effectLayer' && o.effect === 'deage') as any[];
  });

describe('de-age effect in Chromium', () => {
  it('imports a plate, runs de-age, shows both in the wipe, and undo removes the layer', async () => {
    const { page } = app;
    await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', resolve('tests/fixtures/faces/astronaut.png'));
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate' && o.widthPx === 512);
    }, undefined, { timeout: 30_000 });
    const ledgerBefore = await inApp(page, (h) => h.projectStore.getState().project.ledger.length);

    await page.click('[data-testid=deage-run]');
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer' && o.effect === 'deage' && o.status === 'done');
    }, undefined, { timeout: 360_000 });
    const [layer] = await deageLayers(page);
    console.log(`de-age run report: ${JSON.stringify(layer.runReport)}`);
    expect(layer.targetIds).toHaveLength(1);
    expect(layer.models.map((m: any) => m.id)).toEqual(['mediapipe.blazeface-front-128', 'facemesh', 'deage-procedural']);
    expect(layer.output.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(layer.runReport.backend).toMatch(/wasm|webgpu/);
    const plateHash = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return (Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'plate') as any).assetId;
    });
    expect(layer.inputHashes[layer.targetIds[0]]).toBe(plateHash);
    // the layer and its signed disclosure record arrived together
    expect(await inApp(page, (h) => h.projectStore.getState().project.ledger.length)).toBeGreaterThan(ledgerBefore);

    await page.waitForSelector('[data-testid=deage-review][data-ready=yes]', { timeout: 60_000 });
    const check = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const objs = Object.values(s.project.scenes[s.activeSceneId].objects) as any[];
      const plate = objs.find((o) => o.type === 'plate');
      const layer = objs.find((o) => o.type === 'effectLayer');
      const before = await h.deage.assetFrame(plate.assetId, 0);
      const after = await h.deage.assetFrame(layer.output.assetId, 0);
      const canvas = document.querySelector('[data-testid=deage-canvas]') as HTMLCanvasElement;
      const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const wipe = Number((document.querySelector('[data-testid=deage-review]') as HTMLElement).dataset.wipe);
      const split = Math.round(wipe * canvas.width);
      const [x0, y0, x1, y1] = layer.params.bounds;
      const r = { split, width: canvas.width, leftWrong: 0, rightWrong: 0, leftChangedPixels: 0, rightChangedPixels: 0 };
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          if (x >= split - 1 && x <= split) continue; // the wipe line
          const i = (y * canvas.width + x) * 4;
          const want = x < split ? before.data : after.data;
          const changed = [0, 1, 2].some((c) => before.data[i + c] !== after.data[i + c]);
          const wrong = [0, 1, 2].some((c) => img[i + c] !== want[i + c]);
          if (x < split) {
            r.leftWrong += wrong ? 1 : 0;
            r.leftChangedPixels += changed ? 1 : 0;
          } else {
            r.rightWrong += wrong ? 1 : 0;
            r.rightChangedPixels += changed ? 1 : 0;
          }
        }
      return r;
    });
    // left of the line is the plate, right of it the de-aged output, and both sides cross the changed face
    expect(check.width).toBe(512);
    expect(check.leftWrong).toBe(0);
    expect(check.rightWrong).toBe(0);
    expect(check.leftChangedPixels).toBeGreaterThan(500);
    expect(check.rightChangedPixels).toBeGreaterThan(500);

    // one undo takes the layer (and its record) away; the plate stays
    await page.click('[data-testid=viewport]', { position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return !Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer');
    }, undefined, { timeout: 10_000 });
    expect(await inApp(page, (h) => h.projectStore.getState().project.ledger.length)).toBe(ledgerBefore);
    expect(await inApp(page, (h) => Object.values(h.projectStore.getState().project.scenes[h.projectStore.getState().activeSceneId].objects).some((o: any) => o.type === 'plate'))).toBe(true);

    // nothing left the app's own origin
    expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  }, 480_000);

  it('plays a video plate frame-exact at the playhead, de-ages a 3-frame range, plays and reviews it, and undo removes it', async () => {
    const { page } = app;
    // ffmpeg's own decode of the clip: the reference each frame on screen must match
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', CLIP, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 * 2 ** 20 });
    const frameBytes = CLIP_SIZE * CLIP_SIZE * 3;
    const refCount = raw.length / frameBytes;
    expect(refCount).toBe(24);
    /** mean |screen − ffmpeg frame k| over RGB */
    const distance = (rgba: Uint8Array, k: number) => {
      let sum = 0;
      for (let i = 0, j = k * frameBytes; i < rgba.length; i += 4, j += 3) sum += Math.abs(rgba[i]! - raw[j]!) + Math.abs(rgba[i + 1]! - raw[j + 1]!) + Math.abs(rgba[i + 2]! - raw[j + 2]!);
      return sum / ((rgba.length / 4) * 3);
    };

    if (!(await page.$('[data-testid=deage-panel]'))) await page.click('button[data-panel=deage]');
    await page.setInputFiles('[data-testid=plate-file]', CLIP);
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'plate' && o.mediaKind === 'video');
    }, undefined, { timeout: 30_000 });
    const plate = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'plate' && o.mediaKind === 'video') as any;
    });
    expect([plate.widthPx, plate.heightPx, plate.frameCount]).toEqual([CLIP_SIZE, CLIP_SIZE, 24]);
    // the import selected the plate: frame it in the viewport
    await page.keyboard.press('f');

    /** scene frame that shows plate frame `k`; waits until the screen shows it and the viewport has drawn it */
    const scrubTo = async (k: number, viewport = false) => {
      const scene = await page.evaluate(({ id, k }) => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const p = s.project.scenes[s.activeSceneId].objects[id];
        for (let f = 0; f < 200; f++) if (h.plates.requestAt(s.project, s.activeSceneId, p, f).plateFrame === k) return f;
        return -1;
      }, { id: plate.id, k });
      expect(scene).toBeGreaterThanOrEqual(0);
      await page.evaluate((f) => (globalThis as any).__previs.playhead.set(f), scene);
      await page.waitForFunction(({ id, f }) => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const e = h.plates.screens.get(id);
        return !!e && e.screen.shownKey === h.plates.requestAt(s.project, s.activeSceneId, s.project.scenes[s.activeSceneId].objects[id], f).key;
      }, { id: plate.id, f: scene }, { timeout: 120_000 });
      if (viewport) {
        const drawn = await inApp(page, (h) => h.frameStats.frames);
        await page.waitForFunction((n) => (globalThis as any).__previs.frameStats.frames > n + 2, drawn, { timeout: 120_000 });
      }
      const screen = await page.evaluate((id) => {
        const e = (globalThis as any).__previs.plates.screens.get(id);
        if (e.screen.error) throw new Error(e.screen.error);
        return Array.from(e.screen.pixels() as Uint8ClampedArray);
      }, plate.id);
      return { scene, screen: new Uint8Array(screen), viewport: viewport ? await canvasPixels(page) : null };
    };

    const a = await scrubTo(3, true);
    const b = await scrubTo(12, true);
    // each screen is the video's own frame: nearest of all 24 ffmpeg frames, and close (decoders differ by rounding)
    for (const [shot, k] of [[a, 3], [b, 12]] as const) {
      const d = Array.from({ length: refCount }, (_, j) => distance(shot.screen, j));
      console.log(`plate frame ${k}: mean |screen − ffmpeg| ${d[k]!.toFixed(2)}; next nearest ${Math.min(...d.filter((_, j) => j !== k)).toFixed(2)}`);
      expect(d.indexOf(Math.min(...d))).toBe(k);
      // ffmpeg and Chromium convert YUV to RGB with different rounding (measured ≈ 3.5 levels); a neighbour
      // frame is ≈ 10 away: the match must be far nearer than any other frame
      expect(d[k]!).toBeLessThan(6);
      expect(d[k]!).toBeLessThan(0.5 * Math.min(...d.filter((_, j) => j !== k)));
    }
    // and the viewport's picture changed with them
    let changed = 0;
    const [va, vb] = [a.viewport!.data, b.viewport!.data];
    for (let i = 0; i < va.length; i += 4) if (Math.abs(va[i]! - vb[i]!) + Math.abs(va[i + 1]! - vb[i + 1]!) > 24) changed++;
    console.log(`viewport pixels changed between plate frames 3 and 12: ${changed}`);
    expect(changed).toBeGreaterThan(500);

    // de-age plate frames 4, 5, 6
    await page.fill('[data-testid=deage-in]', '4');
    await page.fill('[data-testid=deage-out]', '7');
    await page.waitForFunction(() => document.querySelector('[data-testid=deage-range-note]')?.textContent?.startsWith('3 of 24'), undefined, { timeout: 5_000 });
    const ledgerBefore = await inApp(page, (h) => h.projectStore.getState().project.ledger.length);
    await page.click('[data-testid=deage-run]');
    await page.waitForSelector('[data-testid=deage-progress]', { timeout: 30_000 });
    await page.waitForFunction((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer' && o.effect === 'deage' && o.status === 'done' && o.targetIds.includes(id));
    }, plate.id, { timeout: 360_000 });
    const layer = await page.evaluate(async (id) => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const l = Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'effectLayer' && o.targetIds.includes(id)) as any;
      const meta = s.project.assets[l.output.assetId];
      return { ...l, outputMime: meta.mime, outputBytes: meta.byteLength };
    }, plate.id);
    console.log(`video de-age: ${layer.outputBytes} B for 3 frames of ${CLIP_SIZE}²; run report ${JSON.stringify(layer.runReport.timingsMs)}`);
    expect(layer.frameRange).toEqual({ start: 4, end: 7 });
    expect(layer.outputMime).toBe('application/vnd.previs.frame-patches+zip');
    expect(layer.output.contentHash).toBe(layer.output.assetId);
    expect(await inApp(page, (h) => h.projectStore.getState().project.ledger.length)).toBeGreaterThan(ledgerBefore);

    // the record's output hash is the hash of the stored bytes
    const storedHash = await page.evaluate(async (hash) => {
      const h = (globalThis as any).__previs;
      const bytes: Uint8Array<ArrayBuffer> = await h.deage.storedBytes(hash);
      const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
    }, layer.output.assetId);
    expect(storedHash).toBe(layer.output.contentHash);

    /** the screen against the plate frame and the de-aged frame built by the review's own path */
    const compare = (k: number, layerFrame: number | null) =>
      page.evaluate(async ({ id, k, layerFrame, out, hash }) => {
        const h = (globalThis as any).__previs;
        const e = h.plates.screens.get(id);
        const screen: Uint8ClampedArray = e.screen.pixels();
        const before = await h.deage.plateFrame(hash, k);
        const after = layerFrame === null ? before : await h.deage.outputFrame(out, layerFrame, { hash, frame: k });
        let vsBefore = 0;
        let vsAfter = 0;
        for (let i = 0; i < screen.length; i += 4) {
          if ([0, 1, 2].some((c) => screen[i + c] !== before.data[i + c])) vsBefore++;
          if ([0, 1, 2].some((c) => screen[i + c] !== after.data[i + c])) vsAfter++;
        }
        return { vsBefore, vsAfter };
      }, { id: plate.id, k, layerFrame, out: layer.output.assetId, hash: plate.assetId });

    // inside the range the viewport plays the de-aged frame over the plate; outside it, the plate
    await scrubTo(5);
    const inside = await compare(5, 1);
    expect(inside.vsAfter).toBe(0);
    expect(inside.vsBefore).toBeGreaterThan(500);
    await scrubTo(9);
    const outside = await compare(9, null);
    expect(outside.vsBefore).toBe(0);

    // the wipe follows the playhead on video: layer frame 1 = plate frame 5, plate left of the line, de-aged right
    await scrubTo(5);
    await page.waitForSelector('[data-testid=deage-review][data-ready=yes][data-frame="1"]', { timeout: 60_000 });
    const wipe = await page.evaluate(async ({ out, hash }) => {
      const h = (globalThis as any).__previs;
      const before = await h.deage.plateFrame(hash, 5);
      const after = await h.deage.outputFrame(out, 1, { hash, frame: 5 });
      const canvas = document.querySelector('[data-testid=deage-canvas]') as HTMLCanvasElement;
      const img = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const split = Math.round(Number((document.querySelector('[data-testid=deage-review]') as HTMLElement).dataset.wipe) * canvas.width);
      const r = { width: canvas.width, leftWrong: 0, rightWrong: 0, leftChanged: 0, rightChanged: 0 };
      for (let i = 0; i < img.length; i += 4) {
        const x = (i / 4) % canvas.width;
        if (x >= split - 1 && x <= split) continue;
        const want = x < split ? before.data : after.data;
        const wrong = [0, 1, 2].some((c) => img[i + c] !== want[i + c]);
        const changed = [0, 1, 2].some((c) => before.data[i + c] !== after.data[i + c]);
        if (x < split) (r.leftWrong += +wrong), (r.leftChanged += +changed);
        else (r.rightWrong += +wrong), (r.rightChanged += +changed);
      }
      return r;
    }, { out: layer.output.assetId, hash: plate.assetId });
    expect(wipe.width).toBe(CLIP_SIZE);
    expect(wipe.leftWrong).toBe(0);
    expect(wipe.rightWrong).toBe(0);
    expect(wipe.leftChanged).toBeGreaterThan(200);
    expect(wipe.rightChanged).toBeGreaterThan(200);

    // one undo takes the layer away; the plate plays plain again
    await page.click('[data-testid=viewport]', { position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return !Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'effectLayer' && o.targetIds.includes(id));
    }, plate.id, { timeout: 10_000 });
    expect(await inApp(page, (h) => h.projectStore.getState().project.ledger.length)).toBe(ledgerBefore);
    await scrubTo(5);
    expect((await compare(5, null)).vsBefore).toBe(0);
    expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  }, 900_000);
});
