// First start opens the demo project through the same path as any user file; later starts restore
// the last project from IndexedDB.
import { projectStore } from './store/projectStore';
import { editorStore } from './store/editorStore';
import { lastProjectId, readProjectFromDb, saveProjectToDb } from './store/persistence';
import { startAutosave, saveNow } from './store/autosave';
import { readProjectFile } from './store/projectFile';
import { putAsset } from './store/assets';

export const DEMO_URL = `${import.meta.env.BASE_URL}demo/street.previs.json`;

export const appReady = { done: false, source: '' as 'restored' | 'demo' | 'empty' | '' };

export async function loadDemoProject(): Promise<boolean> {
  const res = await fetch(DEMO_URL);
  if (!res.ok) throw new Error(`demo project: HTTP ${res.status}`);
  const r = await readProjectFile('street.previs.json', new Uint8Array(await res.arrayBuffer()));
  if (!r.ok) throw new Error(r.error);
  for (const [, data] of r.assets ?? []) await putAsset(data, 'application/octet-stream');
  projectStore.getState().load(r.project);
  await saveProjectToDb(r.project);
  return true;
}

export async function startApp(): Promise<void> {
  const notify = editorStore.getState().notify;
  try {
    const id = await lastProjectId();
    if (id) {
      const r = await readProjectFromDb(id);
      if (r.ok) {
        projectStore.getState().load(r.project);
        appReady.source = 'restored';
      } else {
        notify('error', `The last project could not be restored: ${r.error}. It is left untouched in storage; the demo opens instead.`);
      }
    }
    if (!appReady.source) {
      await loadDemoProject();
      appReady.source = 'demo';
    }
  } catch (e) {
    notify('error', `Start-up: ${(e as Error).message}. An empty project is open.`);
    appReady.source = 'empty';
  }
  startAutosave();
  window.addEventListener('pagehide', () => void saveNow());
  appReady.done = true;
}
