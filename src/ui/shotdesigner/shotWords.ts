// The shot command bar's and the Shot Designer's actions: preview a line as chips, and apply it as one undo
// step (new camera, its shot with the words, move keys), or re-frame an existing camera with it.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { updateObject, type Camera } from '../../core/document';
import { coverageChips, grammarContext, parseShot, planFromWords, shotChips, type Chip, type WordsResult } from '../../core/shotgrammar';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';

export type Preview = { ok: true; chips: Chip[] } | { ok: false; error: string; word?: string; suggestion?: string };

/** Parse only (cheap enough for every keystroke): the chips, or the refusal. */
export function previewWords(text: string): Preview {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  if (!scene) return { ok: false, error: 'No scene' };
  const r = parseShot(text, grammarContext(scene));
  if (!r.ok) return r;
  const name = (id: string) => scene.objects[id]?.name ?? id;
  return { ok: true, chips: r.kind === 'shot' ? shotChips(r.shot, name) : coverageChips(r.coverage, name) };
}

/** The camera new cameras copy: the selected one, else the one looked through. */
function templateCameraId(): string | null {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  const ed = editorStore.getState();
  for (const id of [...ed.selection, ed.lookThroughCameraId]) if (id && scene?.objects[id]?.type === 'camera') return id;
  return null;
}

function plan(text: string, templateId = templateCameraId()): WordsResult {
  const { project, activeSceneId } = projectStore.getState();
  return planFromWords(text, { project, sceneId: activeSceneId, frame: Math.round(playhead.frame), templateCameraId: templateId });
}

/** Makes the shot (or the coverage) in one undo step; looks through the new camera. Refusals change nothing. */
export function applyWords(text: string): WordsResult {
  const r = plan(text);
  const ed = editorStore.getState();
  if (!r.ok) {
    ed.notify('error', `Shot from words: ${r.error}`);
    return r;
  }
  projectStore.getState().execute(r.plan.label, r.plan.edit);
  ed.select([r.plan.cameraIds[0]!]);
  ed.setViewMode('lookThrough', r.plan.cameraIds[0]!);
  for (const w of r.plan.warnings) ed.notify('warning', w);
  return r;
}

/** Re-frames an existing camera with the words: its position, aim, focal length and focus, one undo step. */
export function reframeCamera(cameraId: string, text: string): WordsResult {
  const r = plan(text, cameraId);
  const ed = editorStore.getState();
  if (!r.ok) {
    ed.notify('error', `Re-frame: ${r.error}`);
    return r;
  }
  if (r.plan.kind !== 'shot' || r.plan.description?.moves.length) {
    const error = 'Re-frame takes one shot without moves; use the command bar for coverage and moves';
    ed.notify('error', error);
    return { ok: false, error };
  }
  const { activeSceneId, project } = projectStore.getState();
  const animated = Object.values(project.scenes[activeSceneId]!.tracks).some((t) => t.targetId === cameraId && t.property.startsWith('transform'));
  if (animated) {
    const error = 'This camera is keyframed: re-framing its resting place would not show; make a new shot instead';
    ed.notify('error', error);
    return { ok: false, error };
  }
  const s = r.plan.solved[0]!.camera;
  projectStore.getState().execute(
    'Re-frame camera from words',
    updateObject<Camera>(activeSceneId, cameraId, (c) => ({ ...c, transform: { ...c.transform, position: s.transform.position, rotation: s.transform.rotation }, lens: { ...c.lens, focalLengthMm: s.lens.focalLengthMm, lensSetId: s.lens.lensSetId, focusDistanceM: s.lens.focusDistanceM } })),
  );
  for (const w of r.plan.warnings) ed.notify('warning', w);
  return r;
}

/** Whether the command bar is open and what it holds (editor state, not the document). */
export const commandBar = createStore<{ open: boolean; text: string; show(text?: string): void; hide(): void; setText(t: string): void }>()((set) => ({
  open: false,
  text: '',
  show: (text) => set((s) => ({ open: true, text: text ?? s.text })),
  hide: () => set({ open: false }),
  setText: (text) => set({ text }),
}));
export const useCommandBar = <T,>(sel: (s: ReturnType<typeof commandBar.getState>) => T) => useStore(commandBar, sel);

/** What the bar opens with: "cover A and B" when two actors are selected. */
export function suggestedLine(): string | undefined {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  const actors = editorStore.getState().selection.map((id) => scene?.objects[id]).filter((o) => o?.type === 'actor');
  if (actors.length === 2) return `cover ${actors[0]!.name} and ${actors[1]!.name}`;
  if (actors.length === 1) return `MS on ${actors[0]!.name}`;
  return undefined;
}
