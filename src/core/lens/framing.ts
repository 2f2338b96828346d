// Camera attitude in the words of a grip and operator: height above ground, pan, tilt, dutch.
// The document stores rotation as Euler XYZ radians (three's default order), Y up, camera looking down −Z.

type V3 = [number, number, number];
/** Row-major 3×3 */
type M3 = [number, number, number, number, number, number, number, number, number];

function rotX(a: number): M3 {
  const c = Math.cos(a), s = Math.sin(a);
  return [1, 0, 0, 0, c, -s, 0, s, c];
}
function rotY(a: number): M3 {
  const c = Math.cos(a), s = Math.sin(a);
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}
function rotZ(a: number): M3 {
  const c = Math.cos(a), s = Math.sin(a);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}
function mul(a: M3, b: M3): M3 {
  const r = new Array<number>(9).fill(0) as M3;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) r[i * 3 + j] = a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
  return r;
}
function apply(m: M3, v: V3): V3 {
  return [
    m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
    m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
    m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
  ];
}

/** Rotation matrix of an Euler XYZ triple, matching three's Euler order 'XYZ' (R = Rx·Ry·Rz). */
export function eulerXYZMatrix(r: readonly [number, number, number]): M3 {
  return mul(mul(rotX(r[0]), rotY(r[1])), rotZ(r[2]));
}

/** Decomposes a rotation matrix into Euler XYZ (the same branches three uses, so round trips agree). */
export function matrixToEulerXYZ(m: M3): V3 {
  const m13 = Math.min(1, Math.max(-1, m[2]));
  const y = Math.asin(m13);
  if (Math.abs(m13) < 0.9999999) return [Math.atan2(-m[5], m[8]), y, Math.atan2(-m[1], m[0])];
  return [Math.atan2(m[7], m[4]), y, 0];
}

export interface Attitude {
  /** heading, radians: 0 looks down −Z, positive turns left (counter-clockwise seen from above) */
  pan: number;
  /** radians, positive looks up */
  tilt: number;
  /** roll about the lens axis, radians; positive = camera rolled with its right side up */
  dutch: number;
}

export function forwardVector(rotation: readonly [number, number, number]): V3 {
  return apply(eulerXYZMatrix(rotation), [0, 0, -1]);
}

export function attitude(rotation: readonly [number, number, number]): Attitude {
  const m = eulerXYZMatrix(rotation);
  const f = apply(m, [0, 0, -1]);
  const r = apply(m, [1, 0, 0]);
  const u = apply(m, [0, 1, 0]);
  const tilt = Math.asin(Math.max(-1, Math.min(1, f[1])));
  const pan = Math.atan2(-f[0], -f[2]);
  // roll: how far the camera's right vector has left the horizontal plane
  const dutch = Math.atan2(r[1], u[1]);
  return { pan, tilt, dutch };
}

/** Euler XYZ for a camera panned, then tilted, then rolled — what an operator's head does. */
export function rotationFromAttitude(a: Attitude): V3 {
  return matrixToEulerXYZ(mul(mul(rotY(a.pan), rotX(a.tilt)), rotZ(a.dutch)));
}

/** Lens height above the ground plane (y = groundY), metres. */
export function heightAboveGround(position: readonly [number, number, number], groundY = 0): number {
  return position[1] - groundY;
}
