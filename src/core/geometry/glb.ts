// Checks of a glTF 2.0 file before any loader sees it: the container (GLB per §4.4, or JSON), then the JSON's
// structure (every index in range, every type as the specification says), the node forest, the data that would
// break a scene (non-finite positions, indices past their vertices), and budgets the viewport can draw. A file
// that fails gets one sentence that names it once; the project is never touched. Cameras and lights are noted and
// left out; Draco and meshopt compressed geometry is checked as far as it can be undecoded (the decoders the app
// serves read it on the page, and the decoded bounds must be finite).
import { checkGltfJson, type GltfFacts } from './gltfJson';

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
const MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

export interface ModelFileInfo extends GltfFacts {
  container: 'glb' | 'gltf';
  json: Record<string, unknown>;
  /** bytes in the GLB BIN chunk (0 for .gltf) */
  binLength: number;
  generator: string | null;
  /** the file as the loader should get it: a GLB cut to the length its header declares */
  bytes: Uint8Array;
}

/** Where a check has got to: stage name and the fraction of the whole check done. */
export type CheckProgress = (stage: string, fraction: number) => void;

/** Validates the file; throws ModelFileError with one sentence naming it. */
export function inspectModelFile(bytes: Uint8Array, name = 'file', progress?: CheckProgress): ModelFileInfo {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ModelFileError(`${name} is ${(bytes.byteLength / 2 ** 20).toFixed(0)} MiB; the import limit is ${MAX_IMPORT_BYTES / 2 ** 20} MiB`);
  }
  progress?.('reading', 0.05);
  if (bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC) return inspectGlb(bytes, name, progress);
  return inspectGltfJson(bytes, name, progress);
}

function inspectGlb(bytes: Uint8Array, name: string, progress?: CheckProgress): ModelFileInfo {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20) throw new ModelFileError(`${name} is truncated: ${bytes.byteLength} bytes is shorter than a GLB header`);
  const version = dv.getUint32(4, true);
  if (version !== 2) throw new ModelFileError(`${name} is GLB version ${version}; only glTF 2.0 is supported`);
  const declared = dv.getUint32(8, true);
  if (declared > bytes.byteLength) {
    throw new ModelFileError(`${name} is truncated: its header says ${declared} bytes but only ${bytes.byteLength} arrived`);
  }
  if (declared < 20) throw new ModelFileError(`${name} is damaged: its header declares ${declared} bytes, less than a GLB header`);
  // bytes after the declared end (padding some tools add) are not part of the GLB: they are left out, not refused
  const glb = declared < bytes.byteLength ? bytes.subarray(0, declared) : bytes;
  let offset = 12;
  let json: Record<string, unknown> | null = null;
  let bin: Uint8Array | null = null;
  while (offset < declared) {
    if (offset + 8 > declared) throw new ModelFileError(`${name} is truncated inside a chunk header at byte ${offset}`);
    const len = dv.getUint32(offset, true);
    const type = dv.getUint32(offset + 4, true);
    const start = offset + 8;
    if (start + len > declared) throw new ModelFileError(`${name} is truncated: a chunk of ${len} bytes at byte ${offset} runs past the end`);
    if (json === null) {
      if (type !== CHUNK_JSON) throw new ModelFileError(`${name} is damaged: the first GLB chunk must be JSON`);
      json = parseJson(glb.subarray(start, start + len), name);
    } else if (type === CHUNK_BIN && bin === null) {
      bin = glb.subarray(start, start + len);
    }
    offset = start + len;
  }
  if (!json) throw new ModelFileError(`${name} is damaged: it has no JSON chunk`);
  const facts = check(json, name, bin, 'glb', progress);
  const bytesForLoader = glb.byteOffset === 0 && glb.byteLength === glb.buffer.byteLength ? glb : glb.slice();
  return { ...facts, container: 'glb', json, binLength: bin?.byteLength ?? 0, generator: generatorOf(json), bytes: bytesForLoader };
}

function inspectGltfJson(bytes: Uint8Array, name: string, progress?: CheckProgress): ModelFileInfo {
  const json = parseJson(bytes, name);
  const facts = check(json, name, null, 'gltf', progress);
  return { ...facts, container: 'gltf', json, binLength: 0, generator: generatorOf(json), bytes };
}

function generatorOf(json: Record<string, unknown>): string | null {
  const asset = json.asset as { generator?: unknown } | undefined;
  return typeof asset?.generator === 'string' ? asset.generator : null;
}

function check(json: Record<string, unknown>, name: string, bin: Uint8Array | null, container: 'glb' | 'gltf', progress?: CheckProgress): GltfFacts {
  progress?.('structure', 0.2);
  const r = checkGltfJson(json, bin, container, progress);
  if (!r.ok) throw new ModelFileError(`${name} ${r.error}`);
  return r.facts;
}

function parseJson(bytes: Uint8Array, name: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ModelFileError(`${name} is neither a GLB nor UTF-8 glTF JSON`);
  }
  let v: unknown;
  try {
    // JSON chunks are padded with spaces (and some writers pad with NULs)
    v = JSON.parse(text.replace(/^\uFEFF/, '').replace(/[\0 ]+$/, ''));
  } catch (e) {
    throw new ModelFileError(`${name}: its glTF JSON does not parse (${(e as Error).message})`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ModelFileError(`${name}: its glTF JSON is not an object`);
  return v as Record<string, unknown>;
}
