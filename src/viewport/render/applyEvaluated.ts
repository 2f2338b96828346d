// Puts an evaluated scene onto live three.js objects (by document id). The viewport calls it when the
// playhead or the document changes; the animatic renderer calls it per exported frame; both therefore
// show exactly the same poses. Only transforms and per-frame values are written: never React state.
import type { Object3D, Light } from 'three';
import type { EvaluatedScene } from '../../core/timeline';
import type { SceneObject } from '../../core/document';

function applyObject(o3: Object3D, obj: SceneObject): void {
  const t = obj.transform;
  o3.position.set(t.position[0], t.position[1], t.position[2]);
  o3.rotation.set(t.rotation[0], t.rotation[1], t.rotation[2], 'XYZ');
  o3.scale.set(t.scale[0], t.scale[1], t.scale[2]);
  o3.visible = obj.visible;
  if (obj.type === 'light') {
    // the renderer's light sits directly under the object's group
    for (const c of o3.children) if ((c as Light).isLight) (c as Light).intensity = obj.intensity;
  } else if (obj.type === 'actor') {
    // the mannequin renderer (viewport/objects/ActorObject) places its parts from the whole evaluated actor
    // (FK, grounding, look-at) through userData.poseActor, without React
    let posed = false;
    o3.traverse((n) => {
      const poseActor = n.userData?.poseActor as ((a: SceneObject) => void) | undefined;
      if (!posed && typeof poseActor === 'function') {
        poseActor(obj);
        posed = true;
      }
    });
    const joints = posed ? [] : Object.keys(obj.pose);
    if (joints.length) {
      // actor renderers name each joint node (userData.joint or name); a joint not drawn is skipped
      o3.traverse((n) => {
        const j = (n.userData?.joint as string | undefined) ?? n.name;
        const r = j ? obj.pose[j] : undefined;
        if (r && n !== o3) n.rotation.set(r[0], r[1], r[2], 'XYZ');
      });
    }
  }
}

/**
 * Writes every animated object of `e` onto `refs`, and restores objects that were animated by the
 * previous call but are not any more (a deleted track) to their evaluated (= document) values.
 * Returns the ids written, to pass back as `previous` next time.
 */
export function applyEvaluated(
  refs: ReadonlyMap<string, Object3D>,
  e: EvaluatedScene,
  previous: ReadonlySet<string> = new Set(),
): Set<string> {
  const written = new Set<string>();
  const ids = new Set<string>([...e.animatedIds, ...previous]);
  for (const id of ids) {
    const o3 = refs.get(id);
    const obj = e.objects[id];
    if (!o3 || !obj) continue;
    applyObject(o3, obj);
    if (e.animatedIds.includes(id)) written.add(id);
  }
  return written;
}

/** Writes every object of the evaluated scene (for an offscreen render that must not trust prior state). */
export function applyAll(refs: ReadonlyMap<string, Object3D>, e: EvaluatedScene): void {
  for (const [id, obj] of Object.entries(e.objects)) {
    const o3 = refs.get(id);
    if (o3) applyObject(o3, obj);
  }
}

/** The most recent evaluation the viewport applied: effect playback and HUDs read it instead of re-evaluating. */
export const liveEvaluation: { current: EvaluatedScene | null } = { current: null };
