// Autosave: debounced writes after each change, never more than MAX_WAIT_MS of work at risk.
// Failures (quota!) are shown to the user and retried on the next change — never swallowed.
import { createStore } from 'zustand/vanilla';
import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { isStored, saveProjectToDb } from './persistence';
import { isQuotaError } from './idb';
import { firstRenderFailure } from './renderHealth';

export const DEBOUNCE_MS = 300;
export const MAX_WAIT_MS = 1000;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';
export const saveStatus = createStore<{ status: SaveStatus; lastSavedAt: string | null; error: string | null }>()(() => ({
  status: 'saved',
  lastSavedAt: null,
  error: null,
}));

let timer: ReturnType<typeof setTimeout> | null = null;
let firstPendingAt = 0;
let writing: Promise<void> | null = null;
let again = false;

async function flush(): Promise<void> {
  timer = null;
  if (writing) {
    again = true;
    return;
  }
  const failure = firstRenderFailure();
  if (failure) {
    // the last good copy stays; the next change (an undo that fixes it) schedules a write again
    saveStatus.setState({ status: 'error', error: `Autosave paused: the ${failure[0]} could not draw this project` });
    firstPendingAt = 0;
    return;
  }
  const p = projectStore.getState().project;
  saveStatus.setState({ status: 'saving' });
  writing = isStored(p)
    .then((done) => (done ? undefined : saveProjectToDb(p)))
    .then(() => saveStatus.setState({ status: 'saved', lastSavedAt: new Date().toISOString(), error: null }))
    .catch((e: unknown) => {
      const msg = isQuotaError(e)
        ? 'Autosave failed: browser storage is full. Save the project to a file now, then free space (delete old projects).'
        : `Autosave failed: ${(e as Error)?.message ?? String(e)}`;
      saveStatus.setState({ status: 'error', error: msg });
      editorStore.getState().notify('error', msg);
    })
    .finally(() => {
      writing = null;
      firstPendingAt = 0;
      if (again) {
        again = false;
        schedule();
      }
    });
  await writing;
}

function schedule(): void {
  const now = Date.now();
  if (!firstPendingAt) firstPendingAt = now;
  if (timer) clearTimeout(timer);
  const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPendingAt + MAX_WAIT_MS - now));
  saveStatus.setState({ status: 'pending' });
  timer = setTimeout(() => void flush(), wait);
}

export function startAutosave(): () => void {
  let lastProject = projectStore.getState().project;
  return projectStore.subscribe((s) => {
    if (s.project === lastProject) return;
    lastProject = s.project;
    schedule();
  });
}

/** Writes now (before unload, before switching projects). */
export async function saveNow(): Promise<void> {
  if (timer) clearTimeout(timer);
  await flush();
}
