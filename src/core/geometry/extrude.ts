// Extrudes a 2D profile made of grid cells (solid or empty) into a closed solid. Walls with window openings
// and stairs are both such profiles: breakpoints on two axes, cells switched on or off, pushed through a
// thickness. Cells share whole edges, so the surface has no T-junctions and welds into a closed 2-manifold.
import type { MeshBuilder, Vec3 } from './mesh';

export interface GridProfile {
  /** strictly increasing breakpoints along the profile's first axis */
  u: number[];
  /** strictly increasing breakpoints along the profile's second axis */
  v: number[];
  /** is cell [u[i], u[i+1]] × [v[j], v[j+1]] solid? */
  solid(i: number, j: number): boolean;
}

export interface ExtrudeFrame {
  origin: Vec3;
  /** unit world directions of the profile's u, v and the extrusion axis w */
  uAxis: Vec3;
  vAxis: Vec3;
  wAxis: Vec3;
}

const neg = (a: Vec3): Vec3 => [-a[0], -a[1], -a[2]];

function at(f: ExtrudeFrame, u: number, v: number, w: number): Vec3 {
  return [
    f.origin[0] + u * f.uAxis[0] + v * f.vAxis[0] + w * f.wAxis[0],
    f.origin[1] + u * f.uAxis[1] + v * f.vAxis[1] + w * f.wAxis[1],
    f.origin[2] + u * f.uAxis[2] + v * f.vAxis[2] + w * f.wAxis[2],
  ];
}

/** Sorted, de-duplicated breakpoints (values closer than `eps` merge). */
export function breakpoints(values: number[], eps = 1e-9): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || x - out[out.length - 1]! > eps) out.push(x);
  return out;
}

/** Area of the solid cells of a profile. */
export function profileArea(p: GridProfile): number {
  let area = 0;
  for (let i = 0; i + 1 < p.u.length; i++) {
    for (let j = 0; j + 1 < p.v.length; j++) {
      if (p.solid(i, j)) area += (p.u[i + 1]! - p.u[i]!) * (p.v[j + 1]! - p.v[j]!);
    }
  }
  return area;
}

/** Emits the closed solid of `profile` swept from w0 to w1 along the frame's w axis. */
export function extrudeGrid<M extends string>(
  b: MeshBuilder<M>,
  material: M,
  profile: GridProfile,
  w0: number,
  w1: number,
  frame: ExtrudeFrame,
): void {
  const { u, v } = profile;
  const nu = u.length - 1;
  const nv = v.length - 1;
  const solid = (i: number, j: number) => i >= 0 && j >= 0 && i < nu && j < nv && profile.solid(i, j);
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < nv; j++) {
      if (!solid(i, j)) continue;
      const ua = u[i]!, ub = u[i + 1]!, va = v[j]!, vb = v[j + 1]!;
      b.face(material, [at(frame, ua, va, w1), at(frame, ub, va, w1), at(frame, ub, vb, w1), at(frame, ua, vb, w1)], frame.wAxis);
      b.face(material, [at(frame, ua, va, w0), at(frame, ua, vb, w0), at(frame, ub, vb, w0), at(frame, ub, va, w0)], neg(frame.wAxis));
      if (!solid(i - 1, j)) b.face(material, [at(frame, ua, va, w0), at(frame, ua, va, w1), at(frame, ua, vb, w1), at(frame, ua, vb, w0)], neg(frame.uAxis));
      if (!solid(i + 1, j)) b.face(material, [at(frame, ub, va, w0), at(frame, ub, vb, w0), at(frame, ub, vb, w1), at(frame, ub, va, w1)], frame.uAxis);
      if (!solid(i, j - 1)) b.face(material, [at(frame, ua, va, w0), at(frame, ub, va, w0), at(frame, ub, va, w1), at(frame, ua, va, w1)], neg(frame.vAxis));
      if (!solid(i, j + 1)) b.face(material, [at(frame, ua, vb, w0), at(frame, ua, vb, w1), at(frame, ub, vb, w1), at(frame, ub, vb, w0)], frame.vAxis);
    }
  }
}
