// Decoders for compressed glTF geometry, served from the app's own origin (nothing is fetched from elsewhere, and
// the offline cache holds them) and loaded only when a file needs one, so they weigh nothing on the first load:
// Draco through three's DRACOLoader (its wasm runs in the loader's own workers) and meshopt through
// meshoptimizer's decoder (wasm inlined in its module). The CSP allows both: 'wasm-unsafe-eval' and blob: workers.
import type { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';

export type Compression = 'Draco' | 'meshopt';

const MESHOPT = new Set(['EXT_meshopt_compression', 'KHR_meshopt_compression']);

/** The geometry compressions a GLB or glTF file declares it uses (its extensionsUsed); none when unreadable. */
export function compressionsOf(bytes: Uint8Array): Set<Compression> {
  const out = new Set<Compression>();
  let used: unknown;
  try {
    used = (JSON.parse(new TextDecoder().decode(jsonBytes(bytes))) as { extensionsUsed?: unknown }).extensionsUsed;
  } catch {
    return out; // the file checks have refused such a file already; the loader gives its own error
  }
  if (!Array.isArray(used)) return out;
  for (const e of used) {
    if (e === 'KHR_draco_mesh_compression') out.add('Draco');
    if (MESHOPT.has(e as string)) out.add('meshopt');
  }
  return out;
}

/** A GLB's JSON chunk, or the whole file for .gltf. */
function jsonBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength < 20) return bytes;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== 0x46546c67) return bytes;
  const length = dv.getUint32(12, true);
  return bytes.subarray(20, Math.min(bytes.byteLength, 20 + length));
}

let draco: Promise<DRACOLoader> | null = null;

/** One DRACOLoader for the session: its workers and compiled wasm are reused by every later file. */
function dracoLoader(): Promise<DRACOLoader> {
  draco ??= (async () => {
    if (typeof Worker === 'undefined') throw new Error('Draco geometry is decoded in a Web Worker, which this environment lacks');
    const { DRACOLoader, DRACO_GLTF_CONFIG } = await import('three/examples/jsm/loaders/DRACOLoader.js');
    const loader = new DRACOLoader();
    // three's glTF build of the decoder (wasm + its wrapper), which the bundler emits next to the app: same origin
    loader.setDecoderPath(DRACO_GLTF_CONFIG);
    loader.setDecoderConfig({ type: 'wasm' });
    // a model import is rare and brief; two workers decode a multi-primitive file without holding four wasm heaps
    loader.setWorkerLimit(2);
    return loader;
  })();
  draco.catch(() => (draco = null));
  return draco;
}

/** Gives the loader the decoders the file needs. */
export async function attachDecoders(loader: GLTFLoader, used: Set<Compression>): Promise<void> {
  if (used.has('meshopt')) {
    const { MeshoptDecoder } = await import('three/examples/jsm/libs/meshopt_decoder.module.js');
    await MeshoptDecoder.ready;
    loader.setMeshoptDecoder(MeshoptDecoder);
  }
  if (used.has('Draco')) loader.setDRACOLoader(await dracoLoader());
}
