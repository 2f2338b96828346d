// Storage of de-aged clips as patches over the plate: a round trip reproduces every output frame bit for
// bit, and the stored job output (the real pipeline on a moving clip) decodes back to what the effect made.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodePng, type Raster } from '../plates/png';
import { getRuntime } from '../runtime';
import { runtimeRunner } from './runtimeRunner';
import { FaceTracker } from './face/track';
import { deageFrame } from './pipeline';
import { DEFAULT_PARAMS } from './params';
import { motionClip } from './flicker';
import { runDeageJob } from './job';
import { applyPatch, changedRect, framePatch, isPatches, maskPatch, PatchWriter, PATCHES_MIME, readPatches } from './patches';

const raster = (w: number, h: number, f: (x: number, y: number) => number): Raster => {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = f(x, y);
      data.set([v, (v * 3) & 255, 255 - v, 255], (y * w + x) * 4);
    }
  return { width: w, height: h, data };
};

const same = (a: Raster, b: Raster) => a.width === b.width && a.height === b.height && Buffer.compare(Buffer.from(a.data), Buffer.from(b.data)) === 0;

describe('frame patches', () => {
  it('finds the changed box, keeps unchanged pixels transparent, and round-trips exactly', () => {
    const before = raster(64, 48, (x, y) => (x * 7 + y * 3) & 255);
    const after = { ...before, data: new Uint8ClampedArray(before.data) };
    // change a ring (so the box holds unchanged pixels inside it too)
    for (const [x, y] of [[10, 5], [30, 5], [10, 20], [30, 20], [20, 12]] as const) after.data[(y * 64 + x) * 4] = 255 - before.data[(y * 64 + x) * 4]!;
    expect(changedRect(before, before)).toBeNull();
    expect(changedRect(before, after)).toEqual({ x: 10, y: 5, w: 21, h: 16 });
    const p = framePatch(before, after)!;
    expect(p.raster.data[3]).toBe(255); // (10,5) changed
    expect(p.raster.data[7]).toBe(0); // (11,5) did not
    const w = new PatchWriter(64, 48, 'over-plate');
    w.add(p);
    w.add(null);
    const bytes = w.finish();
    expect(isPatches(bytes)).toBe(true);
    const r = readPatches(bytes);
    expect(r.index.frames).toEqual([{ x: 10, y: 5, w: 21, h: 16 }, null]);
    expect(r.png(1)).toBeNull();
    expect(same(applyPatch(before, r.index.frames[0]!, decodePng(r.png(0)!)), after)).toBe(true);
  });

  it('stores a mask as its box over black', () => {
    const mask = new Uint8Array(20 * 10);
    mask[3 * 20 + 4] = 200;
    mask[6 * 20 + 9] = 50;
    const p = maskPatch(mask, 20, 10)!;
    expect(p.rect).toEqual({ x: 4, y: 3, w: 6, h: 4 });
    const black = raster(20, 10, () => 0);
    black.data.fill(0);
    for (let i = 3; i < black.data.length; i += 4) black.data[i] = 255;
    const back = applyPatch(black, p.rect, p.raster);
    expect(back.data[(3 * 20 + 4) * 4]).toBe(200);
    expect(back.data[(6 * 20 + 9) * 4 + 1]).toBe(50);
    expect(back.data[0]).toBe(0);
  });

  it('a de-aged clip stored by the job decodes back to the effect output, frame for frame', async () => {
    const runner = runtimeRunner(getRuntime(), 'wasm');
    const still = decodePng(new Uint8Array(readFileSync('tests/fixtures/faces/astronaut.png')));
    const { frames } = motionClip(still, 3);
    const out = await runDeageJob(runner, { frames, frameCount: 3, fps: 24, params: DEFAULT_PARAMS, learned: null, video: true });
    expect(out.mime).toBe(PATCHES_MIME);
    const stored = readPatches(out.bytes);
    expect(stored.index.frames).toHaveLength(3);
    const masks = readPatches(out.maskBytes);
    expect(masks.index.base).toBe('over-black');
    // the same pipeline run directly: deterministic on WASM, so the stored frames must equal it
    const tracker = new FaceTracker(runner, 24);
    let bytesPerFrame = 0;
    for (let i = 0; i < frames.length; i++) {
      const res = await deageFrame(runner, frames[i]!, (await tracker.next(frames[i]!)).points, DEFAULT_PARAMS);
      const rect = stored.index.frames[i]!;
      const png = stored.png(i)!;
      bytesPerFrame += png.length / frames.length;
      expect(same(applyPatch(frames[i]!, rect, decodePng(png)), res.output)).toBe(true);
      // the box is the face, not the frame
      expect(rect.w * rect.h).toBeLessThan(0.5 * still.width * still.height);
    }
    console.log(`patch bytes per 512² frame: ${Math.round(bytesPerFrame)}; clip ${out.bytes.length} B, masks ${out.maskBytes.length} B`);
  }, 240_000);
});
