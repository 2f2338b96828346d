// The building as convex structural members, cut from the shared parametric generator
// (core/geometry/building): wall panels split around their window into piers, sill and lintel, slabs,
// columns, glass panes and a pitched roof. Members never overlap, so a fracture that cuts every member by the
// Voronoi cells conserves the building's volume. Local frame: origin at the centre of the base, y up, metres.
import { generateBuilding, type BuildingParams, type StructuralElement, type ElementKind } from '../../core/geometry/building';
import { boxPoly, clipPoly, volumeCentroid, type Poly } from './polyhedron';
import type { MeshData } from '../../core/geometry/mesh';

export type MemberKind = ElementKind;
export type BuildingShape = BuildingParams;

export interface Member {
  kind: MemberKind;
  /** storey index, 0 at the ground */
  storey: number;
  min: [number, number, number];
  max: [number, number, number];
  /** the member's solid (a box for everything but a pitched roof) */
  poly: Poly;
  volume: number;
}

export interface BuildingSolid {
  members: Member[];
  bounds: { min: [number, number, number]; max: [number, number, number] };
  /** the generator's exact volume of the whole building, m³ */
  volume: number;
}

type V3 = [number, number, number];

function boxMember(kind: MemberKind, storey: number, min: V3, max: V3): Member | null {
  const volume = (max[0] - min[0]) * (max[1] - min[1]) * (max[2] - min[2]);
  if (!(volume > 1e-12)) return null;
  return { kind, storey, min, max, poly: boxPoly(min, max), volume };
}

/** A wall panel minus its window: four boxes (two full-height piers, the sill below, the lintel above). */
function wallPieces(e: StructuralElement): Member[] {
  const min = [...e.min] as V3, max = [...e.max] as V3;
  if (!e.opening) return [boxMember('wall', e.floor, min, max)].filter((m): m is Member => m !== null);
  const o = e.opening;
  // the along-the-wall axis is the horizontal one the opening does not span fully
  const u = o.max[0] - o.min[0] < max[0] - min[0] - 1e-9 ? 0 : 2;
  const at = (uv: [number, number], yv: [number, number]): [V3, V3] => {
    const a = [...min] as V3, b = [...max] as V3;
    a[u] = uv[0]; b[u] = uv[1];
    a[1] = yv[0]; b[1] = yv[1];
    return [a, b];
  };
  const parts: [V3, V3][] = [
    at([min[u]!, o.min[u]!], [min[1], max[1]]),
    at([o.max[u]!, max[u]!], [min[1], max[1]]),
    at([o.min[u]!, o.max[u]!], [min[1], o.min[1]]),
    at([o.min[u]!, o.max[u]!], [o.max[1], max[1]]),
  ];
  return parts.map(([a, b]) => boxMember('wall', e.floor, a, b)).filter((m): m is Member => m !== null);
}

/** A convex element given as triangles: the box around it cut by every face plane. */
function convexFromMesh(e: StructuralElement, mesh: MeshData): Member | null {
  let poly: Poly | null = boxPoly(e.min, e.max);
  const { positions: P, normals: N, indices: I } = mesh;
  const seen: number[][] = [];
  for (let k = e.range.start; k < e.range.start + e.range.count; k += 3) {
    const a = I[k]!;
    const n: V3 = [N[3 * a]!, N[3 * a + 1]!, N[3 * a + 2]!];
    const d = n[0] * P[3 * a]! + n[1] * P[3 * a + 1]! + n[2] * P[3 * a + 2]!;
    if (seen.some((s) => Math.abs(s[0]! - n[0]) + Math.abs(s[1]! - n[1]) + Math.abs(s[2]! - n[2]) + Math.abs(s[3]! - d) < 1e-6)) continue;
    seen.push([...n, d]);
    poly = poly && clipPoly(poly, n, d, -1);
  }
  if (!poly) return null;
  const { volume } = volumeCentroid(poly);
  return { kind: e.kind, storey: e.floor, min: [...e.min] as V3, max: [...e.max] as V3, poly, volume };
}

export function buildingSolid(shape: BuildingShape): BuildingSolid {
  const geo = generateBuilding(shape);
  const members: Member[] = [];
  for (const e of geo.elements) {
    if (e.kind === 'wall') members.push(...wallPieces(e));
    else if (e.kind === 'roof') {
      const m = convexFromMesh(e, geo.mesh);
      if (m) members.push(m);
    } else {
      const m = boxMember(e.kind, e.floor, [...e.min] as V3, [...e.max] as V3);
      if (m) members.push(m);
    }
  }
  const min: V3 = [Infinity, Infinity, Infinity], max: V3 = [-Infinity, -Infinity, -Infinity];
  for (const m of members) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, m.min[k]!);
      max[k] = Math.max(max[k]!, m.max[k]!);
    }
  }
  return { members, bounds: { min, max }, volume: geo.volumes.total };
}

export function memberVolume(m: Member): number {
  return m.volume;
}

/** Sum of the members' volumes (equals the generator's volume: checked by the tests). */
export function solidVolume(solid: BuildingSolid): number {
  let v = 0;
  for (const m of solid.members) v += m.volume;
  return v;
}
