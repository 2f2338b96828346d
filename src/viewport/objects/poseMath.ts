// Gizmo ↔ joint conversions for bone posing: where the rotate gizmo sits for a joint, and which clamped
// joint rotation a gizmo orientation means. Kept apart from the component so Node tests can check the math.
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { Actor } from '../../core/document';
import { IDENTITY, PARENT, clampJoint, effectivePose, forwardKinematics, mul, toEulerXYZ, transpose, type JointName, type Mat3, type Vec3 } from '../../core/rig';

export const toMat3 = (m: Matrix4): Mat3 => {
  const e = m.elements; // column-major
  return [e[0]!, e[4]!, e[8]!, e[1]!, e[5]!, e[9]!, e[2]!, e[6]!, e[10]!];
};

export const fromMat3 = (r: Mat3, p: readonly [number, number, number]): Matrix4 =>
  new Matrix4().set(r[0], r[1], r[2], p[0], r[3], r[4], r[5], p[1], r[6], r[7], r[8], p[2], 0, 0, 0, 1);

/** World placement of a joint: the actor node's world matrix × the joint's actor-space frame. */
export function jointWorldMatrix(actor: Actor, joint: JointName, actorWorld: Matrix4): Matrix4 {
  const f = forwardKinematics(actor.build, actor.heightCm, effectivePose(actor)).joints[joint];
  return actorWorld.clone().multiply(fromMat3(f.rotation, f.position));
}

/** The clamped Euler XYZ (relative to rest, in the parent's frame) that a gizmo world orientation asks for. */
export function jointRotationFromGizmo(actor: Actor, joint: JointName, actorWorld: Matrix4, gizmo: Quaternion): Vec3 {
  const actorQ = new Quaternion();
  actorWorld.decompose(new Vector3(), actorQ, new Vector3());
  const inActor = toMat3(new Matrix4().makeRotationFromQuaternion(actorQ.invert().multiply(gizmo)));
  const parent = PARENT[joint];
  const parentRot = parent ? forwardKinematics(actor.build, actor.heightCm, effectivePose(actor)).joints[parent].rotation : IDENTITY;
  return clampJoint(joint, toEulerXYZ(mul(transpose(parentRot), inActor)));
}
