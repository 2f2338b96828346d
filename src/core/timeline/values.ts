// Keyframe values: a number, a vector (position, rotation…), or named channels (a pose: joint → Euler XYZ).
// Blending and path access live here so tracks never care what shape they animate.
import type { Keyframe } from '../document/schema';

export type KeyValue = Keyframe['value'];
export type Channels = Record<string, number[]>;

export const isChannels = (v: unknown): v is Channels =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// a·(1−t) + b·t rather than a + (b−a)·t: b−a overflows for keys near the float range, the weighted sum does not
const lerp = (a: number, b: number, t: number) => (a === b ? a : t === 1 ? b : a * (1 - t) + b * t);

/**
 * a + (b − a)·t, component-wise. Shapes must match; a vector of another length keeps a's extra
 * components. A joint missing from one pose counts as the rest pose (zeros), since poses are relative to rest.
 */
export function blendValues(a: KeyValue, b: KeyValue, t: number): KeyValue {
  if (typeof a === 'number') return typeof b === 'number' ? lerp(a, b, t) : a;
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return a;
    return a.map((v, i) => lerp(v, b[i] ?? v, t));
  }
  if (!isChannels(b)) return a;
  const out: Channels = {};
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const name of [...names].sort()) {
    const va = a[name];
    const vb = b[name];
    const len = Math.max(va?.length ?? 0, vb?.length ?? 0);
    const row: number[] = [];
    for (let i = 0; i < len; i++) row.push(lerp(va?.[i] ?? 0, vb?.[i] ?? 0, t));
    out[name] = row;
  }
  return out;
}

/** The value at a dotted path ("lens.focalLengthMm") of a plain object, or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A copy of obj with the value at path replaced; every object along the path is copied, nothing mutated. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const parts = path.split('.');
  const rec = (cur: unknown, i: number): unknown => {
    const key = parts[i]!;
    const base = (typeof cur === 'object' && cur !== null ? cur : {}) as Record<string, unknown>;
    const next = i === parts.length - 1 ? value : rec(base[key], i + 1);
    return { ...base, [key]: next };
  };
  return rec(obj, 0) as T;
}

/** True when a keyed value has the same shape as the property it drives (number ↔ number, vec of same length). */
export function sameShape(current: unknown, value: KeyValue): boolean {
  if (typeof current === 'number') return typeof value === 'number';
  if (Array.isArray(current)) return Array.isArray(value) && value.length === current.length;
  if (isChannels(current)) return isChannels(value);
  return false;
}

/** Deep copy of a key value that the caller may keep (values from the document are frozen-safe). */
export function cloneValue(v: KeyValue): KeyValue {
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return [...v];
  const out: Channels = {};
  for (const [k, row] of Object.entries(v)) out[k] = [...row];
  return out;
}
