// Seeds and Voronoi cells. Seeds are scattered inside the structural members (never in the air inside the
// building), denser around the impact; each cell is the bounding box cut by the bisector planes of its
// nearest seeds, stopping once no farther seed can reach the cell (the security-radius test).
import { boxPoly, clipPoly, maxDistance, type Poly } from './polyhedron';
import type { BuildingSolid, Member } from './solid';
import { memberVolume } from './solid';

export interface SeedOptions {
  count: number;
  impactPoint: readonly [number, number, number];
  impactRadius: number;
  /** how many times denser the seeds are at the impact centre than far from it */
  focus: number;
}

/** How seeds are placed in a solid's members: buildings sample their box members directly; a mesh's convex
 * parts are sampled in their bounding boxes and points outside the part rejected. */
export interface SeedPlacement {
  /** relative chance of each member being picked (default: its volume) */
  weights?: readonly number[];
  /** keeps a point sampled in member `m`'s box (default: every point) */
  accept?: (m: Member, x: number, y: number, z: number) => boolean;
  /** attempts allowed per seed before giving up */
  triesPerSeed?: number;
  /** where the seeds go, for the error message */
  where?: string;
}

/** Rejection sampling: uniform in the solid, kept with probability density(x) / max density. */
export function scatterSeeds(solid: BuildingSolid, opts: SeedOptions, rng: () => number, placement: SeedPlacement = {}): Float64Array {
  const vols = placement.weights ?? solid.members.map(memberVolume);
  const accept = placement.accept;
  const total = vols.reduce((a, b) => a + b, 0);
  const cdf: number[] = [];
  let acc = 0;
  for (const v of vols) cdf.push((acc += v / total));
  const out = new Float64Array(opts.count * 3);
  const r2 = opts.impactRadius * opts.impactRadius;
  const [px, py, pz] = opts.impactPoint;
  let n = 0;
  let guard = 0;
  while (n < opts.count) {
    if (++guard > opts.count * (placement.triesPerSeed ?? 1000)) throw new Error(`could not place fracture seeds ${placement.where ?? 'in the building'}`);
    const u = rng();
    let lo = 0, hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    const m = solid.members[lo]!;
    const x = m.min[0] + rng() * (m.max[0] - m.min[0]);
    const y = m.min[1] + rng() * (m.max[1] - m.min[1]);
    const z = m.min[2] + rng() * (m.max[2] - m.min[2]);
    if (accept && !accept(m, x, y, z)) continue;
    const d2 = (x - px) ** 2 + (y - py) ** 2 + (z - pz) ** 2;
    const density = (1 + opts.focus * Math.exp(-d2 / (2 * r2))) / (1 + opts.focus);
    if (rng() > density) continue;
    out[3 * n] = x;
    out[3 * n + 1] = y;
    out[3 * n + 2] = z;
    n++;
  }
  return out;
}

/** Uniform grid over the seeds for nearest-first neighbour gathering. */
class SeedGrid {
  readonly cell: number;
  readonly dims: [number, number, number];
  readonly origin: [number, number, number];
  private readonly buckets: Map<number, number[]> = new Map();
  constructor(readonly seeds: Float64Array, min: readonly number[], max: readonly number[]) {
    const n = seeds.length / 3;
    const vol = (max[0]! - min[0]!) * (max[1]! - min[1]!) * (max[2]! - min[2]!);
    this.cell = Math.max(1e-3, Math.cbrt(vol / Math.max(1, n)) * 1.2);
    this.origin = [min[0]!, min[1]!, min[2]!];
    this.dims = [0, 1, 2].map((k) => Math.max(1, Math.ceil((max[k]! - min[k]!) / this.cell))) as [number, number, number];
    for (let i = 0; i < n; i++) {
      const key = this.key(...this.coords(i));
      const b = this.buckets.get(key);
      if (b) b.push(i);
      else this.buckets.set(key, [i]);
    }
  }
  coords(i: number): [number, number, number] {
    return [0, 1, 2].map((k) =>
      Math.min(this.dims[k]! - 1, Math.max(0, Math.floor((this.seeds[3 * i + k]! - this.origin[k]!) / this.cell))),
    ) as [number, number, number];
  }
  key(x: number, y: number, z: number): number {
    return (x * this.dims[1]! + y) * this.dims[2]! + z;
  }
  /** Seeds in the shell of grid cells at Chebyshev ring r around c. */
  ring(c: [number, number, number], r: number, out: number[]): void {
    for (let x = c[0] - r; x <= c[0] + r; x++) {
      if (x < 0 || x >= this.dims[0]) continue;
      for (let y = c[1] - r; y <= c[1] + r; y++) {
        if (y < 0 || y >= this.dims[1]) continue;
        for (let z = c[2] - r; z <= c[2] + r; z++) {
          if (z < 0 || z >= this.dims[2]) continue;
          if (Math.max(Math.abs(x - c[0]), Math.abs(y - c[1]), Math.abs(z - c[2])) !== r) continue;
          const b = this.buckets.get(this.key(x, y, z));
          if (b) for (const i of b) out.push(i);
        }
      }
    }
  }
}

/** Voronoi cells of all seeds, each clipped to [min, max]. A cell may be null if its seed duplicates another. */
export function voronoiCells(seeds: Float64Array, min: readonly number[], max: readonly number[]): (Poly | null)[] {
  const n = seeds.length / 3;
  const grid = new SeedGrid(seeds, min, max);
  const cells: (Poly | null)[] = [];
  const maxRing = Math.max(...grid.dims);
  for (let i = 0; i < n; i++) {
    const sx = seeds[3 * i]!, sy = seeds[3 * i + 1]!, sz = seeds[3 * i + 2]!;
    let cell: Poly | null = boxPoly(min, max);
    const c = grid.coords(i);
    let pending: { j: number; d2: number }[] = [];
    for (let r = 0; cell; r++) {
      if (r <= maxRing) {
        const found: number[] = [];
        grid.ring(c, r, found);
        for (const j of found) {
          if (j === i) continue;
          const d2 = (seeds[3 * j]! - sx) ** 2 + (seeds[3 * j + 1]! - sy) ** 2 + (seeds[3 * j + 2]! - sz) ** 2;
          pending.push({ j, d2 });
        }
        pending.sort((a, b) => a.d2 - b.d2);
      }
      // every seed closer than r grid cells has been gathered (the seed sits inside its own grid cell)
      const covered = r <= maxRing ? r * grid.cell : Infinity;
      let k = 0;
      let done = false;
      for (; k < pending.length && cell; k++) {
        const { j, d2 } = pending[k]!;
        if (d2 > covered * covered) break;
        const reach = 2 * maxDistance(cell, [sx, sy, sz]);
        if (d2 > reach * reach) {
          done = true; // no farther seed can cut this cell
          break;
        }
        if (d2 < 1e-18) {
          if (j < i) cell = null; // duplicate seed: the first one owns the cell
          continue;
        }
        const nx = seeds[3 * j]! - sx, ny = seeds[3 * j + 1]! - sy, nz = seeds[3 * j + 2]! - sz;
        const d = (nx * (seeds[3 * j]! + sx) + ny * (seeds[3 * j + 1]! + sy) + nz * (seeds[3 * j + 2]! + sz)) / 2;
        cell = clipPoly(cell, [nx, ny, nz], d, j);
      }
      pending = pending.slice(k);
      if (done || !cell) break;
      if (2 * maxDistance(cell, [sx, sy, sz]) <= covered) break;
      if (r > maxRing && pending.length === 0) break;
    }
    cells.push(cell);
  }
  return cells;
}
