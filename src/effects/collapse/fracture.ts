// Pre-fracture: Voronoi cells cut through the building's members. A fragment is one member cut by one cell,
// so every fragment is convex (a rigid body can use its hull as the collider) and the fragments tile the
// members exactly; mass is volume × the material's density.
import { clipPoly, polyBounds, volumeCentroid, type Poly } from './polyhedron';
import { buildingSolid, type BuildingShape, type BuildingSolid, type MemberKind } from './solid';
import { scatterSeeds, voronoiCells } from './voronoi';
import { createRng, subSeed } from './prng';
import { MATERIALS, type CollapseMaterial } from './params';

export interface Fragment {
  /** Voronoi cell (seed) it came from */
  cell: number;
  /** structural member it belongs to */
  member: number;
  kind: MemberKind;
  storey: number;
  poly: Poly;
  volume: number;
  mass: number;
  centroid: [number, number, number];
  min: [number, number, number];
  max: [number, number, number];
}

export interface FractureOptions {
  fragmentCount: number;
  impactPoint: readonly [number, number, number];
  impactRadius: number;
  material: CollapseMaterial;
  seed: number;
}

export interface FractureResult {
  solid: BuildingSolid;
  fragments: Fragment[];
  seeds: Float64Array;
  /** volume of the members before fracture, m³ */
  solidVolume: number;
  /** volume of slivers too thin to simulate, dropped (reported, and bounded by the tests) */
  droppedVolume: number;
}

export interface FractureProgress {
  (done: number, total: number): void;
}

export function fractureBuilding(shape: BuildingShape, opts: FractureOptions, onProgress?: FractureProgress): FractureResult {
  const solid = buildingSolid(shape);
  const scatter: SeedScatter = (count, rng) =>
    scatterSeeds(solid, { count, impactPoint: opts.impactPoint, impactRadius: opts.impactRadius, focus: 12 }, rng);
  return fractureSolid(solid, scatter, opts, onProgress);
}

/** Places `count` Voronoi seeds inside the solid from the fracture's random stream. */
export type SeedScatter = (count: number, rng: () => number) => Float64Array;

/** Fractures any solid made of non-overlapping convex members (a building's, or an imported mesh's parts). */
export function fractureSolid(solid: BuildingSolid, scatter: SeedScatter, opts: FractureOptions, onProgress?: FractureProgress): FractureResult {
  // A cell spanning a pier, a sill and a slab edge yields several fragments, and every member is at least one
  // fragment, so fragments ≈ members + k · seeds. Trial passes measure that line and aim the seed count at it.
  const target = opts.fragmentCount;
  let s0 = Math.max(4, Math.round(target / 2));
  let r0 = fractureWithSeeds(solid, scatter, opts, s0, onProgress);
  if (close(r0.fragments.length, target)) return r0;
  let s1 = Math.max(4, Math.round((s0 * target) / r0.fragments.length));
  if (s1 === s0) return r0;
  let r1 = fractureWithSeeds(solid, scatter, opts, s1, onProgress);
  for (let pass = 0; pass < 3 && !close(r1.fragments.length, target); pass++) {
    const slope = (r1.fragments.length - r0.fragments.length) / (s1 - s0);
    if (!(slope > 0)) break;
    const s2 = Math.max(4, Math.round(s1 + (target - r1.fragments.length) / slope));
    if (s2 === s1) break;
    s0 = s1; r0 = r1; s1 = s2;
    r1 = fractureWithSeeds(solid, scatter, opts, s1, onProgress);
  }
  return r1;
}

const close = (n: number, target: number) => Math.abs(n - target) <= 0.08 * target;

function fractureWithSeeds(solid: BuildingSolid, scatter: SeedScatter, opts: FractureOptions, seedCount: number, onProgress?: FractureProgress): FractureResult {
  const rng = createRng(subSeed(opts.seed, 1));
  const seeds = scatter(seedCount, rng);
  const pad = 1e-3;
  const lo = solid.bounds.min.map((v) => v - pad);
  const hi = solid.bounds.max.map((v) => v + pad);
  const cells = voronoiCells(seeds, lo, hi);
  const density = MATERIALS[opts.material].density;
  const glassDensity = MATERIALS.glass.density;
  const total = solid.volume;
  const minVolume = (total / Math.max(1, opts.fragmentCount)) * 1e-4;
  const fragments: Fragment[] = [];
  let dropped = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) continue;
    const cb = polyBounds(cell);
    const planes = cell.faces.filter((f) => f.tag >= 0);
    solid.members.forEach((m, mi) => {
      if (m.max[0] <= cb.min[0] || m.min[0] >= cb.max[0]) return;
      if (m.max[1] <= cb.min[1] || m.min[1] >= cb.max[1]) return;
      if (m.max[2] <= cb.min[2] || m.min[2] >= cb.max[2]) return;
      let poly: Poly | null = m.poly;
      for (const f of planes) {
        poly = clipPoly(poly, f.n, f.d, f.tag);
        if (!poly) return;
      }
      const { volume, centroid } = volumeCentroid(poly);
      if (volume <= 0) return;
      if (volume < minVolume) {
        dropped += volume;
        return;
      }
      const b = polyBounds(poly);
      fragments.push({
        cell: c,
        member: mi,
        kind: m.kind,
        storey: m.storey,
        poly,
        volume,
        mass: volume * (m.kind === 'glass' ? glassDensity : density),
        centroid,
        min: b.min,
        max: b.max,
      });
    });
    if (onProgress && (c & 63) === 0) onProgress(c, cells.length);
  }
  onProgress?.(cells.length, cells.length);
  return { solid, fragments, seeds, solidVolume: total, droppedVolume: dropped };
}
