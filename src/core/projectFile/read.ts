// Reading a project file (.previs.json, or a .previs.zip bundle of the document and its assets by hash) with
// nothing trusted: the bundle's sizes are judged before anything is inflated, and the project is admitted only
// when schema, references and a dry evaluation all pass. Pure: the store switches only on { ok: true }.
import { unzipSync } from 'fflate';
import { hasOwn, type Project } from '../document';
import { sha256Hex } from '../util/sha256';
import { admitProjectText } from './admit';

export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
/** the project document inside a bundle, expanded: far above any real project (a 100,000-key track is ~8 MiB) */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** everything a bundle may expand to, judged from its directory before a byte is inflated */
export const MAX_EXPANDED_BYTES = 2 * 1024 * 1024 * 1024;
/** past 256 MiB, a bundle may expand to at most this many times its own size: plates and bakes barely compress,
 * so only a bomb (or a directory that lies) declares more, and each declared size is a buffer allocated up front */
export const MAX_EXPANSION_RATIO = 32;
const FREE_EXPANSION_BYTES = 256 * 1024 * 1024;
export const MAX_BUNDLE_ENTRIES = 100_000;
export const DOC_NAME = 'project.previs.json';
const ASSET_ENTRY = /^assets\/[0-9a-f]{64}$/;

export type OpenResult = { ok: true; project: Project } | { ok: false; error: string };

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

/**
 * Expands only the entries a project bundle can use, after checking the sizes its directory declares. fflate
 * allocates each entry at its declared size and never writes past it, so a directory that lies about sizes
 * yields short data (caught by the JSON parse or the asset hash), never more memory than was allowed.
 */
export function expandBundle(bytes: Uint8Array): { ok: true; files: Record<string, Uint8Array> } | { ok: false; error: string } {
  let refusal: string | null = null;
  let entries = 0;
  let expanded = 0;
  const budget = Math.min(MAX_EXPANDED_BYTES, Math.max(FREE_EXPANSION_BYTES, MAX_EXPANSION_RATIO * bytes.byteLength));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (refusal) return false;
        if (++entries > MAX_BUNDLE_ENTRIES) refusal = `the bundle has more than ${MAX_BUNDLE_ENTRIES.toLocaleString('en')} entries`;
        else if (f.name === DOC_NAME && f.originalSize > MAX_DOCUMENT_BYTES) {
          refusal = `its project document would expand to ${mib(f.originalSize)}; the limit is ${mib(MAX_DOCUMENT_BYTES)}`;
        } else if (f.name === DOC_NAME || ASSET_ENTRY.test(f.name)) {
          expanded += f.originalSize;
          if (expanded > budget) {
            refusal = `the bundle declares over ${mib(budget)} of contents in ${mib(bytes.byteLength)}, more than a real project expands to`;
          }
          else return true;
        }
        return false;
      },
    });
  } catch (e) {
    return { ok: false, error: refusal ?? `damaged zip bundle (${(e as Error)?.message ?? String(e)})` };
  }
  return refusal ? { ok: false, error: refusal } : { ok: true, files };
}

/** Parses and checks a file without touching the store: schema, references and a dry evaluation of every scene. */
export async function readProjectFile(name: string, bytes: Uint8Array): Promise<OpenResult & { assets?: Map<string, Uint8Array> }> {
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: `${name}: ${bytes.byteLength} bytes is over the 2 GiB limit` };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    const text = decodeText(bytes);
    if (text === null) return { ok: false, error: `${name}: not UTF-8 text and not a .previs.zip bundle` };
    const r = admitProjectText(text);
    return r.ok ? { ok: true, project: r.project } : { ok: false, error: `${name}: ${r.error}` };
  }
  const bundle = expandBundle(bytes);
  if (!bundle.ok) return { ok: false, error: `${name}: ${bundle.error}` };
  const files = bundle.files;
  const doc = hasOwn(files, DOC_NAME) ? files[DOC_NAME] : undefined;
  if (!doc) return { ok: false, error: `${name}: bundle has no ${DOC_NAME}` };
  const text = decodeText(doc);
  if (text === null) return { ok: false, error: `${name}: ${DOC_NAME} is not UTF-8 text` };
  const r = admitProjectText(text);
  if (!r.ok) return { ok: false, error: `${name}: ${r.error}` };
  const assets = new Map<string, Uint8Array>();
  for (const id of Object.keys(r.project.assets)) {
    const key = `assets/${id}`;
    const data = hasOwn(files, key) ? files[key] : undefined;
    if (!data) return { ok: false, error: `${name}: asset ${id} is listed but missing from the bundle` };
    if ((await sha256Hex(data)) !== id) return { ok: false, error: `${name}: asset ${id} does not match its hash (damaged)` };
    assets.set(id, data);
  }
  return { ok: true, project: r.project, assets };
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

