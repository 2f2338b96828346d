// copyRecord stands in for `{ ...record }` on the hot paths of local and remote edits: it must be the same copy.
import { describe, expect, it } from 'vitest';
import { copyRecord, own } from './names';

describe('copyRecord', () => {
  it('is a new plain object with the same own keys, order and values as a spread copy', () => {
    const big: Record<string, { n: number }> = {};
    for (let i = 0; i < 700; i++) big[`obj_${(i * 37) % 700}`] = { n: i };
    delete big.obj_5; // a removed object, as after a delete
    for (const record of [{}, { b: { n: 1 }, a: { n: 2 }, '10': { n: 3 }, '2': { n: 4 } }, big]) {
      const copy = copyRecord(record);
      expect(copy).not.toBe(record);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.keys(copy)).toEqual(Object.keys({ ...record }));
      for (const k of Object.keys(record)) expect(copy[k]).toBe(record[k as keyof typeof record]);
      expect(copy).toStrictEqual({ ...record });
    }
  });

  it('leaves the original untouched when the copy is edited', () => {
    const record: Record<string, number> = { a: 1, b: 2 };
    const copy = copyRecord(record);
    copy.c = 3;
    delete copy.a;
    expect(record).toEqual({ a: 1, b: 2 });
    expect(copy).toEqual({ b: 2, c: 3 });
  });

  it('keeps a "__proto__" entry as an own entry, as spread does, and the copy still answers inherited methods', () => {
    const record = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, number>;
    const copy = copyRecord(record);
    expect(own(copy, '__proto__')).toBe(1);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.hasOwnProperty('a')).toBe(true);
  });
});
