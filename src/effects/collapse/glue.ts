// The glue network: every pair of fragments that share part of a face is bonded, and fragments standing on
// the ground are bonded to it. A bond remembers where it sits (centre, normal, contact area) so the
// structure can weigh the load through it and the debris can be spawned where it breaks.
import type { Fragment } from './fracture';
import type { Face } from './polyhedron';
import type { BondKind } from './params';

/** Index used for "the ground" on the far side of a foundation bond. */
export const GROUND = -1;

export interface Bond {
  a: number;
  /** the other fragment, or GROUND */
  b: number;
  kind: BondKind;
  /** shared face area, m² */
  area: number;
  centre: [number, number, number];
  /** unit normal of the shared face, pointing from a into b */
  normal: [number, number, number];
}

function basis(n: readonly number[]): [number[], number[]] {
  const a = Math.abs(n[0]!) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  let u = [a[1]! * n[2]! - a[2]! * n[1]!, a[2]! * n[0]! - a[0]! * n[2]!, a[0]! * n[1]! - a[1]! * n[0]!];
  const l = Math.hypot(u[0]!, u[1]!, u[2]!);
  u = u.map((x) => x / l);
  const v = [n[1]! * u[2]! - n[2]! * u[1]!, n[2]! * u[0]! - n[0]! * u[2]!, n[0]! * u[1]! - n[1]! * u[0]!];
  return [u, v];
}

function project(pts: number[], u: number[], v: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < pts.length; i += 3) {
    out.push(pts[i]! * u[0]! + pts[i + 1]! * u[1]! + pts[i + 2]! * u[2]!, pts[i]! * v[0]! + pts[i + 1]! * v[1]! + pts[i + 2]! * v[2]!);
  }
  return out;
}

function area2(p: number[]): number {
  let s = 0;
  const m = p.length / 2;
  for (let i = 0; i < m; i++) {
    const j = (i + 1) % m;
    s += p[2 * i]! * p[2 * j + 1]! - p[2 * j]! * p[2 * i + 1]!;
  }
  return s / 2;
}

function ccw(p: number[]): number[] {
  if (area2(p) >= 0) return p;
  const out: number[] = [];
  for (let i = p.length / 2 - 1; i >= 0; i--) out.push(p[2 * i]!, p[2 * i + 1]!);
  return out;
}

/** Intersection of two convex 2D polygons (Sutherland–Hodgman), both counter-clockwise. */
function intersect2d(subject: number[], clip: number[]): number[] {
  let out = subject;
  const m = clip.length / 2;
  for (let e = 0; e < m && out.length >= 6; e++) {
    const ax = clip[2 * e]!, ay = clip[2 * e + 1]!;
    const bx = clip[2 * ((e + 1) % m)]!, by = clip[2 * ((e + 1) % m) + 1]!;
    const side = (x: number, y: number) => (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    const input = out;
    out = [];
    const k = input.length / 2;
    for (let i = 0; i < k; i++) {
      const px = input[2 * i]!, py = input[2 * i + 1]!;
      const qx = input[2 * ((i + 1) % k)]!, qy = input[2 * ((i + 1) % k) + 1]!;
      const sp = side(px, py), sq = side(qx, qy);
      if (sp >= 0) out.push(px, py);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        out.push(px + (qx - px) * t, py + (qy - py) * t);
      }
    }
  }
  return out;
}

/** Area and centre of the overlap of two opposite coplanar faces, or null when they only touch. */
function sharedPatch(fa: Face, fb: Face): { area: number; centre: [number, number, number] } | null {
  const [u, v] = basis(fa.n);
  const pa = ccw(project(fa.pts, u, v));
  const pb = ccw(project(fb.pts, u, v));
  const inter = intersect2d(pa, pb);
  if (inter.length < 6) return null;
  const area = area2(inter);
  if (!(area > 1e-6)) return null;
  let cx = 0, cy = 0;
  const m = inter.length / 2;
  for (let i = 0; i < m; i++) {
    cx += inter[2 * i]!;
    cy += inter[2 * i + 1]!;
  }
  cx /= m; cy /= m;
  const n = fa.n;
  const centre: [number, number, number] = [
    u[0]! * cx + v[0]! * cy + n[0] * fa.d,
    u[1]! * cx + v[1]! * cy + n[1] * fa.d,
    u[2]! * cx + v[2]! * cy + n[2] * fa.d,
  ];
  return { area, centre };
}

function bondKind(a: Fragment, b: Fragment): BondKind {
  const flat = (f: Fragment) => f.kind === 'slab' || f.kind === 'roof';
  const upright = (f: Fragment) => f.kind === 'wall' || f.kind === 'column';
  if (flat(a) && flat(b)) return 'slab';
  if (upright(a) && upright(b)) return 'wall';
  return 'connection';
}

/** Bonds between every pair of fragments sharing face area, and to the ground plane at y = groundY. */
export function buildGlue(fragments: Fragment[], groundY = 0): Bond[] {
  const n = fragments.length;
  const bonds: Bond[] = [];
  // sort-and-sweep along x keeps candidate pairs near-linear
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => fragments[p]!.min[0] - fragments[q]!.min[0]);
  const tol = 1e-5;
  for (let oi = 0; oi < n; oi++) {
    const i = order[oi]!;
    const A = fragments[i]!;
    for (let oj = oi + 1; oj < n; oj++) {
      const j = order[oj]!;
      const B = fragments[j]!;
      if (B.min[0] > A.max[0] + tol) break;
      if (B.min[1] > A.max[1] + tol || A.min[1] > B.max[1] + tol || B.min[2] > A.max[2] + tol || A.min[2] > B.max[2] + tol) continue;
      let area = 0, cx = 0, cy = 0, cz = 0;
      let normal: [number, number, number] = [0, 0, 0];
      for (const fa of A.poly.faces) {
        for (const fb of B.poly.faces) {
          const dot = fa.n[0] * fb.n[0] + fa.n[1] * fb.n[1] + fa.n[2] * fb.n[2];
          if (dot > -0.99999 || Math.abs(fa.d + fb.d) > tol) continue;
          const patch = sharedPatch(fa, fb);
          if (!patch) continue;
          if (patch.area > area) normal = [fa.n[0], fa.n[1], fa.n[2]];
          area += patch.area;
          cx += patch.centre[0] * patch.area;
          cy += patch.centre[1] * patch.area;
          cz += patch.centre[2] * patch.area;
        }
      }
      if (area <= 1e-6) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      const sign = a === i ? 1 : -1;
      bonds.push({
        a,
        b,
        kind: bondKind(A, B),
        area,
        centre: [cx / area, cy / area, cz / area],
        normal: [normal[0] * sign, normal[1] * sign, normal[2] * sign],
      });
    }
    for (const f of A.poly.faces) {
      if (f.n[1] > -0.99999 || Math.abs(-f.d - groundY) > tol) continue;
      const [u, v] = basis(f.n);
      const area = Math.abs(area2(project(f.pts, u, v)));
      if (area <= 1e-6) continue;
      let cx = 0, cz = 0;
      for (let k = 0; k < f.pts.length; k += 3) {
        cx += f.pts[k]!;
        cz += f.pts[k + 2]!;
      }
      const m = f.pts.length / 3;
      bonds.push({ a: i, b: GROUND, kind: 'foundation', area, centre: [cx / m, groundY, cz / m], normal: [0, -1, 0] });
    }
  }
  // a stable order, independent of the sweep, so everything downstream is deterministic
  bonds.sort((p, q) => p.a - q.a || p.b - q.b);
  return bonds;
}
