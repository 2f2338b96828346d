// glTF/GLB parsing with three's GLTFLoader, from bytes in memory (the project's asset store), never a URL.
import { Box3, Vector3, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { getAssetBytes } from '../../store/assets';

export interface ParsedModel {
  scene: Object3D;
  /** bounds in file units */
  min: [number, number, number];
  max: [number, number, number];
  meshCount: number;
  triangleCount: number;
}

/** Parses GLB (or self-contained glTF JSON) bytes. Rejects with the loader's message on malformed input. */
export function parseModel(bytes: Uint8Array): Promise<ParsedModel> {
  const loader = new GLTFLoader();
  // the loader wants an ArrayBuffer of exactly the file (a view into a larger buffer would read past it)
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  return new Promise((resolve, reject) => {
    try {
      loader.parse(
        buffer,
        '',
        (gltf) => {
          const scene = gltf.scene;
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
            reject(new Error('the file holds no visible geometry'));
            return;
          }
          resolve({ scene, min: box.min.toArray() as ParsedModel['min'], max: box.max.toArray() as ParsedModel['max'], meshCount, triangleCount });
        },
        (err) => reject(new Error(err instanceof Error ? err.message : String((err as { message?: string })?.message ?? err))),
      );
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
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
