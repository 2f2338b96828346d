// Auto-key for edits made in the inspector (or anywhere a field edits a document object). A keyed property
// shows its value at the playhead; an edit to it must become a key at the playhead, never a change of the
// static value that the track would then override. autoKey wraps ANY edit to get that behaviour:
//   1. the edit runs on a view of the scene where keyed objects carry their evaluated values at the frame,
//      so an edit that reads neighbouring values (X of a position, the rest of a lens) starts from what the
//      user sees;
//   2. every keyed property whose value the edit changed is keyed at the frame (a key there is replaced);
//   3. keyed properties get their static values back, so nothing the user did not touch moves.
// Properties without a track are written as before. The result is one Edit: one undo step, and the same
// edit re-applied during a slider sweep replaces its own key (a gesture stays one step).
import type { Project, Scene, SceneObject } from '../document/schema';
import type { Edit } from '../document/commands';
import { evaluateTracksOf } from './evaluate';
import { animatableProperty } from './properties';
import { getPath, setPath, type KeyValue } from './values';
import { findTrack, setKey, deleteKey, keyCurrentValue } from './keys';

/** Deep equality of key values (numbers, vectors, named channels). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Object id → the properties of it that have a track the evaluator can apply. */
function keyedProperties(scene: Scene): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of Object.values(scene.tracks)) {
    const o = scene.objects[t.targetId];
    if (!o || t.keys.length === 0 || !animatableProperty(o.type, t.property)) continue;
    const list = out.get(o.id) ?? [];
    if (!list.includes(t.property)) list.push(t.property);
    out.set(o.id, list);
  }
  return out;
}

export function autoKey(edit: Edit, sceneId: string, frame: number): Edit {
  return (p: Project) => {
    const scene = p.scenes[sceneId];
    if (!scene) return edit(p);
    const keyed = keyedProperties(scene);
    if (keyed.size === 0) return edit(p);
    const f = Math.round(frame);

    // 1. the view the user sees: keyed objects at their evaluated values
    const evaluated: Record<string, SceneObject> = {};
    for (const id of keyed.keys()) {
      const e = evaluateTracksOf(p, sceneId, id, f);
      if (e) evaluated[id] = e;
    }
    const view: Project = { ...p, scenes: { ...p.scenes, [sceneId]: { ...scene, objects: { ...scene.objects, ...evaluated } } } };
    const edited = edit(view);
    if (edited === view) return p;

    // 2 and 3: changed keyed values become keys; keyed properties return to their static values
    const editedScene = edited.scenes[sceneId];
    if (!editedScene) return edited;
    const objects = { ...editedScene.objects };
    const keys: { id: string; property: string; value: KeyValue }[] = [];
    for (const [id, props] of keyed) {
      const before = evaluated[id];
      const after = objects[id];
      const stat = scene.objects[id];
      if (!before || !after || !stat) continue;
      if (after === before) {
        objects[id] = stat;
        continue;
      }
      let restored = after;
      for (const prop of props) {
        const v = getPath(after, prop);
        if (!sameValue(v, getPath(before, prop))) keys.push({ id, property: prop, value: v as KeyValue });
        restored = setPath(restored, prop, getPath(stat, prop));
      }
      // an edit that only rewrote keyed values to what was shown leaves the object as it was
      objects[id] = sameValue(restored, stat) ? stat : restored;
    }
    let out: Project = { ...edited, scenes: { ...edited.scenes, [sceneId]: { ...editedScene, objects } } };
    for (const k of keys) out = setKey(sceneId, k.id, k.property, { frame: f, value: k.value })(out);
    return unchangedAs(p, out, sceneId);
  };
}

/** p itself when out differs from it in no reference that matters, so a no-op edit records no undo step. */
function unchangedAs(p: Project, out: Project, sceneId: string): Project {
  const a = p.scenes[sceneId]!;
  const b = out.scenes[sceneId]!;
  const sameObjects =
    Object.keys(a.objects).length === Object.keys(b.objects).length && Object.entries(a.objects).every(([id, o]) => b.objects[id] === o);
  const sceneSame = sameObjects && (Object.keys(a) as (keyof Scene)[]).every((k) => k === 'objects' || a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;
  const projectSame =
    (Object.keys(p) as (keyof Project)[]).every((k) => k === 'scenes' || p[k] === out[k]) &&
    Object.keys(p).length === Object.keys(out).length &&
    Object.keys(p.scenes).length === Object.keys(out.scenes).length &&
    Object.entries(p.scenes).every(([id, s]) => id === sceneId || out.scenes[id] === s);
  return sceneSame && projectSame ? p : out;
}

export type KeyState = 'static' | 'animated' | 'onKey';

/** How a field should look: no track, animated but between keys, or on a key at this frame. */
export function keyState(scene: Scene, objectId: string, property: string, frame: number): KeyState {
  const t = findTrack(scene, objectId, property);
  if (!t || t.keys.length === 0) return 'static';
  const f = Math.round(frame);
  return t.keys.some((k) => k.frame === f) ? 'onKey' : 'animated';
}

/**
 * The field's key diamond: on a key it removes that key (the track goes with its last key); elsewhere it
 * keys the value shown at the playhead, creating the track if there is none.
 */
export function toggleKeyAt(p: Project, sceneId: string, objectId: string, property: string, frame: number): Edit {
  const scene = p.scenes[sceneId];
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const f = Math.round(frame);
  const t = findTrack(scene, objectId, property);
  if (t && t.keys.some((k) => k.frame === f)) return deleteKey(sceneId, t.id, f);
  return keyCurrentValue(p, sceneId, objectId, property, f);
}
