// The camera's look-at constraint as document commands (one undo step each): pick a target (an actor's eyes or
// head, any object, or the point the camera looks at now), focus follows, and the aim keyed on / off at the playhead.
import { removeTrack, type AimTarget, type CameraAim, type Camera, type Edit, type SceneObject } from '../../core/document';
import { setKey, findTrack, evaluateObject, aimTargetPoint, worldPlacement, evaluateScene, bakeFocusPull } from '../../core/timeline';
import { forwardVector } from '../../core/lens';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { editCamera } from './lensCommands';
import { registerTestHook } from '../../testHook';

// the e2e test projects the target the UI picked through the live camera
registerTestHook('aim', { aimTargetPoint, evaluateScene, worldPlacement });

export interface AimChoice {
  /** stable value for a <select>: "obj:<id>:<mark>" or "point" */
  value: string;
  label: string;
  target: AimTarget | null;
}

export const aimValue = (t: AimTarget | null | undefined): string => (!t ? '' : t.kind === 'point' ? 'point' : `obj:${t.objectId}:${t.mark}`);

/** What a camera can aim at: each actor's eyes and head, every other object's centre (cameras and layers left out). */
export function aimChoices(objects: Readonly<Record<string, SceneObject>>, cameraId: string): AimChoice[] {
  const out: AimChoice[] = [];
  const list = Object.values(objects).sort((a, b) => a.name.localeCompare(b.name));
  for (const o of list) {
    if (o.type !== 'actor') continue;
    for (const mark of ['eyes', 'head'] as const) {
      const target: AimTarget = { kind: 'object', objectId: o.id, mark };
      out.push({ value: aimValue(target), label: `${o.name || o.id} — ${mark}`, target });
    }
  }
  for (const o of list) {
    if (o.type === 'actor' || o.type === 'effectLayer' || o.id === cameraId) continue;
    const target: AimTarget = { kind: 'object', objectId: o.id, mark: 'centre' };
    out.push({ value: aimValue(target), label: o.name || o.id, target });
  }
  return out;
}

/** Sets the aim; taking it away also takes its on/off keys (a weight track with no aim to weigh would be an error). */
export const setAim = (sceneId: string, id: string, aim: CameraAim | null): Edit => (p) => {
  let q = editCamera(sceneId, id, (c) => ({ ...c, aim }))(p);
  const weight = aim ? undefined : findTrack(q.scenes[sceneId]!, id, 'aim.weight');
  if (weight) q = removeTrack(sceneId, weight.id)(q);
  return q;
};

/** Aim `id` at `target` (null: no aim). A fresh aim is on, and focus follows the target. */
export function aimCameraAt(id: string, target: AimTarget | null): void {
  const { project, activeSceneId, execute } = projectStore.getState();
  const cam = project.scenes[activeSceneId]?.objects[id];
  if (cam?.type !== 'camera') return;
  if (!target) {
    if (cam.aim) execute(`${cam.name}: no aim`, setAim(activeSceneId, id, null));
    return;
  }
  const aim: CameraAim = { target, weight: cam.aim?.weight ?? 1, followFocus: cam.aim?.followFocus ?? true };
  const name = target.kind === 'point' ? 'a fixed point' : aimChoices(project.scenes[activeSceneId]!.objects, id).find((c) => c.value === aimValue(target))?.label ?? target.objectId;
  execute(`${cam.name}: aim at ${name}`, setAim(activeSceneId, id, aim));
}

/** A fixed point where the camera looks now: on its lens axis at the focus distance. */
export function pointAhead(id: string): AimTarget | null {
  const { project, activeSceneId } = projectStore.getState();
  const objects = evaluateScene(project, activeSceneId, playhead.frame).objects;
  const cam = objects[id];
  if (cam?.type !== 'camera') return null;
  const w = worldPlacement(objects, cam);
  const f = forwardVector(w.rotation);
  const d = cam.lens.focusDistanceM;
  return { kind: 'point', point: [w.position[0] + f[0] * d, w.position[1] + f[1] * d, w.position[2] + f[2] * d] };
}

export function setFollowFocus(id: string, on: boolean): void {
  const { project, activeSceneId, execute } = projectStore.getState();
  const cam = project.scenes[activeSceneId]?.objects[id];
  if (cam?.type !== 'camera' || !cam.aim || cam.aim.followFocus === on) return;
  execute(`${cam.name}: focus ${on ? 'follows the target' : 'set by hand'}`, setAim(activeSceneId, id, { ...cam.aim, followFocus: on }));
}

/** Keys the aim on (weight 1) or off (0) at the playhead with a step key, so it switches there: one undo step. */
export function keyAim(id: string, on: boolean): void {
  const { project, activeSceneId, execute } = projectStore.getState();
  const cam = project.scenes[activeSceneId]?.objects[id];
  if (cam?.type !== 'camera') return;
  if (!cam.aim) {
    editorStore.getState().notify('error', `${cam.name}: pick an aim target first, then key it on or off.`);
    return;
  }
  const frame = Math.round(playhead.frame);
  const scene = project.scenes[activeSceneId]!;
  const first = !findTrack(scene, id, 'aim.weight');
  const edit: Edit = (p) => {
    // a lone key would hold for the whole shot: the first switch keeps the aim as it was up to the frame before
    const q = first ? setKey(activeSceneId, id, 'aim.weight', { frame: frame - 1, value: cam.aim!.weight, interp: 'step' })(p) : p;
    return setKey(activeSceneId, id, 'aim.weight', { frame, value: on ? 1 : 0, interp: 'step' })(q);
  };
  execute(`${cam.name}: aim ${on ? 'on' : 'off'} at frame ${frame}`, edit);
}

/** The aim as it is at the playhead (weight after keys), and the target's distance, for the section's readout. */
export function aimAtPlayhead(id: string, frame: number): { weight: number; distanceM: number | null } | null {
  const { project, activeSceneId } = projectStore.getState();
  const cam = evaluateObject(project, activeSceneId, id, frame) as Camera | null;
  if (!cam?.aim) return null;
  const objects = evaluateScene(project, activeSceneId, frame).objects;
  const p = aimTargetPoint(objects, cam.aim.target);
  const w = worldPlacement(objects, cam);
  return { weight: cam.aim.weight, distanceM: p ? Math.hypot(p[0] - w.position[0], p[1] - w.position[1], p[2] - w.position[2]) : null };
}

/**
 * Keys the followed focus as a focus pull over this camera's shot at the playhead (else the project range) and
 * turns the follow off: one undo step.
 */
export function keyFocusPull(id: string): void {
  const { project, activeSceneId, execute } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  const cam = scene?.objects[id];
  if (!scene || cam?.type !== 'camera') return;
  const f = Math.round(playhead.frame);
  const shot = Object.values(scene.shots).find((s) => s.cameraId === id && f >= s.in && f < s.out) ?? Object.values(scene.shots).find((s) => s.cameraId === id);
  const [from, to] = shot ? [shot.in, shot.out - 1] : [project.settings.frameIn, project.settings.frameOut - 1];
  try {
    execute(`${cam.name}: key the focus pull, frames ${from}–${to}`, bakeFocusPull(project, activeSceneId, id, from, to));
  } catch (err) {
    editorStore.getState().notify('error', `${cam.name}: ${(err as Error).message}`);
  }
}
