// The body marks shot sizes are cut on, in world space, from the mannequin's joints (core/rig): head top,
// eyes, chin, shoulders, chest, waist, knees and soles, and where the face and the chest point.
import { actorFigure, apply, eulerXYZ, PROPORTIONS, type Vec3 } from '../rig';
import type { Actor } from '../document/schema';

export type Landmark = 'headTop' | 'eyes' | 'chin' | 'shoulders' | 'chest' | 'waist' | 'knees' | 'soles';

export interface BodyMarks {
  points: Record<Landmark, Vec3>;
  /** unit, horizontal: where the face looks */
  face: Vec3;
  /** unit, horizontal: where the chest points (the body's front, for sides) */
  front: Vec3;
  /** the standing axis: a point under the eyes on the ground, for placing the camera round the actor */
  axis: Vec3;
  /** half the shoulder width, metres (for keeping a camera out of the actor) */
  radius: number;
}

const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

function horizontalUnit(v: Vec3): Vec3 {
  const n = Math.hypot(v[0], v[2]);
  return n < 1e-9 ? [0, 0, 1] : [v[0] / n, 0, v[2] / n];
}

/** World-space body marks of an actor as drawn (pose, look-at, transform with scale). */
export function bodyMarks(actor: Actor): BodyMarks {
  const fig = actorFigure(actor);
  const t = actor.transform;
  const R = eulerXYZ(t.rotation);
  const toWorld = (p: Vec3): Vec3 => {
    const s: Vec3 = [p[0] * t.scale[0], p[1] * t.scale[1], p[2] * t.scale[2]];
    const r = apply(R, s);
    return [r[0] + t.position[0], r[1] + t.position[1], r[2] + t.position[2]];
  };
  const dirToWorld = (d: Vec3): Vec3 => apply(R, d);
  const h = actor.heightCm / 100;
  const P = PROPORTIONS[actor.build];
  const headR = fig.joints.head.rotation;
  const headFwd = apply(headR, [0, 0, 1]);
  const headUp = apply(headR, [0, 1, 0]);
  const r = P.headRadius * h;
  // eyes sit forward on the head's sphere at its centre height (anthropometric eye height ≈ 0.936 H);
  // the chin below and forward of the centre, about one head radius down
  const eyes: Vec3 = [fig.headCentre[0] + headFwd[0] * 0.8 * r, fig.headCentre[1] + headFwd[1] * 0.8 * r, fig.headCentre[2] + headFwd[2] * 0.8 * r];
  const chin: Vec3 = [
    fig.headCentre[0] - headUp[0] * 1.05 * r + headFwd[0] * 0.6 * r,
    fig.headCentre[1] - headUp[1] * 1.05 * r + headFwd[1] * 0.6 * r,
    fig.headCentre[2] - headUp[2] * 1.05 * r + headFwd[2] * 0.6 * r,
  ];
  const soles = mid(mid(fig.ends.heelL, fig.ends.toeL), mid(fig.ends.heelR, fig.ends.toeR));
  const local: Record<Landmark, Vec3> = {
    headTop: fig.ends.headTop,
    eyes,
    chin,
    shoulders: mid(fig.joints.shoulderL.position, fig.joints.shoulderR.position),
    chest: fig.joints.chest.position,
    waist: fig.joints.spine.position,
    knees: mid(fig.joints.kneeL.position, fig.joints.kneeR.position),
    soles: [soles[0], Math.min(fig.ends.heelL[1], fig.ends.toeL[1], fig.ends.heelR[1], fig.ends.toeR[1]), soles[2]],
  };
  const points = Object.fromEntries(Object.entries(local).map(([k, v]) => [k, toWorld(v)])) as Record<Landmark, Vec3>;
  const eyesW = points.eyes;
  return {
    points,
    face: horizontalUnit(dirToWorld(headFwd)),
    front: horizontalUnit(dirToWorld(apply(fig.joints.chest.rotation, [0, 0, 1]))),
    axis: [eyesW[0], 0, eyesW[2]],
    radius: Math.max(P.shoulderHalf * h * Math.max(Math.abs(t.scale[0]), Math.abs(t.scale[2])), 0.2),
  };
}

/** Shoulder points (world) of an actor, for over-the-shoulder placement. */
export function shoulderPoints(actor: Actor): { left: Vec3; right: Vec3 } {
  const fig = actorFigure(actor);
  const t = actor.transform;
  const R = eulerXYZ(t.rotation);
  const w = (p: Vec3): Vec3 => {
    const r = apply(R, [p[0] * t.scale[0], p[1] * t.scale[1], p[2] * t.scale[2]]);
    return [r[0] + t.position[0], r[1] + t.position[1], r[2] + t.position[2]];
  };
  return { left: w(fig.joints.shoulderL.position), right: w(fig.joints.shoulderR.position) };
}
