// Poses as the document stores them (joint → Euler XYZ radians relative to rest) and the rules they obey:
// clamped to joint limits, unknown joints dropped, mirrored left/right, flattened for keyframe tracks.
import { JOINT_NAMES, LIMITS, isJointName, mirrorJoint, type JointName } from './skeleton';
import type { Vec3 } from './math';

export type Pose = Partial<Record<JointName, Vec3>>;

const clampTo = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Wraps an angle into (−π, π] so a free joint's 350° and −10° read the same. */
function wrap(a: number): number {
  const t = ((a + Math.PI) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI) - Math.PI;
  return t === -Math.PI ? Math.PI : t;
}

export function clampJoint(joint: JointName, r: readonly [number, number, number]): Vec3 {
  const lim = LIMITS[joint];
  return [0, 1, 2].map((k) => {
    const v = r[k]!;
    const safe = Number.isFinite(v) ? v : 0;
    const [lo, hi] = lim[k]!;
    // the root is free on every axis: wrap, do not clamp
    const c = hi - lo >= 2 * Math.PI - 1e-9 ? wrap(safe) : clampTo(safe, lo, hi);
    return c === 0 ? 0 : c; // no −0: it survives JSON as 0 and would differ after a round trip
  }) as Vec3;
}

/** A clean pose: known joints only, finite numbers, every angle within its joint's limits, zeros dropped. */
export function clampPose(pose: Readonly<Record<string, readonly [number, number, number]>>): Pose {
  const out: Pose = {};
  for (const [name, r] of Object.entries(pose)) {
    if (!isJointName(name)) continue;
    const c = clampJoint(name, r);
    if (c[0] !== 0 || c[1] !== 0 || c[2] !== 0) out[name] = c;
  }
  return out;
}

/** Joints whose angles lie outside their limits (with a tolerance for float round-off). */
export function limitViolations(pose: Pose, tolerance = 1e-9): { joint: JointName; axis: 0 | 1 | 2; value: number }[] {
  const bad: { joint: JointName; axis: 0 | 1 | 2; value: number }[] = [];
  for (const j of JOINT_NAMES) {
    const r = pose[j];
    if (!r) continue;
    for (const axis of [0, 1, 2] as const) {
      const [lo, hi] = LIMITS[j][axis];
      if (!(r[axis] >= lo - tolerance && r[axis] <= hi + tolerance)) bad.push({ joint: j, axis, value: r[axis] });
    }
  }
  return bad;
}

/** The pose seen in a mirror: left and right swap, turns and tilts reverse. */
export function mirrorPose(pose: Pose): Pose {
  const out: Pose = {};
  for (const j of JOINT_NAMES) {
    const r = pose[j];
    if (r) out[mirrorJoint(j)] = [r[0], 0 - r[1], 0 - r[2]];
  }
  return out;
}

/** Joint rotation with missing joints at rest. */
export const jointRotation = (pose: Pose, j: JointName): Vec3 => pose[j] ?? [0, 0, 0];

/** Flattens a pose to JOINT_NAMES order × 3 numbers, for a keyframe track value. */
export function poseToArray(pose: Pose): number[] {
  return JOINT_NAMES.flatMap((j) => jointRotation(pose, j));
}

export function arrayToPose(values: readonly number[]): Pose {
  const raw: Record<string, Vec3> = {};
  JOINT_NAMES.forEach((j, i) => {
    raw[j] = [values[i * 3] ?? 0, values[i * 3 + 1] ?? 0, values[i * 3 + 2] ?? 0];
  });
  return clampPose(raw);
}

/** Linear blend of two poses per angle (for in-betweens); the result is clamped. */
export function blendPoses(a: Pose, b: Pose, t: number): Pose {
  const raw: Record<string, Vec3> = {};
  for (const j of JOINT_NAMES) {
    const x = jointRotation(a, j);
    const y = jointRotation(b, j);
    raw[j] = [x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t];
  }
  return clampPose(raw);
}
