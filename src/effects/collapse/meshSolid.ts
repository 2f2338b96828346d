// An imported mesh as a fracturable solid: welded and checked (meshSoup), cut into exact convex parts (bsp),
// and handed to the same Voronoi fracture as a building, the parts standing in for structural members.
import type { BuildingSolid, Member } from './solid';
import { weldAndCheck, type TriangleSoup, type WeldedMesh } from './meshSoup';
import { convexParts, type ConvexPart } from './bsp';
import { fractureSolid, type FractureOptions, type FractureProgress, type FractureResult } from './fracture';
import { scatterSeeds, type SeedOptions } from './voronoi';

export interface MeshSolid extends BuildingSolid {
  /** the welded, checked surface */
  mesh: WeldedMesh;
  /** triangles of the surface after welding */
  triangles: number;
}

export function meshSolid(soup: TriangleSoup): MeshSolid {
  const mesh = weldAndCheck(soup);
  const parts = convexParts(mesh);
  // one kind for every part: an imported prop has no storeys or slabs, so its glue is uniform ('wall' bonds)
  const members: Member[] = parts.map((p: ConvexPart) => ({ kind: 'wall', storey: 0, min: p.min, max: p.max, poly: p.poly, volume: p.volume }));
  const min: [number, number, number] = [Infinity, Infinity, Infinity], max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const m of members) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, m.min[k]!);
      max[k] = Math.max(max[k]!, m.max[k]!);
    }
  }
  // the surface's own volume is the reference the fragments must add up to
  return { members, bounds: { min, max }, volume: mesh.volume, mesh, triangles: mesh.triangles.length / 3 };
}

function insideConvex(m: Member, x: number, y: number, z: number): boolean {
  for (const f of m.poly.faces) if (f.n[0] * x + f.n[1] * y + f.n[2] * z > f.d) return false;
  return true;
}

/**
 * Seeds uniform in the parts (pick a part by its box's volume, a point in the box, keep it if it is inside
 * the part), thinned away from the impact exactly as a building's seeds are.
 */
export function scatterSeedsInParts(solid: BuildingSolid, opts: SeedOptions, rng: () => number): Float64Array {
  const boxVolumes = solid.members.map((m) => (m.max[0] - m.min[0]) * (m.max[1] - m.min[1]) * (m.max[2] - m.min[2]));
  return scatterSeeds(solid, opts, rng, { weights: boxVolumes, accept: insideConvex, triesPerSeed: 5000, where: 'inside the mesh' });
}

export function fractureMesh(soup: TriangleSoup | MeshSolid, opts: FractureOptions, onProgress?: FractureProgress): FractureResult & { solid: MeshSolid } {
  const solid = 'members' in soup ? soup : meshSolid(soup);
  const r = fractureSolid(
    solid,
    (count, rng) => scatterSeedsInParts(solid, { count, impactPoint: opts.impactPoint, impactRadius: opts.impactRadius, focus: 12 }, rng),
    opts,
    onProgress,
  );
  return { ...r, solid };
}
