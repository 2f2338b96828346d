// Plain TypeScript versions of every step of the procedural de-age graph, written independently of ONNX
// (loops over pixels), so the unit tests can check the authored graph against them on small inputs.
import { LIMITS, REGION_COUNT, SCALES, gaussianKernel } from '../../src/effects/deage/constants';

export interface Planar {
  c: number;
  h: number;
  w: number;
  data: Float32Array;
}

const at = (p: Planar, c: number, y: number, x: number) =>
  p.data[(c * p.h + Math.min(Math.max(y, 0), p.h - 1)) * p.w + Math.min(Math.max(x, 0), p.w - 1)]!;

export function blurRef(p: Planar, sigma: number): Planar {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const tmp = new Float32Array(p.data.length);
  const out = new Float32Array(p.data.length);
  const tp: Planar = { ...p, data: tmp };
  for (let c = 0; c < p.c; c++)
    for (let y = 0; y < p.h; y++)
      for (let x = 0; x < p.w; x++) {
        let s = 0;
        for (let i = -r; i <= r; i++) s += k[i + r]! * at(p, c, y, x + i);
        tmp[(c * p.h + y) * p.w + x] = s;
      }
  for (let c = 0; c < p.c; c++)
    for (let y = 0; y < p.h; y++)
      for (let x = 0; x < p.w; x++) {
        let s = 0;
        for (let i = -r; i <= r; i++) s += k[i + r]! * at(tp, c, y + i, x);
        out[(c * p.h + y) * p.w + x] = s;
      }
  return { ...p, data: out };
}

/** Gaussian blur whose taps are `d` pixels apart, clamped edges */
export function dilatedBlurRef(p: Planar, d: number, sigma: number): Planar {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const tmp = new Float32Array(p.data.length);
  const out = new Float32Array(p.data.length);
  const tp: Planar = { ...p, data: tmp };
  for (let c = 0; c < p.c; c++)
    for (let y = 0; y < p.h; y++)
      for (let x = 0; x < p.w; x++) {
        let s = 0;
        for (let i = -r; i <= r; i++) s += k[i + r]! * at(p, c, y, x + i * d);
        tmp[(c * p.h + y) * p.w + x] = s;
      }
  for (let c = 0; c < p.c; c++)
    for (let y = 0; y < p.h; y++)
      for (let x = 0; x < p.w; x++) {
        let s = 0;
        for (let i = -r; i <= r; i++) s += k[i + r]! * at(tp, c, y + i * d, x);
        out[(c * p.h + y) * p.w + x] = s;
      }
  return { ...p, data: out };
}

/** GridSample, bilinear, border padding, align_corners = 0; grid is [h, w, 2] in normalised [-1, 1] */
export function gridSampleRef(p: Planar, grid: Float32Array): Planar {
  const out = new Float32Array(p.data.length);
  for (let y = 0; y < p.h; y++)
    for (let x = 0; x < p.w; x++) {
      const gx = grid[(y * p.w + x) * 2]!;
      const gy = grid[(y * p.w + x) * 2 + 1]!;
      const sx = Math.min(Math.max(((gx + 1) * p.w - 1) / 2, 0), p.w - 1);
      const sy = Math.min(Math.max(((gy + 1) * p.h - 1) / 2, 0), p.h - 1);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < p.c; c++) {
        const top = at(p, c, y0, x0) * (1 - fx) + at(p, c, y0, x0 + 1) * fx;
        const bot = at(p, c, y0 + 1, x0) * (1 - fx) + at(p, c, y0 + 1, x0 + 1) * fx;
        out[(c * p.h + y) * p.w + x] = top * (1 - fy) + bot * fy;
      }
    }
  return { ...p, data: out };
}

export interface ProceduralInputs {
  image: Planar;
  masks: Planar;
  wrinkleGain: number[];
  liftGain: number[];
  toneGain: number;
  grid: Float32Array;
}

export function proceduralRef(inp: ProceduralInputs): { delta: Planar; alpha: Planar } {
  const { image, masks } = inp;
  const { h, w } = image;
  const n = h * w;
  const mf = blurRef(masks, SCALES.maskSigma);
  const fine = blurRef(image, SCALES.fineSigma);
  const medium = blurRef(image, SCALES.wrinkleSigma);
  const wide = dilatedBlurRef(medium, SCALES.toneDilation, SCALES.toneSigma);
  const clip = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const y = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    let wr = 0;
    let li = 0;
    for (let r = 0; r < REGION_COUNT; r++) {
      wr += mf.data[r * n + i]! * inp.wrinkleGain[r]!;
      li += mf.data[r * n + i]! * inp.liftGain[r]!;
    }
    const A = clip(wr, LIMITS.wrinkle);
    const L = clip(li, LIMITS.lift);
    const T = clip(mf.data[n + i]! * inp.toneGain, LIMITS.tone);
    for (let c = 0; c < 3; c++) {
      const j = c * n + i;
      const x = image.data[j]!;
      y[j] = x - A * (fine.data[j]! - medium.data[j]!) - T * (medium.data[j]! - wide.data[j]!) + L * Math.max(0, wide.data[j]! - medium.data[j]!);
    }
  }
  const warped = gridSampleRef({ c: 3, h, w, data: y }, inp.grid);
  const delta = new Float32Array(3 * n);
  const alpha = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = mf.data[i]!;
    alpha[i] = a;
    for (let c = 0; c < 3; c++) delta[c * n + i] = (warped.data[c * n + i]! - image.data[c * n + i]!) * a;
  }
  return { delta: { c: 3, h, w, data: delta }, alpha: { c: 1, h, w, data: alpha } };
}

export function identityGrid(h: number, w: number): Float32Array {
  const g = new Float32Array(h * w * 2);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      g[(y * w + x) * 2] = (2 * x + 1) / w - 1;
      g[(y * w + x) * 2 + 1] = (2 * y + 1) / h - 1;
    }
  return g;
}
