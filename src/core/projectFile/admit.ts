// The last check before a project is opened: every scene evaluated at the first and the last frame of the
// project range, as the viewport will on its first frame and the timeline at its end. A project that passes the
// schema and the references but cannot be evaluated is refused here, before the store ever holds it.
import type { Project, SceneObject } from '../document/schema';
import { loadProjectText, type LoadResult } from '../document/load';
import { evaluateScene } from '../timeline/evaluate';

/** Everything a project file must pass before anything switches to it: text → schema → references → dry run. */
export function admitProjectText(text: string): LoadResult {
  const r = loadProjectText(text);
  if (!r.ok) return r;
  const problem = dryRunProject(r.project);
  return problem ? { ok: false, error: problem } : r;
}

/** null when every scene evaluates at both ends of the range with finite transforms; else "where: what". */
export function dryRunProject(project: Project): string | null {
  const frames = [project.settings.frameIn, Math.max(project.settings.frameIn, project.settings.frameOut - 1)];
  for (const sceneId of Object.keys(project.scenes)) {
    for (const frame of frames) {
      let objects: Readonly<Record<string, SceneObject>>;
      try {
        objects = evaluateScene(project, sceneId, frame).objects;
      } catch (e) {
        return `scenes.${sceneId}: cannot be evaluated at frame ${frame} (${(e as Error)?.message ?? String(e)})`;
      }
      for (const [id, o] of Object.entries(objects)) {
        const t = o.transform;
        if (![...t.position, ...t.rotation, ...t.scale].every(Number.isFinite)) {
          return `scenes.${sceneId}.objects.${id}.transform: not finite at frame ${frame}`;
        }
      }
    }
  }
  return null;
}
