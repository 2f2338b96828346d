// Projects in IndexedDB: the list, open, duplicate, delete. Each saved entry holds the project's
// canonical file text, so what is stored is exactly what "Save" would write.
import { serializeProject, newId, type Project } from '../core/document';
import { admitProjectText } from '../core/projectFile/admit';
import { idbAll, idbDelete, idbGet, idbPut } from './idb';
import { BLOB_TEXT_FROM, storedText } from './storedText';

export interface StoredProject {
  id: string;
  name: string;
  modifiedAt: string;
  /** a big document's text is kept as a Blob: storing one is a reference, where a 10 MB string is cloned into the
   * database on the page's thread */
  text: string | Blob;
}

export { BLOB_TEXT_FROM };

/** per project id, the document (by identity: every edit makes a new one) whose text storage holds now; and
 * writes under way. Only the latest counts: an undo back to an older document must be written again. */
const stored = new Map<string, Project>();
const storing = new WeakMap<Project, Promise<void>>();

/**
 * `text`, when given, must be serializeProject(p) already made (a big project's text is not made twice), as a
 * string or as the Blob storedText makes of it.
 */
export function saveProjectToDb(p: Project, text?: string | Blob): Promise<void> {
  const write = (async () => {
    const t = typeof text === 'string' ? storedText(text) : (text ?? storedText(serializeProject(p)));
    await idbPut('projects', p.id, { id: p.id, name: p.name, modifiedAt: p.modifiedAt, text: t } satisfies StoredProject);
    await idbPut('meta', 'lastProjectId', p.id);
    stored.set(p.id, p);
  })();
  storing.set(p, write);
  return write;
}

/**
 * True once this very document is in storage (waiting for a write of it under way). Opening a file stores it and
 * then the store's switch schedules an autosave: without this the same 10 MB text would be made and written twice.
 */
export async function isStored(p: Project): Promise<boolean> {
  await storing.get(p)?.catch(() => undefined);
  return stored.get(p.id) === p;
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
  const r = admitProjectText(typeof stored.text === 'string' ? stored.text : await stored.text.text());
  return r.ok ? { ok: true, project: r.project } : r;
}

export async function deleteProjectFromDb(id: string): Promise<void> {
  await idbDelete('projects', id);
  stored.delete(id);
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
