// Bring-your-own checks, run before any session exists: the card, the bytes, the graph, the backend.
// Each refusal says which field or op is at fault so a user can fix the card or pick another model.
import { validateCard, verifyModelBytes, type ModelCard, type TensorSpec } from './modelCard';
import { defaultOpset, inspectOnnx, type InspectedTensor, type OnnxSummary } from './onnxInspect';
import { opSupport, type Backend } from './opSupport';

/** Larger than this will not fit the 4 GiB wasm heap next to its activations. */
export const MAX_MODEL_BYTES = 1024 * 1024 * 1024;
/** One tensor over 2^28 elements (1 GiB of float32) is not something a previs effect should ask for. */
export const MAX_TENSOR_ELEMENTS = 2 ** 28;

const DTYPE_CODE: Record<TensorSpec['dtype'], number> = { float32: 1, uint8: 2, int32: 6, int64: 7, bool: 9, float16: 10 };

export interface ModelCheck {
  ok: boolean;
  errors: string[];
  /** it runs, but not as well as it could (ops on CPU next to WebGPU…) */
  warnings: string[];
  summary: OnnxSummary | null;
  card: ModelCard | null;
}

function compareTensor(kind: 'inputs' | 'outputs', i: number, spec: TensorSpec, actual: InspectedTensor | undefined, errors: string[]) {
  const field = `card field "${kind}.${i}"`;
  if (!actual) {
    errors.push(`${field}: the model has no ${kind === 'inputs' ? 'input' : 'output'} named "${spec.name}"`);
    return;
  }
  if (actual.elemType !== DTYPE_CODE[spec.dtype]) {
    errors.push(`${field}.dtype: card says ${spec.dtype}, the model's "${spec.name}" has ONNX type ${actual.elemType}`);
  }
  if (actual.shape) {
    if (actual.shape.length !== spec.shape.length) {
      errors.push(`${field}.shape: card gives rank ${spec.shape.length}, the model's "${spec.name}" has rank ${actual.shape.length}`);
      return;
    }
    actual.shape.forEach((d, k) => {
      const c = spec.shape[k];
      if (typeof d === 'number' && d > 0 && typeof c === 'number' && c !== d) {
        errors.push(`${field}.shape.${k}: card says ${c}, the model fixes it at ${d}`);
      }
    });
  }
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Card-only shape sanity: fixed dims whose product is absurd, and test-vector shapes that contradict the card. */
export function shapeProblems(card: ModelCard): string[] {
  const errors: string[] = [];
  const check = (kind: 'inputs' | 'outputs', specs: TensorSpec[]) =>
    specs.forEach((s, i) => {
      const fixed = s.shape.filter((d): d is number => typeof d === 'number');
      if (elementCount(fixed) > MAX_TENSOR_ELEMENTS) {
        errors.push(`card field "${kind}.${i}.shape": [${s.shape.join(', ')}] is an absurd shape (over ${MAX_TENSOR_ELEMENTS} elements)`);
      }
    });
  check('inputs', card.inputs);
  check('outputs', card.outputs);
  card.testVectors.forEach((tv, t) => {
    for (const spec of card.inputs) {
      const shape = tv.shapes[spec.name];
      const field = `card field "testVectors.${t}.shapes.${spec.name}"`;
      if (!shape) {
        errors.push(`${field}: missing (every input needs a concrete shape)`);
        continue;
      }
      if (shape.length !== spec.shape.length) errors.push(`${field}: rank ${shape.length}, the input has rank ${spec.shape.length}`);
      spec.shape.forEach((d, k) => {
        if (typeof d === 'number' && shape[k] !== d) errors.push(`${field}.${k}: ${shape[k]} where the card fixes ${d}`);
      });
      if (elementCount(shape) > MAX_TENSOR_ELEMENTS) errors.push(`${field}: [${shape.join(', ')}] is an absurd shape`);
    }
  });
  return errors;
}

/**
 * Everything short of running: card schema, file size, sha256, parse, external data, opset, ops declared vs
 * used, ops the backend runs, input/output names, dtypes and shapes.
 */
export async function validateModel(cardJson: unknown, bytes: Uint8Array, backend: Backend): Promise<ModelCheck> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const parsed = validateCard(cardJson);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings, summary: null, card: null };
  const card = parsed.card;
  const fail = () => ({ ok: false, errors, warnings, summary: null, card });

  if (bytes.byteLength > MAX_MODEL_BYTES) {
    errors.push(`model "${card.id}": ${bytes.byteLength} bytes is over the ${MAX_MODEL_BYTES}-byte limit`);
    return fail();
  }
  errors.push(...shapeProblems(card));
  const hash = await verifyModelBytes(card, bytes);
  if (!hash.ok) {
    errors.push(hash.reason);
    return fail();
  }
  let summary: OnnxSummary;
  try {
    summary = inspectOnnx(bytes);
  } catch (e) {
    errors.push(`model "${card.id}": ${(e as Error).message}`);
    return fail();
  }
  if (summary.externalData.length) {
    errors.push(`model "${card.id}": tensors point at external data files (${summary.externalData.slice(0, 3).join(', ')}); bring a single self-contained .onnx`);
  }
  const opset = defaultOpset(summary);
  if (opset !== card.opset) errors.push(`card field "opset": card says ${card.opset}, the model imports ai.onnx ${opset}`);

  const used = summary.ops.map((o) => (o.domain && o.domain !== 'ai.onnx' ? `${o.domain}.${o.opType}` : o.opType));
  const declared = new Set(card.ops);
  const undeclared = used.filter((o) => !declared.has(o));
  const unused = card.ops.filter((o) => !used.includes(o));
  if (undeclared.length) errors.push(`card field "ops": the model uses ${undeclared.join(', ')}, which the card does not list`);
  if (unused.length) errors.push(`card field "ops": lists ${unused.join(', ')}, which the model does not use`);

  const support = opSupport(summary.ops, backend);
  if (support.unsupported.length) {
    errors.push(`unsupported op${support.unsupported.length > 1 ? 's' : ''} on ${backend}: ${support.unsupported.join(', ')}`);
  }
  if (support.onCpu.length) warnings.push(`on webgpu these ops run on the CPU with copies: ${support.onCpu.join(', ')}`);
  if (!card.backends.includes(backend)) warnings.push(`card field "backends" does not list ${backend}`);

  card.inputs.forEach((spec, i) => compareTensor('inputs', i, spec, summary.inputs.find((t) => t.name === spec.name), errors));
  card.outputs.forEach((spec, i) => compareTensor('outputs', i, spec, summary.outputs.find((t) => t.name === spec.name), errors));
  for (const t of summary.inputs) {
    if (!card.inputs.some((s) => s.name === t.name)) errors.push(`card field "inputs": the model's input "${t.name}" is not described`);
  }
  return { ok: errors.length === 0, errors, warnings, summary, card };
}
