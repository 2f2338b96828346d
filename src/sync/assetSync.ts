// Assets travel by hash: each one is uploaded once (the server is asked first), and fetched when a client
// needs bytes it does not have. Downloaded bytes are hashed here again: a server (or anything between)
// that hands back other bytes is refused, and the asset counts as missing, never as a crash.
import { sha256Hex } from '../core/util/sha256';
import { httpOf } from './studioSignIn';

export interface AssetRemote {
  wsUrl: string;
  /** `Authorization` header value on a server with studio sign-in */
  authorization?: () => Promise<string | undefined>;
}

async function headers(r: AssetRemote): Promise<Record<string, string>> {
  const a = await r.authorization?.();
  return a ? { Authorization: a } : {};
}

/** Uploads the assets the server lacks. Returns the hashes uploaded; missing local bytes are skipped. */
export async function uploadMissing(r: AssetRemote, hashes: Iterable<string>, local: (hash: string) => Promise<Uint8Array | null>): Promise<{ uploaded: string[]; problems: string[] }> {
  const uploaded: string[] = [];
  const problems: string[] = [];
  const base = httpOf(r.wsUrl);
  for (const hash of hashes) {
    const h = await headers(r);
    const head = await fetch(`${base}/assets/${hash}`, { method: 'HEAD', headers: h });
    if (head.ok) continue;
    const bytes = await local(hash);
    if (!bytes) continue; // not here either: someone else has it, or it is missing everywhere
    const put = await fetch(`${base}/assets/${hash}`, { method: 'PUT', headers: h, body: new Uint8Array(bytes) });
    if (put.ok) uploaded.push(hash);
    else problems.push(`asset ${hash.slice(0, 12)}…: the server refused it (${put.status} ${(await put.text()).slice(0, 200)})`);
  }
  return { uploaded, problems };
}

/** The bytes of an asset from the server, checked against their hash; null when missing or wrong. */
export async function fetchAsset(r: AssetRemote, hash: string): Promise<{ bytes: Uint8Array } | { bytes: null; problem: string }> {
  let res: Response;
  try {
    res = await fetch(`${httpOf(r.wsUrl)}/assets/${hash}`, { headers: await headers(r) });
  } catch (e) {
    return { bytes: null, problem: `the studio server could not be reached for asset ${hash.slice(0, 12)}… (${(e as Error).message})` };
  }
  if (!res.ok) return { bytes: null, problem: `asset ${hash.slice(0, 12)}… is missing on the studio server (${res.status})` };
  const bytes = new Uint8Array(await res.arrayBuffer());
  const actual = await sha256Hex(bytes);
  if (actual !== hash) return { bytes: null, problem: `asset ${hash.slice(0, 12)}… from the studio server does not match its hash (got ${actual.slice(0, 12)}…): refused` };
  return { bytes };
}
