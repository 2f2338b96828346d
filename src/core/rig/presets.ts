// Pose presets: bone rotations for the moments a director blocks most often. Angles in degrees here for
// reading, radians in the document. Conventions are in skeleton.ts (x is the actor's left, z forward).
// Complex arm poses are aimed by direction (aim.ts); the right side of symmetric poses is the mirrored left.
import { deg, type Vec3 } from './math';
import { aimLimb } from './aim';
import { mirrorPose, type Pose } from './pose';
import type { JointName } from './skeleton';

export interface PosePreset {
  id: string;
  label: string;
  pose: Pose;
}

type DegPose = Partial<Record<JointName, [number, number, number]>>;

const rad = (p: DegPose): Pose => {
  const out: Pose = {};
  for (const [j, r] of Object.entries(p) as [JointName, [number, number, number]][]) out[j] = [deg(r[0]), deg(r[1]), deg(r[2])];
  return out;
};

/** Left side and its mirror image on the right, in degrees. */
const both = (left: DegPose): DegPose => {
  const r = mirrorPose(rad(left));
  const out: DegPose = { ...left };
  for (const [j, v] of Object.entries(r) as [JointName, Vec3][]) out[j] = [v[0] / deg(1), v[1] / deg(1), v[2] / deg(1)];
  return out;
};

/** An arm aimed by directions in the chest's frame (x = actor's left, y up, z forward). */
function arm(side: 'L' | 'R', upper: Vec3, lower: Vec3): Pose {
  const a = aimLimb(upper, lower, 'elbow');
  return side === 'L' ? { shoulderL: a.root, elbowL: a.hinge } : { shoulderR: a.root, elbowR: a.hinge };
}
const flipX = (v: Vec3): Vec3 => [-v[0], v[1], v[2]];

const preset = (id: string, label: string, ...parts: (DegPose | Pose)[]): PosePreset => {
  const merged: Record<string, Vec3> = {};
  for (const part of parts) Object.assign(merged, part);
  // not clamped here: the tests hold every preset to the joint limits as written
  return { id, label, pose: merged as Pose };
};

// Directions for aimed arms (left side; the right is mirrored with flipX)
const onHipUpper: Vec3 = [0.12, -0.118, -0.07];
const onHipLower: Vec3 = [-0.14, -0.1, 0.05];
const phoneUpper: Vec3 = [-0.1, -0.3, 0.9];
const phoneLower: Vec3 = [-0.4, 1, -0.7];

export const POSE_PRESETS: readonly PosePreset[] = [
  preset('stand', 'Stand'),
  preset('walk', 'Walk (left foot forward)', rad({
    hipL: [-25, 0, 0], kneeL: [10, 0, 0], ankleL: [-5, 0, 0],
    hipR: [15, 0, 0], kneeR: [25, 0, 0], ankleR: [15, 0, 0],
    shoulderL: [20, 0, 4], elbowL: [-10, 0, 0], shoulderR: [-20, 0, -4], elbowR: [-25, 0, 0],
    spine: [3, 0, 0], chest: [0, -4, 0],
  })),
  preset('run', 'Run', rad({
    hipL: [-65, 0, 0], kneeL: [95, 0, 0], ankleL: [15, 0, 0],
    hipR: [25, 0, 0], kneeR: [45, 0, 0], ankleR: [35, 0, 0],
    shoulderL: [45, 0, 8], elbowL: [-95, 0, 0], shoulderR: [-55, 0, -8], elbowR: [-95, 0, 0],
    spine: [12, 0, 0], chest: [4, -8, 0], neck: [-8, 0, 0], head: [-4, 0, 0],
  })),
  preset('sit', 'Sit (on a chair)', rad(both({ hipL: [-90, 0, 6], kneeL: [90, 0, 0], shoulderL: [-25, 0, 6], elbowL: [-55, 0, 0] })), rad({ spine: [4, 0, 0] })),
  preset('sit-ground', 'Sit on the ground', rad(both({ hipL: [-88, 0, 8], kneeL: [15, 0, 0], shoulderL: [35, 0, 18] })), rad({ spine: [-12, 0, 0] })),
  preset('kneel', 'Kneel (one knee)', rad({
    hipL: [-95, 0, 4], kneeL: [95, 0, 0],
    hipR: [0, 0, -3], kneeR: [90, 0, 0], ankleR: [45, 0, 0],
    shoulderL: [-15, 0, 5], elbowL: [-30, 0, 0], shoulderR: [-10, 0, -5], elbowR: [-20, 0, 0], spine: [5, 0, 0],
  })),
  preset('point', 'Point', rad({
    shoulderR: [-88, 0, -8], elbowR: [-5, 0, 0], shoulderL: [5, 0, 5], elbowL: [-10, 0, 0],
    chest: [0, -12, 0], neck: [0, -8, 0], head: [0, -5, 0],
  })),
  preset('look', 'Look over the shoulder', rad({ spine: [0, 15, 0], chest: [0, 25, 0], neck: [0, 45, 0], head: [5, 35, 0] })),
  preset('lie', 'Lie on the back', rad({ hips: [-90, 0, 0] }), rad(both({ shoulderL: [0, 0, 18], hipL: [0, 0, 5], ankleL: [20, 0, 0] }))),
  preset('fall', 'Fall backwards', rad({
    hips: [-35, 0, 0], spine: [-20, 0, 0], chest: [-10, 0, 0], neck: [25, 0, 0], head: [10, 0, 0],
    shoulderL: [-110, 0, 45], elbowL: [-35, 0, 0], shoulderR: [-120, 0, -40], elbowR: [-25, 0, 0],
    hipL: [-55, 0, 10], kneeL: [45, 0, 0], ankleL: [-15, 0, 0], hipR: [-25, 0, -5], kneeR: [20, 0, 0], ankleR: [10, 0, 0],
  })),
  preset('crouch', 'Crouch', rad(both({ hipL: [-110, 0, 15], kneeL: [130, 0, 0], ankleL: [-20, 0, 0], shoulderL: [-45, 0, 10], elbowL: [-60, 0, 0] })), rad({ spine: [30, 0, 0], chest: [10, 0, 0], neck: [-20, 0, 0], head: [-10, 0, 0] })),
  preset('reach', 'Reach up', rad({
    shoulderR: [-170, 0, -10], elbowR: [-5, 0, 0], shoulderL: [-10, 0, 8], elbowL: [-15, 0, 0],
    spine: [0, 0, -6], chest: [-5, 0, -6], neck: [-15, 0, 0], head: [-20, 0, 0], ankleL: [25, 0, 0], ankleR: [25, 0, 0],
  })),
  preset('wave', 'Wave', rad({ shoulderR: [-90, 0, -90], elbowR: [-100, 0, 0], wristR: [0, 0, 15], shoulderL: [0, 0, 5], head: [0, 0, -6] })),
  preset('arms-crossed', 'Arms crossed', rad({ shoulderL: [-20, -60, -10], elbowL: [-95, 0, 0], shoulderR: [-25, 60, 10], elbowR: [-105, 0, 0] })),
  preset('hands-on-hips', 'Hands on hips', arm('L', onHipUpper, onHipLower), arm('R', flipX(onHipUpper), flipX(onHipLower)), rad({ wristL: [0, 0, -30], wristR: [0, 0, 30] })),
  preset('lean', 'Lean forward (on a rail)', rad(both({ shoulderL: [-70, 0, 10], elbowL: [-40, 0, 0], hipL: [-8, 0, 3] })), rad({ spine: [40, 0, 0], chest: [15, 0, 0], neck: [-30, 0, 0], head: [-10, 0, 0] })),
  preset('jump', 'Jump (tuck)', rad({
    hipL: [-70, 0, 8], kneeL: [110, 0, 0], ankleL: [30, 0, 0], hipR: [-60, 0, -8], kneeR: [100, 0, 0], ankleR: [30, 0, 0],
    shoulderL: [-160, 0, 25], elbowL: [-15, 0, 0], shoulderR: [-160, 0, -25], elbowR: [-15, 0, 0], spine: [-5, 0, 0], head: [-10, 0, 0],
  })),
  preset('fight-stance', 'Fight stance', rad({
    hipL: [-25, 0, 8], kneeL: [30, 0, 0], ankleL: [-5, 0, 0], hipR: [15, 0, -10], kneeR: [30, 0, 0], ankleR: [15, 0, 0],
    shoulderL: [-50, 0, 15], elbowL: [-125, 0, 0], shoulderR: [-45, 0, -15], elbowR: [-130, 0, 0],
    spine: [8, 0, 0], chest: [0, -20, 0], neck: [0, 10, 0], head: [-5, 10, 0],
  })),
  preset('aim', 'Aim (two hands)', rad({
    shoulderL: [-88, 0, -22], elbowL: [-15, 0, 0], shoulderR: [-88, 0, 22], elbowR: [-5, 0, 0],
    hipL: [-10, 0, 6], kneeL: [15, 0, 0], hipR: [5, 0, -6], kneeR: [15, 0, 0], head: [8, 0, 0],
  })),
  preset('carry', 'Carry (box in front)', rad(both({ shoulderL: [-35, 0, 8], elbowL: [-80, 0, 0] })), rad({ spine: [-5, 0, 0] })),
  preset('talk', 'Talk (gesturing)', rad({
    shoulderR: [-35, 0, -15], elbowR: [-85, 0, 0], wristR: [-30, 0, 0], shoulderL: [-10, 0, 8], elbowL: [-40, 0, 0],
    neck: [0, -5, 0], head: [0, -10, 5],
  })),
  preset('phone', 'On the phone', arm('R', flipX(phoneUpper), flipX(phoneLower)), rad({ wristR: [-20, 0, 0], head: [0, 0, -8], shoulderL: [0, 0, 5] })),
  preset('hands-up', 'Hands up', rad(both({ shoulderL: [-90, 0, 90], elbowL: [-90, 0, 0] }))),
  preset('bow', 'Bow', rad(both({ shoulderL: [-60, 0, 0], hipL: [-5, 0, 0] })), rad({ spine: [45, 0, 0], chest: [20, 0, 0], neck: [10, 0, 0] })),
];

export function findPreset(id: string): PosePreset | undefined {
  return POSE_PRESETS.find((p) => p.id === id);
}
