// Exact convex decomposition of a closed mesh by a solid-leaf BSP tree: space is split by the planes of the
// mesh's own faces until no face is left inside a region; such a region lies wholly inside or wholly outside
// the mesh, and the side of the face that made the last cut says which (behind a face is inside). The inside
// regions are convex, never overlap, and fill the mesh exactly, so they play the part a building's structural
// members play: Voronoi cells cut them, and every fragment stays convex.
import { boxPoly, clipPoly, volumeCentroid, polyBounds, SURFACE, type Poly } from './polyhedron';
import { MeshFractureError, type WeldedMesh } from './meshSoup';

type V3 = [number, number, number];

interface Facet {
  /** convex polygon, flat xyz */
  pts: number[];
  n: V3;
  d: number;
}

export interface ConvexPart {
  poly: Poly;
  volume: number;
  min: V3;
  max: V3;
}

/** Above this many convex parts the mesh is too intricate to fracture in one interactive run. */
export const MAX_CONVEX_PARTS = 3000;
/** Splitting planes tried per node: the cheapest cut of a few evenly spaced faces. */
const CANDIDATES = 10;

function facetsOf(mesh: WeldedMesh): Facet[] {
  const P = mesh.positions, T = mesh.triangles;
  const out: Facet[] = [];
  for (let t = 0; t < T.length; t += 3) {
    const a = 3 * T[t]!, b = 3 * T[t + 1]!, c = 3 * T[t + 2]!;
    const ux = P[b]! - P[a]!, uy = P[b + 1]! - P[a + 1]!, uz = P[b + 2]! - P[a + 2]!;
    const vx = P[c]! - P[a]!, vy = P[c + 1]! - P[a + 1]!, vz = P[c + 2]! - P[a + 2]!;
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const l = Math.hypot(nx, ny, nz);
    if (!(l > 0)) continue; // a sliver with no area bounds nothing
    nx /= l; ny /= l; nz /= l;
    // the plane through the triangle's centre: the least biased of its corners' planes in float
    const cx = (P[a]! + P[b]! + P[c]!) / 3, cy = (P[a + 1]! + P[b + 1]! + P[c + 1]!) / 3, cz = (P[a + 2]! + P[b + 2]! + P[c + 2]!) / 3;
    out.push({ pts: [P[a]!, P[a + 1]!, P[a + 2]!, P[b]!, P[b + 1]!, P[b + 2]!, P[c]!, P[c + 1]!, P[c + 2]!], n: [nx, ny, nz], d: nx * cx + ny * cy + nz * cz });
  }
  return out;
}

const FRONT = 1, BACK = 2, SPLIT = 3, ON = 0;

function side(f: Facet, n: V3, d: number, eps: number): number {
  let front = false, back = false;
  const p = f.pts;
  for (let i = 0; i < p.length; i += 3) {
    const s = n[0] * p[i]! + n[1] * p[i + 1]! + n[2] * p[i + 2]! - d;
    if (s > eps) front = true;
    else if (s < -eps) back = true;
  }
  return front && back ? SPLIT : front ? FRONT : back ? BACK : ON;
}

/** Cuts a convex polygon in two along the plane (corners on the plane go to both halves). */
function splitFacet(f: Facet, n: V3, d: number, eps: number): [Facet | null, Facet | null] {
  const p = f.pts;
  const m = p.length / 3;
  const fr: number[] = [], bk: number[] = [];
  for (let i = 0; i < m; i++) {
    const j = (i + 1) % m;
    const ax = p[3 * i]!, ay = p[3 * i + 1]!, az = p[3 * i + 2]!;
    const bx = p[3 * j]!, by = p[3 * j + 1]!, bz = p[3 * j + 2]!;
    const sa = n[0] * ax + n[1] * ay + n[2] * az - d;
    const sb = n[0] * bx + n[1] * by + n[2] * bz - d;
    if (sa >= -eps) fr.push(ax, ay, az);
    if (sa <= eps) bk.push(ax, ay, az);
    if ((sa > eps && sb < -eps) || (sa < -eps && sb > eps)) {
      const t = sa / (sa - sb);
      const x = ax + (bx - ax) * t, y = ay + (by - ay) * t, z = az + (bz - az) * t;
      fr.push(x, y, z);
      bk.push(x, y, z);
    }
  }
  return [fr.length >= 9 ? { pts: fr, n: f.n, d: f.d } : null, bk.length >= 9 ? { pts: bk, n: f.n, d: f.d } : null];
}

/** Faces scored per candidate: a sample is enough to rank the planes, and keeps a node linear in its faces. */
const SAMPLE = 256;

/** The splitting plane for a node: the candidate face that cuts fewest others and takes most faces with it. */
function chooseSplitter(facets: Facet[], eps: number): Facet {
  const step = Math.max(1, Math.floor(facets.length / CANDIDATES));
  const sampleStep = Math.max(1, Math.floor(facets.length / SAMPLE));
  let best = facets[0]!;
  let bestScore = Infinity;
  for (let c = 0; c < facets.length; c += step) {
    const cand = facets[c]!;
    let splits = 0, on = 0, front = 0, back = 0;
    for (let i = 0; i < facets.length; i += sampleStep) {
      const s = side(facets[i]!, cand.n, cand.d, eps);
      if (s === SPLIT) splits++;
      else if (s === ON) on++;
      else if (s === FRONT) front++;
      else back++;
    }
    const score = 8 * splits - on + 0.05 * Math.abs(front - back);
    if (score < bestScore) {
      bestScore = score;
      best = cand;
    }
  }
  return best;
}

/** True when every corner lies behind (or on) every face's plane. */
function isConvex(P: Float64Array, facets: Facet[], eps: number): boolean {
  for (const f of facets) {
    const [nx, ny, nz] = f.n;
    for (let i = 0; i < P.length; i += 3) if (nx * P[i]! + ny * P[i + 1]! + nz * P[i + 2]! - f.d > eps) return false;
  }
  return true;
}

/** The parts must hold what the surface encloses; if not, the surface crosses itself or shells overlap. */
function checkVolume(parts: ConvexPart[], mesh: WeldedMesh): void {
  const total = parts.reduce((a, p) => a + p.volume, 0);
  if (Math.abs(total - mesh.volume) > 1e-3 * mesh.volume) {
    throw new MeshFractureError(
      `the mesh's inside is ambiguous: its parts hold ${total.toPrecision(4)} m³ but its surface encloses ${mesh.volume.toPrecision(4)} m³ (the surface crosses itself or shells overlap)`,
    );
  }
}

/** A node's position in the tree: the planes above it, each with the side taken (back: n·x ≤ d). */
interface Path {
  n: V3;
  d: number;
  back: boolean;
  up: Path | null;
}

/** The convex region of a leaf: the padded box cut by every plane on its path. */
function regionOf(path: Path | null, box: Poly): Poly | null {
  let region: Poly | null = box;
  for (let p = path; p && region; p = p.up) {
    region = p.back ? clipPoly(region, p.n, p.d, SURFACE) : clipPoly(region, [-p.n[0], -p.n[1], -p.n[2]], -p.d, SURFACE);
  }
  return region;
}

/**
 * The mesh as non-overlapping convex parts whose volumes sum to the mesh's. Throws a MeshFractureError when
 * the mesh needs more than MAX_CONVEX_PARTS parts, or when the parts do not add up to the mesh's volume
 * (the surface passes through itself, or separate shells overlap).
 */
export function convexParts(mesh: WeldedMesh, maxParts = MAX_CONVEX_PARTS): ConvexPart[] {
  const { min, max } = mesh.bounds;
  const extent = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
  // coplanar within the weld tolerance: faces of one flat side made of several triangles are one plane
  const eps = extent * 1e-6;
  // a generous margin: a region wrongly called solid then shows up as extra volume the check below catches
  const pad = extent * 0.05;
  const box = boxPoly(min.map((v) => v - pad), max.map((v) => v + pad));
  const parts: ConvexPart[] = [];
  const all = facetsOf(mesh);
  if (all.length === 0) throw new MeshFractureError('every triangle of the mesh is degenerate');
  // a convex mesh is its own single part: no tree needed (the tree would take one node per face)
  if (isConvex(mesh.positions, all, eps)) {
    let region: Poly | null = box;
    for (const f of all) region = region && clipPoly(region, f.n, f.d, SURFACE);
    if (region) {
      const { volume } = volumeCentroid(region);
      const b = polyBounds(region);
      const part = { poly: region, volume, min: b.min, max: b.max };
      checkVolume([part], mesh);
      return [part];
    }
  }
  // regions are not carried down the tree (most nodes never need theirs); a solid leaf rebuilds its own
  const stack: { facets: Facet[]; path: Path | null }[] = [{ facets: all, path: null }];
  while (stack.length) {
    const { facets, path } = stack.pop()!;
    const sp = chooseSplitter(facets, eps);
    const fronts: Facet[] = [], backs: Facet[] = [];
    for (const f of facets) {
      const s = side(f, sp.n, sp.d, eps);
      if (s === FRONT) fronts.push(f);
      else if (s === BACK) backs.push(f);
      else if (s === SPLIT) {
        const [a, b] = splitFacet(f, sp.n, sp.d, eps);
        if (a) fronts.push(a);
        if (b) backs.push(b);
      } else if (f.n[0] * sp.n[0] + f.n[1] * sp.n[1] + f.n[2] * sp.n[2] < 0) {
        // on the plane but facing the other way (two shells touching face to face): the solid behind it lies
        // on the front side, so the front region must still see it
        fronts.push(f);
      }
    }
    if (fronts.length) stack.push({ facets: fronts, path: { n: sp.n, d: sp.d, back: false, up: path } });
    const backPath: Path = { n: sp.n, d: sp.d, back: true, up: path };
    if (backs.length) {
      stack.push({ facets: backs, path: backPath });
      continue;
    }
    // no face left behind the splitter: that region is solid
    const region = regionOf(backPath, box);
    if (!region) continue;
    const { volume } = volumeCentroid(region);
    if (!(volume > 0)) continue;
    const b = polyBounds(region);
    parts.push({ poly: region, volume, min: b.min, max: b.max });
    if (parts.length > maxParts) {
      throw new MeshFractureError(
        `the mesh is too intricate to fracture: it needs more than ${maxParts.toLocaleString('en')} convex parts (collapse a simpler proxy mesh instead)`,
      );
    }
  }
  checkVolume(parts, mesh);
  // a spatial order, bottom up: the seed scatter and the fragment list walk the parts in this order
  return parts.sort((a, b) => a.min[1] - b.min[1] || a.min[0] - b.min[0] || a.min[2] - b.min[2] || a.volume - b.volume);
}
