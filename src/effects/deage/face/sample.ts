// Resampling between the plate raster and float tensors in face space. Bilinear, edge-clamped.
import type { Raster } from '../../plates/png';
import { type Affine } from './affine';

/**
 * Samples an RGBA8 raster into a planar float tensor [3, size, size] (scaled by `scale`, 1/255 gives 0..1):
 * tensor pixel (u, v) reads the raster at `toImage(u + 0.5, v + 0.5) − 0.5` (pixel centres).
 */
export function sampleToTensor(r: Raster, toImage: Affine, width: number, height: number, scale: number, out?: Float32Array): Float32Array {
  const t = out ?? new Float32Array(3 * width * height);
  const plane = width * height;
  const { data, width: W, height: H } = r;
  const [a, b, c, d, e, f] = toImage;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const x = a * (u + 0.5) + b * (v + 0.5) + c - 0.5;
      const y = d * (u + 0.5) + e * (v + 0.5) + f - 0.5;
      const xc = Math.min(Math.max(x, 0), W - 1);
      const yc = Math.min(Math.max(y, 0), H - 1);
      const x0 = Math.floor(xc);
      const y0 = Math.floor(yc);
      const x1 = Math.min(x0 + 1, W - 1);
      const y1 = Math.min(y0 + 1, H - 1);
      const fx = xc - x0;
      const fy = yc - y0;
      const i00 = (y0 * W + x0) * 4;
      const i01 = (y0 * W + x1) * 4;
      const i10 = (y1 * W + x0) * 4;
      const i11 = (y1 * W + x1) * 4;
      const o = v * width + u;
      for (let ch = 0; ch < 3; ch++) {
        const top = data[i00 + ch]! + (data[i01 + ch]! - data[i00 + ch]!) * fx;
        const bot = data[i10 + ch]! + (data[i11 + ch]! - data[i10 + ch]!) * fx;
        t[ch * plane + o] = (top + (bot - top) * fy) * scale;
      }
    }
  }
  return t;
}

/** Bilinear read of a planar float tensor [C, h, w] at continuous (x, y) pixel-centre coordinates. */
export function bilinear(t: Float32Array, w: number, h: number, ch: number, x: number, y: number): number {
  const xc = Math.min(Math.max(x, 0), w - 1);
  const yc = Math.min(Math.max(y, 0), h - 1);
  const x0 = Math.floor(xc);
  const y0 = Math.floor(yc);
  const x1 = Math.min(x0 + 1, w - 1);
  const y1 = Math.min(y0 + 1, h - 1);
  const fx = xc - x0;
  const fy = yc - y0;
  const base = ch * w * h;
  const top = t[base + y0 * w + x0]! * (1 - fx) + t[base + y0 * w + x1]! * fx;
  const bot = t[base + y1 * w + x0]! * (1 - fx) + t[base + y1 * w + x1]! * fx;
  return top * (1 - fy) + bot * fy;
}
