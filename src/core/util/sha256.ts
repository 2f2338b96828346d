// The one SHA-256 of the app: WebCrypto (Node 20, browsers, workers), or a faster digest a Node host plugs
// in (node:crypto hashes large buffers several times faster than its WebCrypto, which copies the input).
type Sha256Impl = (view: Uint8Array) => Uint8Array | Promise<Uint8Array>;
let impl: Sha256Impl | null = null;

/** Lets a host supply its own SHA-256 (the verify CLI uses node:crypto); null returns to WebCrypto. */
export function useSha256(f: Sha256Impl | null): void {
  impl = f;
}

/** WebCrypto wants an ArrayBuffer-backed view; a view on a SharedArrayBuffer is copied once. */
function digestable(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

function bytesOf(data: Uint8Array | ArrayBuffer | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data);
}

export async function sha256(data: Uint8Array | ArrayBuffer | string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = bytesOf(data);
  if (impl) return new Uint8Array(await impl(bytes)) as Uint8Array<ArrayBuffer>;
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', digestable(bytes)));
}

export async function sha256Hex(data: Uint8Array | ArrayBuffer | string): Promise<string> {
  return toHex(await sha256(data));
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] as number).toString(16).padStart(2, '0');
  return s;
}
