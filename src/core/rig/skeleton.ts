// The mannequin's joint hierarchy, its proportions per build, and its joint limits.
//
// Rest pose: standing upright, facing +z, arms hanging at the sides, Y up, the actor's left on +x.
// A pose is Euler XYZ radians per joint relative to rest (the document's Actor.pose). Sign conventions
// (left side; the right side mirrors Y and Z):
//   spine/chest/neck/head  +X bends forward, +Y turns to the actor's left, +Z tilts to the actor's right
//   shoulder  −X raises the arm forward, +Z raises it sideways, Y twists it (−Y turns the forearm inward)
//   elbow     −X bends the forearm up;  hip −X lifts the thigh forward, +Z spreads the leg outwards
//   knee      +X bends the shin back;   ankle −X lifts the toes, +X points them
import { deg, type Vec3 } from './math';

export type Build = 'male' | 'female' | 'child';
export type Side = 'L' | 'R';

export const JOINT_NAMES = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'shoulderL',
  'elbowL',
  'wristL',
  'shoulderR',
  'elbowR',
  'wristR',
  'hipL',
  'kneeL',
  'ankleL',
  'hipR',
  'kneeR',
  'ankleR',
] as const;
export type JointName = (typeof JOINT_NAMES)[number];

export const PARENT: Record<JointName, JointName | null> = {
  hips: null,
  spine: 'hips',
  chest: 'spine',
  neck: 'chest',
  head: 'neck',
  shoulderL: 'chest',
  elbowL: 'shoulderL',
  wristL: 'elbowL',
  shoulderR: 'chest',
  elbowR: 'shoulderR',
  wristR: 'elbowR',
  hipL: 'hips',
  kneeL: 'hipL',
  ankleL: 'kneeL',
  hipR: 'hips',
  kneeR: 'hipR',
  ankleR: 'kneeR',
};

/** End points that are no joints but shape the figure: top of head, finger tips, heels and toes. */
export const END_NAMES = ['headTop', 'handTipL', 'handTipR', 'heelL', 'toeL', 'heelR', 'toeR'] as const;
export type EndName = (typeof END_NAMES)[number];
export const END_PARENT: Record<EndName, JointName> = {
  headTop: 'head',
  handTipL: 'wristL',
  handTipR: 'wristR',
  heelL: 'ankleL',
  toeL: 'ankleL',
  heelR: 'ankleR',
  toeR: 'ankleR',
};

/**
 * Proportions as fractions of standing height (sole to crown). Adult values follow the segment-length
 * fractions of Drillis & Contini (1966) as reproduced in Winter, "Biomechanics and Motor Control of Human
 * Movement", fig. 4.1 (shoulder 0.818 H, hip joint 0.530 H, knee 0.285 H, ankle 0.039 H, upper arm 0.186 H,
 * forearm 0.146 H, hand 0.108 H, foot 0.152 H, shoulder width 0.259 H, hip width 0.191 H). The female build
 * narrows the shoulders and widens the hips; the child build (about 7 years) has a larger head and shorter
 * legs relative to height.
 */
export interface Proportions {
  /** heights above the sole, standing */
  hips: number;
  hipJoint: number;
  spine: number;
  chest: number;
  shoulder: number;
  neck: number;
  head: number;
  knee: number;
  ankle: number;
  /** half distances across the body */
  shoulderHalf: number;
  hipHalf: number;
  /** segment lengths */
  upperArm: number;
  forearm: number;
  hand: number;
  heelBack: number;
  toeForward: number;
  /** radii and widths for drawing */
  headRadius: number;
  torsoHalfWidth: number;
  torsoHalfDepth: number;
  pelvisHalfWidth: number;
  upperArmRadius: number;
  forearmRadius: number;
  thighRadius: number;
  shinRadius: number;
}

export const PROPORTIONS: Record<Build, Proportions> = {
  male: {
    hips: 0.55, hipJoint: 0.53, spine: 0.6, chest: 0.72, shoulder: 0.818, neck: 0.83, head: 0.9, knee: 0.285, ankle: 0.039,
    shoulderHalf: 0.1295, hipHalf: 0.052, upperArm: 0.186, forearm: 0.146, hand: 0.108, heelBack: 0.035, toeForward: 0.117,
    headRadius: 0.062, torsoHalfWidth: 0.095, torsoHalfDepth: 0.058, pelvisHalfWidth: 0.09,
    upperArmRadius: 0.024, forearmRadius: 0.019, thighRadius: 0.036, shinRadius: 0.026,
  },
  female: {
    hips: 0.55, hipJoint: 0.528, spine: 0.6, chest: 0.72, shoulder: 0.815, neck: 0.828, head: 0.898, knee: 0.285, ankle: 0.039,
    shoulderHalf: 0.116, hipHalf: 0.058, upperArm: 0.182, forearm: 0.142, hand: 0.105, heelBack: 0.033, toeForward: 0.112,
    headRadius: 0.064, torsoHalfWidth: 0.085, torsoHalfDepth: 0.056, pelvisHalfWidth: 0.1,
    upperArmRadius: 0.021, forearmRadius: 0.017, thighRadius: 0.037, shinRadius: 0.025,
  },
  child: {
    hips: 0.52, hipJoint: 0.5, spine: 0.57, chest: 0.68, shoulder: 0.79, neck: 0.8, head: 0.87, knee: 0.27, ankle: 0.04,
    shoulderHalf: 0.115, hipHalf: 0.05, upperArm: 0.17, forearm: 0.14, hand: 0.1, heelBack: 0.035, toeForward: 0.115,
    headRadius: 0.08, torsoHalfWidth: 0.09, torsoHalfDepth: 0.06, pelvisHalfWidth: 0.085,
    upperArmRadius: 0.024, forearmRadius: 0.02, thighRadius: 0.036, shinRadius: 0.027,
  },
};

/** Rest offset of each joint from its parent, in metres, for a build at a height. */
export function restOffsets(build: Build, heightCm: number): Record<JointName, Vec3> {
  const P = PROPORTIONS[build];
  const h = heightCm / 100;
  const v = (x: number, y: number, z = 0): Vec3 => [x * h, y * h, z * h];
  return {
    hips: v(0, P.hips),
    spine: v(0, P.spine - P.hips),
    chest: v(0, P.chest - P.spine),
    neck: v(0, P.neck - P.chest),
    head: v(0, P.head - P.neck),
    shoulderL: v(P.shoulderHalf, P.shoulder - P.chest),
    elbowL: v(0, -P.upperArm),
    wristL: v(0, -P.forearm),
    shoulderR: v(-P.shoulderHalf, P.shoulder - P.chest),
    elbowR: v(0, -P.upperArm),
    wristR: v(0, -P.forearm),
    hipL: v(P.hipHalf, P.hipJoint - P.hips),
    kneeL: v(0, P.knee - P.hipJoint),
    ankleL: v(0, P.ankle - P.knee),
    hipR: v(-P.hipHalf, P.hipJoint - P.hips),
    kneeR: v(0, P.knee - P.hipJoint),
    ankleR: v(0, P.ankle - P.knee),
  };
}

export function endOffsets(build: Build, heightCm: number): Record<EndName, Vec3> {
  const P = PROPORTIONS[build];
  const h = heightCm / 100;
  return {
    headTop: [0, (1 - P.head) * h, 0],
    handTipL: [0, -P.hand * h, 0],
    handTipR: [0, -P.hand * h, 0],
    heelL: [0, -P.ankle * h, -P.heelBack * h],
    toeL: [0, -P.ankle * h, P.toeForward * h],
    heelR: [0, -P.ankle * h, -P.heelBack * h],
    toeR: [0, -P.ankle * h, P.toeForward * h],
  };
}

export type Range = [number, number];
export type JointLimits = [Range, Range, Range];

const d = (lo: number, hi: number): Range => [deg(lo), deg(hi)];
/** the right side mirrors the left across the body's midplane: X stays, Y and Z flip sign */
const mirror = (l: JointLimits): JointLimits => [l[0], [-l[1][1], -l[1][0]], [-l[2][1], -l[2][0]]];

const LEFT: Record<'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle', JointLimits> = {
  // X reaches 90 (not the anatomical 60 of extension): once the arm is abducted, X turns it about its own
  // axis, which hands on hips and arms akimbo need
  shoulder: [d(-180, 90), d(-90, 90), d(-30, 180)],
  elbow: [d(-150, 0), d(-90, 90), d(0, 0)],
  wrist: [d(-80, 80), d(-15, 15), d(-35, 25)],
  hip: [d(-125, 30), d(-45, 45), d(-30, 50)],
  knee: [d(0, 150), d(-10, 10), d(0, 0)],
  ankle: [d(-30, 50), d(-20, 20), d(-25, 25)],
};

/** Joint limits per Euler axis, radians. The root (hips) is free: whole-body turns, falls and lying down. */
export const LIMITS: Record<JointName, JointLimits> = {
  hips: [d(-180, 180), d(-180, 180), d(-180, 180)],
  spine: [d(-30, 60), d(-35, 35), d(-30, 30)],
  chest: [d(-25, 45), d(-35, 35), d(-25, 25)],
  neck: [d(-40, 50), d(-60, 60), d(-35, 35)],
  head: [d(-40, 40), d(-50, 50), d(-30, 30)],
  shoulderL: LEFT.shoulder,
  elbowL: LEFT.elbow,
  wristL: LEFT.wrist,
  shoulderR: mirror(LEFT.shoulder),
  elbowR: mirror(LEFT.elbow),
  wristR: mirror(LEFT.wrist),
  hipL: LEFT.hip,
  kneeL: LEFT.knee,
  ankleL: LEFT.ankle,
  hipR: mirror(LEFT.hip),
  kneeR: mirror(LEFT.knee),
  ankleR: mirror(LEFT.ankle),
};

export const isJointName = (s: string): s is JointName => (JOINT_NAMES as readonly string[]).includes(s);

/** The joint on the other side of the body ('elbowL' ↔ 'elbowR'); central joints map to themselves. */
export function mirrorJoint(j: JointName): JointName {
  if (j.endsWith('L')) return (j.slice(0, -1) + 'R') as JointName;
  if (j.endsWith('R')) return (j.slice(0, -1) + 'L') as JointName;
  return j;
}
