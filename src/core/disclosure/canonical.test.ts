import { describe, expect, it } from 'vitest';
import { canonicalize, CanonicalJsonError } from './canonical';
import { fromBase64Url, sha256Hex, toBase64Url } from './crypto';

describe('canonical JSON (RFC 8785 style)', () => {
  it('matches the RFC 8785 sample: numbers, escapes, literals, key order', () => {
    const input = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 sample)', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // JSON.parse would re-order the integer-like key "1": read the keys off the text instead
    const keys = [...canonicalize(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('is independent of insertion order and nesting', () => {
    const a = { b: { y: 1, x: [3, { q: 1, p: 2 }] }, a: 'z' };
    const b = { a: 'z', b: { x: [3, { p: 2, q: 1 }], y: 1 } };
    expect(canonicalize(a)).toBe(canonicalize(b));
    expect(canonicalize(a)).toBe('{"a":"z","b":{"x":[3,{"p":2,"q":1}],"y":1}}');
  });

  it('writes numbers in shortest round-trip form', () => {
    expect(canonicalize([-0, 1.0, 100, 1e21, 1e-7, 0.1 + 0.2, -1.5e-300, 2 ** 53])).toBe(
      '[0,1,100,1e+21,1e-7,0.30000000000000004,-1.5e-300,9007199254740992]',
    );
  });

  it('keeps unicode as UTF-8, escapes only what JSON must', () => {
    expect(canonicalize('é漢😀\u2028\t\u0001')).toBe('"é漢😀\u2028\\t\\u0001"');
  });

  it('refuses what has no JSON form', () => {
    expect(() => canonicalize({ a: NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalize([Infinity])).toThrow(/Infinity/);
    expect(() => canonicalize({ d: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalize('\ud800x')).toThrow(/surrogate/);
    expect(() => canonicalize({ f: () => 1 })).toThrow(/function/);
  });

  it('drops undefined members like JSON.stringify, and hashes stably', async () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    const h1 = await sha256Hex(canonicalize({ x: 'ünï', n: 1.5 }));
    const h2 = await sha256Hex(canonicalize({ n: 1.50, x: 'ünï' }));
    expect(h1).toBe(h2);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('base64url round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const s = toBase64Url(bytes);
      expect(s).toBe(Buffer.from(bytes).toString('base64url'));
      expect([...fromBase64Url(s)]).toEqual([...bytes]);
    }
  });
});
