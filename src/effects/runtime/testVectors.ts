// Test vectors from a card: build the inputs its generators describe, check outputs against its expectations.
// Used by the unit tests (Node, WASM), the model panel's "Run test vectors" button and the bench.
import { sha256Hex } from '../../core/util/sha256';
import { createRng } from '../../core/util/prng';
import type { Expectation, InputGen, ModelCard, TensorDType, TestVector } from './modelCard';
import type { Feeds, TensorArray, TensorData } from './types';

/** the generators' seeded uniform source is the app's one PRNG (mulberry32, core/util/prng) */
export const mulberry32 = createRng;

function allocate(dtype: TensorDType, n: number): TensorArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
    default:
      throw new Error(`test vectors cannot generate ${dtype} inputs`);
  }
}

function put(arr: TensorArray, i: number, v: number): void {
  if (arr instanceof BigInt64Array) arr[i] = BigInt(Math.round(v));
  else arr[i] = v;
}

export type FileLoader = (relativePath: string) => Promise<Uint8Array>;

export async function generateInput(gen: InputGen, dtype: TensorDType, dims: number[], loadFile?: FileLoader): Promise<TensorData> {
  const n = dims.reduce((a, b) => a * b, 1);
  if (gen.kind === 'file') {
    if (!loadFile) throw new Error(`test input file "${gen.path}" cannot be loaded here`);
    const bytes = await loadFile(gen.path);
    const hash = await sha256Hex(bytes);
    if (hash !== gen.sha256) throw new Error(`test input file "${gen.path}" does not match its sha256`);
    const data = allocate(dtype, n);
    if (bytes.byteLength !== data.byteLength) {
      throw new Error(`test input file "${gen.path}" is ${bytes.byteLength} bytes, [${dims.join(', ')}] ${dtype} needs ${data.byteLength}`);
    }
    new Uint8Array(data.buffer).set(bytes);
    return { dtype, dims, data };
  }
  const data = allocate(dtype, n);
  if (gen.kind === 'constant') {
    for (let i = 0; i < n; i++) put(data, i, gen.value);
  } else if (gen.kind === 'ramp') {
    for (let i = 0; i < n; i++) {
      let v = gen.start + gen.step * i;
      if (gen.wrap) {
        const [lo, hi] = gen.wrap;
        v = lo + ((((v - lo) % (hi - lo)) + (hi - lo)) % (hi - lo));
      }
      put(data, i, v);
    }
  } else {
    const rand = mulberry32(gen.seed);
    const [lo, hi] = gen.range;
    for (let i = 0; i < n; i++) put(data, i, lo + (hi - lo) * rand());
  }
  return { dtype, dims, data };
}

export async function vectorFeeds(card: ModelCard, tv: TestVector, loadFile?: FileLoader): Promise<Feeds> {
  const feeds: Feeds = {};
  for (const spec of card.inputs) {
    const gen = tv.inputs[spec.name];
    const dims = tv.shapes[spec.name];
    if (!gen || !dims) throw new Error(`test vector "${tv.name}" gives no input or shape for "${spec.name}"`);
    feeds[spec.name] = await generateInput(gen, spec.dtype, dims, loadFile);
  }
  return feeds;
}

const toNumber = (v: number | bigint) => (typeof v === 'bigint' ? Number(v) : v);

export async function quantizedHash(t: TensorData, quantum: number): Promise<string> {
  if (quantum <= 0) return sha256Hex(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  const q = new Int32Array(t.data.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(toNumber(t.data[i]!) / quantum);
  return sha256Hex(new Uint8Array(q.buffer));
}

/** Failures, each naming the output and what differed; empty when it passes. */
export async function checkExpectation(output: string, t: TensorData, e: Expectation): Promise<string[]> {
  const at = (i: number) => toNumber(t.data[i]!);
  const fails: string[] = [];
  for (let i = 0; i < t.data.length; i++) {
    if (!Number.isFinite(at(i))) return [`${output}: value ${at(i)} at index ${i}`];
  }
  switch (e.kind) {
    case 'hash': {
      const h = await quantizedHash(t, e.quantum);
      if (h !== e.sha256) fails.push(`${output}: hash ${h.slice(0, 12)}… ≠ expected ${e.sha256.slice(0, 12)}… (quantum ${e.quantum})`);
      break;
    }
    case 'samples': {
      if (e.indices.length !== e.values.length) return [`${output}: card gives ${e.indices.length} indices but ${e.values.length} values`];
      let worst = 0;
      let worstAt = -1;
      e.indices.forEach((idx, k) => {
        const d = idx < t.data.length ? Math.abs(at(idx) - e.values[k]!) : Infinity;
        if (d > worst) [worst, worstAt] = [d, idx];
      });
      if (worst > e.tolerance) fails.push(`${output}: sample at index ${worstAt} off by ${worst.toExponential(3)} (tolerance ${e.tolerance})`);
      break;
    }
    case 'stats': {
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < t.data.length; i++) {
        const v = at(i);
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const mean = sum / t.data.length;
      for (const [k, got, want] of [['mean', mean, e.mean], ['min', min, e.min], ['max', max, e.max]] as const) {
        if (Math.abs(got - want) > e.tolerance) fails.push(`${output}: ${k} ${got.toPrecision(7)} ≠ ${want} (tolerance ${e.tolerance})`);
      }
      break;
    }
    case 'argmax': {
      let best = 0;
      for (let i = 1; i < t.data.length; i++) if (at(i) > at(best)) best = i;
      if (best !== e.index) fails.push(`${output}: argmax at ${best} (value ${at(best).toPrecision(5)}), expected ${e.index}`);
      if (e.minValue !== undefined && at(e.index) < e.minValue) fails.push(`${output}: value at ${e.index} is ${at(e.index).toPrecision(5)} < ${e.minValue}`);
      break;
    }
  }
  return fails;
}

export async function checkVector(tv: TestVector, outputs: Record<string, TensorData>): Promise<string[]> {
  const fails: string[] = [];
  for (const [name, expectations] of Object.entries(tv.expect)) {
    const t = outputs[name];
    if (!t) {
      fails.push(`${name}: the model produced no such output`);
      continue;
    }
    for (const e of expectations) fails.push(...(await checkExpectation(name, t, e)));
  }
  return fails;
}
