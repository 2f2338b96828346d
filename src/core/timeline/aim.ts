// The camera look-at constraint, applied after the tracks at every frame (evaluate.ts), so the look-through,
// stills, animatics, storyboards and exports all see the same aimed camera. Targets are read as the tracks left
// them (an aim never reads another aim's result), in world space through their parent chains; the aimed rotation
// is written back in the camera's own parent space, and a weight between 0 and 1 turns it partway (slerp).
import type { AimTarget, Camera, SceneObject } from '../document/schema';
import { own } from '../document/names';
import { actorFigure, apply, eulerXYZ, mul, transpose, type Mat3, type Vec3 } from '../rig';
import { bodyMarks } from '../shotgrammar/body';
import { aimRotation, blendRotation, focusOnPoint, panOf } from '../lens/aim';
import { eulerXYZMatrix, matrixToEulerXYZ } from '../lens/framing';

type Objects = Readonly<Record<string, SceneObject>>;

/** A world placement: linear part (rotation × scale, row-major) and translation. */
interface Affine {
  m: Mat3;
  t: Vec3;
}

const IDENTITY: Affine = { m: [1, 0, 0, 0, 1, 0, 0, 0, 1], t: [0, 0, 0] };

function localAffine(o: SceneObject): Affine {
  const r = eulerXYZ(o.transform.rotation);
  const s = o.transform.scale;
  // R · S: scale each column
  const m: Mat3 = [r[0] * s[0], r[1] * s[1], r[2] * s[2], r[3] * s[0], r[4] * s[1], r[5] * s[2], r[6] * s[0], r[7] * s[1], r[8] * s[2]];
  return { m, t: [...o.transform.position] as Vec3 };
}

const compose = (a: Affine, b: Affine): Affine => {
  const t = apply(a.m, b.t);
  return { m: mul(a.m, b.m), t: [t[0] + a.t[0], t[1] + a.t[1], t[2] + a.t[2]] };
};

const transformPoint = (a: Affine, p: readonly [number, number, number]): Vec3 => {
  const r = apply(a.m, p);
  return [r[0] + a.t[0], r[1] + a.t[1], r[2] + a.t[2]];
};

/** The ancestors of `parentId` and itself, nearest last; stops at a missing link or a cycle (the loader refuses both). */
function chain(objects: Objects, parentId: string | null): SceneObject[] {
  const out: SceneObject[] = [];
  const seen = new Set<string>();
  let id = parentId;
  while (id !== null && !seen.has(id)) {
    const o = own(objects, id);
    if (!o) break;
    seen.add(id);
    out.unshift(o);
    id = o.parentId;
  }
  return out;
}

/** World placement of the space an object with this parent lives in. */
export function parentSpace(objects: Objects, parentId: string | null): Affine {
  return chain(objects, parentId).reduce((acc, o) => compose(acc, localAffine(o)), IDENTITY);
}

/** Rotation only (scales left out) of that space: what turns a camera's local rotation into the world. */
function parentRotation(objects: Objects, parentId: string | null): Mat3 {
  return chain(objects, parentId).reduce<Mat3>((acc, o) => mul(acc, eulerXYZ(o.transform.rotation)), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
}

/** A mark on an object in its parent's space (what its own transform places). */
function markInParentSpace(o: SceneObject, mark: Extract<AimTarget, { kind: 'object' }>['mark']): Vec3 {
  const local = (p: Vec3) => transformPoint(localAffine(o), p);
  if (mark === 'origin') return [...o.transform.position] as Vec3;
  if (o.type === 'actor') {
    if (mark === 'eyes') return bodyMarks(o).points.eyes;
    // head and centre of an actor: the centre of the head's volume, what an operator frames a face on
    return local(actorFigure(o).headCentre);
  }
  if (o.type === 'setPiece') return local([0, o.size[1] / 2, 0]);
  if (o.type === 'building') return local([0, (o.floors * o.floorHeight) / 2, 0]);
  return [...o.transform.position] as Vec3;
}

/** The world point an aim target names, or null when its object is not in the scene. */
export function aimTargetPoint(objects: Objects, target: AimTarget): Vec3 | null {
  if (target.kind === 'point') return [...target.point] as Vec3;
  const o = own(objects, target.objectId);
  if (!o) return null;
  return transformPoint(parentSpace(objects, o.parentId), markInParentSpace(o, target.mark));
}

/** The camera's world position (its parent chain applied). */
export function cameraWorldPosition(objects: Objects, cam: Camera): Vec3 {
  return transformPoint(parentSpace(objects, cam.parentId), cam.transform.position);
}

/**
 * `cam` with its aim applied: rotation turned onto the target by the aim's weight (roll level), and with focus
 * following, the focus distance set to the target's depth along the final lens axis. `objects` are the scene as
 * the tracks left it. The camera itself when it has no aim or its target is gone.
 */
export function applyAim(objects: Objects, cam: Camera): Camera {
  const aim = cam.aim;
  if (!aim) return cam;
  const point = aimTargetPoint(objects, aim.target);
  if (!point) return cam;
  const from = cameraWorldPosition(objects, cam);
  const parentRot = parentRotation(objects, cam.parentId);
  const worldOwn = mul(parentRot, eulerXYZMatrix(cam.transform.rotation) as Mat3);
  let rotation: Vec3 = [...cam.transform.rotation] as Vec3;
  if (aim.weight > 0) {
    const aimed = aimRotation(from, point, panOf(matrixToEulerXYZ(worldOwn)));
    if (aimed) {
      const local = cam.parentId ? matrixToEulerXYZ(mul(transpose(parentRot), eulerXYZMatrix(aimed) as Mat3)) : aimed;
      rotation = blendRotation(cam.transform.rotation, local, aim.weight);
    }
  }
  const rotated = rotation.every((v, i) => v === cam.transform.rotation[i]) ? cam : { ...cam, transform: { ...cam.transform, rotation } };
  if (!aim.followFocus) return rotated;
  const worldRot = cam.parentId ? matrixToEulerXYZ(mul(parentRot, eulerXYZMatrix(rotation) as Mat3)) : rotation;
  const focusDistanceM = focusOnPoint(from, worldRot, point);
  return focusDistanceM === rotated.lens.focusDistanceM ? rotated : { ...rotated, lens: { ...rotated.lens, focusDistanceM } };
}

/** Ids an aim of this camera reads (target, the target's and the camera's ancestors), for single-object evaluation. */
export function aimDependencies(objects: Objects, cam: Camera): string[] {
  if (!cam.aim) return [];
  const ids = chain(objects, cam.parentId).map((o) => o.id);
  if (cam.aim.target.kind === 'object') {
    const t = own(objects, cam.aim.target.objectId);
    if (t) ids.push(t.id, ...chain(objects, t.parentId).map((o) => o.id));
  }
  return ids;
}

function invert3(m: Mat3): Mat3 | null {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 1e-15)) return null;
  const k = 1 / det;
  return [A * k, -(b * i - c * h) * k, (b * f - c * e) * k, B * k, (a * i - c * g) * k, -(a * f - c * d) * k, C * k, -(a * h - b * g) * k, (a * e - b * d) * k];
}

/** A world placement (position, Euler XYZ) of an object with this parent, in its parent's space (what the document stores). */
export function toParentSpace(objects: Objects, parentId: string | null, position: readonly [number, number, number], rotation: readonly [number, number, number]): { position: Vec3; rotation: Vec3 } {
  if (!parentId) return { position: [...position] as Vec3, rotation: [...rotation] as Vec3 };
  const space = parentSpace(objects, parentId);
  const inv = invert3(space.m) ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const local = apply(inv, [position[0] - space.t[0], position[1] - space.t[1], position[2] - space.t[2]]);
  const rot = matrixToEulerXYZ(mul(transpose(parentRotation(objects, parentId)), eulerXYZMatrix(rotation) as Mat3));
  return { position: local, rotation: rot };
}

/** An object's world placement (position, Euler XYZ rotation without scale). */
export function worldPlacement(objects: Objects, o: SceneObject): { position: Vec3; rotation: Vec3 } {
  if (!o.parentId) return { position: [...o.transform.position] as Vec3, rotation: [...o.transform.rotation] as Vec3 };
  const position = transformPoint(parentSpace(objects, o.parentId), o.transform.position);
  const rotation = matrixToEulerXYZ(mul(parentRotation(objects, o.parentId), eulerXYZMatrix(o.transform.rotation) as Mat3));
  return { position, rotation };
}
