// Puts an evaluated scene onto live three.js objects (by document id). The viewport calls it when the
// playhead or the document changes; the animatic renderer calls it per exported frame; both therefore
// show exactly the same poses. Only transforms and per-frame values are written: never React state.
import { Color, type Object3D, type Light, type DirectionalLight } from 'three';
import type { EvaluatedScene } from '../../core/timeline';
import type { SceneObject } from '../../core/document';
import { sunAt, sunTint } from '../../core/geometry';

type LightObj = Extract<SceneObject, { type: 'light' }>;

const tint = new Color();

/**
 * The sun from its evaluated time of day and intensity, derived exactly as the sun renderer derives it from
 * the document (direction, daylight fade, the warm tint of a low sun), so a keyed time of day moves the
 * light per frame in playback, stills and animatics, without React.
 */
function applySun(o3: Object3D, obj: LightObj): void {
  const sun = sunAt(obj.timeOfDay ?? 12);
  const [tr, tg, tb] = sunTint(sun.elevationDeg);
  o3.traverse((n) => {
    const l = n as DirectionalLight;
    if (!l.isDirectionalLight) return;
    // the renderer placed the light at a fixed distance along the sun direction: keep that distance
    const dist = l.position.length() || 1;
    l.position.set(sun.direction[0] * dist, sun.direction[1] * dist, sun.direction[2] * dist);
    l.color.set(obj.colour).multiply(tint.setRGB(tr, tg, tb));
    l.intensity = obj.intensity * sun.daylight;
    l.castShadow = obj.castShadow && sun.daylight > 0;
  });
}

function applyLightIntensity(o3: Object3D, obj: LightObj, doc: SceneObject | undefined): void {
  // renderers map the document intensity to three's lights in their own ways (sun × daylight, area ×
  // size…), so an animated intensity scales whatever each light was rendered with for the document value
  if (!doc || doc.type !== 'light' || doc.intensity <= 0) return;
  const scale = obj.intensity / doc.intensity;
  o3.traverse((n) => {
    const l = n as Light;
    if (!l.isLight) return;
    const ud = l.userData as { baseIntensity?: number; lastSet?: number };
    // React re-applied its props since we last wrote: that value is the new base
    if (ud.baseIntensity === undefined || l.intensity !== ud.lastSet) ud.baseIntensity = l.intensity;
    l.intensity = ud.baseIntensity * scale;
    ud.lastSet = l.intensity;
  });
}

function applyObject(o3: Object3D, obj: SceneObject, doc: SceneObject | undefined): void {
  const t = obj.transform;
  o3.position.set(t.position[0], t.position[1], t.position[2]);
  o3.rotation.set(t.rotation[0], t.rotation[1], t.rotation[2], 'XYZ');
  o3.scale.set(t.scale[0], t.scale[1], t.scale[2]);
  o3.visible = obj.visible;
  if (obj.type === 'light') {
    if (obj.kind === 'sun') applySun(o3, obj);
    else applyLightIntensity(o3, obj, doc);
  }
  else if (obj.type === 'actor') {
    // the actor renderer places its body from a pose without React (userData.poseActor)
    o3.traverse((n) => {
      const fn = n.userData?.poseActor as ((a: SceneObject) => void) | undefined;
      if (fn && n !== o3) fn(obj);
    });
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
  /** the scene's document objects (what React rendered), for values renderers derive from */
  documentObjects: Readonly<Record<string, SceneObject>> = {},
): Set<string> {
  const written = new Set<string>();
  const ids = new Set<string>([...e.animatedIds, ...previous]);
  for (const id of ids) {
    const o3 = refs.get(id);
    const obj = e.objects[id];
    if (!o3 || !obj) continue;
    applyObject(o3, obj, documentObjects[id]);
    if (e.animatedIds.includes(id)) written.add(id);
  }
  return written;
}

/** Writes every object of the evaluated scene (for an offscreen render that must not trust prior state). */
export function applyAll(refs: ReadonlyMap<string, Object3D>, e: EvaluatedScene, documentObjects: Readonly<Record<string, SceneObject>> = {}): void {
  for (const [id, obj] of Object.entries(e.objects)) {
    const o3 = refs.get(id);
    if (o3) applyObject(o3, obj, documentObjects[id]);
  }
}

/** The most recent evaluation the viewport applied: effect playback and HUDs read it instead of re-evaluating. */
export const liveEvaluation: { current: EvaluatedScene | null } = { current: null };
