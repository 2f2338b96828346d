// Names a file may use as ids and keys. Lookups such as `scene.objects[id]` go through the prototype chain, so an
// id that every JavaScript object already answers to ("toString", "constructor", "__proto__") would pass a
// "does it exist" test and then break whatever reads it; such names are refused when a file is read, and core
// lookups use own properties only.

/** Every name a plain object answers to without owning it, plus `__proto__`, whose assignment swaps prototypes. */
const INHERITED = new Set<string>([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype']);

export function isReservedName(name: string): boolean {
  return INHERITED.has(name);
}

/** The record's own entry for key, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * The path of the first object key `__proto__` anywhere in a parsed JSON value, or null. JSON.parse keeps such a
 * key as an own property, but any later copy by assignment would replace the copy's prototype instead, so the
 * entry would silently vanish or, worse, change what every lookup on that object finds. Iterative: no depth limit.
 */
export function findProtoKey(root: unknown): string | null {
  // only objects and arrays are queued (a 100,000-key track holds ten times more numbers than containers), and a
  // key is turned into text only for the path of a hit
  const values: object[] = [];
  const parents: number[] = [];
  const keys: (string | number)[] = [];
  if (typeof root === 'object' && root !== null) {
    values.push(root);
    parents.push(-1);
    keys.push('');
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) {
        const c: unknown = v[k];
        if (typeof c !== 'object' || c === null) continue;
        values.push(c);
        parents.push(i);
        keys.push(k);
      }
      continue;
    }
    for (const k of Object.keys(v)) {
      if (k === '__proto__') {
        const path: string[] = [];
        for (let j = i; j > 0; j = parents[j]!) path.push(String(keys[j]));
        return path.reverse().join('.') || 'file';
      }
      const c: unknown = (v as Record<string, unknown>)[k];
      if (typeof c !== 'object' || c === null) continue;
      values.push(c);
      parents.push(i);
      keys.push(k);
    }
  }
  return null;
}

/**
 * A shallow copy of an id → record map, for an edit that replaces a few entries. Same own keys, order and values as
 * `{ ...record }`, built several times faster once a scene holds hundreds of objects: a map that large is a hash
 * table in V8, and spreading one into a literal first lays out a new hidden class per key before giving up on it,
 * whereas an object made without a prototype starts as a hash table. Every remote edit and most local ones copy the
 * scene's object map, so this is a live session's largest cost per edit. A key "__proto__" stays an own entry, as
 * with spread (the prototype is set after the copy).
 */
export function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const k of Object.keys(record)) out[k] = record[k]!;
  return Object.setPrototypeOf(out, Object.prototype) as Record<string, T>;
}
