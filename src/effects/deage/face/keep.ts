// What the effect must leave as it is: the brows, the eyes (opening and lid margins) and the protected edges
// (glasses frames, lashes) — as a weight the final delta is multiplied by (1 − weight), and a wider one that
// fades the mesh warp out before it reaches them, so nothing there is smoothed, toned, warmed or moved.
import { featherPlane } from './feather';
import { featherWide } from './coarse';
import { annotations } from './mesh';
import { fillPolygon, scalePoly, type Poly } from './raster';
import { geometry } from './regions';

const A = annotations;
const poly = (p: Float32Array, idx: number[]): Poly => idx.map((i) => [p[2 * i]!, p[2 * i + 1]!]);

/** Hard keep mask: brows and eyes (slightly dilated) plus whatever `extra` already marks. */
export function keepMask(p: Float32Array, S: number, extra?: Float32Array): Float32Array {
  const m = extra ? extra.slice() : new Float32Array(S * S);
  for (const side of ['right', 'left']) {
    fillPolygon(m, S, S, scalePoly(poly(p, [...A[`${side}EyebrowUpper`]!, ...[...A[`${side}EyebrowLower`]!].reverse()]), 1.1));
    fillPolygon(m, S, S, scalePoly(poly(p, [...A[`${side}EyeLower1`]!, ...[...A[`${side}EyeUpper1`]!].reverse()]), 1.08));
  }
  return m;
}

/** A soft weight that is exactly 1 on the hard mask and falls off outside it (feathered, doubled, clipped). */
export function keepWeight(hard: Float32Array, S: number, sigma: number): Float32Array {
  const f = featherPlane(hard, S, S, sigma);
  for (let i = 0; i < f.length; i++) f[i] = hard[i] ? 1 : Math.min(1, 2 * f[i]!);
  return f;
}

/** Where the warp may act: 0 on and near the brows and eyes, 1 away from them. */
export function warpFreedom(p: Float32Array, hard: Float32Array, S: number): Float32Array {
  const { iod } = geometry(p);
  const f = featherWide(hard, S, Math.max(8, 0.06 * iod));
  for (let i = 0; i < f.length; i++) f[i] = hard[i] ? 0 : 1 - Math.min(1, 2 * f[i]!);
  return f;
}
