// The regions a de-age must not change, as masks in the 512² face space from the landmarks, and how much a
// result changed in each (mean absolute difference, 8-bit levels, RGB averaged):
//   brows — the brow polygons; eyes — the eye openings with the lids;
//   eye band edges — in the band from brow top to under the lower lids, the 5 % highest-contrast pixels of the
//     input: glasses frames, lashes, brow hairs, iris rims (wrinkles, weaker edges, are allowed to change);
//   outside the face — everything beyond the dilated silhouette: hair, ears, neck, background.
import type { Raster } from '../../../src/effects/plates/png';
import { annotations } from '../../../src/effects/deage/face/mesh';
import { fillPolygon, scalePoly, type Poly } from '../../../src/effects/deage/face/raster';
import { sampleToTensor } from '../../../src/effects/deage/face/sample';
import type { PreparedFace } from '../../../src/effects/deage/pipeline';

export const KEEP_REGIONS = ['brows', 'eyes', 'eyeBandEdges', 'outsideFace'] as const;
export type KeepRegion = (typeof KEEP_REGIONS)[number];

const A = annotations;
const poly = (p: Float32Array, idx: number[]): Poly => idx.map((i) => [p[2 * i]!, p[2 * i + 1]!]);

export function keepMasks(face: PreparedFace): Record<KeepRegion, Uint8Array> {
  const S = face.space.size;
  const p = face.points;
  const n = S * S;
  const f = () => new Float32Array(n);
  const brows = f();
  const eyes = f();
  for (const side of ['right', 'left']) {
    fillPolygon(brows, S, S, poly(p, [...A[`${side}EyebrowUpper`]!, ...[...A[`${side}EyebrowLower`]!].reverse()]));
    fillPolygon(eyes, S, S, poly(p, [...A[`${side}EyeLower1`]!, ...[...A[`${side}EyeUpper1`]!].reverse()]));
  }
  // the eye band: between the temples, from the brow tops to the lowest lid contour
  let top = Infinity;
  let bottom = -Infinity;
  for (const i of [...A.rightEyebrowUpper!, ...A.leftEyebrowUpper!]) top = Math.min(top, p[2 * i + 1]!);
  for (const i of [...A.rightEyeLower3!, ...A.leftEyeLower3!]) bottom = Math.max(bottom, p[2 * i + 1]!);
  const xs = [p[2 * 127]!, p[2 * 356]!];
  const band: Poly = [
    [Math.min(...xs), top],
    [Math.max(...xs), top],
    [Math.max(...xs), bottom],
    [Math.min(...xs), bottom],
  ];
  const bandMask = f();
  fillPolygon(bandMask, S, S, band);
  const contrast = localContrast(face.crop, S);
  const inBand: number[] = [];
  for (let i = 0; i < n; i++) if (bandMask[i]) inBand.push(contrast[i]!);
  inBand.sort((a, b) => a - b);
  const cut = inBand[Math.floor(0.95 * inBand.length)] ?? Infinity;
  const edges = f();
  for (let i = 0; i < n; i++) if (bandMask[i] && contrast[i]! >= cut) edges[i] = 1;
  const inside = f();
  fillPolygon(inside, S, S, scalePoly(poly(p, A.silhouette!), 1.15));
  const toBytes = (m: Float32Array) => Uint8Array.from(m, (v) => (v > 0 ? 1 : 0));
  return { brows: toBytes(brows), eyes: toBytes(eyes), eyeBandEdges: toBytes(edges), outsideFace: Uint8Array.from(inside, (v) => (v > 0 ? 0 : 1)) };
}

/** |∇L| of the luminance with central differences (0..1 units). */
function localContrast(img: Float32Array, S: number): Float32Array {
  const n = S * S;
  const L = new Float32Array(n);
  for (let i = 0; i < n; i++) L[i] = 0.299 * img[i]! + 0.587 * img[n + i]! + 0.114 * img[2 * n + i]!;
  const g = new Float32Array(n);
  for (let y = 1; y < S - 1; y++)
    for (let x = 1; x < S - 1; x++) {
      const i = y * S + x;
      g[i] = Math.hypot(L[i + 1]! - L[i - 1]!, L[i + S]! - L[i - S]!);
    }
  return g;
}

/** Mean |after − before| in 8-bit levels over each region, both read in the same face space. */
export function regionChange(before: Raster, after: Raster, face: PreparedFace, masks: Record<KeepRegion, Uint8Array>): Record<KeepRegion, number> {
  const S = face.space.size;
  const n = S * S;
  const a = sampleToTensor(before, face.space.toImage, S, S, 1);
  const b = sampleToTensor(after, face.space.toImage, S, S, 1);
  const out = {} as Record<KeepRegion, number>;
  for (const r of KEEP_REGIONS) {
    const m = masks[r];
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (!m[i]) continue;
      for (let ch = 0; ch < 3; ch++) s += Math.abs(b[ch * n + i]! - a[ch * n + i]!);
      c += 3;
    }
    out[r] = c ? s / c : 0;
  }
  return out;
}
