// Two-segment limb aiming: the Euler angles that put an upper segment (upper arm, thigh) along one direction
// and the lower segment (forearm, shin) along another, with the hinge (elbow, knee) bending in its own plane.
// Pose presets are authored with it as directions ("forearm across the chest"), which reads better than
// composed Euler angles and cannot produce a twisted elbow.
import { toEulerXYZ, type Mat3, type Vec3 } from './math';

const norm = (v: Vec3): Vec3 => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return n < 1e-12 ? [0, 0, 0] : [v[0] / n, v[1] / n, v[2] / n];
};
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const along = (v: Vec3, axis: Vec3): Vec3 => {
  const d = dot(v, axis);
  return norm([v[0] - d * axis[0], v[1] - d * axis[1], v[2] - d * axis[2]]);
};

/** Rotation taking the orthonormal frame (a1, a2, a1×a2) onto (b1, b2, b1×b2). */
function frameToFrame(a1: Vec3, a2: Vec3, b1: Vec3, b2: Vec3): Mat3 {
  const a3 = cross(a1, a2);
  const b3 = cross(b1, b2);
  const A = [a1, a2, a3];
  const B = [b1, b2, b3];
  const m = new Array(9).fill(0) as Mat3;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += B[k]![r]! * A[k]![c]!;
      m[r * 3 + c] = s;
    }
  }
  return m;
}

/**
 * Euler XYZ of the upper joint and of the hinge so that the upper segment points along `upper` and the lower
 * along `lower` (directions in the upper joint's parent frame; rest segments point down −y).
 * `hinge`: an elbow flexes with −X (forearm comes forward), a knee with +X (shin goes back).
 * `bendHint` picks the bend plane when the limb is straight (default: the hinge's natural bend direction).
 */
export function aimLimb(upper: Vec3, lower: Vec3, hinge: 'elbow' | 'knee', bendHint?: Vec3): { root: Vec3; hinge: Vec3 } {
  const a = norm(upper);
  const l = norm(lower);
  const bend = Math.acos(Math.max(-1, Math.min(1, dot(a, l))));
  const restUp: Vec3 = [0, -1, 0];
  const restBend: Vec3 = hinge === 'elbow' ? [0, 0, 1] : [0, 0, -1];
  let p = along(l, a);
  if (bend < 1e-6 || (p[0] === 0 && p[1] === 0 && p[2] === 0)) {
    p = along(bendHint ?? restBend, a);
    if (p[0] === 0 && p[1] === 0 && p[2] === 0) p = along([1, 0, 0], a);
  }
  const root = toEulerXYZ(frameToFrame(restUp, restBend, a, p));
  return { root, hinge: [hinge === 'elbow' ? -bend : bend, 0, 0] };
}
