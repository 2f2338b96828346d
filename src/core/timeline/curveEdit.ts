// The curve editor's pure side: which numeric channels a scene has (a number track is one channel, a vector
// track one per component), sampling a channel through the same evaluator the viewport uses, the bounds
// that frame every key, and the key drag as an absolute edit — computed from the keys as they were when the
// drag began, so re-applying it on every pointer move inside a gesture lands on the same result and the
// whole drag is one undo step.
import type { Keyframe, Scene, Track } from '../document/schema';
import type { Edit } from '../document/commands';
import { editScene } from '../document/commands';
import { animatableProperty, clampNumber } from './properties';
import { evaluateTrack } from './track';

export interface Channel {
  trackId: string;
  /** component of a vector track (0 = X…), null for a number track */
  component: number | null;
  objectId: string;
  label: string;
}

const AXES = ['X', 'Y', 'Z', 'W'];

/** Every channel a curve can show, in the order of the scene's objects' names. */
export function numericChannels(scene: Scene): Channel[] {
  const out: Channel[] = [];
  const tracks = Object.values(scene.tracks).sort((a, b) => {
    const na = scene.objects[a.targetId]?.name ?? '';
    const nb = scene.objects[b.targetId]?.name ?? '';
    return na.localeCompare(nb) || a.property.localeCompare(b.property) || a.id.localeCompare(b.id);
  });
  for (const t of tracks) {
    const o = scene.objects[t.targetId];
    const first = t.keys[0]?.value;
    if (!o || first === undefined) continue;
    const prop = animatableProperty(o.type, t.property);
    const name = `${o.name} · ${prop?.label ?? t.property}`;
    if (typeof first === 'number') out.push({ trackId: t.id, component: null, objectId: o.id, label: name });
    else if (Array.isArray(first)) {
      first.forEach((_, i) => out.push({ trackId: t.id, component: i, objectId: o.id, label: `${name} ${AXES[i] ?? i}` }));
    }
  }
  return out;
}

export const channelId = (c: Pick<Channel, 'trackId' | 'component'>) => `${c.trackId}:${c.component ?? '-'}`;

/** The channel's number out of a key value (NaN when the value has another shape). */
export function channelValue(value: Keyframe['value'], component: number | null): number {
  if (component === null) return typeof value === 'number' ? value : NaN;
  return Array.isArray(value) ? (value[component] ?? NaN) : NaN;
}

/** The channel evaluated at `count` evenly spaced frames from f0 to f1 (inclusive), as [frame, value] pairs. */
export function sampleChannel(track: Pick<Track, 'keys'>, component: number | null, f0: number, f1: number, count: number): [number, number][] {
  const n = Math.max(2, Math.floor(count));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const f = f0 + ((f1 - f0) * i) / (n - 1);
    const v = evaluateTrack(track, f);
    if (v !== undefined) out.push([f, channelValue(v, component)]);
  }
  return out;
}

export interface CurveBounds {
  f0: number;
  f1: number;
  v0: number;
  v1: number;
}

/** Frame-all: the keys' frame span and the curve's value range (overshoot of eases included), with margins. */
export function frameAll(track: Pick<Track, 'keys'>, component: number | null, margin = 0.08): CurveBounds {
  const frames = track.keys.map((k) => k.frame);
  let f0 = frames.length ? Math.min(...frames) : 0;
  let f1 = frames.length ? Math.max(...frames) : 24;
  if (f1 - f0 < 2) {
    f0 -= 12;
    f1 += 12;
  }
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const [, v] of sampleChannel(track, component, f0, f1, 200)) {
    if (!Number.isFinite(v)) continue;
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
  }
  if (!Number.isFinite(v0)) {
    v0 = 0;
    v1 = 1;
  }
  if (v1 - v0 < 1e-6) {
    const pad = Math.max(1, Math.abs(v0) * 0.1);
    v0 -= pad;
    v1 += pad;
  }
  const df = (f1 - f0) * margin;
  const dv = (v1 - v0) * margin;
  return { f0: f0 - df, f1: f1 + df, v0: v0 - dv, v1: v1 + dv };
}

export interface KeyDrag {
  sceneId: string;
  trackId: string;
  component: number | null;
  /** the track's keys when the drag began */
  original: readonly Keyframe[];
  from: number;
}

/**
 * The key picked at drag start moved to frame `to` (rounded) with the channel set to `value` (clamped to the
 * property's range). A key already at `to` is replaced while the drag rests there and comes back when the
 * drag moves on, since every call starts again from the original keys.
 */
export function dragKeyEdit(d: KeyDrag, to: number, value: number): Edit {
  return (p) =>
    editScene(p, d.sceneId, (s) => {
      const t = s.tracks[d.trackId];
      const key = d.original.find((k) => k.frame === d.from);
      const obj = t ? s.objects[t.targetId] : undefined;
      if (!t || !key || !obj) return s;
      if (!Number.isFinite(to) || !Number.isFinite(value)) throw new Error('a key needs a finite frame and value');
      const v = clampNumber(value, animatableProperty(obj.type, t.property));
      const frame = Math.round(to);
      let nextValue: Keyframe['value'];
      if (d.component === null) {
        if (typeof key.value !== 'number') throw new Error(`${t.property} is not a single number`);
        nextValue = v;
      } else {
        if (!Array.isArray(key.value) || d.component >= key.value.length) throw new Error(`${t.property} has no component ${d.component}`);
        nextValue = key.value.map((x, i) => (i === d.component ? v : x));
      }
      const moved: Keyframe = { ...key, frame, value: nextValue };
      const keys = d.original.filter((k) => k.frame !== d.from && k.frame !== frame);
      keys.push(moved);
      keys.sort((a, b) => a.frame - b.frame);
      const same = keys.length === t.keys.length && keys.every((k, i) => k === t.keys[i] || sameKey(k, t.keys[i]));
      return same ? s : { ...s, tracks: { ...s.tracks, [t.id]: { ...t, keys } } };
    });
}

function sameKey(a: Keyframe, b: Keyframe | undefined): boolean {
  if (!b || a.frame !== b.frame || a.interp !== b.interp) return false;
  if (JSON.stringify(a.value) !== JSON.stringify(b.value)) return false;
  return JSON.stringify(a.ease ?? null) === JSON.stringify(b.ease ?? null);
}
