// The few CBOR (RFC 8949) shapes a COSE_Sign1 needs: unsigned and negative integers, byte and text strings,
// arrays, maps in the order given, one tag, null. Definite lengths only, shortest heads (deterministic).

export type CborValue = number | string | Uint8Array | null | CborValue[] | CborMap | CborTag;
export class CborMap {
  constructor(readonly entries: readonly (readonly [CborValue, CborValue])[]) {}
}
export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

function head(out: number[], major: number, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`CBOR: length/value ${n} out of range`);
  const m = major << 5;
  if (n < 24) out.push(m | n);
  else if (n < 0x100) out.push(m | 24, n);
  else if (n < 0x10000) out.push(m | 25, n >>> 8, n & 0xff);
  else out.push(m | 26, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

function bytesInto(out: number[], b: Uint8Array): void {
  for (let i = 0; i < b.length; i++) out.push(b[i] as number);
}

const te = new TextEncoder();

function encodeInto(out: number[], v: CborValue): void {
  if (v === null) out.push(0xf6);
  else if (typeof v === 'number') {
    if (v >= 0) head(out, 0, v);
    else head(out, 1, -1 - v);
  } else if (typeof v === 'string') {
    const b = te.encode(v);
    head(out, 3, b.length);
    bytesInto(out, b);
  } else if (v instanceof Uint8Array) {
    head(out, 2, v.length);
    bytesInto(out, v);
  } else if (Array.isArray(v)) {
    head(out, 4, v.length);
    for (const x of v) encodeInto(out, x);
  } else if (v instanceof CborMap) {
    head(out, 5, v.entries.length);
    for (const [k, x] of v.entries) {
      encodeInto(out, k);
      encodeInto(out, x);
    }
  } else {
    head(out, 6, v.tag);
    encodeInto(out, v.value);
  }
}

export function encodeCbor(v: CborValue): Uint8Array {
  const out: number[] = [];
  encodeInto(out, v);
  return new Uint8Array(out);
}
