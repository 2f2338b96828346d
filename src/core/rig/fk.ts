// Forward kinematics of the mannequin in actor space (before the actor's own transform): joint positions and
// orientations for a pose, then the whole figure lifted or lowered so its lowest surface touches y = 0
// (a seated figure rests on its feet, a lying one on its back) — the actor's transform places it in the set.
import { IDENTITY, add, apply, eulerXYZ, mul, type Mat3, type Vec3 } from './math';
import { END_NAMES, END_PARENT, JOINT_NAMES, PARENT, PROPORTIONS, endOffsets, restOffsets, type Build, type EndName, type JointName } from './skeleton';
import { jointRotation, type Pose } from './pose';

export interface JointFrame {
  /** actor-space position of the joint, metres */
  position: Vec3;
  /** actor-space orientation of the joint (parent orientations composed with this joint's rotation) */
  rotation: Mat3;
}

export interface Figure {
  joints: Record<JointName, JointFrame>;
  ends: Record<EndName, Vec3>;
  /** centre of the head's volume (the head joint is the skull's pivot on the neck) */
  headCentre: Vec3;
  /** how far the figure was moved up to stand on y = 0 */
  groundLift: number;
}

export interface FkOptions {
  /** default true: put the lowest surface on y = 0 */
  ground?: boolean;
}

/** How far each point's surface reaches below it, as a fraction of height (for grounding). */
function clearances(build: Build): Partial<Record<JointName | EndName, number>> {
  const P = PROPORTIONS[build];
  return {
    hips: P.torsoHalfDepth,
    spine: P.torsoHalfDepth,
    chest: P.torsoHalfDepth,
    neck: P.torsoHalfDepth * 0.6,
    shoulderL: P.upperArmRadius,
    shoulderR: P.upperArmRadius,
    elbowL: P.forearmRadius,
    elbowR: P.forearmRadius,
    wristL: P.forearmRadius,
    wristR: P.forearmRadius,
    handTipL: 0.01,
    handTipR: 0.01,
    hipL: P.thighRadius,
    hipR: P.thighRadius,
    kneeL: P.shinRadius,
    kneeR: P.shinRadius,
  };
}

export function forwardKinematics(build: Build, heightCm: number, pose: Pose, options: FkOptions = {}): Figure {
  const offsets = restOffsets(build, heightCm);
  const endOff = endOffsets(build, heightCm);
  const P = PROPORTIONS[build];
  const h = heightCm / 100;
  const joints = {} as Record<JointName, JointFrame>;
  for (const j of JOINT_NAMES) {
    const parent = PARENT[j];
    const base = parent ? joints[parent] : { position: [0, 0, 0] as Vec3, rotation: IDENTITY };
    const position = add(base.position, apply(base.rotation, offsets[j]));
    const rotation = mul(base.rotation, eulerXYZ(jointRotation(pose, j)));
    joints[j] = { position, rotation };
  }
  const ends = {} as Record<EndName, Vec3>;
  for (const e of END_NAMES) {
    const p = joints[END_PARENT[e]];
    ends[e] = add(p.position, apply(p.rotation, endOff[e]));
  }
  const head = joints.head;
  let headCentre = add(head.position, apply(head.rotation, [0, (1 - P.head - P.headRadius) * h, 0.01 * h]));

  let groundLift = 0;
  if (options.ground !== false) {
    const clear = clearances(build);
    let lowest = headCentre[1] - P.headRadius * h;
    for (const j of JOINT_NAMES) lowest = Math.min(lowest, joints[j].position[1] - (clear[j] ?? 0) * h);
    for (const e of END_NAMES) lowest = Math.min(lowest, ends[e][1] - (clear[e] ?? 0) * h);
    groundLift = -lowest;
    const lift = (v: Vec3): Vec3 => [v[0], v[1] + groundLift, v[2]];
    for (const j of JOINT_NAMES) joints[j] = { ...joints[j], position: lift(joints[j].position) };
    for (const e of END_NAMES) ends[e] = lift(ends[e]);
    headCentre = lift(headCentre);
  }
  return { joints, ends, headCentre, groundLift };
}
