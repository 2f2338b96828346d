// The model card: the contract between a .onnx file and everything that uses it (runtime, effects, disclosure).
// A card sits next to its model as `<id>.card.json`; the runtime refuses any model whose bytes do not hash to
// the card's sha256, and any card that does not pass this schema.
import { z } from 'zod';
import { sha256Hex } from '../../core/util/sha256';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const Finite = z.number().refine(Number.isFinite, 'expected a finite number');

export const TensorDType = z.enum(['float32', 'float16', 'int64', 'int32', 'uint8', 'bool']);
export type TensorDType = z.infer<typeof TensorDType>;

/** A fixed size, or the name of a dynamic axis ('batch', 'height'…). */
export const CardDim = z.union([
  z.number().int().min(1).max(65_536),
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'a dynamic axis is named like an identifier'),
]);

export const ValueRange = z
  .tuple([Finite, Finite])
  .refine(([lo, hi]) => lo <= hi, 'value range must be [low, high] with low <= high');

export const Normalisation = z.union([
  z.object({ kind: z.literal('none') }),
  /** model value = pixel * scale + offset, pixel in 0..255 or 0..1 as `from` says */
  z.object({ kind: z.literal('affine'), from: z.enum(['uint8', 'unit']), scale: Finite, offset: Finite }),
  /** model value = (pixel/255 - mean[c]) / std[c] */
  z.object({ kind: z.literal('mean-std'), mean: z.array(Finite).min(1).max(4), std: z.array(Finite).min(1).max(4) }),
]);

export const TensorSpec = z.object({
  name: z.string().min(1).max(128),
  dtype: TensorDType,
  shape: z.array(CardDim).max(8),
  /** NCHW, NHWC, NC, N… or 'none' for tensors that are not images/features */
  layout: z.string().min(1).max(16),
  colorSpace: z.enum(['srgb', 'linear-srgb', 'none']),
  valueRange: ValueRange,
  normalisation: Normalisation,
  description: z.string().max(1024).optional(),
});
export type TensorSpec = z.infer<typeof TensorSpec>;

export const OutputSemantics = z.enum([
  'rgb',
  'rgb_delta',
  'mask',
  'scores',
  'boxes',
  'regressors',
  'features',
  'labels',
  'other',
]);

export const OutputSpec = TensorSpec.extend({
  /** rgb_delta: add to the input image; rgb: replaces it */
  semantics: OutputSemantics,
});
export type OutputSpec = z.infer<typeof OutputSpec>;

/** A user-facing knob fed to the model, e.g. the target age painted into a constant input map. */
export const ConditioningParam = z.object({
  name: z.string().min(1).max(64),
  /** the model input it is written into */
  input: z.string().min(1).max(128),
  /** channel of that input (NCHW), when the parameter fills one channel as a constant map */
  channel: z.number().int().min(0).max(64).optional(),
  range: ValueRange,
  unit: z.string().min(1).max(32),
  default: Finite,
  /** how a parameter value becomes a tensor value: tensor = value * scale + offset */
  encode: z.object({ scale: Finite, offset: Finite }),
  description: z.string().max(1024).optional(),
});
export type ConditioningParam = z.infer<typeof ConditioningParam>;

export const Tiling = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('whole'), note: z.string().max(512).optional() }),
  z.object({
    mode: z.literal('tiled'),
    /** tile height/width in pixels, the spatial size the model takes */
    tile: z.tuple([z.number().int().min(8).max(4096), z.number().int().min(8).max(4096)]),
    /** pixels each tile shares with its neighbour */
    overlap: z.number().int().min(0).max(2048),
    blend: z.enum(['feather-linear']),
    /** how the image edge is padded when the image does not fill whole tiles */
    pad: z.enum(['reflect', 'edge', 'zero']),
    /** name of the input that carries the image (NCHW); the others are tiled alike */
    imageInput: z.string().min(1).max(128),
  }),
]);
export type Tiling = z.infer<typeof Tiling>;

export const Crop = z.object({
  mode: z.enum(['none', 'face-aligned', 'center']),
  /** margin around the detected face box, as a fraction of the box */
  margin: z.number().min(0).max(4).optional(),
  note: z.string().max(512).optional(),
});

/** Reproducible test input: nothing random leaves the seed. */
export const InputGen = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), value: Finite }),
  /** value at flat index i = start + step * i, wrapped to [min, max) when `wrap` is given */
  z.object({ kind: z.literal('ramp'), start: Finite, step: Finite, wrap: ValueRange.optional() }),
  /** uniform in range from a 32-bit seed (mulberry32) */
  z.object({ kind: z.literal('uniform'), seed: z.number().int().min(0).max(2 ** 32 - 1), range: ValueRange }),
  /** a raw little-endian file of the tensor's dtype, path relative to the card; sha256 of that file */
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(256), sha256: Sha256 }),
]);
export type InputGen = z.infer<typeof InputGen>;

export const Expectation = z.discriminatedUnion('kind', [
  /** sha256 of the output's float32 (or integer) bytes after rounding to `quantum` (0 = exact bytes) */
  z.object({ kind: z.literal('hash'), sha256: Sha256, quantum: z.number().min(0) }),
  /** values at flat indices, each within `tolerance` absolute */
  z.object({
    kind: z.literal('samples'),
    indices: z.array(z.number().int().min(0)).min(1).max(4096),
    values: z.array(Finite).min(1).max(4096),
    tolerance: z.number().min(0),
  }),
  /** summary statistics within `tolerance` absolute */
  z.object({
    kind: z.literal('stats'),
    mean: Finite,
    min: Finite,
    max: Finite,
    tolerance: z.number().min(0),
  }),
  /** index of the largest value, e.g. the anchor that holds the face */
  z.object({ kind: z.literal('argmax'), index: z.number().int().min(0), minValue: Finite.optional() }),
]);
export type Expectation = z.infer<typeof Expectation>;

export const TestVector = z.object({
  name: z.string().min(1).max(128),
  /** concrete shapes for the dynamic axes */
  shapes: z.record(z.string(), z.array(z.number().int().min(1).max(65_536)).max(8)),
  inputs: z.record(z.string(), InputGen),
  expect: z.record(z.string(), z.array(Expectation).min(1)),
});
export type TestVector = z.infer<typeof TestVector>;

export const Source = z.union([
  z.object({ kind: z.literal('package'), package: z.string().min(1).max(214), version: z.string().min(1).max(64), path: z.string().min(1).max(512), upstream: z.string().max(512).optional() }),
  z.object({ kind: z.literal('authored'), by: z.literal('authored by this project'), script: z.string().min(1).max(256) }),
  z.object({ kind: z.literal('user'), note: z.string().max(1024) }),
]);

export const TrainingData = z.object({
  /** what the weights learned from, as declared by their publisher */
  description: z.string().min(1).max(2048),
  /** who says so: a URL, paper or model card upstream */
  declaredBy: z.string().min(1).max(512),
  containsPersonalData: z.enum(['yes', 'no', 'unknown']),
});

export const ModelCardBase = z.object({
  schema: z.literal('previs-model-card/1'),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'id: lowercase letters, digits, . _ -'),
  version: z.string().min(1).max(64),
  name: z.string().min(1).max(128),
  description: z.string().min(1).max(4096),
  sha256: Sha256,
  /** file size, checked before hashing so an absurd file is refused cheaply */
  bytes: z.number().int().min(1),
  license: z.string().min(1).max(128),
  source: Source,
  kind: z.enum(['learned', 'procedural']),
  trainingData: TrainingData.optional(),
  opset: z.number().int().min(7).max(23),
  ops: z.array(z.string().min(1).max(64)).min(1).max(512),
  inputs: z.array(TensorSpec).min(1).max(16),
  outputs: z.array(OutputSpec).min(1).max(16),
  conditioning: z.array(ConditioningParam).max(32),
  tiling: Tiling,
  crop: Crop,
  /** backends the model is known to run on; the runtime still checks the ops */
  backends: z.array(z.enum(['wasm', 'webgpu'])).min(1),
  /** graph optimisation level per backend; SwiftShader WebGPU needs 'disabled' for some graphs */
  graphOptimization: z.record(z.enum(['wasm', 'webgpu']), z.enum(['disabled', 'basic', 'extended', 'all'])).optional(),
  testVectors: z.array(TestVector).max(16),
});

export const ModelCard = ModelCardBase.superRefine((card, ctx) => {
  if (card.kind === 'learned' && !card.trainingData) {
    ctx.addIssue({ code: 'custom', path: ['trainingData'], message: 'a learned model must declare its training data' });
  }
  const inputNames = new Set(card.inputs.map((i) => i.name));
  const outputNames = new Set(card.outputs.map((o) => o.name));
  card.conditioning.forEach((c, i) => {
    if (!inputNames.has(c.input)) {
      ctx.addIssue({ code: 'custom', path: ['conditioning', i, 'input'], message: `no model input named "${c.input}"` });
    }
    if (c.default < c.range[0] || c.default > c.range[1]) {
      ctx.addIssue({ code: 'custom', path: ['conditioning', i, 'default'], message: 'default lies outside the range' });
    }
  });
  if (card.tiling.mode === 'tiled') {
    if (!inputNames.has(card.tiling.imageInput)) {
      ctx.addIssue({ code: 'custom', path: ['tiling', 'imageInput'], message: `no model input named "${card.tiling.imageInput}"` });
    }
    const [th, tw] = card.tiling.tile;
    if (card.tiling.overlap * 2 >= Math.min(th, tw)) {
      ctx.addIssue({ code: 'custom', path: ['tiling', 'overlap'], message: 'overlap must be less than half the tile' });
    }
  }
  card.testVectors.forEach((tv, i) => {
    for (const name of Object.keys(tv.inputs)) {
      if (!inputNames.has(name)) ctx.addIssue({ code: 'custom', path: ['testVectors', i, 'inputs', name], message: `no model input named "${name}"` });
    }
    for (const name of inputNames) {
      if (!(name in tv.inputs)) ctx.addIssue({ code: 'custom', path: ['testVectors', i, 'inputs', name], message: `test vector gives no value for input "${name}"` });
    }
    for (const name of Object.keys(tv.expect)) {
      if (!outputNames.has(name)) ctx.addIssue({ code: 'custom', path: ['testVectors', i, 'expect', name], message: `no model output named "${name}"` });
    }
  });
});
export type ModelCard = z.infer<typeof ModelCard>;

export type CardResult = { ok: true; card: ModelCard } | { ok: false; errors: string[] };

/** Parses untrusted JSON (string or object). Every error names the field it is about. */
export function validateCard(json: unknown): CardResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { ok: false, errors: [`card: not valid JSON (${(e as Error).message})`] };
    }
  }
  const parsed = ModelCard.safeParse(value);
  if (parsed.success) return { ok: true, card: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.length ? issue.path.map(String).join('.') : '(card)';
      // zod 4 says "expected string, received undefined" for a missing key: say it plainly
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      return `card field "${path}": ${missing ? 'missing' : issue.message}`;
    }),
  };
}

export type BytesCheck = { ok: true } | { ok: false; reason: string };

/** The model file must be exactly the one the card describes. */
export async function verifyModelBytes(card: Pick<ModelCard, 'id' | 'sha256' | 'bytes'>, bytes: Uint8Array): Promise<BytesCheck> {
  if (bytes.byteLength !== card.bytes) {
    return { ok: false, reason: `model "${card.id}": file is ${bytes.byteLength} bytes, card says ${card.bytes}` };
  }
  const actual = await sha256Hex(bytes);
  if (actual !== card.sha256) {
    return { ok: false, reason: `model "${card.id}": sha256 ${actual} does not match the card's ${card.sha256} — file altered or wrong card` };
  }
  return { ok: true };
}
