// A separable Gaussian blur of one float plane with clamped edges — the same feathering the procedural graph
// applies to its masks, for the learned-model path where the model does not feather for us.
import { gaussianKernel } from '../constants';

export function featherPlane(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += k[i + r]! * src[y * w + Math.min(w - 1, Math.max(0, x + i))]!;
      tmp[y * w + x] = s;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += k[i + r]! * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x]!;
      // a plane that is zero within the kernel's reach must stay exactly zero
      out[y * w + x] = s < 1e-7 ? 0 : s;
    }
  return out;
}
