// A small DER (X.690) writer: just the types an X.509 certificate of ours needs. Definite lengths, minimal
// integer encodings — the rules a strict parser (x509-parser in c2pa-rs) enforces.

import { toB64 } from '../../util/base64';

export type Der = Uint8Array;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

export function tlv(tag: number, ...content: Uint8Array[]): Der {
  const len = content.reduce((n, c) => n + c.length, 0);
  const head = [tag, ...lengthBytes(len)];
  const out = new Uint8Array(head.length + len);
  out.set(head, 0);
  let o = head.length;
  for (const c of content) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export const seq = (...items: Der[]): Der => tlv(0x30, ...items);
export const set = (...items: Der[]): Der => tlv(0x31, ...items);
export const octets = (b: Uint8Array): Der => tlv(0x04, b);
export const utf8String = (s: string): Der => tlv(0x0c, new TextEncoder().encode(s));
export const bool = (v: boolean): Der => tlv(0x01, new Uint8Array([v ? 0xff : 0]));
/** [n] EXPLICIT (constructed, context-specific) */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner);
/** [n] IMPLICIT primitive, e.g. the AuthorityKeyIdentifier's keyIdentifier */
export const implicitPrimitive = (n: number, content: Uint8Array): Der => tlv(0x80 | n, content);

/** Unsigned big-endian magnitude as a DER INTEGER (leading zeros stripped, a 0x00 added when the top bit is set). */
export function unsignedInt(magnitude: Uint8Array): Der {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const body = magnitude.subarray(i);
  return (body[0] ?? 0) & 0x80 ? tlv(0x02, new Uint8Array([0]), body) : tlv(0x02, body.length ? body : new Uint8Array([0]));
}

export const smallInt = (n: number): Der => unsignedInt(new Uint8Array([n]));

export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isInteger(a) || a < 0)) throw new Error(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (v: number) => {
    const b: number[] = [v & 0x7f];
    for (v = Math.floor(v / 128); v > 0; v = Math.floor(v / 128)) b.unshift(0x80 | (v & 0x7f));
    out.push(...b);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  return tlv(0x06, new Uint8Array(out));
}

/** BIT STRING holding whole bytes (a public key, a signature). */
export const bitString = (bytes: Uint8Array): Der => tlv(0x03, new Uint8Array([0]), bytes);

/** Named-bit BIT STRING (KeyUsage): bit 0 is the most significant bit; trailing zero bits are dropped. */
export function namedBits(bits: readonly number[]): Der {
  const max = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(max / 8) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  const unused = 7 - (max & 7);
  return tlv(0x03, new Uint8Array([unused]), bytes);
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5), seconds precision, Zulu. */
export function time(d: Date): Der {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = d.getUTCFullYear();
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const enc = new TextEncoder();
  return y < 2050 ? tlv(0x17, enc.encode(`${p(y % 100)}${rest}`)) : tlv(0x18, enc.encode(`${p(y, 4)}${rest}`));
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = toB64(der).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

export function fromPem(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    const bin = atob((m[1] ?? '').replace(/\s+/g, ''));
    out.push(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  }
  return out;
}
