// Building blocks of the authored de-age graphs, each a few ONNX nodes. Shared by the full procedural graph
// and the small per-block graphs the unit tests compare with plain TypeScript.
import type { GraphBuilder } from '../lib/onnx-graph';
import { gaussianKernel } from '../../src/effects/deage/constants';

/** Separable Gaussian blur with edge (clamp) padding, channel by channel (depthwise). */
export function gaussianBlur(g: GraphBuilder, x: string, channels: number, sigma: number): string {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const padded = g.one('Pad', [x, g.int64('blur_pads', [8], [0, 0, r, r, 0, 0, r, r])], { mode: 'edge' });
  const wh = new Float32Array(channels * k.length);
  for (let c = 0; c < channels; c++) wh.set(k, c * k.length);
  const h = g.one('Conv', [padded, g.float32('blur_h', [channels, 1, 1, k.length], wh)], {
    group: channels,
    kernel_shape: [1, k.length],
  });
  return g.one('Conv', [h, g.float32('blur_v', [channels, 1, k.length, 1], wh)], {
    group: channels,
    kernel_shape: [k.length, 1],
  });
}

/**
 * A very wide blur done cheaply and shift-equivariantly (so it cannot flicker as the face moves by
 * sub-pixels): a Gaussian of σ with taps `dilation` pixels apart, applied to an input that is already
 * blurred enough (σ ≳ dilation) not to alias. Edge padding as above.
 */
export function dilatedBlur(g: GraphBuilder, x: string, channels: number, dilation: number, sigma: number): string {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const reach = r * dilation;
  const padded = g.one('Pad', [x, g.int64('blur_pads', [8], [0, 0, reach, reach, 0, 0, reach, reach])], { mode: 'edge' });
  const wh = new Float32Array(channels * k.length);
  for (let c = 0; c < channels; c++) wh.set(k, c * k.length);
  const h = g.one('Conv', [padded, g.float32('blur_h', [channels, 1, 1, k.length], wh)], {
    group: channels,
    kernel_shape: [1, k.length],
    dilations: [1, dilation],
  });
  return g.one('Conv', [h, g.float32('blur_v', [channels, 1, k.length, 1], wh)], {
    group: channels,
    kernel_shape: [k.length, 1],
    dilations: [dilation, 1],
  });
}

/** channels [start, end) of a tensor along axis 1 */
export function channels(g: GraphBuilder, x: string, start: number, end: number): string {
  return g.one('Slice', [x, g.int64('s0', [1], [start]), g.int64('s1', [1], [end]), g.int64('ax', [1], [1])]);
}

/** Σ_c masks[c]·gains[c], clipped to [0, cap] — a per-pixel strength map from region masks and their gains. */
export function weightedSum(g: GraphBuilder, masks: string, gains: string, cap: number): string {
  const sum = g.one('ReduceSum', [g.one('Mul', [masks, gains]), g.int64('axes', [1], [1])], { keepdims: 1 });
  return g.one('Clip', [sum, g.scalar('lo', 0), g.scalar('hi', cap)]);
}
