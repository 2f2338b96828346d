// Storyboards of moves: which shots move (the camera — itself or whatever carries it — or an actor), the
// frames a panel shows for them (start and end, or a chosen number of key frames), and the arrows drawn on
// the panel, as frame fractions (u right, v down, 0..1 across the delivery frame): for the camera, the
// corners of the opening frame drawn to where the closing frame's corners sit in it (a pan slides them
// all one way, a push-in draws them inward); for each actor who moves, the path they walk, seen through
// the opening frame. Pure: the projection is the lens's own (focal length, sensor, squeeze, aspect).
import type { Camera, Project, SceneObject, Shot } from '../document/schema';
import { evaluateScene } from '../timeline';
import { cameraFieldOfView, eulerXYZMatrix } from '../lens';

type V3 = [number, number, number];
type M3 = ReturnType<typeof eulerXYZMatrix>;
export type UV = [number, number];

export interface PanelArrow {
  kind: 'camera' | 'actor';
  /** the actor's name, or the move's name for the camera */
  label: string;
  /** the path, start first; the head is drawn at the last point */
  points: UV[];
}

/** Arrow colours, in the app and in the PDF: the camera's amber, actors' red, each drawn over a dark edge. */
export const ARROW_COLOURS = { camera: '#ffb000', actor: '#ff3030' } as const;

export interface ShotMoves {
  /** frames the panel shows, in order (one for a static shot) */
  frames: number[];
  camera: boolean;
  /** ids of the actors who move during the shot */
  actorIds: string[];
  /** drawn on the first frame's picture */
  arrows: PanelArrow[];
}

/** A camera (or actor) counts as moving when it travels this far, or turns this much, during the shot. */
const MOVE_M = 0.05;
const TURN_RAD = (0.5 * Math.PI) / 180;
/** samples along an actor's path */
const PATH_SAMPLES = 12;

const mul = (a: M3, b: M3): M3 => {
  const r = new Array<number>(9).fill(0) as M3;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) r[i * 3 + j] = a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
  return r;
};
const apply = (m: M3, v: readonly number[]): V3 => [m[0] * v[0]! + m[1] * v[1]! + m[2] * v[2]!, m[3] * v[0]! + m[4] * v[1]! + m[5] * v[2]!, m[6] * v[0]! + m[7] * v[1]! + m[8] * v[2]!];
const transpose = (m: M3): M3 => [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];

/** An object's pose in world space: its transform composed with its parents' (scale applied to positions only). */
export function worldPose(objects: Record<string, SceneObject>, id: string): { position: V3; rotation: M3 } | null {
  const o = objects[id];
  if (!o) return null;
  let position: V3 = [...o.transform.position];
  let rotation = eulerXYZMatrix(o.transform.rotation);
  const seen = new Set<string>([id]);
  for (let p = o.parentId ? objects[o.parentId] : undefined; p && !seen.has(p.id); p = p.parentId ? objects[p.parentId] : undefined) {
    seen.add(p.id);
    const r = eulerXYZMatrix(p.transform.rotation);
    const s = p.transform.scale;
    const scaled = [position[0] * s[0], position[1] * s[1], position[2] * s[2]];
    const q = apply(r, scaled);
    position = [q[0] + p.transform.position[0], q[1] + p.transform.position[1], q[2] + p.transform.position[2]];
    rotation = mul(r, rotation);
  }
  return { position, rotation };
}

/** Where world point `p` falls in the delivery frame of camera `cam` standing at `pose`; null behind the lens. */
export function projectToFrame(cam: Camera, pose: { position: V3; rotation: M3 }, p: readonly number[]): UV | null {
  const local = apply(transpose(pose.rotation), [p[0]! - pose.position[0], p[1]! - pose.position[1], p[2]! - pose.position[2]]);
  const depth = -local[2];
  if (!(depth > 1e-6)) return null;
  const fov = cameraFieldOfView(cam);
  const x = local[0] / depth / Math.tan(fov.horizontalRad / 2);
  const y = local[1] / depth / Math.tan(fov.verticalRad / 2);
  return [(x + 1) / 2, (1 - y) / 2];
}

/** `count` frames spread evenly over the shot, first and last included (its last frame is out − 1). */
export function keyFrames(shot: Pick<Shot, 'in' | 'out'>, count: number): number[] {
  const last = Math.max(shot.in, shot.out - 1);
  const n = Math.max(1, Math.min(Math.round(count), last - shot.in + 1));
  if (n === 1) return [shot.in];
  return Array.from({ length: n }, (_, i) => Math.round(shot.in + ((last - shot.in) * i) / (n - 1)));
}

function turned(a: M3, b: M3): number {
  // the angle of the rotation taking a to b
  const m = mul(transpose(a), b);
  return Math.acos(Math.max(-1, Math.min(1, (m[0] + m[4] + m[8] - 1) / 2)));
}

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** The part of an actor a storyboard arrow follows: chest height over its feet. */
function chest(o: SceneObject, pose: { position: V3 }): V3 {
  const h = o.type === 'actor' ? (o.heightCm / 100) * 0.55 : 1;
  return [pose.position[0], pose.position[1] + h, pose.position[2]];
}

/**
 * What a storyboard panel of `shot` shows: its first frame alone for a static shot; `keyCount` key frames
 * (default start and end) and the move arrows for a shot whose camera or actors move.
 */
export function shotMoves(p: Project, sceneId: string, shot: Shot, keyCount = 2): ShotMoves {
  const last = Math.max(shot.in, shot.out - 1);
  const a = evaluateScene(p, sceneId, shot.in).objects;
  const b = evaluateScene(p, sceneId, last).objects;
  const cam0 = a[shot.cameraId];
  const cam1 = b[shot.cameraId];
  const pose0 = worldPose(a, shot.cameraId);
  const pose1 = worldPose(b, shot.cameraId);
  if (cam0?.type !== 'camera' || cam1?.type !== 'camera' || !pose0 || !pose1) return { frames: [shot.in], camera: false, actorIds: [], arrows: [] };
  const zooms = Math.abs(cam0.lens.focalLengthMm - cam1.lens.focalLengthMm) > 1e-6;
  const camera = dist(pose0.position, pose1.position) > MOVE_M || turned(pose0.rotation, pose1.rotation) > TURN_RAD || zooms;
  const actorIds = Object.values(a)
    .filter((o) => o.type === 'actor' && o.visible)
    .filter((o) => {
      const s = worldPose(a, o.id);
      const e = worldPose(b, o.id);
      return !!s && !!e && dist(s.position, e.position) > MOVE_M;
    })
    .map((o) => o.id)
    .sort();
  if (!camera && actorIds.length === 0) return { frames: [shot.in], camera: false, actorIds: [], arrows: [] };
  const arrows: PanelArrow[] = [];
  if (camera) arrows.push(...cameraArrows(cam0, pose0, cam1, pose1));
  for (const id of actorIds) {
    const points: UV[] = [];
    for (const f of keyFrames(shot, PATH_SAMPLES)) {
      const objects = f === shot.in ? a : f === last ? b : evaluateScene(p, sceneId, f).objects;
      const o = objects[id];
      const pose = worldPose(objects, id);
      const uv = o && pose ? projectToFrame(cam0, pose0, chest(o, pose)) : null;
      if (uv) points.push(uv);
    }
    if (points.length >= 2) arrows.push({ kind: 'actor', label: a[id]!.name, points });
  }
  return { frames: keyFrames(shot, Math.max(2, keyCount)), camera, actorIds, arrows };
}

/** A move's name from how the closing frame sits in the opening one. */
function moveName(from: UV[], to: UV[]): string {
  const area = (q: UV[]) => Math.abs((q[1]![0] - q[0]![0]) * (q[3]![1] - q[0]![1]));
  const grow = Math.sqrt(area(to) / Math.max(1e-9, area(from)));
  const cx = (q: UV[]) => q.reduce((s, c) => s + c[0], 0) / q.length;
  const cy = (q: UV[]) => q.reduce((s, c) => s + c[1], 0) / q.length;
  const dx = cx(to) - cx(from);
  const dy = cy(to) - cy(from);
  if (grow < 0.9) return 'push in';
  if (grow > 1.1) return 'pull out';
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? 'move right' : 'move left';
  return dy > 0 ? 'move down' : 'move up';
}

/**
 * The camera's arrows: from the opening frame's corners (inset 10 %) to where the same corners of the
 * closing frame fall in it, taken on the plane at the closing camera's focus distance.
 */
function cameraArrows(cam0: Camera, pose0: { position: V3; rotation: M3 }, cam1: Camera, pose1: { position: V3; rotation: M3 }): PanelArrow[] {
  const inset = 0.1;
  const corners: UV[] = [[inset, inset], [1 - inset, inset], [1 - inset, 1 - inset], [inset, 1 - inset]];
  const fov1 = cameraFieldOfView(cam1);
  const d = Math.max(1, cam1.lens.focusDistanceM);
  const ends: UV[] = [];
  for (const [u, v] of corners) {
    // the closing frame's corner in the closing camera's space, then in the world, then in the opening frame
    const local: V3 = [(u * 2 - 1) * Math.tan(fov1.horizontalRad / 2) * d, (1 - v * 2) * Math.tan(fov1.verticalRad / 2) * d, -d];
    const r = apply(pose1.rotation, local);
    const uv = projectToFrame(cam0, pose0, [r[0] + pose1.position[0], r[1] + pose1.position[1], r[2] + pose1.position[2]]);
    if (!uv) return [];
    ends.push(uv);
  }
  const name = moveName(corners, ends);
  return corners.map((c, i) => ({ kind: 'camera' as const, label: name, points: [c, ends[i]!] })).filter((a) => Math.hypot(a.points[1]![0] - a.points[0]![0], a.points[1]![1] - a.points[0]![1]) > 0.02);
}
