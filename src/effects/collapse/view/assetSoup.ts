// An imported asset's triangles in the collapse layer's frame, read from the model three's GLTFLoader parsed
// (the same parse the viewport draws). The frame is the one AssetObject draws in — file units times the
// confirmed unit scale, the bounding box centred on the footprint and standing on y = 0 — with the object's
// own scale applied too, so the physics runs in true metres and the layer carries position and rotation only.
import { Color, Matrix4, Vector3, type BufferGeometry, type Material, type Mesh, type Object3D } from 'three';
import type { ImportedAsset } from '../../../core/document';
import type { ParsedModel } from '../../../viewport/objects/gltf';
import type { TriangleSoup } from '../meshSoup';

export interface AssetSoup extends TriangleSoup {
  /** area-weighted mean base colour of the surface, for the fragments' outer faces */
  colour: string;
}

type Vec3 = [number, number, number];

export function soupFromModel(model: ParsedModel, unitScale: number, objectScale: Vec3 = [1, 1, 1]): AssetSoup {
  const cx = (model.min[0] + model.max[0]) / 2;
  const cz = (model.min[2] + model.max[2]) / 2;
  const offset = new Vector3(-cx, -model.min[1], -cz);
  const k: Vec3 = [unitScale * objectScale[0], unitScale * objectScale[1], unitScale * objectScale[2]];
  const pos: number[] = [];
  const idx: number[] = [];
  const colour = new Color(0, 0, 0);
  let colourWeight = 0;
  const v = new Vector3(), a = new Vector3(), b = new Vector3(), c = new Vector3();
  const m = new Matrix4(), inst = new Matrix4();
  model.scene.updateMatrixWorld(true);
  model.scene.traverse((o: Object3D) => {
    const mesh = o as Mesh & { isInstancedMesh?: boolean; count?: number; getMatrixAt?: (i: number, out: Matrix4) => void };
    if (!mesh.isMesh || (o as { isLine?: boolean }).isLine || (o as { isPoints?: boolean }).isPoints) return;
    const g = mesh.geometry as BufferGeometry;
    const p = g.getAttribute('position');
    if (!p) return;
    const index = g.getIndex();
    const triCount = index ? index.count / 3 : p.count / 3;
    const copies = mesh.isInstancedMesh && mesh.getMatrixAt ? (mesh.count ?? 1) : 1;
    for (let copy = 0; copy < copies; copy++) {
      m.copy(mesh.matrixWorld);
      if (mesh.isInstancedMesh && mesh.getMatrixAt) {
        mesh.getMatrixAt(copy, inst);
        m.multiply(inst);
      }
      const base = pos.length / 3;
      for (let i = 0; i < p.count; i++) {
        v.fromBufferAttribute(p, i).applyMatrix4(m).add(offset);
        pos.push(v.x * k[0], v.y * k[1], v.z * k[2]);
      }
      const flip = m.determinant() * k[0] * k[1] * k[2] < 0; // a mirrored node turns its faces inside out
      let area = 0;
      for (let t = 0; t < triCount; t++) {
        const i0 = index ? index.getX(3 * t) : 3 * t;
        let i1 = index ? index.getX(3 * t + 1) : 3 * t + 1;
        let i2 = index ? index.getX(3 * t + 2) : 3 * t + 2;
        if (flip) [i1, i2] = [i2, i1];
        idx.push(base + i0, base + i1, base + i2);
        a.fromArray(pos, 3 * (base + i0));
        b.fromArray(pos, 3 * (base + i1));
        c.fromArray(pos, 3 * (base + i2));
        area += b.sub(a).cross(c.sub(a)).length() / 2;
      }
      const mat = (Array.isArray(mesh.material) ? mesh.material[0] : mesh.material) as (Material & { color?: Color }) | undefined;
      if (mat?.color && area > 0) {
        colour.r += mat.color.r * area;
        colour.g += mat.color.g * area;
        colour.b += mat.color.b * area;
        colourWeight += area;
      }
    }
  });
  if (colourWeight > 0) colour.multiplyScalar(1 / colourWeight);
  else colour.set('#a59d90');
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(idx), colour: `#${colour.getHexString()}` };
}

/** The soup of a scene's asset object (its confirmed unit scale and its own scale). */
export function assetSoup(model: ParsedModel, asset: ImportedAsset): AssetSoup {
  return soupFromModel(model, asset.unitScale, asset.transform.scale as Vec3);
}
