// Project files: `.previs.json` (document only) or `.previs.zip` (document + binary assets by hash).
// Opening validates everything first; the open project and storage change only when all of it is good.
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { loadProjectText, serializeProject, type Project } from '../core/document';
import { sha256Hex } from '../core/util/sha256';
import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { getAssetBytes, putAsset } from './assets';
import { saveProjectToDb } from './persistence';
import { saveNow } from './autosave';

export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
const DOC_NAME = 'project.previs.json';

export type OpenResult = { ok: true; project: Project } | { ok: false; error: string };

/** Parses and checks a file without touching the store. */
export async function readProjectFile(name: string, bytes: Uint8Array): Promise<OpenResult & { assets?: Map<string, Uint8Array> }> {
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: `${name}: ${bytes.byteLength} bytes is over the 2 GiB limit` };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: `${name}: not UTF-8 text and not a .previs.zip bundle` };
    }
    const r = loadProjectText(text);
    return r.ok ? { ok: true, project: r.project } : { ok: false, error: `${name}: ${r.error}` };
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return { ok: false, error: `${name}: damaged zip bundle (${(e as Error).message})` };
  }
  const doc = files[DOC_NAME];
  if (!doc) return { ok: false, error: `${name}: bundle has no ${DOC_NAME}` };
  const r = loadProjectText(strFromU8(doc));
  if (!r.ok) return { ok: false, error: `${name}: ${r.error}` };
  const assets = new Map<string, Uint8Array>();
  for (const id of Object.keys(r.project.assets)) {
    const data = files[`assets/${id}`];
    if (!data) return { ok: false, error: `${name}: asset ${id} is listed but missing from the bundle` };
    if ((await sha256Hex(data)) !== id) return { ok: false, error: `${name}: asset ${id} does not match its hash (damaged)` };
    assets.set(id, data);
  }
  return { ok: true, project: r.project, assets };
}

/** Opens a user file: validate → store assets → swap the document → save. Errors are shown, nothing changes. */
export async function openProjectFile(name: string, bytes: Uint8Array): Promise<OpenResult> {
  const r = await readProjectFile(name, bytes);
  if (!r.ok) {
    editorStore.getState().notify('error', `Could not open ${r.error}`);
    return r;
  }
  try {
    await saveNow();
    for (const [, data] of r.assets ?? []) await putAsset(data, 'application/octet-stream');
    projectStore.getState().load(r.project);
    editorStore.getState().select([]);
    await saveProjectToDb(r.project);
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
