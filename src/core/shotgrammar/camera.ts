// What every kind of shot solve shares: the solved-shot record, the camera it sets, lens angles, focus,
// the vertical hold (pitch or height) a description asks for, and look room.
import { cameraFieldOfView } from '../lens';
import type { Actor, Camera, Scene } from '../document/schema';
import type { Vec3 } from '../rig';
import type { ShotDescription } from './description';
import type { BodyMarks } from './body';
import type { Mark } from './place';
import type { LensChoice } from './lensChoice';
import { LOOK_ROOM_NDC } from './framingTable';
import { projectToFrame } from './project';
import { ANGLE_PITCH_DEG, type SizeCode } from './vocabulary';

export const DEG = Math.PI / 180;

/** The camera fields a solve sets; the rest (id, name…) come from the command that applies it. */
export interface CameraSetup {
  body: Camera['body'];
  lens: Camera['lens'];
  deliveryAspect: number;
  transform: Camera['transform'];
}

export interface SolvedShot {
  camera: CameraSetup;
  size: SizeCode | null;
  /** the pitch asked for, degrees (null for a POV aimed at someone) */
  pitchDeg: number | null;
  marks: { top: Mark; bottom: Mark } | null;
  bottomFloats: boolean;
  /** the point focus is set on (the framed actor's eyes), when there is one */
  focusPoint: Vec3 | null;
  warnings: string[];
  /** what was solved, for re-solving moves: heading and whether height or pitch was held */
  heading: Vec3;
  heldHeight: number | null;
}

export type SolveResult = { ok: true; shot: SolvedShot } | { ok: false; error: string };

export interface SolveContext {
  scene: Pick<Scene, 'objects'>;
  template: Camera;
}

export const norm = (v: Vec3): Vec3 => {
  const n = Math.hypot(v[0], v[2]);
  return n < 1e-9 ? [0, 0, 1] : [v[0] / n, 0, v[2] / n];
};
export const rotateY = (v: Vec3, a: number): Vec3 => [v[0] * Math.cos(a) + v[2] * Math.sin(a), 0, -v[0] * Math.sin(a) + v[2] * Math.cos(a)];
export const neg = (v: Vec3): Vec3 => [-v[0], -v[1], -v[2]];

export function actorOf(ctx: SolveContext, id: string): Actor {
  const o = ctx.scene.objects[id];
  if (!o || o.type !== 'actor') throw new SolveError(`No actor ${id} in the scene`);
  return o;
}

export class SolveError extends Error {}

export function fovOf(template: Camera, mm: number) {
  const fov = cameraFieldOfView({ ...template, lens: { ...template.lens, focalLengthMm: mm } });
  return { v: fov.verticalRad, h: fov.horizontalRad };
}

export function setup(template: Camera, lens: LensChoice, position: Vec3, rotation: Vec3, focusM: number): CameraSetup {
  return {
    body: { ...template.body },
    lens: { ...template.lens, focalLengthMm: lens.mm, lensSetId: lens.lensSetId, focusDistanceM: Math.min(100000, Math.max(0.05, focusM)) },
    deliveryAspect: template.deliveryAspect,
    transform: { position, rotation, scale: [1, 1, 1] },
  };
}

/** Depth of a point along the camera's axis: what a focus puller sets. */
export function focusDepth(cam: CameraSetup, p: Vec3): number {
  return projectToFrame(cam, p).depth;
}

export interface VerticalHold {
  pitch?: number;
  height?: number;
}

export function verticalHold(desc: ShotDescription): VerticalHold {
  const pitch = desc.angle ? ANGLE_PITCH_DEG[desc.angle] * DEG : undefined;
  if (pitch === undefined && desc.heightM === undefined) return { pitch: 0 };
  return { ...(pitch !== undefined ? { pitch } : {}), ...(desc.heightM !== undefined ? { height: desc.heightM } : {}) };
}

/** Look room: the column a single's eyes sit on, away from where the face looks across the frame. */
export function lookRoom(b: BodyMarks, heading: Vec3): number {
  const pan = Math.atan2(-heading[0], -heading[2]);
  const right: Vec3 = [Math.cos(pan), 0, -Math.sin(pan)];
  return -LOOK_ROOM_NDC * (b.face[0] * right[0] + b.face[2] * right[2]);
}

