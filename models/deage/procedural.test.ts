// Each authored de-age graph against the plain TypeScript reference, on small random inputs (WASM EP).
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-web';
import {
  buildBlurGraph,
  buildGridSampleGraph,
  buildDilatedBlurGraph,
  buildProceduralGraph,
} from './procedural';
import { blurRef, dilatedBlurRef, gridSampleRef, identityGrid, proceduralRef, type Planar } from './reference';
import { REGION_COUNT } from '../../src/effects/deage/constants';
import { createRng } from '../../src/core/util/prng';

const rng = createRng;

function planar(c: number, h: number, w: number, seed: number): Planar {
  const r = rng(seed);
  return { c, h, w, data: Float32Array.from({ length: c * h * w }, r) };
}

async function run(bytes: Uint8Array, feeds: Record<string, { data: Float32Array; dims: number[] }>) {
  const s = await ort.InferenceSession.create(bytes);
  const f: Record<string, ort.Tensor> = {};
  for (const [k, v] of Object.entries(feeds)) f[k] = new ort.Tensor('float32', v.data, v.dims);
  const out = await s.run(f);
  await s.release();
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('authored de-age graphs vs TypeScript reference', () => {
  it('separable Gaussian blur with edge padding (σ = 1, 5; kernel wider than the image too)', async () => {
    const x = planar(3, 13, 17, 1);
    for (const sigma of [1, 5]) {
      const out = await run(buildBlurGraph(3, sigma).serialize(), { x: { data: x.data, dims: [1, 3, 13, 17] } });
      expect(maxAbsDiff(out.y!.data as Float32Array, blurRef(x, sigma).data)).toBeLessThan(1e-5);
    }
  });

  it('dilated wide blur (taps 4 px apart, edge padding wider than the image)', async () => {
    const x = planar(3, 32, 40, 2);
    const out = await run(buildDilatedBlurGraph(3, 4, 5).serialize(), { x: { data: x.data, dims: [1, 3, 32, 40] } });
    expect(out.y!.dims).toEqual([1, 3, 32, 40]);
    expect(maxAbsDiff(out.y!.data as Float32Array, dilatedBlurRef(x, 4, 5).data)).toBeLessThan(1e-5);
  });

  it('GridSample warp (bilinear, border) equals the reference, and the identity grid is a no-op', async () => {
    const x = planar(3, 12, 16, 3);
    const r = rng(9);
    const grid = identityGrid(12, 16).map((v) => v + (r() - 0.5) * 0.3);
    const out = await run(buildGridSampleGraph().serialize(), {
      x: { data: x.data, dims: [1, 3, 12, 16] },
      grid: { data: grid, dims: [1, 12, 16, 2] },
    });
    expect(maxAbsDiff(out.y!.data as Float32Array, gridSampleRef(x, grid).data)).toBeLessThan(1e-5);
    const id = await run(buildGridSampleGraph().serialize(), {
      x: { data: x.data, dims: [1, 3, 12, 16] },
      grid: { data: identityGrid(12, 16), dims: [1, 12, 16, 2] },
    });
    expect(maxAbsDiff(id.y!.data as Float32Array, x.data)).toBeLessThan(1e-5);
  });

  it('the full procedural graph equals the reference, and is exactly zero outside the feathered face mask', async () => {
    const h = 48;
    const w = 40;
    const image = planar(3, h, w, 4);
    const masks: Planar = { c: REGION_COUNT, h, w, data: new Float32Array(REGION_COUNT * h * w) };
    // face: a block in the middle; other regions: sub-blocks of it
    for (let r = 0; r < REGION_COUNT; r++)
      for (let y = 12; y < 36; y++)
        for (let x = 12 + (r % 3); x < 28 - (r % 2); x++) masks.data[(r * h + y) * w + x] = 1;
    const r = rng(5);
    const grid = identityGrid(h, w).map((v) => v + (r() - 0.5) * 0.05);
    const wrinkleGain = [0, 0.3, 0.5, 0.5, 0.4, 0.4, 0.3];
    const liftGain = [0, 0, 0, 0, 0.8, 0.7, 0.2];
    const toneGain = 0.5;
    const out = await run(buildProceduralGraph().serialize(), {
      image: { data: image.data, dims: [1, 3, h, w] },
      masks: { data: masks.data, dims: [1, REGION_COUNT, h, w] },
      wrinkle_gain: { data: Float32Array.from(wrinkleGain), dims: [1, REGION_COUNT, 1, 1] },
      lift_gain: { data: Float32Array.from(liftGain), dims: [1, REGION_COUNT, 1, 1] },
      tone_gain: { data: Float32Array.of(toneGain), dims: [1, 1, 1, 1] },
      grid: { data: grid, dims: [1, h, w, 2] },
    });
    const ref = proceduralRef({ image, masks, wrinkleGain, liftGain, toneGain, grid });
    expect(maxAbsDiff(out.delta!.data as Float32Array, ref.delta.data)).toBeLessThan(1e-4);
    expect(maxAbsDiff(out.alpha!.data as Float32Array, ref.alpha.data)).toBeLessThan(1e-5);
    // the mask is feathered by σ = 4 (radius 12): rows 0..(12-12-1) and beyond 36+12 are untouched
    const delta = out.delta!.data as Float32Array;
    let nonzeroOutside = 0;
    let nonzeroInside = 0;
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const v = delta[(c * h + y) * w + x]!;
          const inside = y >= 0 && y < 48 && x >= 0 && x < 40 && (ref.alpha.data[y * w + x]! > 0);
          if (!inside && v !== 0) nonzeroOutside++;
          if (inside && v !== 0) nonzeroInside++;
        }
    expect(nonzeroOutside).toBe(0);
    expect(nonzeroInside).toBeGreaterThan(100);
  });
});
