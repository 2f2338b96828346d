// Assets travel by hash: each one is uploaded once (the server is asked first), and fetched when a client
// needs bytes it does not have. Downloaded bytes are hashed here again: a server (or anything between)
// that hands back other bytes is refused, and the asset counts as missing, never as a crash.
// Two ways to the server's asset store: the app's project WebSocket (assetChannel.ts: the only connection the
// app's Content-Security-Policy needs to allow), and plain HTTP for scripts and tools (httpAssets).
import { sha256Hex } from '../core/util/sha256';
import { httpOf } from './studioSignIn';

/** One way of reaching a studio server's asset store. Answers describe problems; transport errors throw. */
export interface AssetTransport {
  has(hash: string): Promise<boolean>;
  put(hash: string, bytes: Uint8Array): Promise<{ ok: true } | { ok: false; problem: string }>;
  /** the bytes, or null with the server's reason (missing, damaged) */
  get(hash: string): Promise<{ bytes: Uint8Array } | { bytes: null; problem: string }>;
}

/** The asset routes over HTTP (`/assets/<sha256>`), with a sign-in ticket where the server wants one. */
export function httpAssets(r: { wsUrl: string; authorization?: () => Promise<string | undefined> }): AssetTransport {
  const base = httpOf(r.wsUrl);
  const headers = async (): Promise<Record<string, string>> => {
    const a = await r.authorization?.();
    return a ? { Authorization: a } : {};
  };
  return {
    async has(hash) {
      return (await fetch(`${base}/assets/${hash}`, { method: 'HEAD', headers: await headers() })).ok;
    },
    async put(hash, bytes) {
      const put = await fetch(`${base}/assets/${hash}`, { method: 'PUT', headers: await headers(), body: new Uint8Array(bytes) });
      return put.ok ? { ok: true } : { ok: false, problem: `the server refused it (${put.status} ${(await put.text()).slice(0, 200)})` };
    },
    async get(hash) {
      const res = await fetch(`${base}/assets/${hash}`, { headers: await headers() });
      if (!res.ok) return { bytes: null, problem: `missing on the studio server (${res.status})` };
      return { bytes: new Uint8Array(await res.arrayBuffer()) };
    },
  };
}

/** Uploads the assets the server lacks. Returns the hashes uploaded; missing local bytes are skipped. */
export async function uploadMissing(t: AssetTransport, hashes: Iterable<string>, local: (hash: string) => Promise<Uint8Array | null>): Promise<{ uploaded: string[]; problems: string[] }> {
  const uploaded: string[] = [];
  const problems: string[] = [];
  for (const hash of hashes) {
    if (await t.has(hash)) continue;
    const bytes = await local(hash);
    if (!bytes) continue; // not here either: someone else has it, or it is missing everywhere
    const put = await t.put(hash, bytes);
    if (put.ok) uploaded.push(hash);
    else problems.push(`asset ${hash.slice(0, 12)}…: ${put.problem}`);
  }
  return { uploaded, problems };
}

/** The bytes of an asset from the server, checked against their hash; null when missing or wrong. */
export async function fetchAsset(t: AssetTransport, hash: string): Promise<{ bytes: Uint8Array } | { bytes: null; problem: string }> {
  let got: Awaited<ReturnType<AssetTransport['get']>>;
  try {
    got = await t.get(hash);
  } catch (e) {
    return { bytes: null, problem: `the studio server could not be reached for asset ${hash.slice(0, 12)}… (${(e as Error).message})` };
  }
  if (!got.bytes) return { bytes: null, problem: `asset ${hash.slice(0, 12)}… is ${got.problem}` };
  const actual = await sha256Hex(got.bytes);
  if (actual !== hash) return { bytes: null, problem: `asset ${hash.slice(0, 12)}… from the studio server does not match its hash (got ${actual.slice(0, 12)}…): refused` };
  return { bytes: got.bytes };
}
