// evaluateScene(project, sceneId, frame): the scene as it looks at one frame. Pure: the same project and frame
// always give the same result, nothing is mutated, objects no track touches are returned as the same objects.
import type { Camera, EffectLayer, Project, SceneObject, Shot, Track } from '../document/schema';
import { evaluateTrack } from './track';
import { getPath, isChannels, sameShape, setPath, type KeyValue } from './values';
import { animatableProperty, clampNumber, type AnimatableProperty } from './properties';
import { shotAtFrame } from './shots';
import { own } from '../document/names';
import { applyAim, aimDependencies } from './aim';

export interface TrackProblem {
  trackId: string;
  reason: string;
}

export interface EvaluatedScene {
  sceneId: string;
  frame: number;
  /** every object of the scene, with keyed properties replaced by their value at this frame */
  objects: Readonly<Record<string, SceneObject>>;
  /** ids of objects at least one track changed, sorted */
  animatedIds: readonly string[];
  /** tracks that could not apply (missing target, property not animatable, value of the wrong shape) */
  problems: readonly TrackProblem[];
  /** effect layers live at this frame (visible, and inside their frame range if they have one) */
  activeLayerIds: readonly string[];
  /** the shot that covers this frame in shot order, if any, and the camera it looks through */
  shot: Shot | null;
  cameraId: string | null;
}

function clampValue(v: KeyValue, p: AnimatableProperty | undefined): KeyValue {
  if (!p || (p.min === undefined && p.max === undefined)) return v;
  if (typeof v === 'number') return clampNumber(v, p);
  if (Array.isArray(v)) return v.map((x) => clampNumber(x, p));
  return v;
}

/** Value for a property that must hold Vec3 rows (a pose): only 3-component rows survive. */
function poseValue(v: KeyValue): KeyValue {
  if (!isChannels(v)) return v;
  const out: Record<string, number[]> = {};
  for (const [joint, row] of Object.entries(v)) {
    out[joint] = [row[0] ?? 0, row[1] ?? 0, row[2] ?? 0];
  }
  return out;
}

/** Applies one track to an object at frame; returns the new object or a reason it could not. */
export function applyTrack(object: SceneObject, track: Track, frame: number): SceneObject | string {
  const prop = animatableProperty(object.type, track.property);
  if (!prop) return `${object.type} "${object.name}" has no animatable property "${track.property}"`;
  const raw = evaluateTrack(track, frame);
  if (raw === undefined) return object;
  const current = getPath(object, track.property);
  if (!sameShape(current, raw)) return `keys of "${track.property}" do not match the shape of the property`;
  // finite keys can still blend past the float range (an overshooting ease between huge values)
  if (!allFinite(raw)) return `"${track.property}" is not a finite number at frame ${frame}`;
  const value = track.property === 'pose' ? poseValue(raw) : clampValue(raw, prop);
  return setPath(object, track.property, value);
}

function allFinite(v: KeyValue): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(Number.isFinite);
  return Object.values(v).every((row) => row.every(Number.isFinite));
}

export function isLayerActive(layer: EffectLayer, frame: number): boolean {
  if (!layer.visible) return false;
  if (!layer.frameRange) return true;
  return frame >= layer.frameRange.start && frame < layer.frameRange.end;
}

export function evaluateScene(project: Project, sceneId: string, frame: number): EvaluatedScene {
  const scene = own(project.scenes, sceneId);
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const objects: Record<string, SceneObject> = { ...scene.objects };
  const animated = new Set<string>();
  const problems: TrackProblem[] = [];
  // sorted by id so that two tracks on one property resolve the same way every time
  const tracks = Object.values(scene.tracks).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const track of tracks) {
    const obj = own(objects, track.targetId);
    if (!obj) {
      problems.push({ trackId: track.id, reason: `target ${track.targetId} is not in the scene` });
      continue;
    }
    const next = applyTrack(obj, track, frame);
    if (typeof next === 'string') problems.push({ trackId: track.id, reason: next });
    else if (next !== obj) {
      objects[track.targetId] = next;
      animated.add(track.targetId);
    }
  }
  // constraints after the tracks: every aim reads the scene as the tracks left it
  const aimedCameras = Object.values(objects).filter((o) => o.type === 'camera' && !!o.aim);
  if (aimedCameras.length) {
    const tracked: Readonly<Record<string, SceneObject>> = { ...objects };
    for (const o of aimedCameras) {
      const aimed = applyAim(tracked, o as Camera);
      if (aimed !== o) {
        objects[o.id] = aimed;
        animated.add(o.id);
      }
    }
  }
  const activeLayerIds = Object.values(scene.objects)
    .filter((o): o is EffectLayer => o.type === 'effectLayer' && isLayerActive(o, frame))
    .map((o) => o.id)
    .sort();
  const shot = shotAtFrame(scene, frame);
  return {
    sceneId,
    frame,
    objects,
    animatedIds: [...animated].sort(),
    problems,
    activeLayerIds,
    shot,
    cameraId: shot?.cameraId ?? null,
  };
}

/** One object at one frame (cheaper than the whole scene when a panel needs a single value), constraints applied. */
export function evaluateObject(project: Project, sceneId: string, objectId: string, frame: number): SceneObject | null {
  const o = evaluateTracksOf(project, sceneId, objectId, frame);
  if (!o || o.type !== 'camera' || !o.aim) return o;
  const scene = project.scenes[sceneId]!;
  // only what the aim reads: the target and the parent chains, each at this frame
  const deps: Record<string, SceneObject> = { [o.id]: o };
  for (const id of aimDependencies(scene.objects, o)) {
    const d = evaluateTracksOf(project, sceneId, id, frame);
    if (d) deps[id] = d;
  }
  return applyAim(deps, o);
}

/**
 * One object at one frame with its tracks only (no constraint): what auto-key edits start from, so an aimed
 * rotation or a followed focus is never written into the static value by an unrelated edit.
 */
export function evaluateTracksOf(project: Project, sceneId: string, objectId: string, frame: number): SceneObject | null {
  const scene = own(project.scenes, sceneId);
  const obj = scene ? own(scene.objects, objectId) : undefined;
  if (!scene || !obj) return null;
  let out: SceneObject = obj;
  const tracks = Object.values(scene.tracks)
    .filter((t) => t.targetId === objectId)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const t of tracks) {
    const next = applyTrack(out, t, frame);
    if (typeof next !== 'string') out = next;
  }
  return out;
}
