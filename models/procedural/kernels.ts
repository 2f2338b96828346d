// Kernels and plain-JS reference implementations for the procedural graphs. The references are what the
// test vectors are computed from, so a graph that drifts from its intent fails its own card.

export function gaussianKernel(size: number, sigma: number): number[] {
  const r = (size - 1) / 2;
  const k: number[] = [];
  let sum = 0;
  for (let y = -r; y <= r; y++) {
    for (let x = -r; x <= r; x++) {
      const v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
      k.push(v);
      sum += v;
    }
  }
  return k.map((v) => v / sum);
}

export function boxKernel(size: number): number[] {
  return new Array(size * size).fill(1 / (size * size));
}

/** Depthwise 2-D convolution of `channels` planes with one square kernel, zero padding ("same" output). */
export function depthwiseRef(src: ArrayLike<number>, channels: number, h: number, w: number, kernel: number[]): Float64Array {
  const size = Math.round(Math.sqrt(kernel.length));
  const r = (size - 1) / 2;
  const out = new Float64Array(channels * h * w);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let ky = 0; ky < size; ky++) {
          const sy = y + ky - r;
          if (sy < 0 || sy >= h) continue;
          for (let kx = 0; kx < size; kx++) {
            const sx = x + kx - r;
            if (sx < 0 || sx >= w) continue;
            acc += kernel[ky * size + kx]! * src[(c * h + sy) * w + sx]!;
          }
        }
        out[(c * h + y) * w + x] = acc;
      }
    }
  }
  return out;
}

/** Indices spread over a tensor, deterministic: the sample points a card checks. */
export function spreadIndices(length: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(Math.floor(((k * 2654435761) % 4294967296) / 4294967296 * length));
  return [...new Set(out)].sort((a, b) => a - b);
}
