// Reads a TensorFlow.js graph model (model.json + weight shards) into plain typed arrays.
// Weights quantized to float16 (as @vladmandic/human ships them) are dequantized to float32 here,
// so the converted ONNX runs on every onnxruntime-web backend without Cast nodes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface TfjsNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfjsAttr>;
}

export interface TfjsAttr {
  s?: string;
  i?: string;
  f?: number;
  b?: boolean;
  list?: { s?: string[]; i?: string[]; f?: number[] };
  type?: string;
  shape?: unknown;
  tensor?: unknown;
}

export interface TfjsWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export interface TfjsGraph {
  nodes: TfjsNode[];
  weights: Map<string, TfjsWeight>;
  /** signature output key → tensor name (e.g. output_mesh → Identity_2:0) */
  outputs: Record<string, string>;
  inputShape: number[];
}

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; min?: number; scale?: number };
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

export function decodeWeights(manifest: ManifestEntry[], bytes: Uint8Array): Map<string, TfjsWeight> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, TfjsWeight>();
  let offset = 0;
  for (const w of manifest) {
    const count = w.shape.reduce((a, b) => a * b, 1);
    const q = w.quantization?.dtype;
    if (w.dtype === 'int32') {
      if (q) throw new Error(`weight ${w.name}: quantized int32 is not supported`);
      const data = new Int32Array(count);
      for (let i = 0; i < count; i++) data[i] = view.getInt32(offset + 4 * i, true);
      offset += 4 * count;
      out.set(w.name, { name: w.name, shape: w.shape, dtype: 'int32', data });
    } else if (w.dtype === 'float32') {
      const data = new Float32Array(count);
      if (q === 'float16') {
        for (let i = 0; i < count; i++) data[i] = halfToFloat(view.getUint16(offset + 2 * i, true));
        offset += 2 * count;
      } else if (q === 'uint8' || q === 'uint16') {
        const size = q === 'uint8' ? 1 : 2;
        const { min = 0, scale = 1 } = w.quantization!;
        for (let i = 0; i < count; i++) {
          const v = size === 1 ? view.getUint8(offset + i) : view.getUint16(offset + 2 * i, true);
          data[i] = min + v * scale;
        }
        offset += size * count;
      } else if (!q) {
        for (let i = 0; i < count; i++) data[i] = view.getFloat32(offset + 4 * i, true);
        offset += 4 * count;
      } else {
        throw new Error(`weight ${w.name}: quantization ${q} is not supported`);
      }
      out.set(w.name, { name: w.name, shape: w.shape, dtype: 'float32', data });
    } else {
      throw new Error(`weight ${w.name}: dtype ${w.dtype} is not supported`);
    }
  }
  if (offset !== bytes.byteLength) {
    throw new Error(`weight shards hold ${bytes.byteLength} bytes but the manifest describes ${offset}`);
  }
  return out;
}

export function readTfjsGraph(jsonPath: string): TfjsGraph {
  const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
    modelTopology: { node: TfjsNode[] };
    weightsManifest: { paths: string[]; weights: ManifestEntry[] }[];
    signature?: { inputs?: Record<string, { tensorShape?: { dim?: { size: string }[] } }>; outputs?: Record<string, { name: string }> };
  };
  const manifest: ManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    manifest.push(...group.weights);
    for (const p of group.paths) shards.push(new Uint8Array(readFileSync(join(dirname(jsonPath), p))));
  }
  const total = shards.reduce((a, s) => a + s.byteLength, 0);
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const s of shards) {
    bytes.set(s, o);
    o += s.byteLength;
  }
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(json.signature?.outputs ?? {})) outputs[k] = v.name;
  const placeholder = json.modelTopology.node.find((n) => n.op === 'Placeholder');
  const dims = (placeholder?.attr?.shape?.shape as { dim?: { size: string }[] } | undefined)?.dim ?? [];
  return {
    nodes: json.modelTopology.node,
    weights: decodeWeights(manifest, bytes),
    outputs,
    inputShape: dims.map((d) => Number(d.size)),
  };
}

export function attrString(a: TfjsAttr | undefined): string {
  return a?.s ? Buffer.from(a.s, 'base64').toString('utf8') : '';
}

export function attrStrings(a: TfjsAttr | undefined): string[] {
  return (a?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
}

export function attrInts(a: TfjsAttr | undefined): number[] {
  return (a?.list?.i ?? []).map(Number);
}
