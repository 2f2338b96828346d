// Framing maths: where the camera stands and how it tilts so that two marks land on two rows of the frame.
// The camera looks along a horizontal heading; a mark at height y and depth w (along the heading) is seen at
// elevation θ + α, where α = atan(ndc · tan(V/2)) is fixed by the row and the lens. So with the pitch θ
// given, both marks give y − H = w · tan(θ + α): two linear equations in distance and height, solved exactly.
// With the height given instead, the pitch is found by bisection. Trucking sideways then sets look room
// without moving any mark's row (the truck is along the camera's horizontal right vector).
import { rotationFromAttitude } from '../lens';
import type { Vec3 } from '../rig';

export interface Mark {
  p: Vec3;
  row: number;
}

export interface PlaceInput {
  /** vertical and horizontal angle of view of the delivery frame, radians */
  vFov: number;
  hFov: number;
  /** unit horizontal vector the camera looks along */
  heading: Vec3;
  /** a point on the vertical line the camera is placed in front of (its y is ignored) */
  axis: Vec3;
  top: Mark;
  bottom: Mark;
  /** the mark whose column is set (look room), and that column in NDC (−1 left … 1 right) */
  lateral: { p: Vec3; ndc: number };
  pitch?: number;
  height?: number;
  dutch?: number;
}

export interface Placement {
  position: Vec3;
  rotation: Vec3;
  pitch: number;
  pan: number;
  /** horizontal distance from the axis to the camera along the heading, metres */
  distance: number;
  /** the bottom mark could not be honoured (pitch and height both given): its row as it came out */
  bottomFloats: boolean;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const HALF_PI = Math.PI / 2;

export type PlaceResult = { ok: true; placement: Placement } | { ok: false; reason: string };

function rayAngle(row: number, vFov: number): number {
  return Math.atan((1 - 2 * row) * Math.tan(vFov / 2));
}

export function place(inp: PlaceInput): PlaceResult {
  const h = inp.heading;
  const aT = rayAngle(inp.top.row, inp.vFov);
  const aB = rayAngle(inp.bottom.row, inp.vFov);
  const eT = dot([inp.top.p[0] - inp.axis[0], 0, inp.top.p[2] - inp.axis[2]], h);
  const eB = dot([inp.bottom.p[0] - inp.axis[0], 0, inp.bottom.p[2] - inp.axis[2]], h);
  const yT = inp.top.p[1];
  const yB = inp.bottom.p[1];
  let theta: number;
  let D: number;
  let H: number;
  let bottomFloats = false;
  if (inp.pitch !== undefined && inp.height !== undefined) {
    theta = inp.pitch;
    H = inp.height;
    if (Math.abs(theta + aT) >= HALF_PI) return { ok: false, reason: 'the pitch puts the top mark out of reach' };
    D = (yT - H) / Math.tan(theta + aT) - eT;
    bottomFloats = true;
  } else if (inp.pitch !== undefined) {
    theta = inp.pitch;
    if (Math.abs(theta + aT) >= HALF_PI || Math.abs(theta + aB) >= HALF_PI) return { ok: false, reason: 'the pitch is too steep for this framing' };
    const tT = Math.tan(theta + aT);
    const tB = Math.tan(theta + aB);
    D = (yT - yB - eT * tT + eB * tB) / (tT - tB);
    H = yT - (eT + D) * tT;
  } else {
    H = inp.height!;
    // find the pitch at which both marks ask for the same distance
    const gap = (th: number): number | null => {
      if (Math.abs(th + aT) >= HALF_PI - 1e-3 || Math.abs(th + aB) >= HALF_PI - 1e-3) return null;
      const dT = (yT - H) / Math.tan(th + aT) - eT;
      const dB = (yB - H) / Math.tan(th + aB) - eB;
      if (!(dT > 0.05 && dB > 0.05) || !Number.isFinite(dT) || !Number.isFinite(dB)) return null;
      return dT - dB;
    };
    let found: number | null = null;
    const step = Math.PI / 720;
    let prevTh = -HALF_PI + step;
    let prev = gap(prevTh);
    for (let th = prevTh + step; th < HALF_PI; th += step) {
      const g = gap(th);
      if (g !== null && prev !== null && Math.sign(g) !== Math.sign(prev)) {
        let lo = prevTh, hi = th, glo = prev;
        for (let k = 0; k < 60; k++) {
          const m = (lo + hi) / 2;
          const gm = gap(m);
          if (gm === null) break;
          if (Math.sign(gm) === Math.sign(glo)) (lo = m), (glo = gm);
          else hi = m;
        }
        const cand = (lo + hi) / 2;
        if (found === null || Math.abs(cand) < Math.abs(found)) found = cand;
      }
      prev = g;
      prevTh = th;
    }
    if (found === null) return { ok: false, reason: `no tilt frames it from a height of ${H.toFixed(2)} m` };
    theta = found;
    D = (yT - H) / Math.tan(theta + aT) - eT;
  }
  if (!(D > 0.05) || !Number.isFinite(D)) return { ok: false, reason: 'the framing would put the camera inside the subject' };
  if (!Number.isFinite(H)) return { ok: false, reason: 'no finite camera height frames it' };
  const pan = Math.atan2(-h[0], -h[2]);
  const rotation = rotationFromAttitude({ pan, tilt: theta, dutch: 0 });
  let position: Vec3 = [inp.axis[0] - h[0] * D, H, inp.axis[2] - h[2] * D];
  // look room: truck along the camera's right vector so the lateral mark lands on its column
  const right: Vec3 = [Math.cos(pan), 0, -Math.sin(pan)];
  const fwd: Vec3 = [-Math.sin(pan) * Math.cos(theta), Math.sin(theta), -Math.cos(pan) * Math.cos(theta)];
  const d: Vec3 = [inp.lateral.p[0] - position[0], inp.lateral.p[1] - position[1], inp.lateral.p[2] - position[2]];
  const x = dot(d, right);
  const z = dot(d, fwd);
  if (!(z > 0)) return { ok: false, reason: 'the subject would be behind the camera' };
  const L = x - inp.lateral.ndc * z * Math.tan(inp.hFov / 2);
  position = [position[0] + right[0] * L, position[1], position[2] + right[2] * L];
  const finalRotation = inp.dutch ? rotationFromAttitude({ pan, tilt: theta, dutch: inp.dutch }) : rotation;
  return { ok: true, placement: { position, rotation: finalRotation, pitch: theta, pan, distance: D, bottomFloats } };
}

/** Straight down onto a point: the camera above it, the frame's up along `heading`, `span` metres tall at `depth`. */
export function placeOverhead(target: Vec3, heading: Vec3, spanM: number, vFov: number, dutch = 0): Placement {
  const dist = spanM / (2 * Math.tan(vFov / 2));
  const pan = Math.atan2(-heading[0], -heading[2]);
  return {
    position: [target[0], target[1] + dist, target[2]],
    rotation: rotationFromAttitude({ pan, tilt: -HALF_PI, dutch }),
    pitch: -HALF_PI,
    pan,
    distance: 0,
    bottomFloats: false,
  };
}
