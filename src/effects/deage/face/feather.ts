// A separable Gaussian blur of one float plane with clamped edges — the feathering of the hard region masks
// (skin, lips, keep) in face space.
// The masks cover part of the crop only, so the blur runs over the mask's support widened by the kernel's
// reach: outside it every tap reads zero and the result is exactly zero. Inside, the taps are summed in the
// same order as the plain two-loop blur (per pixel, left to right, then top to bottom), so the output is
// bit-identical to it (the test keeps that reference) at a fraction of the cost: this ran first in the
// effect's own JavaScript at 1080p (issue 15).
import { gaussianKernel } from '../constants';
import { markedBox } from '../../plates/markedBox';

export function featherPlane(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const out = new Float32Array(w * h);
  const box = markedBox(w, h, (i) => src[i] !== 0);
  if (!box) return out;
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  // columns and rows the blur can reach; beyond them every tap is zero
  const cx0 = Math.max(0, box.x0 - r);
  const cx1 = Math.min(w - 1, box.x1 + r);
  const ry0 = Math.max(0, box.y0 - r);
  const ry1 = Math.min(h - 1, box.y1 + r);
  const tmp = new Float32Array(w * h);
  for (let y = box.y0; y <= box.y1; y++) {
    const row = y * w;
    for (let x = cx0; x <= cx1; x++) {
      let s = 0;
      if (x - r >= 0 && x + r < w) for (let i = -r, j = row + x - r; i <= r; i++, j++) s += k[i + r]! * src[j]!;
      else for (let i = -r; i <= r; i++) s += k[i + r]! * src[row + Math.min(w - 1, Math.max(0, x + i))]!;
      tmp[row + x] = s;
    }
  }
  // vertical pass row by row, accumulating whole rows in tap order: each pixel's sum runs i = −r..r as before
  const span = cx1 - cx0 + 1;
  const acc = new Float64Array(span);
  for (let y = ry0; y <= ry1; y++) {
    acc.fill(0);
    for (let i = -r; i <= r; i++) {
      const ty = Math.min(h - 1, Math.max(0, y + i));
      const kv = k[i + r]!;
      const from = ty * w + cx0;
      for (let x = 0; x < span; x++) acc[x] = acc[x]! + kv * tmp[from + x]!;
    }
    const row = y * w + cx0;
    // a plane that is zero within the kernel's reach must stay exactly zero
    for (let x = 0; x < span; x++) {
      const s = acc[x]!;
      out[row + x] = s < 1e-7 ? 0 : s;
    }
  }
  return out;
}
