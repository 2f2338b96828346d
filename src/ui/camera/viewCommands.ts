// "Camera to current view" and "Current view to camera": the editor's orbit view and a shot camera trade places.
// The first edits the document (one undo step, auto-keyed where the transform is keyed); the second moves only
// the editor's view, which no undo step records (orbiting never did).
import { evaluateScene, autoKey, toParentSpace, worldPlacement } from '../../core/timeline';
import { updateObject, type Camera } from '../../core/document';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { orbitView, placeOrbitView, readOrbitView } from '../../viewport/camera/orbitView';
import { targetCameraId } from './lensCommands';

function evaluatedCamera(id: string) {
  const { project, activeSceneId } = projectStore.getState();
  const objects = evaluateScene(project, activeSceneId, playhead.frame).objects;
  const cam = objects[id];
  return cam?.type === 'camera' ? { cam, objects, sceneId: activeSceneId } : null;
}

/** The selected (or looked-through) camera moves to where the viewport's own camera stands and looks. */
export function cameraToCurrentView(): boolean {
  const id = targetCameraId();
  const notify = editorStore.getState().notify;
  if (!id) {
    notify('error', 'Camera to current view: select a camera first (or look through one).');
    return true;
  }
  const view = readOrbitView();
  const found = evaluatedCamera(id);
  if (!view || !found) {
    notify('error', 'Camera to current view: the viewport is not ready yet.');
    return true;
  }
  const { cam, objects, sceneId } = found;
  const local = toParentSpace(objects, cam.parentId, view.position, view.rotation);
  projectStore.getState().execute(
    `${cam.name}: camera to current view`,
    autoKey(updateObject<Camera>(sceneId, id, (c) => ({ ...c, transform: { ...c.transform, position: local.position, rotation: local.rotation } })), sceneId, playhead.frame),
  );
  if (cam.aim && cam.aim.weight > 0) notify('info', `${cam.name} is aimed at its target: it took the view's position, and its aim keeps the target centred.`);
  return true;
}

/** The viewport's own camera goes to where the selected (or looked-through) camera stands, its pivot at the focus distance. */
export function currentViewToCamera(): boolean {
  const id = targetCameraId();
  if (!id) {
    editorStore.getState().notify('error', 'Current view to camera: select a camera first (or look through one).');
    return true;
  }
  const found = evaluatedCamera(id);
  if (!found) return true;
  const w = worldPlacement(found.objects, found.cam);
  const placement = { position: w.position, rotation: w.rotation, pivotDistance: found.cam.lens.focusDistanceM };
  const ed = editorStore.getState();
  if (ed.viewMode !== 'perspective' || !orbitView.camera) {
    // the orbit view comes back when the look-through closes; the navigation places it then
    orbitView.pending = placement;
    ed.setViewMode('perspective');
  } else placeOrbitView(placement);
  if (!ed.selection.includes(id)) ed.select([id]);
  return true;
}
