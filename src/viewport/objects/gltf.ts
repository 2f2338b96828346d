// glTF/GLB parsing with three's GLTFLoader, from bytes in memory (the project's asset store), never a URL.
import { Box3, Group, Vector3, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { getAssetBytes } from '../../store/assets';
import { attachDecoders, compressionsOf } from './gltfDecoders';

export interface ParsedModel {
  scene: Object3D;
  /** bounds in file units */
  min: [number, number, number];
  max: [number, number, number];
  meshCount: number;
  triangleCount: number;
}

/**
 * Parses GLB (or self-contained glTF JSON) bytes. Rejects with the loader's message on malformed input; for Draco or
 * meshopt geometry the decoders the app serves are loaded first, and damaged compressed data is refused by name.
 */
export async function parseModel(file: Uint8Array): Promise<ParsedModel> {
  const loader = new GLTFLoader();
  const used = compressionsOf(file);
  await attachDecoders(loader, used);
  try {
    return await parseWith(loader, file);
  } catch (e) {
    if (used.size === 0 || e instanceof ModelRefusal) throw e;
    // the decoder's own words (wasm aborts, "Malformed buffer data") are for developers: a file-level reason instead
    console.warn('glTF decoder:', e);
    throw new ModelRefusal(`its ${[...used].join(' and ')}-compressed geometry does not decode (the file is damaged)`);
  }
}

/** A reason in plain words, to be shown after the file's name (the loader's own errors are code-level). */
export class ModelRefusal extends Error {}

function parseWith(loader: GLTFLoader, file: Uint8Array): Promise<ParsedModel> {
  const bytes = glbProper(file);
  // the loader wants an ArrayBuffer of exactly the file (a view into a larger buffer would read past it)
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  return new Promise((resolve, reject) => {
    try {
      loader.parse(
        buffer,
        '',
        (gltf) => {
          void sceneOf(gltf).then((scene) => {
            // cameras and lights of the file are left out (the import notes them): the set has its own
            const strays: Object3D[] = [];
            scene.traverse((o) => {
              if ((o as { isLight?: boolean }).isLight || (o as { isCamera?: boolean }).isCamera) strays.push(o);
            });
            for (const o of strays) o.removeFromParent();
            scene.updateMatrixWorld(true);
            const box = new Box3().setFromObject(scene);
            let meshCount = 0;
            let triangleCount = 0;
            scene.traverse((o) => {
              const m = o as Object3D & { isMesh?: boolean; geometry?: { index: { count: number } | null; attributes: { position?: { count: number } } } };
              if (m.isMesh && m.geometry) {
                meshCount++;
                triangleCount += (m.geometry.index?.count ?? m.geometry.attributes.position?.count ?? 0) / 3;
              }
            });
            if (box.isEmpty()) {
              reject(new ModelRefusal('the file holds no visible geometry'));
              return;
            }
            if (![...box.min.toArray(), ...box.max.toArray()].every(Number.isFinite)) {
              reject(new ModelRefusal('its node transforms place geometry at infinity'));
              return;
            }
            resolve({ scene, min: box.min.toArray() as ParsedModel['min'], max: box.max.toArray() as ParsedModel['max'], meshCount, triangleCount });
          }, reject);
        },
        (err) => reject(new Error(err instanceof Error ? err.message : String((err as { message?: string })?.message ?? err))),
      );
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/** A GLB cut to the length its header declares (some writers pad past it; the loader would read the padding). */
function glbProper(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength < 12) return bytes;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== 0x46546c67) return bytes;
  const declared = dv.getUint32(8, true);
  return declared >= 12 && declared < bytes.byteLength ? bytes.subarray(0, declared) : bytes;
}

interface LoadedGltf {
  scene?: Object3D;
  scenes: Object3D[];
  parser: { json: { nodes?: { children?: number[] }[] }; getDependency(type: 'node', index: number): Promise<Object3D> };
}

/** The file's default scene; a file without scenes (the specification allows it) shows all its root nodes. */
async function sceneOf(gltf: LoadedGltf): Promise<Object3D> {
  if (gltf.scene) return gltf.scene;
  const nodes = gltf.parser.json.nodes ?? [];
  const child = new Set<number>();
  for (const n of nodes) for (const c of n.children ?? []) child.add(c);
  const group = new Group();
  for (let i = 0; i < nodes.length; i++) if (!child.has(i)) group.add(await gltf.parser.getDependency('node', i));
  return group;
}

const models = new Map<string, Promise<ParsedModel>>();

/** The parsed model of a stored asset, parsed once per session and shared by every instance. */
export function modelForAsset(hash: string): Promise<ParsedModel> {
  let p = models.get(hash);
  if (!p) {
    p = getAssetBytes(hash).then((bytes) => {
      if (!bytes) throw new Error(`asset ${hash.slice(0, 12)}… is missing from this browser's store`);
      return parseModel(bytes);
    });
    p.catch(() => models.delete(hash));
    models.set(hash, p);
  }
  return p;
}

export function boundsSize(m: ParsedModel): Vector3 {
  return new Vector3(m.max[0] - m.min[0], m.max[1] - m.min[1], m.max[2] - m.min[2]);
}
