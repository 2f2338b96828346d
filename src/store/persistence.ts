// Projects in IndexedDB: the list, open, duplicate, delete. Each saved entry holds the project's
// canonical file text, so what is stored is exactly what "Save" would write.
import { serializeProject, newId, type Project } from '../core/document';
import { admitProjectText } from '../core/projectFile/admit';
import { idbAll, idbDelete, idbGet, idbPut } from './idb';

export interface StoredProject {
  id: string;
  name: string;
  modifiedAt: string;
  text: string;
}

/** `text`, when given, must be serializeProject(p) already made (a big project's text is not made twice). */
export async function saveProjectToDb(p: Project, text = serializeProject(p)): Promise<void> {
  await idbPut('projects', p.id, { id: p.id, name: p.name, modifiedAt: p.modifiedAt, text } satisfies StoredProject);
  await idbPut('meta', 'lastProjectId', p.id);
}

export async function listProjects(): Promise<Omit<StoredProject, 'text'>[]> {
  const all = await idbAll<StoredProject>('projects');
  return all
    .map(({ id, name, modifiedAt }) => ({ id, name, modifiedAt }))
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

export async function readProjectFromDb(id: string): Promise<{ ok: true; project: Project } | { ok: false; error: string }> {
  const stored = await idbGet<StoredProject>('projects', id);
  if (!stored) return { ok: false, error: `project ${id} is not in this browser's storage` };
  const r = admitProjectText(stored.text);
  return r.ok ? { ok: true, project: r.project } : r;
}

export async function deleteProjectFromDb(id: string): Promise<void> {
  await idbDelete('projects', id);
}

export async function duplicateProjectInDb(id: string): Promise<Project | null> {
  const r = await readProjectFromDb(id);
  if (!r.ok) return null;
  const now = new Date().toISOString();
  const copy: Project = { ...r.project, id: newId('proj'), name: `${r.project.name} copy`, createdAt: now, modifiedAt: now };
  await saveProjectToDb(copy);
  return copy;
}

export async function lastProjectId(): Promise<string | undefined> {
  return idbGet<string>('meta', 'lastProjectId');
}
