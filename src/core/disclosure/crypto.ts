// SHA-256 and ECDSA P-256 through WebCrypto (browsers and Node 20 alike). Signatures are the raw IEEE P1363
// r‖s form WebCrypto produces, base64url-encoded. Keys are named by their RFC 7638 JWK thumbprint.
import { canonicalize } from './canonical';
import { sha256, sha256Hex, toHex } from '../util/sha256';
export { sha256, sha256Hex, toHex } from '../util/sha256';

export interface PublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** Anything that can sign for one key: a browser key in IndexedDB, a test key, a CI key. */
export interface Signer {
  keyId: string;
  publicKeyJwk: PublicKeyJwk;
  sign(data: Uint8Array): Promise<string>;
}

const ECDSA_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available here (the page must be served over https or localhost)');
  return s;
}

/** A copy backed by a plain ArrayBuffer, which is what WebCrypto's typings ask for. */
function own(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(data);
}

export const utf8 = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);


export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new Error('not lowercase hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) s += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) s += B64[n & 63]!;
  }
  return s;
}

export function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  // the last character may carry unused low bits; they must be zero, or two texts would decode to the same
  // bytes and a changed character in a signature would go unnoticed
  const spare = (s.length * 6) % 8;
  if (spare && (B64.indexOf(s[s.length - 1]!) & ((1 << spare) - 1)) !== 0) throw new Error('not canonical base64url');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of s) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}


/** SHA-256 of the canonical JSON of a value: the content hash of any record or document object. */
export async function hashCanonical(value: unknown): Promise<string> {
  return sha256Hex(canonicalize(value));
}

export function isPublicKeyJwk(v: unknown): v is PublicKeyJwk {
  const j = v as Partial<PublicKeyJwk> | null;
  return !!j && j.kty === 'EC' && j.crv === 'P-256' && typeof j.x === 'string' && typeof j.y === 'string';
}

/** RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url. */
export async function keyIdOf(jwk: PublicKeyJwk): Promise<string> {
  return toBase64Url(await sha256(canonicalize({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })));
}

export async function generateKeyPair(extractablePrivateKey = false): Promise<CryptoKeyPair> {
  // the public half is always exportable (WebCrypto ignores `extractable` for it); the private half is not
  return (await subtle().generateKey(ECDSA_KEY, extractablePrivateKey, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function exportPublicJwk(key: CryptoKey): Promise<PublicKeyJwk> {
  const jwk = await subtle().exportKey('jwk', key);
  if (!isPublicKeyJwk(jwk)) throw new Error('not an EC P-256 public key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

// ECDSA signatures are malleable: (r, s) and (r, n − s) both verify. We sign with the low s and accept only
// the low s, so each signed entry has exactly one valid signature text.
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = P256_N >> 1n;
const toBig = (b: Uint8Array) => BigInt(`0x${toHex(b) || '0'}`);

function isLowS(sig: Uint8Array): boolean {
  const sv = toBig(sig.subarray(32));
  return sv > 0n && sv <= HALF_N;
}

function lowS(sig: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (isLowS(sig)) return sig;
  const flipped = (P256_N - toBig(sig.subarray(32))).toString(16).padStart(64, '0');
  const out = new Uint8Array(64);
  out.set(sig.subarray(0, 32));
  out.set(fromHex(flipped), 32);
  return out;
}

export async function signerFromKeyPair(pair: CryptoKeyPair): Promise<Signer> {
  const publicKeyJwk = await exportPublicJwk(pair.publicKey);
  const keyId = await keyIdOf(publicKeyJwk);
  return {
    keyId,
    publicKeyJwk,
    async sign(data) {
      return toBase64Url(lowS(new Uint8Array(await subtle().sign(ECDSA_SIGN, pair.privateKey, own(data)))));
    },
  };
}

/** A signer for tests and tools: a fresh non-extractable key held in memory. */
export async function generateSigner(): Promise<Signer> {
  return signerFromKeyPair(await generateKeyPair(false));
}

export async function verifySignature(jwk: PublicKeyJwk, data: Uint8Array, signature: string): Promise<boolean> {
  let sig: Uint8Array<ArrayBuffer>;
  try {
    sig = fromBase64Url(signature);
  } catch {
    return false;
  }
  if (sig.length !== 64 || !isLowS(sig)) return false;
  try {
    return await subtle().verify(ECDSA_SIGN, await verifyKey(jwk), sig, own(data));
  } catch {
    return false;
  }
}

// importing a JWK costs about as much as a verification; a chain signed by a handful of people reuses them
const imported = new Map<string, Promise<CryptoKey>>();
function verifyKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  const id = `${jwk.x}.${jwk.y}`;
  let k = imported.get(id);
  if (!k) {
    if (imported.size > 256) imported.clear();
    k = subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, ECDSA_KEY, false, ['verify']);
    imported.set(id, k);
    k.catch(() => imported.delete(id));
  }
  return k;
}
