// Card-driven glue for image models: build the model's input from an RGB image plus the card's conditioning
// parameters (a FRAN-style re-ager takes RGB + source-age map + target-age map), and apply its output as the
// card's semantics say (rgb_delta is added to the image, rgb replaces it). Nothing here knows a model by name.
import type { ModelCard } from './modelCard';
import type { Feeds, TensorData } from './types';

/** RGB planes (NCHW float32, in the card's image value range) + constant maps for each conditioning param. */
export function conditionedFeeds(card: ModelCard, rgb: TensorData, params: Record<string, number>): Feeds {
  if (rgb.dtype !== 'float32' || rgb.dims.length !== 4 || rgb.dims[1] !== 3) {
    throw new Error(`conditionedFeeds: expected float32 [1, 3, H, W], got ${rgb.dtype} [${rgb.dims.join(', ')}]`);
  }
  const [n, , h, w] = rgb.dims as [number, number, number, number];
  const feeds: Feeds = {};
  for (const spec of card.inputs) {
    const conds = card.conditioning.filter((c) => c.input === spec.name);
    const channels = typeof spec.shape[1] === 'number' ? spec.shape[1] : 3 + conds.length;
    if (conds.length === 0 && channels === 3) {
      feeds[spec.name] = rgb;
      continue;
    }
    const plane = h * w;
    const data = new Float32Array(n * channels * plane);
    for (let b = 0; b < n; b++) data.set((rgb.data as Float32Array).subarray(b * 3 * plane, (b + 1) * 3 * plane), b * channels * plane);
    for (const c of conds) {
      if (c.channel === undefined || c.channel >= channels) throw new Error(`card: conditioning "${c.name}" has no channel inside "${spec.name}"`);
      const raw = params[c.name] ?? c.default;
      if (raw < c.range[0] || raw > c.range[1]) {
        throw new Error(`${c.name} = ${raw} ${c.unit} is outside the model's range ${c.range[0]}–${c.range[1]} ${c.unit}`);
      }
      const v = raw * c.encode.scale + c.encode.offset;
      for (let b = 0; b < n; b++) data.fill(v, (b * channels + c.channel) * plane, (b * channels + c.channel + 1) * plane);
    }
    feeds[spec.name] = { dtype: 'float32', dims: [n, channels, h, w], data };
  }
  return feeds;
}

/** The image after the model: rgb_delta added, rgb taken as is, clamped to the output's declared range. */
export function applyImageOutput(card: ModelCard, rgb: TensorData, outputs: Record<string, TensorData>): TensorData {
  const spec = card.outputs.find((o) => o.semantics === 'rgb' || o.semantics === 'rgb_delta');
  if (!spec) throw new Error(`model "${card.id}" has no rgb or rgb_delta output`);
  const out = outputs[spec.name];
  if (!out) throw new Error(`model "${card.id}" did not produce "${spec.name}"`);
  if (out.data.length !== rgb.data.length) throw new Error(`output "${spec.name}" [${out.dims.join(', ')}] does not match the image [${rgb.dims.join(', ')}]`);
  const [lo, hi] = card.inputs[0]?.valueRange ?? [0, 1];
  const src = rgb.data as Float32Array;
  const o = out.data as Float32Array;
  const data = new Float32Array(src.length);
  for (let i = 0; i < data.length; i++) {
    const v = spec.semantics === 'rgb_delta' ? src[i]! + o[i]! : o[i]!;
    data[i] = Math.min(hi, Math.max(lo, v));
  }
  return { dtype: 'float32', dims: [...rgb.dims], data };
}
