// Plain-array meshes from the pure core → three.js BufferGeometry, with the material groups carried over.
import { BufferAttribute, BufferGeometry } from 'three';
import type { MeshData } from '../../core/geometry';

export function toBufferGeometry<M extends string>(mesh: MeshData<M>, materialOrder: readonly M[]): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  g.setAttribute('normal', new BufferAttribute(mesh.normals, 3));
  g.setIndex(new BufferAttribute(mesh.indices, 1));
  for (const grp of mesh.groups) g.addGroup(grp.start, grp.count, Math.max(0, materialOrder.indexOf(grp.material)));
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
