// Warps the face-space delta back onto the plate. Only pixels whose face-space alpha is above zero are
// written; every other pixel is copied byte for byte, so outside the face mask the plate is untouched.
import type { Raster } from '../plates/png';
import { apply, type Affine } from './face/affine';
import { bilinear } from './face/sample';
import type { FaceSpace } from './face/faceSpace';

export interface CompositeResult {
  output: Raster;
  /** pixels written (alpha > 0) */
  touched: number;
  /** pixels whose value actually changed */
  changed: number;
  /** plate-space box of the written pixels, [x0, y0, x1, y1) */
  bounds: [number, number, number, number];
  /** the warped-back alpha, one byte per plate pixel (0..255), for the mask overlay */
  mask: Uint8Array;
}

function imageBounds(space: FaceSpace, w: number, h: number): [number, number, number, number] {
  const s = space.size;
  const corners = [apply(space.toImage, [0, 0]), apply(space.toImage, [s, 0]), apply(space.toImage, [0, s]), apply(space.toImage, [s, s])];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [
    Math.max(0, Math.floor(Math.min(...xs))),
    Math.max(0, Math.floor(Math.min(...ys))),
    Math.min(w, Math.ceil(Math.max(...xs))),
    Math.min(h, Math.ceil(Math.max(...ys))),
  ];
}

export function compositeDelta(plate: Raster, space: FaceSpace, delta: Float32Array, alpha: Float32Array, target?: Raster): CompositeResult {
  const { width: W, height: H } = plate;
  const out: Raster = target ?? { width: W, height: H, data: new Uint8ClampedArray(plate.data) };
  if (target) target.data.set(plate.data);
  const mask = new Uint8Array(W * H);
  const s = space.size;
  const [bx0, by0, bx1, by1] = imageBounds(space, W, H);
  const m: Affine = space.toFace;
  let touched = 0;
  let changed = 0;
  let minX = W;
  let minY = H;
  let maxX = 0;
  let maxY = 0;
  for (let y = by0; y < by1; y++) {
    for (let x = bx0; x < bx1; x++) {
      const u = m[0] * (x + 0.5) + m[1] * (y + 0.5) + m[2] - 0.5;
      const v = m[3] * (x + 0.5) + m[4] * (y + 0.5) + m[5] - 0.5;
      if (u < -0.5 || v < -0.5 || u > s - 0.5 || v > s - 0.5) continue;
      const a = bilinear(alpha, s, s, 0, u, v);
      if (!(a > 0)) continue;
      touched++;
      mask[y * W + x] = Math.min(255, Math.round(a * 255));
      const i = (y * W + x) * 4;
      let diff = false;
      for (let c = 0; c < 3; c++) {
        const before = plate.data[i + c]!;
        const after = Math.min(255, Math.max(0, Math.round(before + 255 * bilinear(delta, s, s, c, u, v))));
        out.data[i + c] = after;
        if (after !== before) diff = true;
      }
      if (diff) {
        changed++;
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x + 1 > maxX) maxX = x + 1;
        if (y + 1 > maxY) maxY = y + 1;
      }
    }
  }
  return { output: out, touched, changed, bounds: changed ? [minX, minY, maxX, maxY] : [0, 0, 0, 0], mask };
}
