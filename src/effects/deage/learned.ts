// The learned-model slot: a FRAN-style re-aging network described only by its model card — an NCHW input
// whose first three channels are the RGB crop (normalised as the card says) and whose conditioning channels
// carry the source and target ages as constant maps, and an `rgb_delta` (or `rgb`) output. Nothing here
// knows a particular model; a studio's own network drops in with its card.
import type { ModelCard, TensorSpec } from '../runtime/modelCard';
import { modelName, type TensorData } from './face/runner';

function toModel(norm: TensorSpec['normalisation'], unit: number, c: number): number {
  switch (norm.kind) {
    case 'none':
      return unit;
    case 'affine':
      return (norm.from === 'uint8' ? unit * 255 : unit) * norm.scale + norm.offset;
    case 'mean-std':
      return (unit - norm.mean[c % norm.mean.length]!) / norm.std[c % norm.std.length]!;
  }
}

/** model units → 0..1 units, for a delta (no offset) */
function deltaToUnit(norm: TensorSpec['normalisation'], v: number, c: number): number {
  switch (norm.kind) {
    case 'none':
      return v;
    case 'affine':
      return v / norm.scale / (norm.from === 'uint8' ? 255 : 1);
    case 'mean-std':
      return v * norm.std[c % norm.std.length]!;
  }
}

function valueToUnit(norm: TensorSpec['normalisation'], v: number, c: number): number {
  switch (norm.kind) {
    case 'none':
      return v;
    case 'affine':
      return (v - norm.offset) / norm.scale / (norm.from === 'uint8' ? 255 : 1);
    case 'mean-std':
      return v * norm.std[c % norm.std.length]! + norm.mean[c % norm.mean.length]!;
  }
}

/** Which conditioning parameter is the source age and which the target, by name. */
function ageParam(card: ModelCard, which: 'source' | 'target') {
  const p = card.conditioning.find((c) => c.name.toLowerCase().includes(which));
  if (!p) throw new Error(`model "${card.id}": its card has no "${which}" age conditioning parameter`);
  return p;
}

export function learnedImageInput(card: ModelCard): TensorSpec {
  const name = card.tiling.mode === 'tiled' ? card.tiling.imageInput : card.inputs[0]!.name;
  const spec = card.inputs.find((i) => i.name === name);
  if (!spec || spec.layout !== 'NCHW' || spec.shape.length !== 4) {
    throw new Error(`model "${card.id}": image input "${name}" must be NCHW of rank 4 for the de-age slot`);
  }
  return spec;
}

/** Checks the card fits the slot before anything runs; returns the problems in words. */
export function learnedSlotProblems(card: ModelCard): string[] {
  const problems: string[] = [];
  try {
    learnedImageInput(card);
  } catch (e) {
    problems.push((e as Error).message);
  }
  for (const w of ['source', 'target'] as const) {
    try {
      ageParam(card, w);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  const out = card.outputs.find((o) => o.semantics === 'rgb_delta' || o.semantics === 'rgb');
  if (!out) problems.push(`model "${card.id}": no output with semantics rgb_delta or rgb`);
  return problems;
}

export function prepareLearnedFeeds(card: ModelCard, crop: Float32Array, S: number, ages: { source: number; target: number }): Record<string, TensorData> {
  const problems = learnedSlotProblems(card);
  if (problems.length) throw new Error(problems.join('; '));
  const feeds: Record<string, TensorData> = {};
  const plane = S * S;
  for (const spec of card.inputs) {
    const fixedC = typeof spec.shape[1] === 'number' ? spec.shape[1] : 3;
    const data = new Float32Array(fixedC * plane);
    if (spec === learnedImageInput(card)) {
      for (let c = 0; c < 3; c++) for (let i = 0; i < plane; i++) data[c * plane + i] = toModel(spec.normalisation, crop[c * plane + i]!, c);
    }
    for (const which of ['source', 'target'] as const) {
      const p = ageParam(card, which);
      if (p.input !== spec.name) continue;
      const age = ages[which];
      if (age < p.range[0] || age > p.range[1]) {
        throw new Error(`${which} age ${age.toFixed(1)} ${p.unit} is outside model "${card.id}"'s range ${p.range[0]}–${p.range[1]} ${p.unit}`);
      }
      const value = age * p.encode.scale + p.encode.offset;
      const ch = p.channel ?? 0;
      if (ch >= fixedC) throw new Error(`model "${card.id}": ${p.name} writes channel ${ch} of a ${fixedC}-channel input`);
      data.fill(value, ch * plane, (ch + 1) * plane);
    }
    feeds[spec.name] = { data, dims: [1, fixedC, S, S] };
  }
  return feeds;
}

/** The model's output as a delta in 0..1 units, [3, S, S]. */
export function readLearnedDelta(card: ModelCard, out: Record<string, TensorData>, crop: Float32Array, S: number): Float32Array {
  const spec = card.outputs.find((o) => o.semantics === 'rgb_delta') ?? card.outputs.find((o) => o.semantics === 'rgb')!;
  const t = out[spec.name];
  if (!t) throw new Error(`model ${modelName({ card, bytes: new Uint8Array() })} returned no output "${spec.name}"`);
  const plane = S * S;
  if (t.data.length < 3 * plane) throw new Error(`model "${card.id}": output "${spec.name}" has ${t.data.length} values, expected ${3 * plane}`);
  const delta = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++)
    for (let i = 0; i < plane; i++) {
      const v = t.data[c * plane + i]!;
      delta[c * plane + i] = spec.semantics === 'rgb_delta' ? deltaToUnit(spec.normalisation, v, c) : valueToUnit(spec.normalisation, v, c) - crop[c * plane + i]!;
    }
  return delta;
}
