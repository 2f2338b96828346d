// Temporal stability measures. `flickerInMask` is the mean absolute frame-to-frame change inside a mask;
// for a clip with known motion the frames are first warped back to a common reference (stabilised), so
// what remains is flicker, not motion. The review panel's flicker view draws the same per-pixel difference.
import type { Raster } from '../plates/png';
import { invert, type Affine } from './face/affine';
import { bilinear } from './face/sample';
import { createRng } from '../../core/util/prng';

/** Resamples `frame` through `toFrame` (reference pixel → frame pixel) into a planar float [3, h, w] in 0..255. */
export function stabilise(frame: Raster, toFrame: Affine, w: number, h: number): Float32Array {
  const planes = new Float32Array(3 * frame.width * frame.height);
  const n = frame.width * frame.height;
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) planes[c * n + i] = frame.data[4 * i + c]!;
  const out = new Float32Array(3 * w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const fx = toFrame[0] * (x + 0.5) + toFrame[1] * (y + 0.5) + toFrame[2] - 0.5;
      const fy = toFrame[3] * (x + 0.5) + toFrame[4] * (y + 0.5) + toFrame[5] - 0.5;
      for (let c = 0; c < 3; c++) out[c * w * h + y * w + x] = bilinear(planes, frame.width, frame.height, c, fx, fy);
    }
  return out;
}

/** Mean |a − b| over mask pixels (mask > 0) and the three channels. */
export function meanAbsDiffInMask(a: Float32Array, b: Float32Array, mask: Uint8Array, w: number, h: number): number {
  let sum = 0;
  let count = 0;
  const n = w * h;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    for (let c = 0; c < 3; c++) sum += Math.abs(a[c * n + i]! - b[c * n + i]!);
    count += 3;
  }
  return count ? sum / count : 0;
}

/** Average over consecutive pairs of stabilised frames. */
export function flickerInMask(frames: Raster[], toFrame: Affine[], mask: Uint8Array, w: number, h: number): { mean: number; perPair: number[] } {
  const stab = frames.map((f, i) => stabilise(f, toFrame[i]!, w, h));
  const perPair: number[] = [];
  for (let i = 1; i < stab.length; i++) perPair.push(meanAbsDiffInMask(stab[i - 1]!, stab[i]!, mask, w, h));
  return { mean: perPair.reduce((a, b) => a + b, 0) / Math.max(1, perPair.length), perPair };
}

/** A still moved by a known, smooth drift and zoom: frame i shows reference pixel p at motion[i](p). */
export function motionClip(still: Raster, count: number, amplitudePx = 3, zoom = 0.01, noise = 0, seed = 1): { frames: Raster[]; toFrame: Affine[] } {
  // sensor-like grain, different every frame (seeded): it is what makes landmarks jitter on real plates
  const rng = createRng(seed);
  // (0, 1]: the Box–Muller log never sees 0
  const uniform = () => 1 - rng();
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const frames: Raster[] = [];
  const toFrame: Affine[] = [];
  const cx = still.width / 2;
  const cy = still.height / 2;
  for (let i = 0; i < count; i++) {
    const t = i / Math.max(1, count - 1);
    const s = 1 + zoom * Math.sin(2 * Math.PI * t);
    const dx = amplitudePx * Math.sin(2 * Math.PI * t * 1.3);
    const dy = amplitudePx * 0.6 * Math.cos(2 * Math.PI * t);
    // reference → frame: scale about the centre, then shift
    const m: Affine = [s, 0, cx - s * cx + dx, 0, s, cy - s * cy + dy];
    toFrame.push(m);
    const back = invert(m);
    const stab = stabilise(still, back, still.width, still.height);
    const n = still.width * still.height;
    const data = new Uint8ClampedArray(4 * n);
    for (let k = 0; k < n; k++) {
      for (let c = 0; c < 3; c++) data[4 * k + c] = Math.round(stab[c * n + k]! + (noise ? noise * gauss() : 0));
      data[4 * k + 3] = 255;
    }
    frames.push({ width: still.width, height: still.height, data });
  }
  return { frames, toFrame };
}
