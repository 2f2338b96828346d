// Pure keyframe edits. Each is one Edit, so the store makes each one undo step. Keys stay sorted by frame and
// unique per frame; a track whose last key is deleted is removed.
import type { Keyframe, Project, Scene, Track } from '../document/schema';
import { editScene, type Edit } from '../document/commands';
import { newId } from '../document/ids';
import { animatableProperty } from './properties';
import { getPath, sameShape, cloneValue, type KeyValue } from './values';
import { evaluateObject } from './evaluate';
import { DEFAULT_EASE } from './curves';
import { autoKey } from './autoKey';
import { eulerXYZ } from '../rig/math';

export function findTrack(scene: Scene, targetId: string, property: string): Track | undefined {
  let best: Track | undefined;
  for (const t of Object.values(scene.tracks)) {
    if (t.targetId === targetId && t.property === property && (!best || t.id < best.id)) best = t;
  }
  return best;
}

function insertKey(keys: readonly Keyframe[], key: Keyframe): Keyframe[] {
  const out = keys.filter((k) => k.frame !== key.frame);
  out.push(key);
  return out.sort((a, b) => a.frame - b.frame);
}

/**
 * Sets a key (replacing any at the same frame), creating the track if needed. Throws with a reason when the
 * property cannot be keyed on this object or the value has the wrong shape; callers show that to the user.
 */
export function setKey(
  sceneId: string,
  targetId: string,
  property: string,
  key: { frame: number; value: KeyValue; interp?: Keyframe['interp']; ease?: Keyframe['ease'] },
): Edit {
  return (p) =>
    editScene(p, sceneId, (s) => {
      const obj = s.objects[targetId];
      if (!obj) throw new Error(`no object ${targetId} to key`);
      if (!animatableProperty(obj.type, property)) throw new Error(`${obj.type} has no animatable property "${property}"`);
      if (!sameShape(getPath(obj, property), key.value)) throw new Error(`value for "${property}" has the wrong shape`);
      if (!Number.isFinite(key.frame)) throw new Error('key frame must be a number');
      const existing = findTrack(s, targetId, property);
      const previous = existing?.keys.find((k) => k.frame === key.frame);
      const interp = key.interp ?? previous?.interp ?? 'bezier';
      const kf: Keyframe = { frame: key.frame, value: cloneValue(key.value), interp };
      const ease = key.ease ?? previous?.ease ?? (interp === 'bezier' ? DEFAULT_EASE : undefined);
      if (ease && interp === 'bezier') kf.ease = [ease[0], ease[1], ease[2], ease[3]];
      const track: Track = existing
        ? { ...existing, keys: insertKey(existing.keys, kf) }
        : { id: newId('track'), targetId, property, keys: [kf] };
      return { ...s, tracks: { ...s.tracks, [track.id]: track } };
    });
}

/** Keys the property's current evaluated value at frame (the "set key" button). */
export function keyCurrentValue(p: Project, sceneId: string, targetId: string, property: string, frame: number): Edit {
  const obj = evaluateObject(p, sceneId, targetId, frame);
  if (!obj) throw new Error(`no object ${targetId}`);
  const value = getPath(obj, property) as KeyValue | undefined;
  if (value === undefined) throw new Error(`"${property}" is not set on ${obj.name}`);
  return setKey(sceneId, targetId, property, { frame, value });
}

export const deleteKey = (sceneId: string, trackId: string, frame: number): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const t = s.tracks[trackId];
    if (!t || !t.keys.some((k) => k.frame === frame)) return s;
    const keys = t.keys.filter((k) => k.frame !== frame);
    const tracks = { ...s.tracks };
    if (keys.length === 0) delete tracks[trackId];
    else tracks[trackId] = { ...t, keys };
    return { ...s, tracks };
  });

/** Moves a key; a key already at the destination is replaced (as dragging over it does in most DCCs). */
export const moveKey = (sceneId: string, trackId: string, from: number, to: number): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const t = s.tracks[trackId];
    const k = t?.keys.find((x) => x.frame === from);
    if (!t || !k || from === to) return s;
    const keys = insertKey(t.keys.filter((x) => x.frame !== from), { ...k, frame: to });
    return { ...s, tracks: { ...s.tracks, [trackId]: { ...t, keys } } };
  });

export const setKeyInterpolation = (
  sceneId: string,
  trackId: string,
  frame: number,
  interp: Keyframe['interp'],
  ease?: Keyframe['ease'],
): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const t = s.tracks[trackId];
    if (!t || !t.keys.some((k) => k.frame === frame)) return s;
    const keys = t.keys.map((k) => {
      if (k.frame !== frame) return k;
      const next: Keyframe = { frame: k.frame, value: k.value, interp };
      if (interp === 'bezier') {
        const e = ease ?? k.ease ?? DEFAULT_EASE;
        next.ease = [e[0], e[1], e[2], e[3]];
      }
      return next;
    });
    return { ...s, tracks: { ...s.tracks, [trackId]: { ...t, keys } } };
  });

/** Every distinct key frame in the scene (or of one object), sorted, for "next/previous key" jumps. */
export function keyFrames(scene: Scene, targetId?: string): number[] {
  const set = new Set<number>();
  for (const t of Object.values(scene.tracks)) {
    if (targetId && t.targetId !== targetId) continue;
    for (const k of t.keys) set.add(k.frame);
  }
  return [...set].sort((a, b) => a - b);
}

const TRANSFORM_PARTS = ['position', 'rotation', 'scale'] as const;
type Vec3 = [number, number, number];

// the gizmo hands back values rounded to 1e-6 (SelectionGizmo's toTransform): closer than this is "not moved"
const SAME_EPS = 2e-6;
const nearVec = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= SAME_EPS);
// a rotation read back from a quaternion can name the same orientation with other angles ([0, 2, 0] comes back
// as [π, 1.14, π]); compare the rotations, not the angles, or a plain move would key the rotation
const sameRotation = (a: Vec3, b: Vec3) => nearVec(eulerXYZ(a), eulerXYZ(b));

/**
 * A gizmo commit that respects animation, through autoKey (the inspector's auto-key): a transform part that has
 * a track and that the drag changed is keyed at `frame` instead of being written to the static transform, which
 * the track would override; parts the drag did not change are left alone (no stray keys); parts without a track
 * are set as before. One Edit, so the drag stays one undo step.
 */
export function setTransformsAutoKey(
  sceneId: string,
  transforms: Record<string, { position: number[]; rotation: number[]; scale: number[] }>,
  frame: number,
): Edit {
  // runs on autoKey's view: `shown` is each object as it stands at the frame
  const write: Edit = (p) =>
    editScene(p, sceneId, (s) => {
      let objects = s.objects;
      for (const [id, t] of Object.entries(transforms)) {
        const o = objects[id];
        if (!o) continue;
        let transform = o.transform;
        for (const part of TRANSFORM_PARTS) {
          const value = t[part];
          const shown = o.transform[part];
          const same = part === 'rotation' && value.length === 3 ? sameRotation(value as Vec3, shown) : nearVec(value, shown);
          if (!same) transform = { ...transform, [part]: [...value] as Vec3 };
        }
        if (transform !== o.transform) objects = { ...objects, [id]: { ...o, transform } };
      }
      return objects === s.objects ? s : { ...s, objects };
    });
  return autoKey(write, sceneId, frame);
}
