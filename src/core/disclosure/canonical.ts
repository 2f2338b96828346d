// Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace,
// numbers in ECMAScript shortest round-trip form, strings escaped as JSON.stringify does. The same value always
// gives the same bytes, which is what makes hashes and signatures over records reproducible anywhere.

export class CanonicalJsonError extends Error {}

export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, out, '$');
  return out.join('');
}

export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalize(value));
}

// A lone surrogate cannot be encoded as UTF-8; JCS refuses it rather than silently substituting U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(s: string, out: string[], path: string): void {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError(`${path}: string holds a lone surrogate`);
  out.push(JSON.stringify(s));
}

function write(v: unknown, out: string[], path: string): void {
  if (v === null) return void out.push('null');
  switch (typeof v) {
    case 'boolean':
      return void out.push(v ? 'true' : 'false');
    case 'number':
      if (!Number.isFinite(v)) throw new CanonicalJsonError(`${path}: ${v} has no JSON form`);
      // JSON.stringify of a finite number is ECMAScript Number::toString, exactly what JCS prescribes (-0 → 0)
      return void out.push(JSON.stringify(v));
    case 'string':
      return writeString(v, out, path);
    case 'object': {
      if (Array.isArray(v)) {
        out.push('[');
        v.forEach((item, i) => {
          if (i) out.push(',');
          // JSON.stringify turns holes and undefined in arrays into null; so do we
          write(item === undefined ? null : item, out, `${path}[${i}]`);
        });
        return void out.push(']');
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError(`${path}: ${proto?.constructor?.name ?? 'object'} is not plain JSON data`);
      }
      const obj = v as Record<string, unknown>;
      // default sort compares UTF-16 code units, the order RFC 8785 specifies
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      out.push('{');
      keys.forEach((k, i) => {
        if (i) out.push(',');
        writeString(k, out, path);
        out.push(':');
        write(obj[k], out, `${path}.${k}`);
      });
      return void out.push('}');
    }
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof v} has no JSON form`);
  }
}
