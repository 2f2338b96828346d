// Smooth fields (wide feathers, warp displacements) computed at a quarter of the face-space resolution and
// read back bilinearly: the fields vary over tens of pixels, so this costs 1/16 of the work for no visible
// difference, which keeps the cues inside the per-frame budget.
import { featherPlane } from './feather';

export const COARSE = 4;

/** Box-average of an S×S plane into (S/f)×(S/f). */
export function downsample(src: Float32Array, S: number, f = COARSE): Float32Array {
  const s = S / f;
  const out = new Float32Array(s * s);
  const inv = 1 / (f * f);
  for (let y = 0; y < S; y++) {
    const row = ((y / f) | 0) * s;
    for (let x = 0; x < S; x++) out[row + ((x / f) | 0)] = out[row + ((x / f) | 0)]! + src[y * S + x]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * inv;
  return out;
}

/** Bilinear read of an (S/f)² plane back to S², pixel centres aligned. */
export function upsample(src: Float32Array, S: number, f = COARSE): Float32Array {
  const s = S / f;
  const out = new Float32Array(S * S);
  for (let y = 0; y < S; y++) {
    const v = Math.min(s - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(v);
    const y1 = Math.min(s - 1, y0 + 1);
    const fy = v - y0;
    for (let x = 0; x < S; x++) {
      const u = Math.min(s - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(u);
      const x1 = Math.min(s - 1, x0 + 1);
      const fx = u - x0;
      const top = src[y0 * s + x0]! * (1 - fx) + src[y0 * s + x1]! * fx;
      const bot = src[y1 * s + x0]! * (1 - fx) + src[y1 * s + x1]! * fx;
      out[y * S + x] = top + (bot - top) * fy;
    }
  }
  return out;
}

/** featherPlane for wide σ (≳ 2·COARSE px), at quarter resolution. */
export function featherWide(mask: Float32Array, S: number, sigma: number): Float32Array {
  const s = S / COARSE;
  return upsample(featherPlane(downsample(mask, S), s, s, sigma / COARSE), S);
}
