// From a shot description to a camera: lens, then heading round the subject, then the framing maths
// (place.ts), then a check that the camera is not inside a wall or an actor (turning round the subject to find
// a clear spot, and saying so). Singles, two-shots and groups, over-the-shoulders, POVs and inserts.
import { rotationFromAttitude } from '../lens';
import type { Actor, SceneObject } from '../document/schema';
import type { Vec3 } from '../rig';
import type { ShotDescription } from './description';
import { bodyMarks, type BodyMarks } from './body';
import { DEFAULT_SIZE, INSERT_FRAMING, SIZE_FRAMING, type SizeFraming } from './framingTable';
import { DEG, SolveError, actorOf, neg, norm, focusDepth, fovOf, lookRoom, rotateY, setup, verticalHold, type SolveContext, type SolvedShot, type SolveResult, type VerticalHold } from './camera';
import { chooseLens, type LensChoice } from './lensChoice';
import { place, placeOverhead, type Mark, type Placement } from './place';
import { blockedBy, blockers } from './obstacles';
import { projectToFrame } from './project';
import { solveOts } from './ots';
import { ANGLE_PITCH_DEG, SIZE_LADDER, SIDE_AZIMUTH_DEG, type SizeCode } from './vocabulary';
import { insertMarks, objectBox } from './insert';

/** The lowest a lens goes: a camera on the floor (a high hat or a sandbag) sits about this high. */
export const MIN_LENS_HEIGHT_M = 0.1;

/** Overrides a caller (coverage) sets: the direction to the camera, the lens, a side of a line to keep to. */
export interface SolveOptions {
  toCamera?: Vec3;
  lensChoice?: LensChoice;
  /** the camera must stay where (p − a) · n > 0 */
  keepSide?: { a: Vec3; n: Vec3 };
}

export const onSide = (side: SolveOptions['keepSide'], p: readonly number[]): boolean =>
  !side || (p[0]! - side.a[0]) * side.n[0] + (p[2]! - side.a[2]) * side.n[2] > 0;

export function solveShot(desc: ShotDescription, ctx: SolveContext, opts: SolveOptions = {}): SolveResult {
  try {
    switch (desc.framing) {
      case 'single':
      case 'two':
      case 'group':
        return { ok: true, shot: solveActors(desc, ctx, opts) };
      case 'ots':
        return { ok: true, shot: solveOts(desc, ctx) };
      case 'pov':
        return { ok: true, shot: solvePov(desc, ctx) };
      case 'insert':
        return { ok: true, shot: solveInsert(desc, ctx, opts) };
    }
  } catch (e) {
    if (e instanceof SolveError) return { ok: false, error: e.message };
    throw e;
  }
}

function sizeOf(desc: ShotDescription): Exclude<SizeCode, 'INSERT'> {
  const s = desc.size ?? DEFAULT_SIZE[desc.framing as 'single' | 'two' | 'group' | 'ots'];
  if (s === 'INSERT') throw new SolveError('An insert frames a set object, not an actor');
  return s;
}

function directionFrom(ctx: SolveContext, fromId: string, axis: Vec3): Vec3 {
  const o = ctx.scene.objects[fromId];
  if (!o) throw new SolveError(`No object ${fromId} in the scene`);
  const p = o.transform.position;
  if (Math.hypot(p[0] - axis[0], p[2] - axis[2]) < 0.05) throw new SolveError(`${o.name} stands where the subject is; it gives no direction to shoot from`);
  return norm([p[0] - axis[0], 0, p[2] - axis[2]]);
}

/** Singles, two-shots and groups: the marks of every framed actor, the camera round their centre. */
function solveActors(desc: ShotDescription, ctx: SolveContext, opts: SolveOptions): SolvedShot {
  const actors = desc.subjectIds.map((id) => actorOf(ctx, id));
  const bodies = actors.map(bodyMarks);
  let size = sizeOf(desc);
  const lens = opts.lensChoice ?? chooseLens(ctx.template, desc.lens, SIZE_FRAMING[size].defaultLensMm);
  const warnings: string[] = lens.warning ? [lens.warning] : [];
  const centre: Vec3 = [avg(bodies.map((b) => b.axis[0])), 0, avg(bodies.map((b) => b.axis[2]))];
  const eyes: Vec3 = [avg(bodies.map((b) => b.points.eyes[0])), avg(bodies.map((b) => b.points.eyes[1])), avg(bodies.map((b) => b.points.eyes[2]))];
  let toCamera: Vec3;
  if (bodies.length === 1) toCamera = bodies[0]!.front;
  else {
    const a = bodies[0]!.axis, b = bodies[bodies.length - 1]!.axis;
    let n = norm([-(b[2] - a[2]), 0, b[0] - a[0]]);
    const faces = bodies.reduce((s, x) => s + x.face[0] * n[0] + x.face[2] * n[2], 0);
    if (faces < 0) n = neg(n);
    toCamera = n;
  }
  if (desc.fromId) toCamera = directionFrom(ctx, desc.fromId, centre);
  else if (desc.side) toCamera = rotateY(toCamera, SIDE_AZIMUTH_DEG[desc.side] * DEG);
  if (opts.toCamera) toCamera = opts.toCamera;
  const hold = verticalHold(desc);
  const tried: string[] = [];
  for (;;) {
    const attempt = placeActors(desc, ctx, bodies, size, lens, toCamera, centre, eyes, hold);
    if (attempt.fits || bodies.length === 1) {
      const shot = finishActors(attempt.placement, desc, ctx, lens, size, attempt.marks, eyes, hold, warnings, toCamera, bodies, opts.keepSide);
      if (tried.length) shot.warnings.unshift(`${tried[0]} does not hold ${actors.map((a) => a.name).join(' and ')} across the frame; widened to ${size}`);
      return shot;
    }
    const next = SIZE_LADDER[SIZE_LADDER.indexOf(size) + 1];
    if (!next || next === 'EWS') throw new SolveError(`${actors.map((a) => a.name).join(' and ')} stand too far apart to share a frame on ${lens.mm} mm; ask for a wider lens`);
    tried.push(size);
    size = next as Exclude<SizeCode, 'INSERT'>;
  }
}

const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function placeActors(
  desc: ShotDescription,
  ctx: SolveContext,
  bodies: BodyMarks[],
  size: Exclude<SizeCode, 'INSERT'>,
  lens: LensChoice,
  toCamera: Vec3,
  centre: Vec3,
  eyes: Vec3,
  hold: VerticalHold,
): { placement: Placement; marks: { top: Mark; bottom: Mark } | null; fits: boolean } {
  const f: SizeFraming = SIZE_FRAMING[size];
  const fov = fovOf(ctx.template, lens.mm);
  const heading = neg(toCamera);
  const dutch = desc.dutchDeg ? desc.dutchDeg * DEG : 0;
  if (desc.angle === 'overhead') {
    const tops = bodies.map((b) => b.points[f.top]);
    const top = tops.reduce((m, p) => (p[1] > m[1] ? p : m));
    const span = Math.max(...bodies.map((b) => Math.abs(b.points[f.top][1] - b.points[f.bottom][1]))) / (f.bottomRow - f.topRow);
    // straight down onto the crown(s): centred on the head tops, not the eyes
    const placement = placeOverhead([avg(tops.map((p) => p[0])), top[1], avg(tops.map((p) => p[2]))], heading, span, fov.v, dutch);
    if (hold.height !== undefined) placement.position[1] = hold.height;
    return { placement, marks: null, fits: true };
  }
  // for a group, the pair of marks that bounds everyone; for one actor, its own
  type Found = { placement: Placement; marks: { top: Mark; bottom: Mark } };
  let best: Found | null = null as Found | null;
  let fallback: Found | null = null as Found | null;
  for (const bt of bodies) {
    for (const bb of bodies) {
      const marks = { top: { p: bt.points[f.top], row: f.topRow }, bottom: { p: bb.points[f.bottom], row: f.bottomRow } };
      const lateralNdc = bodies.length === 1 ? lookRoom(bodies[0]!, heading) : 0;
      const r = place({ vFov: fov.v, hFov: fov.h, heading, axis: centre, top: marks.top, bottom: marks.bottom, lateral: { p: eyes, ndc: lateralNdc }, ...hold, dutch: 0 });
      if (!r.ok) {
        if (bodies.length === 1) throw new SolveError(`Cannot frame a ${size} ${hold.height !== undefined ? `from ${hold.height} m` : ''}: ${r.reason}`.replace('  ', ' '));
        continue;
      }
      const cam = setup(ctx.template, lens, r.placement.position, r.placement.rotation, 1);
      const ok = bodies.every(
        (b) => projectToFrame(cam, b.points[f.top]).row >= f.topRow - 1e-6 && (r.placement.bottomFloats || projectToFrame(cam, b.points[f.bottom]).row <= f.bottomRow + 1e-6),
      );
      fallback ??= { placement: r.placement, marks };
      if (ok && (!best || r.placement.distance > best.placement.distance)) best = { placement: r.placement, marks };
    }
  }
  let chosen = best ?? fallback;
  if (!chosen) throw new SolveError(`Cannot frame these actors as a ${size}`);
  if (chosen.placement.position[1] < MIN_LENS_HEIGHT_M && hold.height === undefined) {
    // the angle would put the lens under the floor: hold it on the floor at that tilt and frame the head top
    const r = place({ vFov: fov.v, hFov: fov.h, heading, axis: centre, top: chosen.marks.top, bottom: chosen.marks.bottom, lateral: { p: eyes, ndc: bodies.length === 1 ? lookRoom(bodies[0]!, heading) : 0 }, pitch: hold.pitch ?? 0, height: MIN_LENS_HEIGHT_M });
    if (!r.ok) throw new SolveError(`A ${size} at this angle would put the camera under the floor`);
    chosen = { placement: r.placement, marks: chosen.marks };
  }
  if (dutch) chosen.placement.rotation = rotationFromAttitude({ pan: chosen.placement.pan, tilt: chosen.placement.pitch, dutch });
  let fits = true;
  if (bodies.length > 1) {
    const cam = setup(ctx.template, lens, chosen.placement.position, chosen.placement.rotation, 1);
    fits = bodies.every((b) => Math.abs(projectToFrame(cam, b.points.shoulders).col - 0.5) <= 0.42 && projectToFrame(cam, b.points.eyes).depth > 0.3);
  }
  return { ...chosen, fits };
}

function finishActors(
  placement: Placement,
  desc: ShotDescription,
  ctx: SolveContext,
  lens: LensChoice,
  size: SizeCode,
  marks: { top: Mark; bottom: Mark } | null,
  eyes: Vec3,
  hold: VerticalHold,
  warnings: string[],
  toCamera: Vec3,
  bodies: BodyMarks[],
  keepSide: SolveOptions['keepSide'],
): SolvedShot {
  let cam = setup(ctx.template, lens, placement.position, placement.rotation, 1);
  cam.lens.focusDistanceM = Math.max(0.05, focusDepth(cam, eyes));
  const list = blockers(ctx.scene, new Set(desc.subjectIds));
  const hit = blockedBy(list, placement.position as Vec3);
  let heading = neg(toCamera);
  if (!onSide(keepSide, placement.position)) throw new SolveError('This framing would put the camera across the line of action');
  if (hit) {
    // turn round the subject, nearest first, for a clear spot; the framing maths is redone at each
    let moved = false;
    for (const step of [5, -5, 10, -10, 15, -15, 20, -20, 25, -25, 30, -30, 40, -40]) {
      if (desc.fromId || desc.angle === 'overhead') break;
      const turned = rotateY(toCamera, step * DEG);
      const again = placeActors(desc, ctx, bodies, size as Exclude<SizeCode, 'INSERT'>, lens, turned, centreOf(bodies), eyes, hold);
      if (!blockedBy(list, again.placement.position as Vec3) && again.fits && onSide(keepSide, again.placement.position)) {
        cam = setup(ctx.template, lens, again.placement.position, again.placement.rotation, 1);
        cam.lens.focusDistanceM = Math.max(0.05, focusDepth(cam, eyes));
        warnings.push(`The camera would stand inside ${hit.name}; moved ${Math.abs(step)}° round to the ${step > 0 ? 'subject\'s left' : 'subject\'s right'}`);
        placement = again.placement;
        marks = again.marks;
        heading = neg(turned);
        moved = true;
        break;
      }
    }
    if (!moved) warnings.push(`The camera stands inside ${hit.name}: no clear spot within 40° either way; move ${hit.name} or choose another side`);
  }
  if (placement.bottomFloats && marks) {
    warnings.push(
      hold.height === undefined
        ? `At this angle the camera would go under the floor: it sits on the floor (${MIN_LENS_HEIGHT_M} m), the head top is framed and the lower framing line falls where it falls`
        : 'Both an angle and a height were given: the height and tilt hold, the head top is framed, and the lower framing line falls where it falls',
    );
  }
  return {
    camera: cam,
    size,
    pitchDeg: placement.pitch / DEG,
    marks,
    bottomFloats: placement.bottomFloats,
    focusPoint: eyes,
    warnings,
    heading,
    heldHeight: hold.height ?? null,
  };
}

const centreOf = (bodies: BodyMarks[]): Vec3 => [avg(bodies.map((b) => b.axis[0])), 0, avg(bodies.map((b) => b.axis[2]))];

function solvePov(desc: ShotDescription, ctx: SolveContext): SolvedShot {
  const of = bodyMarks(actorOf(ctx, desc.pov!.ofId));
  const lens = chooseLens(ctx.template, desc.lens ?? { name: 'normal' }, 35);
  const warnings: string[] = lens.warning ? [lens.warning] : [];
  const eye = of.points.eyes;
  // just in front of the face, so the lens is not inside the head
  const position: Vec3 = [eye[0] + of.face[0] * 0.12, eye[1], eye[2] + of.face[2] * 0.12];
  let pan = Math.atan2(-of.face[0], -of.face[2]);
  let tilt = desc.angle ? ANGLE_PITCH_DEG[desc.angle] * DEG : 0;
  let focusPoint: Vec3 | null = null;
  if (desc.pov!.targetId) {
    if (desc.angle) throw new SolveError('Contradiction: a POV onto someone looks where they are; drop the angle');
    const t = bodyMarks(actorOf(ctx, desc.pov!.targetId)).points.eyes;
    const d: Vec3 = [t[0] - position[0], t[1] - position[1], t[2] - position[2]];
    pan = Math.atan2(-d[0], -d[2]);
    tilt = Math.atan2(d[1], Math.hypot(d[0], d[2]));
    focusPoint = t;
  }
  if (desc.heightM !== undefined) throw new SolveError('Contradiction: a POV is at the actor\'s eye height; drop the camera height');
  const rotation = rotationFromAttitude({ pan, tilt, dutch: (desc.dutchDeg ?? 0) * DEG });
  const cam = setup(ctx.template, lens, position, rotation, focusPoint ? 1 : 3);
  if (focusPoint) cam.lens.focusDistanceM = Math.max(0.05, focusDepth(cam, focusPoint));
  return { camera: cam, size: null, pitchDeg: focusPoint ? null : tilt / DEG, marks: null, bottomFloats: false, focusPoint, warnings, heading: [-Math.sin(pan), 0, -Math.cos(pan)], heldHeight: null };
}

function solveInsert(desc: ShotDescription, ctx: SolveContext, opts: SolveOptions): SolvedShot {
  const o = ctx.scene.objects[desc.subjectIds[0]!] as SceneObject | undefined;
  if (!o) throw new SolveError('No such set object');
  const box = objectBox(o);
  if (!box) throw new SolveError(`${o.name} has no size to frame (an insert needs a set piece or building)`);
  const lens = opts.lensChoice ?? chooseLens(ctx.template, desc.lens, INSERT_FRAMING.defaultLensMm);
  const warnings: string[] = lens.warning ? [lens.warning] : [];
  const fov = fovOf(ctx.template, lens.mm);
  // look from where the actors are (the action is there), else from the template camera's side
  const actors = Object.values(ctx.scene.objects).filter((x): x is Actor => x.type === 'actor');
  const c = box.centre;
  const ref = actors.length ? [avg(actors.map((a) => a.transform.position[0])), 0, avg(actors.map((a) => a.transform.position[2]))] : ctx.template.transform.position;
  let toCamera = Math.hypot(ref[0]! - c[0], ref[2]! - c[2]) > 0.05 ? norm([ref[0]! - c[0], 0, ref[2]! - c[2]]) : ([0, 0, 1] as Vec3);
  if (desc.fromId) toCamera = directionFrom(ctx, desc.fromId, c);
  else if (desc.side) toCamera = rotateY(toCamera, SIDE_AZIMUTH_DEG[desc.side] * DEG);
  if (opts.toCamera) toCamera = opts.toCamera;
  const heading = neg(toCamera);
  const hold: VerticalHold = desc.angle || desc.heightM !== undefined ? verticalHold(desc) : { pitch: INSERT_FRAMING.pitchDeg * DEG };
  if (desc.angle === 'overhead') {
    const span = Math.max(box.half[0], box.half[2]) * 2 / (INSERT_FRAMING.bottomRow - INSERT_FRAMING.topRow);
    const placement = placeOverhead([c[0], c[1] + box.half[1], c[2]], heading, span, fov.v, (desc.dutchDeg ?? 0) * DEG);
    const cam = setup(ctx.template, lens, placement.position, placement.rotation, 1);
    cam.lens.focusDistanceM = Math.max(0.05, focusDepth(cam, c));
    return { camera: cam, size: 'INSERT', pitchDeg: -90, marks: null, bottomFloats: false, focusPoint: c, warnings, heading, heldHeight: null };
  }
  const { placement, marks } = insertMarks(box, heading, fov, hold, (desc.dutchDeg ?? 0) * DEG);
  const cam = setup(ctx.template, lens, placement.position, placement.rotation, 1);
  cam.lens.focusDistanceM = Math.max(0.05, focusDepth(cam, c));
  const hit = blockedBy(blockers(ctx.scene, new Set([o.id])), placement.position);
  if (hit) warnings.push(`The camera stands inside ${hit.name}; move it or name another side`);
  return { camera: cam, size: 'INSERT', pitchDeg: placement.pitch / DEG, marks, bottomFloats: placement.bottomFloats, focusPoint: c, warnings, heading, heldHeight: hold.height ?? null };
}
