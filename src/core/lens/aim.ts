// Aiming a camera the way an operator on a geared head does: pan and tilt onto a point, the horizon kept level
// (no roll), and the focus puller's distance — the depth of the subject along the lens axis, which is what the
// plane of focus is measured by. Pure maths, Euler XYZ radians as everywhere in the document.
import { attitude, eulerXYZMatrix, forwardVector, matrixToEulerXYZ, rotationFromAttitude } from './framing';

type V3 = [number, number, number];
type Q = [number, number, number, number];

/**
 * Euler XYZ that points the lens (−Z) from `from` at `to` with the roll level (dutch 0). A target straight above
 * or below keeps `fallbackPan` (the heading is undefined there); null when the two points coincide.
 */
export function aimRotation(from: readonly [number, number, number], to: readonly [number, number, number], fallbackPan = 0): V3 | null {
  const d: V3 = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const n = Math.hypot(d[0], d[1], d[2]);
  if (!(n > 1e-9)) return null;
  const horizontal = Math.hypot(d[0], d[2]);
  const pan = horizontal > 1e-9 * n ? Math.atan2(-d[0], -d[2]) : fallbackPan;
  const tilt = Math.atan2(d[1], horizontal);
  return rotationFromAttitude({ pan, tilt, dutch: 0 });
}

/** Depth of `point` along the lens axis of a camera at `position` with `rotation` (metres; negative behind it). */
export function depthAlongLens(position: readonly [number, number, number], rotation: readonly [number, number, number], point: readonly [number, number, number]): number {
  const f = forwardVector(rotation);
  return (point[0] - position[0]) * f[0] + (point[1] - position[1]) * f[1] + (point[2] - position[2]) * f[2];
}

/** Focus distance that puts `point` in the plane of focus, inside the range a lens field accepts. */
export function focusOnPoint(position: readonly [number, number, number], rotation: readonly [number, number, number], point: readonly [number, number, number]): number {
  const depth = depthAlongLens(position, rotation, point);
  return Math.min(100000, Math.max(0.05, depth));
}

function quatFromMatrix(m: readonly number[]): Q {
  // row-major m; the standard trace method
  const [m11, m12, m13, m21, m22, m23, m31, m32, m33] = m as [number, number, number, number, number, number, number, number, number];
  const tr = m11 + m22 + m33;
  if (tr > 0) {
    const s = 0.5 / Math.sqrt(tr + 1);
    return [(m32 - m23) * s, (m13 - m31) * s, (m21 - m12) * s, 0.25 / s];
  }
  if (m11 > m22 && m11 > m33) {
    const s = 2 * Math.sqrt(1 + m11 - m22 - m33);
    return [0.25 * s, (m12 + m21) / s, (m13 + m31) / s, (m32 - m23) / s];
  }
  if (m22 > m33) {
    const s = 2 * Math.sqrt(1 + m22 - m11 - m33);
    return [(m12 + m21) / s, 0.25 * s, (m23 + m32) / s, (m13 - m31) / s];
  }
  const s = 2 * Math.sqrt(1 + m33 - m11 - m22);
  return [(m13 + m31) / s, (m23 + m32) / s, 0.25 * s, (m21 - m12) / s];
}

function matrixFromQuat(q: Q): [number, number, number, number, number, number, number, number, number] {
  const [x, y, z, w] = q;
  return [
    1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
    2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
    2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
  ];
}

/**
 * The rotation `weight` of the way from `a` to `b` along the shortest arc (slerp). Weight 0 and 1 return the ends
 * exactly, so a keyed-off aim leaves the camera's own rotation bit for bit.
 */
export function blendRotation(a: readonly [number, number, number], b: readonly [number, number, number], weight: number): V3 {
  if (weight <= 0) return [a[0], a[1], a[2]];
  if (weight >= 1) return [b[0], b[1], b[2]];
  const qa = quatFromMatrix(eulerXYZMatrix(a));
  let qb = quatFromMatrix(eulerXYZMatrix(b));
  let cos = qa[0] * qb[0] + qa[1] * qb[1] + qa[2] * qb[2] + qa[3] * qb[3];
  if (cos < 0) {
    qb = [-qb[0], -qb[1], -qb[2], -qb[3]];
    cos = -cos;
  }
  let wa: number;
  let wb: number;
  if (cos > 0.9999) {
    wa = 1 - weight;
    wb = weight;
  } else {
    const th = Math.acos(cos);
    const s = Math.sin(th);
    wa = Math.sin((1 - weight) * th) / s;
    wb = Math.sin(weight * th) / s;
  }
  const q: Q = [qa[0] * wa + qb[0] * wb, qa[1] * wa + qb[1] * wb, qa[2] * wa + qb[2] * wb, qa[3] * wa + qb[3] * wb];
  const n = Math.hypot(...q);
  return matrixToEulerXYZ(matrixFromQuat([q[0] / n, q[1] / n, q[2] / n, q[3] / n]));
}

/** The heading of a rotation, for keeping it when a target passes straight overhead. */
export const panOf = (rotation: readonly [number, number, number]): number => attitude(rotation).pan;
