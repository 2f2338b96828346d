// Host glue shared by the worker and Node: how an installed model's bytes are read on each platform.
import type { ModelSource } from './engine';
import { assetUrl, findInstalled } from './registry';

type FsPromises = { readFile(path: string): Promise<Uint8Array> };

/** Node 20.16+ hands out built-ins without an import, which keeps node:fs out of the browser bundle. */
function nodeFs(): FsPromises | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; versions?: { node?: string } } }).process;
  if (!proc?.versions?.node || !proc.getBuiltinModule) return null;
  return proc.getBuiltinModule('node:fs/promises') as FsPromises;
}

async function readUrl(url: string): Promise<Uint8Array> {
  const fs = nodeFs();
  if (fs && url.startsWith('/')) {
    // under vitest a ?url import is the file's path from the project root
    const cwd = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
    return new Uint8Array(await fs.readFile(cwd + url));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function loadInstalled(id: string): Promise<ModelSource> {
  const entry = findInstalled(id);
  const bytes = await readUrl(entry.modelUrl);
  return {
    card: entry.card,
    bytes,
    loadFile: async (relative) => {
      const url = assetUrl(entry.cardPath, relative);
      if (!url) throw new Error(`test input "${relative}" of model "${id}" is not installed`);
      return readUrl(url);
    },
  };
}

/** Node's resident set size; null in a browser, where no per-worker figure exists (see memoryProbe.ts). */
export function memoryNow(): number | null {
  const proc = (globalThis as { process?: { memoryUsage?: () => { rss: number } } }).process;
  return proc?.memoryUsage ? proc.memoryUsage().rss : null;
}
