// Head look-at: turn the neck part of the way and the head the rest so the face (+z of the head joint) points
// at a target, within both joints' limits. Solved exactly in each joint's parent frame, no iteration.
import { apply, eulerXYZ, sub, transpose, type Vec3 } from './math';
import { forwardKinematics, type Figure } from './fk';
import { clampJoint, clampPose, type Pose } from './pose';
import type { Build } from './skeleton';

export interface ActorLike {
  build: Build;
  heightCm: number;
  pose: Readonly<Record<string, readonly [number, number, number]>>;
  lookAt: readonly [number, number, number] | null;
  transform: { position: readonly [number, number, number]; rotation: readonly [number, number, number]; scale: readonly [number, number, number] };
}

/**
 * Euler XYZ [pitch, yaw, 0] that turns +z onto `d` (for M = Rx·Ry, M·ẑ = (sin y, −sin p·cos y, cos p·cos y)).
 * Out of reach (beside or behind): azimuth and elevation instead, which the joint limits then clamp to
 * "as far round as it goes" rather than flipping the head over.
 */
function aimAngles(d: Vec3, joint: 'neck' | 'head', share: number): Vec3 {
  const n = Math.hypot(d[0], d[1], d[2]);
  if (n < 1e-9) return [0, 0, 0];
  const exact = clampJoint(joint, [Math.atan2(-d[1], d[2]) * share, Math.asin(Math.max(-1, Math.min(1, d[0] / n))) * share, 0]);
  if (d[2] > 0 && Math.abs(exact[0] - Math.atan2(-d[1], d[2]) * share) < 1e-12) return exact;
  return clampJoint(joint, [Math.atan2(-d[1], Math.hypot(d[0], d[2])) * share, Math.atan2(d[0], d[2]) * share, 0]);
}

/** The pose with neck and head turned towards `target` (actor space, metres). `neckShare` of the turn goes to the neck. */
export function lookAtPose(build: Build, heightCm: number, pose: Pose, target: Vec3, neckShare = 0.4): Pose {
  const base: Pose = { ...pose, neck: [0, 0, 0], head: [0, 0, 0] };
  const f0 = forwardKinematics(build, heightCm, base);
  const chest = f0.joints.chest;
  const neck = aimAngles(apply(transpose(chest.rotation), sub(target, f0.joints.neck.position)), 'neck', neckShare);
  const f1 = forwardKinematics(build, heightCm, { ...base, neck });
  const neckFrame = f1.joints.neck.rotation;
  const head = aimAngles(apply(transpose(neckFrame), sub(target, f1.joints.head.position)), 'head', 1);
  return { ...base, neck, head };
}

/** A world point in the actor's own space (inverse of its transform: translate, rotate XYZ, scale). */
export function worldToActor(t: ActorLike['transform'], p: readonly [number, number, number]): Vec3 {
  const r = eulerXYZ(t.rotation);
  const local = apply(transpose(r), [p[0] - t.position[0], p[1] - t.position[1], p[2] - t.position[2]]);
  return [local[0] / (t.scale[0] || 1), local[1] / (t.scale[1] || 1), local[2] / (t.scale[2] || 1)];
}

/** The pose an actor is drawn in: its stored pose clamped, with the look-at applied when it has a target. */
export function effectivePose(a: ActorLike): Pose {
  const pose = clampPose(a.pose);
  if (!a.lookAt) return pose;
  return lookAtPose(a.build, a.heightCm, pose, worldToActor(a.transform, a.lookAt));
}

export function actorFigure(a: ActorLike): Figure {
  return forwardKinematics(a.build, a.heightCm, effectivePose(a));
}

/** Where the face of a figure points (unit vector, actor space). */
export function faceDirection(f: Figure): Vec3 {
  return apply(f.joints.head.rotation, [0, 0, 1]);
}

