// Fragment meshes for the viewport: each fragment's polygons fanned into triangles, split by material —
// the building's surface, fresh fracture faces, and glass — so the three batches draw with three materials.
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { BakeFragment } from '../bake';

export type FragmentMaterial = 'surface' | 'interior' | 'glass';
export const FRAGMENT_MATERIALS: FragmentMaterial[] = ['surface', 'interior', 'glass'];

/** One geometry per fragment and material (null where the fragment has no faces of that material). */
export function fragmentGeometries(fragments: BakeFragment[]): Record<FragmentMaterial, (BufferGeometry | null)[]> {
  const out: Record<FragmentMaterial, (BufferGeometry | null)[]> = { surface: [], interior: [], glass: [] };
  for (const f of fragments) {
    const buckets: Record<FragmentMaterial, { pos: number[]; nrm: number[] }> = {
      surface: { pos: [], nrm: [] },
      interior: { pos: [], nrm: [] },
      glass: { pos: [], nrm: [] },
    };
    const v = f.vertices;
    for (const face of f.faces) {
      const m: FragmentMaterial = f.kind === 'glass' ? 'glass' : face.interior ? 'interior' : 'surface';
      const b = buckets[m];
      const i0 = face.idx[0]!;
      // face normal from Newell's method: robust for any convex polygon
      let nx = 0, ny = 0, nz = 0;
      for (let k = 0; k < face.idx.length; k++) {
        const a = face.idx[k]!, c = face.idx[(k + 1) % face.idx.length]!;
        nx += (v[3 * a + 1]! - v[3 * c + 1]!) * (v[3 * a + 2]! + v[3 * c + 2]!);
        ny += (v[3 * a + 2]! - v[3 * c + 2]!) * (v[3 * a]! + v[3 * c]!);
        nz += (v[3 * a]! - v[3 * c]!) * (v[3 * a + 1]! + v[3 * c + 1]!);
      }
      const l = Math.hypot(nx, ny, nz) || 1;
      for (let k = 1; k + 1 < face.idx.length; k++) {
        for (const i of [i0, face.idx[k]!, face.idx[k + 1]!]) {
          b.pos.push(v[3 * i]!, v[3 * i + 1]!, v[3 * i + 2]!);
          b.nrm.push(nx / l, ny / l, nz / l);
        }
      }
    }
    for (const m of FRAGMENT_MATERIALS) {
      const b = buckets[m];
      if (b.pos.length === 0) {
        out[m].push(null);
        continue;
      }
      const g = new BufferGeometry();
      g.setAttribute('position', new Float32BufferAttribute(b.pos, 3));
      g.setAttribute('normal', new Float32BufferAttribute(b.nrm, 3));
      out[m].push(g);
    }
  }
  return out;
}
