// The moves an operator makes with the shot camera while looking through it, as pure functions of where the
// camera stood when the gesture began and how far the hand has gone: orbit round a pivot, look (pan and tilt in
// place, as on a fluid head), truck (sideways and up in the frame's plane), dolly (along the lens axis) and fly
// steps. Dutch is kept as it was; everything else is recomputed from the start, so a gesture never drifts.
import { aimRotation, attitude, eulerXYZMatrix, forwardVector, rotationFromAttitude } from '../../core/lens';

type V3 = [number, number, number];
export interface Placement {
  position: V3;
  rotation: V3;
}

const TILT_LIMIT = (89 * Math.PI) / 180;
const clampTilt = (t: number) => Math.max(-TILT_LIMIT, Math.min(TILT_LIMIT, t));

/** The camera's right, up and forward (−Z) in the world. */
function axes(rotation: readonly [number, number, number]): { right: V3; up: V3; forward: V3 } {
  const m = eulerXYZMatrix(rotation);
  return { right: [m[0], m[3], m[6]], up: [m[1], m[4], m[7]], forward: forwardVector(rotation) };
}

const along = (p: readonly number[], d: readonly number[], s: number): V3 => [p[0]! + d[0]! * s, p[1]! + d[1]! * s, p[2]! + d[2]! * s];

/** Orbit round `pivot`: `yaw` about the world vertical, `pitch` over the top (radians), distance kept, pivot framed centre. */
export function orbitMove(start: Placement, pivot: readonly [number, number, number], yaw: number, pitch: number): Placement {
  const o: V3 = [start.position[0] - pivot[0], start.position[1] - pivot[1], start.position[2] - pivot[2]];
  const r = Math.hypot(o[0], o[1], o[2]);
  if (!(r > 1e-6)) return start;
  const az = Math.atan2(o[0], o[2]) + yaw;
  const el = clampTilt(Math.asin(Math.max(-1, Math.min(1, o[1] / r))) + pitch);
  const position: V3 = [pivot[0] + r * Math.cos(el) * Math.sin(az), pivot[1] + r * Math.sin(el), pivot[2] + r * Math.cos(el) * Math.cos(az)];
  const aimed = aimRotation(position, pivot, attitude(start.rotation).pan);
  if (!aimed) return start;
  const a = attitude(aimed);
  return { position, rotation: rotationFromAttitude({ pan: a.pan, tilt: a.tilt, dutch: attitude(start.rotation).dutch }) };
}

/** Pan and tilt in place (radians; positive pan turns left, positive tilt looks up). */
export function lookMove(start: Placement, pan: number, tilt: number): Placement {
  const a = attitude(start.rotation);
  return { position: [...start.position], rotation: rotationFromAttitude({ pan: a.pan + pan, tilt: clampTilt(a.tilt + tilt), dutch: a.dutch }) };
}

/** Truck right and boom up in the frame's own plane (metres). */
export function truckMove(start: Placement, right: number, up: number): Placement {
  const { right: r, up: u } = axes(start.rotation);
  return { position: along(along(start.position, r, right), u, up), rotation: [...start.rotation] };
}

/** Dolly along the lens axis (metres; positive moves in). */
export function dollyMove(start: Placement, metres: number): Placement {
  return { position: along(start.position, axes(start.rotation).forward, metres), rotation: [...start.rotation] };
}

/** A fly step: `dir` in the camera's terms (x right, y world up, z back, as W A S D / Q E press them), `metres` long. */
export function flyMove(start: Placement, dir: readonly [number, number, number], metres: number): Placement {
  const n = Math.hypot(dir[0], dir[1], dir[2]);
  if (!(n > 0)) return start;
  const { right, forward } = axes(start.rotation);
  const s = metres / n;
  let p = along(start.position, right, dir[0] * s);
  p = along(p, [0, 1, 0], dir[1] * s);
  p = along(p, forward, -dir[2] * s);
  return { position: p, rotation: [...start.rotation] };
}
