// Shot list actions for the panel and shortcuts: each is one undo step and reports bad input to the user.
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { createShot, upsertShot, removeShot, type Shot, type Edit } from '../../core/document';
import { duplicateShot, moveShot, renumberShots, validateShot, orderedShots, nextShotNumber } from '../../core/timeline';
import { transport } from '../timeline/transport';

const notifyError = (text: string) => editorStore.getState().notify('error', text);

function run(label: string, edit: Edit): boolean {
  try {
    projectStore.getState().execute(label, edit);
    return true;
  } catch (e) {
    notifyError(`${label}: ${(e as Error).message}`);
    return false;
  }
}

/** The camera a new shot uses: the selected camera, else the one looked through, else the first. */
function pickCamera(): string | null {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  if (!scene) return null;
  const ed = editorStore.getState();
  for (const id of [...ed.selection, ed.lookThroughCameraId]) if (id && scene.objects[id]?.type === 'camera') return id;
  return Object.values(scene.objects).find((o) => o.type === 'camera')?.id ?? null;
}

export function addShot(): string | null {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId]!;
  const cam = pickCamera();
  if (!cam) {
    notifyError('Add shot: the scene has no camera. Add one from Add → Camera first.');
    return null;
  }
  const shots = orderedShots(scene);
  const lastOut = shots.reduce((m, s) => Math.max(m, s.out), project.settings.frameIn);
  // a new shot starts at the playhead, or after the last shot when the playhead is inside one
  const start = shots.some((s) => playhead.frame >= s.in && playhead.frame < s.out) ? lastOut : playhead.frame;
  const shot = createShot(cam, nextShotNumber(scene), start, start + 48);
  return run('Add shot', upsertShot(activeSceneId, shot)) ? shot.id : null;
}

export function updateShot(shotId: string, patch: Partial<Shot>): boolean {
  const { project, activeSceneId } = projectStore.getState();
  const s = project.scenes[activeSceneId]?.shots[shotId];
  if (!s) return false;
  const next = { ...s, ...patch };
  const err = validateShot(project, activeSceneId, next);
  if (err) {
    notifyError(err);
    return false;
  }
  return run(`Edit shot ${next.number}`, upsertShot(activeSceneId, next));
}

export function deleteShot(shotId: string): boolean {
  return run('Delete shot', removeShot(projectStore.getState().activeSceneId, shotId));
}

export function duplicate(shotId: string): string | null {
  const { edit, newShotId } = duplicateShot(projectStore.getState().activeSceneId, shotId);
  return run('Duplicate shot', edit) ? newShotId : null;
}

export function reorder(shotId: string, to: number): boolean {
  return run('Reorder shots', moveShot(projectStore.getState().activeSceneId, shotId, to));
}

export function renumber(): boolean {
  return run('Renumber shots', renumberShots(projectStore.getState().activeSceneId));
}

/** Jumps to a shot: playhead to its in, playback limited to its range, viewport through its camera. */
export function gotoShot(shotId: string, view: 'lookThrough' | 'plan' = 'lookThrough'): void {
  const { project, activeSceneId } = projectStore.getState();
  const s = project.scenes[activeSceneId]?.shots[shotId];
  if (!s) return;
  transport.setRange({ in: s.in, out: s.out });
  transport.seek(s.in);
  const ed = editorStore.getState();
  if (view === 'plan') {
    ed.select([s.cameraId]);
    ed.setViewMode('plan', s.cameraId);
  } else ed.setViewMode('lookThrough', s.cameraId);
}
