import { describe, expect, it } from 'vitest';
import { gaussianKernel } from '../constants';
import { featherPlane } from './feather';
import { fillEllipse, fillPolygon } from './raster';

// the plain two-loop blur the bounded one must reproduce bit for bit
function reference(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
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
      out[y * w + x] = s < 1e-7 ? 0 : s;
    }
  return out;
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('featherPlane', () => {
  it('matches the plain blur bit for bit: masks inside, on the edges and in the corners of the plane', () => {
    const rnd = lcg(7);
    const [w, h] = [97, 64];
    for (let t = 0; t < 40; t++) {
      const m = new Float32Array(w * h);
      const cx = rnd() * w * 1.2 - 0.1 * w;
      const cy = rnd() * h * 1.2 - 0.1 * h;
      fillEllipse(m, w, h, [cx, cy], 2 + rnd() * 30, 2 + rnd() * 20);
      if (t % 3 === 0) fillPolygon(m, w, h, [[rnd() * w, 0], [w, rnd() * h], [rnd() * w, h]], rnd());
      if (t % 5 === 0) m[Math.floor(rnd() * w * h)] = 0.37; // a lone speck
      const sigma = [0.7, 1.5, 4, 9][t % 4]!;
      const got = featherPlane(m, w, h, sigma);
      const want = reference(m, w, h, sigma);
      expect(got.length).toBe(want.length);
      let diff = 0;
      for (let i = 0; i < got.length; i++) if (got[i] !== want[i]) diff++;
      expect(diff, `case ${t}, σ ${sigma}`).toBe(0);
    }
  });

  it('an empty plane stays exactly zero, and a kernel wider than the plane clamps at both edges', () => {
    expect(featherPlane(new Float32Array(20 * 10), 20, 10, 3).every((v) => v === 0)).toBe(true);
    const m = new Float32Array(6 * 5);
    m[7] = 1;
    expect(Array.from(featherPlane(m, 6, 5, 4))).toEqual(Array.from(reference(m, 6, 5, 4)));
  });
});
