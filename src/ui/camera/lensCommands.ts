// Camera edits as document commands: each is one pure Edit, run through projectStore.execute (one undo step).
import { updateObject, type Camera, type Edit } from '../../core/document';
import { sensorPreset, stepLens, switchLensSet, formatFocalLength } from '../../core/lens';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { autoKey, evaluateObject } from '../../core/timeline';

export const editCamera = (sceneId: string, id: string, fn: (c: Camera) => Camera): Edit => updateObject<Camera>(sceneId, id, fn);

export const setLens = (sceneId: string, id: string, patch: Partial<Camera['lens']>): Edit =>
  editCamera(sceneId, id, (c) => ({ ...c, lens: { ...c.lens, ...patch } }));

/** Body from a preset: copies its dimensions, so the document stays readable without the preset table. */
export const setBodyPreset = (sceneId: string, id: string, presetId: string): Edit | null => {
  const p = sensorPreset(presetId);
  if (!p) return null;
  return editCamera(sceneId, id, (c) => ({ ...c, body: { sensorPresetId: p.id, sensorWidthMm: p.widthMm, sensorHeightMm: p.heightMm } }));
};

export const setCustomBody = (sceneId: string, id: string, widthMm: number, heightMm: number): Edit =>
  editCamera(sceneId, id, (c) => ({ ...c, body: { sensorPresetId: null, sensorWidthMm: widthMm, sensorHeightMm: heightMm } }));

export const setLensSet = (sceneId: string, id: string, setId: string | null): Edit =>
  editCamera(sceneId, id, (c) => {
    if (setId === null) return { ...c, lens: { ...c.lens, lensSetId: null } };
    const s = switchLensSet(c.lens, setId);
    return s ? { ...c, lens: { ...c.lens, ...s, lensSetId: setId } } : c;
  });

/** The camera `[` / `]` act on: the selected camera, else the one being looked through. */
export function targetCameraId(): string | null {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  if (!scene) return null;
  const ed = editorStore.getState();
  const sel = ed.selection.find((id) => scene.objects[id]?.type === 'camera');
  if (sel) return sel;
  if (ed.viewMode === 'lookThrough' && ed.lookThroughCameraId && scene.objects[ed.lookThroughCameraId]?.type === 'camera') return ed.lookThroughCameraId;
  return null;
}

/** `[` (−1) / `]` (+1): the next lens of the camera's set, as one undo step. Returns false if no camera. */
export function stepCameraLens(direction: 1 | -1): boolean {
  const id = targetCameraId();
  if (!id) return false;
  const { project, activeSceneId, execute } = projectStore.getState();
  // step from the lens shown at the playhead; a keyed focal length gets a key there (auto-key)
  const cam = (evaluateObject(project, activeSceneId, id, playhead.frame) ?? project.scenes[activeSceneId]!.objects[id]) as Camera;
  const r = stepLens(cam.lens, direction);
  if (!r.ok) {
    editorStore.getState().notify('error', r.error);
    return true;
  }
  if (!r.changed && cam.lens.lensSetId === r.set.id) return true; // at the end of the set
  execute(
    `Lens ${formatFocalLength(cam.lens.focalLengthMm)} → ${formatFocalLength(r.focalLengthMm)}`,
    autoKey(setLens(activeSceneId, id, { focalLengthMm: r.focalLengthMm, lensSetId: r.set.id }), activeSceneId, playhead.frame),
  );
  return true;
}
