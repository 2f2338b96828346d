// The browser side of C2PA: the c2pa-rs WebAssembly is served by the app (a Vite asset, no CDN), and each person
// gets a C2PA signing credential — a non-extractable ES256 key with an end-entity certificate from a local CA
// ("Previs Sandbox local CA — not on the C2PA trust list") — kept in IndexedDB beside their disclosure key
// (src/store/signingKeys.ts) and renewed when it nears its end.
import c2paWasmUrl from '@contentauth/c2pa-wasm/c2pa.wasm?url';
import { caPem, createC2paCredential, credentialUsable, type C2paCredential } from '../../core/export/c2pa/credential';
import type { CoseSigner } from '../../core/export/c2pa/cose';
import { useC2paSignHost, useC2paWasm, type C2paSignRequest } from '../../core/export/c2pa/engine';
import { idbGet, idbPut } from '../../store/idb';

// reading (the drop zone) runs on the page; signing runs in a worker, started on first use and kept
useC2paWasm(async () => c2paWasmUrl);

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

function signWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./c2pa.worker.ts', import.meta.url), { type: 'module', name: 'c2pa' });
    worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; bytes?: Uint8Array; error?: string }>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.ok && e.data.bytes) w?.resolve(e.data.bytes);
      else w?.reject(new Error(`C2PA signing failed: ${e.data.error ?? 'unknown error'}`));
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(`C2PA worker failed: ${e.message}`));
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

if (typeof Worker !== 'undefined') {
  useC2paSignHost(
    (req: C2paSignRequest) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        // a copy travels, so the caller's bytes stay usable
        signWorker().postMessage({ id, req: { ...req, bytes: req.bytes.slice() } });
      }),
  );
}

const hasIdb = () => typeof globalThis.indexedDB !== 'undefined';
const memory = new Map<string, C2paCredential>();
const pending = new Map<string, Promise<C2paCredential>>();

async function loadOrCreate(holder: string): Promise<C2paCredential> {
  const key = `c2pa:${holder}`;
  const stored = hasIdb() ? await idbGet<C2paCredential>('keys', key) : memory.get(key);
  if (stored && credentialUsable(stored)) return stored;
  const cred = await createC2paCredential(holder);
  if (hasIdb()) await idbPut('keys', key, cred);
  else memory.set(key, cred);
  return cred;
}

/** The C2PA credential of a person on this machine; created on first use. */
export function c2paCredentialFor(holder: string): Promise<C2paCredential> {
  let p = pending.get(holder);
  if (!p) {
    p = loadOrCreate(holder);
    pending.set(holder, p);
    p.catch(() => pending.delete(holder));
  }
  return p;
}

export async function c2paSignerFor(holder: string): Promise<CoseSigner> {
  const cred = await c2paCredentialFor(holder);
  return { chain: [cred.certificate], privateKey: cred.keyPair.privateKey };
}

/** The local CA certificate as PEM, for `previs-verify --c2pa-trust` on a machine that chooses to trust it. */
export async function c2paCaPemFor(holder: string): Promise<string> {
  return caPem(await c2paCredentialFor(holder));
}
