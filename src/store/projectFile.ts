// Project files: `.previs.json` (document only) or `.previs.zip` (document + binary assets by hash).
// Opening validates everything first; the open project and storage change only when all of it is good.
import { zipSync, strToU8 } from 'fflate';
import { serializeProject, type Project } from '../core/document';
import { readProjectFile, DOC_NAME, type OpenResult } from '../core/projectFile';

import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { getAssetBytes, putAsset } from './assets';
import { saveProjectToDb } from './persistence';
import { saveNow } from './autosave';

export { readProjectFile, type OpenResult };

/** `stored`: the admitted document's canonical text as browser storage keeps it (see storedText) */
type ReadResult = Awaited<ReturnType<typeof readProjectFile>> & { stored?: string | Blob };
type WorkerReply = { ok: false; error: string } | { ok: true; text: string; stored: string | Blob; assets?: Map<string, Uint8Array> };

/** readProjectFile in a worker (the page stays responsive for big files); inline where there are no workers. */
export function readProjectFileOffThread(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (typeof Worker === 'undefined') return readProjectFile(name, bytes);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./projectRead.worker.ts', import.meta.url), { type: 'module', name: 'project-read' });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      worker.terminate();
      const m = e.data;
      // the worker admitted this exact text; parsing it again is plain JSON, no second check
      resolve(m.ok ? { ok: true, project: JSON.parse(m.text) as Project, assets: m.assets, stored: m.stored } : m);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve({ ok: false, error: `${name}: could not be read (the check stopped unexpectedly)` });
    };
    worker.postMessage({ name, bytes });
  });
}

/** Opens a user file: validate → store assets → swap the document → save. Errors are shown, nothing changes. */
export async function openProjectFile(name: string, bytes: Uint8Array): Promise<OpenResult> {
  const r = await readProjectFileOffThread(name, bytes);
  if (!r.ok) {
    editorStore.getState().notify('error', `Could not open ${r.error}`);
    return r;
  }
  try {
    await saveNow();
    for (const [, data] of r.assets ?? []) await putAsset(data, 'application/octet-stream');
    projectStore.getState().load(r.project);
    editorStore.getState().select([]);
    await saveProjectToDb(r.project, r.stored);
  } catch (e) {
    const error = `Could not open ${name}: ${(e as Error).message}`;
    editorStore.getState().notify('error', error);
    return { ok: false, error };
  }
  return r;
}

/** The bytes to save: plain JSON when there are no binary assets, else a zip bundle. */
export async function projectFileBytes(p: Project): Promise<{ name: string; bytes: Uint8Array; mime: string }> {
  const base = p.name.replace(/[^\w.-]+/g, '_') || 'project';
  const ids = Object.keys(p.assets);
  if (ids.length === 0) return { name: `${base}.previs.json`, bytes: strToU8(serializeProject(p)), mime: 'application/json' };
  const files: Record<string, Uint8Array> = { [DOC_NAME]: strToU8(serializeProject(p)) };
  for (const id of ids) {
    const data = await getAssetBytes(id);
    if (!data) throw new Error(`asset ${id} (${p.assets[id]!.name}) is missing from browser storage`);
    files[`assets/${id}`] = data;
  }
  return { name: `${base}.previs.zip`, bytes: zipSync(files, { level: 6 }), mime: 'application/zip' };
}

export function downloadBytes(name: string, bytes: Uint8Array, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
