// Structural checks of a glTF 2.0 file before any loader sees it: a truncated or malformed file gets a
// clear reason here, and the project is never touched. GLB layout per the glTF 2.0 specification §4.4
// (12-byte header 'glTF', version 2, total length; then a JSON chunk and an optional BIN chunk, 4-byte aligned).

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
const MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

export interface ModelFileInfo {
  container: 'glb' | 'gltf';
  json: GltfJson;
  /** bytes in the GLB BIN chunk (0 for .gltf) */
  binLength: number;
  generator: string | null;
}

interface GltfJson {
  asset?: { version?: string; generator?: string };
  buffers?: { byteLength?: number; uri?: string }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number; byteStride?: number }[];
  accessors?: { bufferView?: number; byteOffset?: number; count?: number; type?: string; componentType?: number }[];
  images?: { uri?: string; bufferView?: number }[];
  meshes?: unknown[];
}

const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };

/** Validates the container and the JSON's buffer/view/accessor ranges. Throws ModelFileError with the reason. */
export function inspectModelFile(bytes: Uint8Array, name = 'file'): ModelFileInfo {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ModelFileError(`${name} is ${(bytes.byteLength / 2 ** 20).toFixed(0)} MiB; the import limit is ${MAX_IMPORT_BYTES / 2 ** 20} MiB`);
  }
  if (bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC) return inspectGlb(bytes, name);
  return inspectGltfJson(bytes, name);
}

function inspectGlb(bytes: Uint8Array, name: string): ModelFileInfo {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20) throw new ModelFileError(`${name} is truncated: ${bytes.byteLength} bytes is shorter than a GLB header`);
  const version = dv.getUint32(4, true);
  if (version !== 2) throw new ModelFileError(`${name} is GLB version ${version}; only glTF 2.0 is supported`);
  const declared = dv.getUint32(8, true);
  if (declared > bytes.byteLength) {
    throw new ModelFileError(`${name} is truncated: its header says ${declared} bytes but only ${bytes.byteLength} arrived`);
  }
  if (declared < bytes.byteLength) throw new ModelFileError(`${name} has ${bytes.byteLength - declared} bytes after the end its header declares`);
  let offset = 12;
  let json: GltfJson | null = null;
  let binLength = 0;
  while (offset < declared) {
    if (offset + 8 > declared) throw new ModelFileError(`${name} is truncated inside a chunk header at byte ${offset}`);
    const len = dv.getUint32(offset, true);
    const type = dv.getUint32(offset + 4, true);
    const start = offset + 8;
    if (start + len > declared) throw new ModelFileError(`${name} is truncated: a chunk of ${len} bytes at byte ${offset} runs past the end`);
    if (json === null) {
      if (type !== CHUNK_JSON) throw new ModelFileError(`${name}: the first GLB chunk must be JSON`);
      json = parseJson(bytes.subarray(start, start + len), name);
    } else if (type === CHUNK_BIN && binLength === 0) {
      binLength = len;
    }
    offset = start + len;
  }
  if (!json) throw new ModelFileError(`${name} has no JSON chunk`);
  checkJson(json, name, binLength, 'glb');
  return { container: 'glb', json, binLength, generator: json.asset?.generator ?? null };
}

function inspectGltfJson(bytes: Uint8Array, name: string): ModelFileInfo {
  const json = parseJson(bytes, name);
  checkJson(json, name, 0, 'gltf');
  return { container: 'gltf', json, binLength: 0, generator: json.asset?.generator ?? null };
}

function parseJson(bytes: Uint8Array, name: string): GltfJson {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ModelFileError(`${name} is neither a GLB nor UTF-8 glTF JSON`);
  }
  try {
    const v = JSON.parse(text.replace(/[\0 ]+$/, '')) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as GltfJson;
  } catch (e) {
    throw new ModelFileError(`${name}: its glTF JSON does not parse (${(e as Error).message})`);
  }
}

function checkJson(json: GltfJson, name: string, binLength: number, container: 'glb' | 'gltf'): void {
  const version = json.asset?.version;
  if (typeof version !== 'string' || !version.startsWith('2.')) throw new ModelFileError(`${name} is not glTF 2.0 (asset.version ${String(version)})`);
  const buffers = json.buffers ?? [];
  const sizes = buffers.map((b, i) => {
    if (typeof b.byteLength !== 'number' || b.byteLength < 0) throw new ModelFileError(`${name}: buffer ${i} has no byteLength`);
    if (b.uri === undefined) {
      if (container !== 'glb' || i !== 0) throw new ModelFileError(`${name}: buffer ${i} has no data`);
      if (b.byteLength > binLength) throw new ModelFileError(`${name} is truncated: buffer 0 needs ${b.byteLength} bytes, the BIN chunk has ${binLength}`);
    } else if (!b.uri.startsWith('data:')) {
      throw new ModelFileError(`${name} refers to an external file "${b.uri}"; import a .glb (or a .gltf with embedded data) instead`);
    }
    return b.byteLength;
  });
  for (const img of json.images ?? []) {
    if (img.uri !== undefined && !img.uri.startsWith('data:')) {
      throw new ModelFileError(`${name} refers to an external image "${img.uri}"; import a .glb instead`);
    }
  }
  const views = json.bufferViews ?? [];
  views.forEach((v, i) => {
    const size = sizes[v.buffer ?? -1];
    const end = (v.byteOffset ?? 0) + (v.byteLength ?? 0);
    if (size === undefined || end > size) throw new ModelFileError(`${name}: buffer view ${i} lies outside its buffer`);
  });
  (json.accessors ?? []).forEach((a, i) => {
    if (a.bufferView === undefined) return; // sparse or zero-filled
    const view = views[a.bufferView];
    if (!view) throw new ModelFileError(`${name}: accessor ${i} points at a missing buffer view`);
    const comps = COMPONENTS[a.type ?? ''] ?? 0;
    const bytesPer = COMPONENT_BYTES[a.componentType ?? 0] ?? 0;
    if (!comps || !bytesPer || !Number.isInteger(a.count) || (a.count ?? 0) < 1) throw new ModelFileError(`${name}: accessor ${i} is malformed`);
    const element = comps * bytesPer;
    const stride = view.byteStride ?? element;
    const need = (a.byteOffset ?? 0) + stride * ((a.count ?? 1) - 1) + element;
    if (need > (view.byteLength ?? 0)) throw new ModelFileError(`${name}: accessor ${i} reads past the end of its buffer view`);
  });
  if (!json.meshes || json.meshes.length === 0) throw new ModelFileError(`${name} contains no meshes`);
}
