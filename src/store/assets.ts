// Binary assets (plates, bakes, imported glTF) stored once, keyed by their SHA-256.
import { sha256Hex } from '../core/util/sha256';
import { idbDelete, idbGet, idbPut } from './idb';

interface StoredAsset {
  hash: string;
  mime: string;
  bytes: ArrayBuffer;
}

const memory = new Map<string, Uint8Array>();

/** Where bytes missing here can come from (the studio server while a project is shared; checked there by hash). */
export const remoteAssets: { fetch: ((hash: string) => Promise<Uint8Array | null>) | null } = { fetch: null };

/** Stores the bytes (if new) and returns their hash. */
export async function putAsset(bytes: Uint8Array, mime: string): Promise<string> {
  const hash = await sha256Hex(bytes);
  if (!memory.has(hash)) {
    const copy = bytes.slice();
    await idbPut('assets', hash, { hash, mime, bytes: copy.buffer } satisfies StoredAsset);
    memory.set(hash, copy);
  }
  return hash;
}

/** The bytes held in this browser only (never fetched). */
export async function getLocalAssetBytes(hash: string): Promise<Uint8Array | null> {
  const cached = memory.get(hash);
  if (cached) return cached;
  const stored = await idbGet<StoredAsset>('assets', hash);
  if (!stored) return null;
  const bytes = new Uint8Array(stored.bytes);
  memory.set(hash, bytes);
  return bytes;
}

export async function getAssetBytes(hash: string): Promise<Uint8Array | null> {
  const local = await getLocalAssetBytes(hash);
  if (local) return local;
  const remote = await remoteAssets.fetch?.(hash);
  if (!remote) return null;
  await idbPut('assets', hash, { hash, mime: 'application/octet-stream', bytes: remote.slice().buffer } satisfies StoredAsset);
  memory.set(hash, remote);
  return remote;
}

/** Deletes bytes from this browser (a purged take's outputs); the caller has checked nothing uses them. */
export async function dropAssetBytes(hashes: readonly string[]): Promise<void> {
  for (const h of hashes) {
    memory.delete(h);
    await idbDelete('assets', h);
  }
}
