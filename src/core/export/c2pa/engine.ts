// c2pa-rs (the C2PA reference implementation, compiled to WebAssembly by @contentauth/c2pa-wasm) writes and
// reads the manifests. The host hands over the .wasm (the browser a URL served by the app, Node the file),
// nothing is fetched from elsewhere. Signing is ours: c2pa-wasm gives the claim to our callback, which returns
// the whole COSE_Sign1 (cose.ts) made with the person's key and certificate (credential.ts).
import initC2paWasm, { initSync, WasmBuilder, WasmReader } from '@contentauth/c2pa-wasm';
import { coseReserveSize, coseSign1, type CoseSigner } from './cose';
import { C2PA_LAYER_PARAMS } from './manifest';

export type C2paFormat = 'image/png' | 'video/mp4';
export type WasmSource = BufferSource | WebAssembly.Module | URL | string;

let loader: (() => Promise<WasmSource>) | null = null;
let ready: Promise<void> | null = null;

/** A host says where the .wasm comes from; the engine loads it on first use. */
export function useC2paWasm(source: (() => Promise<WasmSource>) | null): void {
  loader = source;
  ready = null;
}

export function c2paAvailable(): boolean {
  return loader !== null;
}

export function ensureC2pa(): Promise<void> {
  if (!loader) return Promise.reject(new Error('C2PA engine not configured in this host'));
  if (!ready) {
    const load = loader;
    ready = (async () => {
      const src = await load();
      if (src instanceof WebAssembly.Module || ArrayBuffer.isView(src) || src instanceof ArrayBuffer) initSync({ module: src });
      else await initC2paWasm({ module_or_path: src });
    })();
    ready.catch(() => (ready = null));
  }
  return ready;
}

/**
 * c2pa-wasm reads its source through a Blob and FileReaderSync, which exists only in Web Workers. An in-memory
 * Blob that answers slices from its bytes, and a FileReaderSync that reads only such Blobs, let it run on a
 * page's main thread and in Node alike; the stand-in is removed again after each call.
 */
class BytesBlob extends Blob {
  constructor(readonly held: Uint8Array) {
    super([]);
  }
  override get size(): number {
    return this.held.length;
  }
  override slice(start = 0, end = this.held.length): Blob {
    return new BytesBlob(this.held.subarray(start, end));
  }
}

class BytesFileReaderSync {
  readAsArrayBuffer(blob: Blob): ArrayBuffer {
    if (!(blob instanceof BytesBlob)) throw new Error('C2PA: only in-memory sources can be read here');
    return blob.held.slice().buffer;
  }
}

let readers = 0;
let saved: { had: boolean; prev: unknown } | null = null;

async function withSyncReader<T>(fn: () => Promise<T>): Promise<T> {
  const g = globalThis as { FileReaderSync?: unknown };
  // counted, so overlapping signings share one stand-in and the last one out restores what was there
  if (readers++ === 0) {
    saved = { had: Object.prototype.hasOwnProperty.call(g, 'FileReaderSync'), prev: g.FileReaderSync };
    g.FileReaderSync = BytesFileReaderSync;
  }
  try {
    return await fn();
  } finally {
    if (--readers === 0 && saved) {
      if (saved.had) g.FileReaderSync = saved.prev;
      else delete g.FileReaderSync;
      saved = null;
    }
  }
}

export interface C2paSignRequest {
  bytes: Uint8Array;
  format: C2paFormat;
  definition: Record<string, unknown>;
  signer: CoseSigner;
}
type SignHost = (req: C2paSignRequest) => Promise<Uint8Array>;
let signHost: SignHost | null = null;

/** A host may run signing elsewhere (the browser: a Web Worker, so hashing a long movie never blocks the page). */
export function useC2paSignHost(host: SignHost | null): void {
  signHost = host;
}

/** Embeds a signed C2PA manifest (PNG: a caBX chunk after IHDR; MP4: a C2PA uuid box after ftyp). */
export function signC2pa(bytes: Uint8Array, format: C2paFormat, definition: Record<string, unknown>, signer: CoseSigner): Promise<Uint8Array> {
  return signHost ? signHost({ bytes, format, definition, signer }) : signC2paHere({ bytes, format, definition, signer });
}

export async function signC2paHere({ bytes, format, definition, signer }: C2paSignRequest): Promise<Uint8Array> {
  await ensureC2pa();
  const reserveSize = coseReserveSize(signer.chain);
  // c2pa-rs re-reads what it wrote; our CA is not on any trust list, so that check would refuse the file
  const context = JSON.stringify({ verify: { verify_after_sign: false } });
  const builder = WasmBuilder.fromJson(JSON.stringify(definition), context);
  try {
    return await withSyncReader(() =>
      builder.sign({ alg: 'es256', reserveSize, sign: async (claim: Uint8Array) => (await coseSign1(claim, signer, reserveSize)) as Uint8Array<ArrayBuffer> }, [], format, new BytesBlob(bytes)),
    );
  } finally {
    builder.free();
  }
}

export interface C2paStatusCode {
  code: string;
  explanation: string;
}

export interface C2paReport {
  /** c2pa-rs's verdict: Invalid, Valid (all checks pass but trust), Trusted */
  state: 'Invalid' | 'Valid' | 'Trusted' | string;
  failure: C2paStatusCode[];
  informational: C2paStatusCode[];
  success: string[];
  /** the active manifest's actions and their IPTC digitalSourceType */
  actions: { action: string; digitalSourceType: string | null; layerId: string | null }[];
  signer: { issuer: string | null; commonName: string | null; alg: string | null };
  claimGenerator: string | null;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const codes = (v: unknown): C2paStatusCode[] =>
  Array.isArray(v) ? v.map((s: Json) => ({ code: String(s?.code ?? ''), explanation: String(s?.explanation ?? '') })) : [];

/**
 * Reads and validates the manifest store of a file. `trustAnchorsPem` (optional) are CA certificates the caller
 * trusts; without them a manifest signed by a local CA comes back Valid with signingCredential.untrusted.
 * Throws when the file has no readable C2PA manifest.
 */
export async function readC2pa(bytes: Uint8Array, format: C2paFormat, trustAnchorsPem?: string): Promise<C2paReport> {
  await ensureC2pa();
  const context = trustAnchorsPem ? JSON.stringify({ trust: { user_anchors: trustAnchorsPem } }) : null;
  const reader = await WasmReader.fromBytes(format, bytes, context);
  try {
    const store = reader.manifestStore() as Json;
    const results = ((store.validation_results as Json | undefined)?.activeManifest ?? {}) as Json;
    const active = ((store.manifests as Json | undefined)?.[String(store.active_manifest)] ?? {}) as Json;
    const sig = (active.signature_info ?? {}) as Json;
    const assertions = Array.isArray(active.assertions) ? (active.assertions as Json[]) : [];
    const actions = assertions
      .filter((a) => typeof a.label === 'string' && (a.label as string).startsWith('c2pa.actions'))
      .flatMap((a) => (((a.data as Json | undefined)?.actions as Json[] | undefined) ?? []))
      .map((a) => ({
        action: String(a.action ?? ''),
        digitalSourceType: str(a.digitalSourceType),
        layerId: str(((a.parameters as Json | undefined)?.[C2PA_LAYER_PARAMS] as Json | undefined)?.layerId),
      }));
    const gen = Array.isArray(active.claim_generator_info) ? (active.claim_generator_info as Json[])[0] : undefined;
    return {
      state: String(store.validation_state ?? 'Invalid'),
      failure: codes(results.failure),
      informational: codes(results.informational),
      success: codes(results.success).map((c) => c.code),
      actions,
      signer: { issuer: str(sig.issuer), commonName: str(sig.common_name), alg: str(sig.alg) },
      claimGenerator: gen ? [str(gen.name), str(gen.version)].filter(Boolean).join(' ') : null,
    };
  } finally {
    reader.free();
  }
}

/** Failures that say the manifest is broken, not merely signed by a credential no trust list vouches for. */
export function c2paIntegrityFailures(r: C2paReport): C2paStatusCode[] {
  return r.failure.filter((f) => f.code !== 'signingCredential.untrusted');
}
