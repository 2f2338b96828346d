// Project-level actions shared by the toolbar, the projects dialog and the keyboard.
import { newProject } from '../core/document';
import { projectStore } from '../store/projectStore';
import { editorStore } from '../store/editorStore';
import { saveNow } from '../store/autosave';
import { saveProjectToDb, readProjectFromDb, deleteProjectFromDb, duplicateProjectInDb } from '../store/persistence';
import { downloadBytes, openProjectFile, projectFileBytes } from '../store/projectFile';
import { dropHandlers } from './dropHandlers';

const notify = (level: 'error' | 'info', text: string) => editorStore.getState().notify(level, text);

export async function createNewProject(): Promise<void> {
  await saveNow();
  const p = newProject();
  projectStore.getState().load(p);
  editorStore.getState().select([]);
  await saveProjectToDb(p);
}

export async function switchToProject(id: string): Promise<void> {
  await saveNow();
  const r = await readProjectFromDb(id);
  if (!r.ok) return notify('error', `Could not open: ${r.error}`);
  projectStore.getState().load(r.project);
  editorStore.getState().select([]);
  await saveProjectToDb(r.project);
}

export async function deleteStoredProject(id: string): Promise<void> {
  if (id === projectStore.getState().project.id) return notify('error', 'The open project cannot be deleted; open another first.');
  await deleteProjectFromDb(id);
}

export async function duplicateStoredProject(id: string): Promise<void> {
  await saveNow();
  const copy = await duplicateProjectInDb(id);
  if (!copy) notify('error', 'Could not duplicate the project');
}

export async function saveProjectToFile(): Promise<void> {
  try {
    const f = await projectFileBytes(projectStore.getState().project);
    downloadBytes(f.name, f.bytes, f.mime);
  } catch (e) {
    notify('error', `Save failed: ${(e as Error).message}`);
  }
}

export async function openFile(file: File): Promise<void> {
  await openProjectFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

dropHandlers.push({
  id: 'project',
  accepts: (f) => /\.previs\.(json|zip)$/i.test(f.name) || /\.json$/i.test(f.name),
  handle: openFile,
});
