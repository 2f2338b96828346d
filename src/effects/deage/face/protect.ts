// Glasses frames, lashes and brow hairs that sit on landmark "skin" (the mesh knows nothing of glasses): in the
// band from the brow tops to below the lower lids, the input's strongest edges are taken out of the skin and
// wrinkle masks, so smoothing and tone work never fade them. Wrinkles there are weaker edges and stay treatable.
// "Strongest" is both absolute (above PROTECT_EDGE) and relative to the face: the band's own top PROTECT_SHARE
// of edges, between the temples. On a soft, low-contrast face the lashes and brow hairs fall below the absolute
// threshold, and deep crow's feet then outranked them and were smoothed as if structure (one evaluation face
// changed 3.6 levels on its strongest band edges against a stated limit of 3).
import { REGION_COUNT } from '../constants';
import { annotations } from './mesh';
import { geometry } from './regions';

const A = annotations;

/** |∇L| (central differences of a 3×3-box-blurred luminance, 0..1 units) above which a pixel is protected. */
export const PROTECT_EDGE = 0.09;
/** The share of the eye band's edges (strongest first) protected on every face, whatever its contrast. */
export const PROTECT_SHARE = 0.05;

/**
 * Removes protected pixels from channels 1.. (skin and its regions) of `masks` in place and marks them in `keep`
 * (the pixels the effect must leave exactly as they are); returns how many.
 */
export function protectEdges(masks: Float32Array, crop: Float32Array, p: Float32Array, S: number, keep?: Float32Array): number {
  const n = S * S;
  let top = Infinity;
  let bottom = -Infinity;
  for (const i of [...A.rightEyebrowUpper!, ...A.leftEyebrowUpper!]) top = Math.min(top, p[2 * i + 1]!);
  for (const i of [...A.rightEyeLower3!, ...A.leftEyeLower3!]) bottom = Math.max(bottom, p[2 * i + 1]!);
  const { iod } = geometry(p);
  const y0 = Math.max(1, Math.floor(top - 0.1 * iod));
  const y1 = Math.min(S - 2, Math.ceil(bottom + 0.15 * iod));
  const L = new Float32Array(n);
  for (let y = Math.max(0, y0 - 2); y <= Math.min(S - 1, y1 + 2); y++)
    for (let x = 0; x < S; x++) {
      const i = y * S + x;
      L[i] = 0.299 * crop[i]! + 0.587 * crop[n + i]! + 0.114 * crop[2 * n + i]!;
    }
  const B = new Float32Array(n);
  for (let y = Math.max(1, y0 - 1); y <= Math.min(S - 2, y1 + 1); y++)
    for (let x = 1; x < S - 1; x++) {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += L[(y + dy) * S + x + dx]!;
      B[y * S + x] = s / 9;
    }
  const G = new Float32Array(n);
  for (let y = y0; y <= y1; y++)
    for (let x = 2; x < S - 2; x++) {
      const i = y * S + x;
      G[i] = Math.hypot(B[i + 1]! - B[i - 1]!, B[i + S]! - B[i - S]!);
    }
  // the face's own strongest edges in the band, temple to temple
  const bx0 = Math.max(2, Math.floor(Math.min(p[2 * 127]!, p[2 * 356]!)));
  const bx1 = Math.min(S - 3, Math.ceil(Math.max(p[2 * 127]!, p[2 * 356]!)));
  let cut = PROTECT_EDGE;
  if (y1 >= y0 && bx1 > bx0) {
    const band = new Float32Array((y1 - y0 + 1) * (bx1 - bx0 + 1));
    let k = 0;
    for (let y = y0; y <= y1; y++) for (let x = bx0; x <= bx1; x++) band[k++] = G[y * S + x]!;
    band.sort();
    cut = Math.min(cut, band[Math.floor((1 - PROTECT_SHARE) * (band.length - 1))]!);
  }
  const hit = new Uint8Array(n);
  for (let y = y0; y <= y1; y++)
    for (let x = 2; x < S - 2; x++) {
      const i = y * S + x;
      const g = G[i]!;
      if (g > PROTECT_EDGE || (g >= cut && g > 0 && x >= bx0 && x <= bx1)) hit[i] = 1;
    }
  let count = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = 2; x < S - 2; x++) {
      // dilate by one pixel: the edge and its immediate sides
      const i = y * S + x;
      if (!(hit[i] || hit[i - 1] || hit[i + 1] || hit[i - S] || hit[i + S])) continue;
      if (keep) keep[i] = 1;
      if (!masks[n + i]) continue;
      for (let c = 1; c < REGION_COUNT; c++) masks[c * n + i] = 0;
      count++;
    }
  return count;
}
