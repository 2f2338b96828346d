// Camera moves as keyframes: each move runs from where the last one ended, eased in and out, for its
// duration at the project's frame rate. Push in / pull out re-frame the subject at the new size on the same
// lens from the same side (a dolly, so the height follows the framing); the others move the camera as a grip
// would: dolly along the lens's horizontal axis, truck across it, crane straight up or down, pan and tilt on
// the head. Focus follows the subject's eyes (or the actor panned to).
import { attitude, rotationFromAttitude } from '../lens';
import type { Keyframe } from '../document/schema';
import { cubicBezierEase } from '../timeline/curves';
import type { Vec3 } from '../rig';
import type { Move, ShotDescription } from './description';
import { bodyMarks } from './body';
import { DEG, SolveError, actorOf, focusDepth, type CameraSetup, type SolveContext, type SolvedShot } from './camera';
import { solveShot, MIN_LENS_HEIGHT_M } from './solve';
import { solveOtsWith } from './ots';
import { SIZE_NAMES } from './vocabulary';

export interface MoveKeys {
  position: Keyframe[];
  rotation: Keyframe[];
  focus: Keyframe[];
  /** the frame the last move ends on */
  endFrame: number;
}

const EASE_IN_OUT: [number, number, number, number] = [0.42, 0, 0.58, 1];
const ROTATION_SAMPLE_FRAMES = 3;
const wrapAngle = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));
const DEFAULTS = { dollyM: 1, craneM: 1, panDeg: 30, tiltDeg: 10 };

interface Pose {
  position: Vec3;
  rotation: Vec3;
  focusM: number;
  focusPoint: Vec3 | null;
}

/** Euler angles moved by whole turns so each is within half a turn of the previous key (no spin on the way). */
function unwrap(prev: Vec3, next: Vec3): Vec3 {
  return next.map((v, i) => {
    let x = v;
    while (x - prev[i]! > Math.PI) x -= 2 * Math.PI;
    while (x - prev[i]! < -Math.PI) x += 2 * Math.PI;
    return x;
  }) as Vec3;
}

function camAt(base: CameraSetup, pose: Pose): CameraSetup {
  return { ...base, transform: { ...base.transform, position: pose.position, rotation: pose.rotation } };
}

function withFocus(base: CameraSetup, pose: Omit<Pose, 'focusM'>): Pose {
  const focusM = pose.focusPoint ? Math.max(0.05, focusDepth(camAt(base, { ...pose, focusM: 1 }), pose.focusPoint)) : base.lens.focusDistanceM;
  return { ...pose, focusM };
}

function step(move: Move, from: Pose, shot: SolvedShot, desc: ShotDescription, ctx: SolveContext): Pose {
  const base = shot.camera;
  const att = attitude(from.rotation);
  const fwd: Vec3 = [-Math.sin(att.pan), 0, -Math.cos(att.pan)];
  const right: Vec3 = [Math.cos(att.pan), 0, -Math.sin(att.pan)];
  const shift = (d: Vec3, m: number): Vec3 => [from.position[0] + d[0] * m, from.position[1] + d[1] * m, from.position[2] + d[2] * m];
  if ((move.verb === 'push' || move.verb === 'pull') && move.toSize) {
    if (move.toSize === 'INSERT') throw new SolveError(`"${move.verb} to insert": an insert frames a set object`);
    const lens = { mm: base.lens.focalLengthMm };
    const again =
      desc.framing === 'ots'
        ? solveOtsWith(ctx, { ...desc.ots!, size: move.toSize, lens, hold: shot.heldHeight !== null ? { height: shot.heldHeight } : { pitch: (shot.pitchDeg ?? 0) * DEG }, dutch: (desc.dutchDeg ?? 0) * DEG })
        : (() => {
            const r = solveShot({ ...desc, size: move.toSize, lens, moves: [] }, ctx, { toCamera: [-shot.heading[0], 0, -shot.heading[2]] });
            if (!r.ok) throw new SolveError(`${move.verb === 'push' ? 'Push in' : 'Pull out'} to ${SIZE_NAMES[move.toSize!]}: ${r.error}`);
            return r.shot;
          })();
    if (desc.framing === 'pov' || desc.framing === 'insert') throw new SolveError(`"${move.verb} to ${move.toSize}" re-frames an actor; a ${desc.framing} has none`);
    const p = again.camera.transform;
    return { position: p.position as Vec3, rotation: unwrap(from.rotation, p.rotation as Vec3), focusM: again.camera.lens.focusDistanceM, focusPoint: again.focusPoint };
  }
  switch (move.verb) {
    case 'push':
    case 'pull':
    case 'dolly': {
      const m = move.amount ?? DEFAULTS.dollyM;
      if (move.dir === 'left' || move.dir === 'right') return withFocus(base, { ...from, position: shift(right, move.dir === 'left' ? -m : m) });
      const sign = move.dir === 'out' ? -1 : 1;
      if (sign > 0 && from.focusPoint) {
        const ahead = (from.focusPoint[0] - from.position[0]) * fwd[0] + (from.focusPoint[2] - from.position[2]) * fwd[2];
        if (m >= ahead - 0.3) throw new SolveError(`Dolly in ${m} m would run into the subject (${ahead.toFixed(1)} m ahead)`);
      }
      return withFocus(base, { ...from, position: shift(fwd, sign * m) });
    }
    case 'truck': {
      const m = move.amount ?? DEFAULTS.dollyM;
      return withFocus(base, { ...from, position: shift(right, move.dir === 'left' ? -m : m) });
    }
    case 'crane': {
      const m = move.amount ?? DEFAULTS.craneM;
      const position = shift([0, 1, 0], move.dir === 'down' ? -m : m);
      if (position[1] < MIN_LENS_HEIGHT_M) throw new SolveError(`Crane down ${m} m would put the lens under the floor (it is ${from.position[1].toFixed(2)} m up)`);
      return withFocus(base, { ...from, position });
    }
    case 'pan': {
      if (move.toActorId) {
        const t = bodyMarks(actorOf(ctx, move.toActorId)).points.eyes;
        const d: Vec3 = [t[0] - from.position[0], t[1] - from.position[1], t[2] - from.position[2]];
        const rotation = rotationFromAttitude({ pan: Math.atan2(-d[0], -d[2]), tilt: Math.atan2(d[1], Math.hypot(d[0], d[2])), dutch: att.dutch });
        return withFocus(base, { position: from.position, rotation: unwrap(from.rotation, rotation), focusPoint: t });
      }
      const a = (move.amount ?? DEFAULTS.panDeg) * DEG * (move.dir === 'left' ? 1 : -1);
      return { ...from, rotation: unwrap(from.rotation, rotationFromAttitude({ ...att, pan: att.pan + a })) };
    }
    case 'tilt': {
      const a = (move.amount ?? DEFAULTS.tiltDeg) * DEG * (move.dir === 'up' ? 1 : -1);
      const tilt = att.tilt + a;
      if (Math.abs(tilt) > 89.9 * DEG) throw new SolveError(`Tilt ${move.dir} ${(Math.abs(a) / DEG).toFixed(0)}° goes past straight ${move.dir}`);
      return { ...from, rotation: unwrap(from.rotation, rotationFromAttitude({ ...att, tilt })) };
    }
  }
}

export function moveKeys(shot: SolvedShot, desc: ShotDescription, ctx: SolveContext, startFrame: number, fps: number): MoveKeys {
  const keys: MoveKeys = { position: [], rotation: [], focus: [], endFrame: startFrame };
  if (!desc.moves.length) return keys;
  let pose: Pose = {
    position: shot.camera.transform.position as Vec3,
    rotation: shot.camera.transform.rotation as Vec3,
    focusM: shot.camera.lens.focusDistanceM,
    focusPoint: shot.focusPoint,
  };
  let frame = startFrame;
  const setKey = (list: Keyframe[], key: Keyframe) => {
    const i = list.findIndex((x) => x.frame === key.frame);
    if (i >= 0) list.splice(i, 1);
    list.push(key);
  };
  const eased = (f: number, value: number | number[]): Keyframe => ({ frame: f, value, interp: 'bezier', ease: [...EASE_IN_OUT] });
  const held = (f: number, value: number | number[]): Keyframe => ({ frame: f, value, interp: 'linear' });
  for (const move of desc.moves) {
    const next = step(move, pose, shot, desc, ctx);
    const end = frame + Math.max(1, Math.round(move.seconds * fps));
    setKey(keys.position, eased(frame, [...pose.position]));
    setKey(keys.position, held(end, [...next.position]));
    setKey(keys.focus, eased(frame, pose.focusM));
    setKey(keys.focus, held(end, next.focusM));
    const a0 = attitude(pose.rotation);
    const a1 = attitude(next.rotation);
    const turn = Math.abs(wrapAngle(a1.pan - a0.pan)) + Math.abs(a1.tilt - a0.tilt) + Math.abs(a1.dutch - a0.dutch);
    if (turn < 1e-6) {
      setKey(keys.rotation, eased(frame, [...pose.rotation]));
      setKey(keys.rotation, held(end, [...next.rotation]));
    } else {
      // Euler XYZ components do not pan in a straight line (yaw near ±90° is XYZ's gimbal), so the head's
      // pan / tilt / roll are eased and sampled every few frames, each sample unwrapped from the one before
      let prev = pose.rotation;
      for (let f = frame; ; f = Math.min(end, f + ROTATION_SAMPLE_FRAMES)) {
        const k = cubicBezierEase(EASE_IN_OUT, (f - frame) / (end - frame));
        const r = f === end ? next.rotation : rotationFromAttitude({ pan: a0.pan + wrapAngle(a1.pan - a0.pan) * k, tilt: a0.tilt + (a1.tilt - a0.tilt) * k, dutch: a0.dutch + (a1.dutch - a0.dutch) * k });
        prev = unwrap(prev, r);
        setKey(keys.rotation, held(f, [...prev]));
        if (f === end) break;
      }
      next.rotation = prev;
    }
    pose = next;
    frame = end;
  }
  for (const list of [keys.position, keys.rotation, keys.focus]) list.sort((x, y) => x.frame - y.frame);
  keys.endFrame = frame;
  return keys;
}
