// Convex polyhedra as a list of planar faces, cut by half-spaces. This is all the geometry the fracture needs:
// a Voronoi cell is a box cut by bisector planes, and a fragment is a structural member cut by a cell's planes.
// Faces keep their own vertex copies (no shared topology): clipping stays simple and robust, and the viewer
// draws flat-shaded chunks anyway.

/** Tag of a face that lies on the surface of the original building (anything ≥ 0 is a fracture face). */
export const SURFACE = -1;

export interface Face {
  /** outward unit normal and offset: points on the face satisfy n·x = d */
  n: [number, number, number];
  d: number;
  /** SURFACE, or the index of the Voronoi seed on the other side of this fracture face */
  tag: number;
  /** vertices, flat xyz, counter-clockwise seen from outside */
  pts: number[];
}

export interface Poly {
  faces: Face[];
}

const EPS = 1e-7;

export function boxPoly(min: readonly number[], max: readonly number[]): Poly {
  const [x0, y0, z0] = min as [number, number, number];
  const [x1, y1, z1] = max as [number, number, number];
  const f = (n: [number, number, number], d: number, pts: number[]): Face => ({ n, d, tag: SURFACE, pts });
  return {
    faces: [
      f([1, 0, 0], x1, [x1, y0, z0, x1, y1, z0, x1, y1, z1, x1, y0, z1]),
      f([-1, 0, 0], -x0, [x0, y0, z0, x0, y0, z1, x0, y1, z1, x0, y1, z0]),
      f([0, 1, 0], y1, [x0, y1, z0, x0, y1, z1, x1, y1, z1, x1, y1, z0]),
      f([0, -1, 0], -y0, [x0, y0, z0, x1, y0, z0, x1, y0, z1, x0, y0, z1]),
      f([0, 0, 1], z1, [x0, y0, z1, x1, y0, z1, x1, y1, z1, x0, y1, z1]),
      f([0, 0, -1], -z0, [x0, y0, z0, x0, y1, z0, x1, y1, z0, x1, y0, z0]),
    ],
  };
}

/**
 * Keeps the part of `poly` where n·x ≤ d (n need not be unit length; the cap face stores it normalised).
 * Returns the same object when the plane misses it, null when nothing is left.
 */
export function clipPoly(poly: Poly, n: readonly [number, number, number], d: number, tag: number): Poly | null {
  const len = Math.hypot(n[0], n[1], n[2]);
  const nx = n[0] / len, ny = n[1] / len, nz = n[2] / len, dd = d / len;
  let anyOut = false, anyIn = false;
  for (const f of poly.faces) {
    const p = f.pts;
    for (let i = 0; i < p.length; i += 3) {
      const s = nx * p[i]! + ny * p[i + 1]! + nz * p[i + 2]! - dd;
      if (s > EPS) anyOut = true;
      else if (s < -EPS) anyIn = true;
    }
  }
  if (!anyOut) return poly;
  if (!anyIn) return null;
  const faces: Face[] = [];
  const cap: number[] = [];
  for (const f of poly.faces) {
    const p = f.pts;
    const m = p.length / 3;
    // a face wholly inside, touching nothing of the plane, comes through unchanged: share it rather than copy
    // (a region cut by hundreds of planes would otherwise copy every face on every cut)
    let untouched = true;
    for (let i = 0; i < p.length && untouched; i += 3) untouched = nx * p[i]! + ny * p[i + 1]! + nz * p[i + 2]! - dd < -EPS;
    if (untouched) {
      faces.push(f);
      continue;
    }
    const out: number[] = [];
    for (let i = 0; i < m; i++) {
      const j = (i + 1) % m;
      const ax = p[3 * i]!, ay = p[3 * i + 1]!, az = p[3 * i + 2]!;
      const bx = p[3 * j]!, by = p[3 * j + 1]!, bz = p[3 * j + 2]!;
      const sa = nx * ax + ny * ay + nz * az - dd;
      const sb = nx * bx + ny * by + nz * bz - dd;
      if (sa <= EPS) {
        out.push(ax, ay, az);
        if (sa >= -EPS) cap.push(ax, ay, az);
      }
      if ((sa < -EPS && sb > EPS) || (sa > EPS && sb < -EPS)) {
        const t = sa / (sa - sb);
        const x = ax + (bx - ax) * t, y = ay + (by - ay) * t, z = az + (bz - az) * t;
        out.push(x, y, z);
        cap.push(x, y, z);
      }
    }
    if (out.length >= 9) faces.push({ n: f.n, d: f.d, tag: f.tag, pts: out });
  }
  const capFace = orderCap(cap, [nx, ny, nz], dd, tag);
  if (capFace) faces.push(capFace);
  return faces.length >= 4 ? { faces } : null;
}

/** Orders the points where the plane cut the solid into one convex, outward-facing polygon. */
function orderCap(pts: number[], n: [number, number, number], d: number, tag: number): Face | null {
  const uniq: number[] = [];
  for (let i = 0; i < pts.length; i += 3) {
    let dup = false;
    for (let j = 0; j < uniq.length; j += 3) {
      if (Math.abs(uniq[j]! - pts[i]!) < 1e-6 && Math.abs(uniq[j + 1]! - pts[i + 1]!) < 1e-6 && Math.abs(uniq[j + 2]! - pts[i + 2]!) < 1e-6) {
        dup = true;
        break;
      }
    }
    if (!dup) uniq.push(pts[i]!, pts[i + 1]!, pts[i + 2]!);
  }
  const m = uniq.length / 3;
  if (m < 3) return null;
  let cx = 0, cy = 0, cz = 0;
  for (let i = 0; i < m; i++) {
    cx += uniq[3 * i]!;
    cy += uniq[3 * i + 1]!;
    cz += uniq[3 * i + 2]!;
  }
  cx /= m; cy /= m; cz /= m;
  // basis (u, v) in the plane with u × v = n, so increasing angle runs counter-clockwise seen from outside
  const a: [number, number, number] = Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  let ux = a[1] * n[2] - a[2] * n[1], uy = a[2] * n[0] - a[0] * n[2], uz = a[0] * n[1] - a[1] * n[0];
  const ul = Math.hypot(ux, uy, uz);
  ux /= ul; uy /= ul; uz /= ul;
  const vx = n[1] * uz - n[2] * uy, vy = n[2] * ux - n[0] * uz, vz = n[0] * uy - n[1] * ux;
  const order = Array.from({ length: m }, (_, i) => {
    const x = uniq[3 * i]! - cx, y = uniq[3 * i + 1]! - cy, z = uniq[3 * i + 2]! - cz;
    return { i, ang: Math.atan2(x * vx + y * vy + z * vz, x * ux + y * uy + z * uz) };
  }).sort((p, q) => p.ang - q.ang);
  const out: number[] = [];
  for (const { i } of order) out.push(uniq[3 * i]!, uniq[3 * i + 1]!, uniq[3 * i + 2]!);
  return { n, d, tag, pts: out };
}

/** Volume and centre of mass (uniform density), by fanning each face to a reference vertex. */
export function volumeCentroid(poly: Poly): { volume: number; centroid: [number, number, number] } {
  const first = poly.faces[0]!.pts;
  const rx = first[0]!, ry = first[1]!, rz = first[2]!;
  let vol = 0, cx = 0, cy = 0, cz = 0;
  for (const f of poly.faces) {
    const p = f.pts;
    const ax = p[0]! - rx, ay = p[1]! - ry, az = p[2]! - rz;
    for (let i = 3; i + 5 < p.length; i += 3) {
      const bx = p[i]! - rx, by = p[i + 1]! - ry, bz = p[i + 2]! - rz;
      const qx = p[i + 3]! - rx, qy = p[i + 4]! - ry, qz = p[i + 5]! - rz;
      const v = (ax * (by * qz - bz * qy) + ay * (bz * qx - bx * qz) + az * (bx * qy - by * qx)) / 6;
      vol += v;
      cx += v * (ax + bx + qx) / 4;
      cy += v * (ay + by + qy) / 4;
      cz += v * (az + bz + qz) / 4;
    }
  }
  if (vol <= 0) return { volume: 0, centroid: [rx, ry, rz] };
  return { volume: vol, centroid: [rx + cx / vol, ry + cy / vol, rz + cz / vol] };
}

export function polyBounds(poly: Poly): { min: [number, number, number]; max: [number, number, number] } {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const f of poly.faces) {
    for (let i = 0; i < f.pts.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        const v = f.pts[i + k]!;
        if (v < min[k]!) min[k] = v;
        if (v > max[k]!) max[k] = v;
      }
    }
  }
  return { min, max };
}

/** Distinct corner points (for convex-hull colliders), flat xyz. */
export function polyVertices(poly: Poly): number[] {
  const out: number[] = [];
  const seen = new Set<string>();
  for (const f of poly.faces) {
    for (let i = 0; i < f.pts.length; i += 3) {
      const key = `${Math.round(f.pts[i]! * 1e5)},${Math.round(f.pts[i + 1]! * 1e5)},${Math.round(f.pts[i + 2]! * 1e5)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f.pts[i]!, f.pts[i + 1]!, f.pts[i + 2]!);
    }
  }
  return out;
}

/** Largest distance from p to a corner of the polyhedron (the Voronoi "security radius" test uses it). */
export function maxDistance(poly: Poly, p: readonly number[]): number {
  let r2 = 0;
  for (const f of poly.faces) {
    for (let i = 0; i < f.pts.length; i += 3) {
      const dx = f.pts[i]! - p[0]!, dy = f.pts[i + 1]! - p[1]!, dz = f.pts[i + 2]! - p[2]!;
      const q = dx * dx + dy * dy + dz * dz;
      if (q > r2) r2 = q;
    }
  }
  return Math.sqrt(r2);
}
