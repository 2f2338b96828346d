// Evaluating one track at a (possibly fractional) frame. Keys are kept sorted by frame by every edit;
// evaluation still tolerates unsorted keys from hand-edited files by sorting a copy.
import type { Keyframe, Track } from '../document/schema';
import { blendValues, type KeyValue } from './values';
import { cubicBezierEase, DEFAULT_EASE } from './curves';

// Key lists are never mutated (every edit makes a new one), so the order check and any sort are done once per list,
// not once per frame: a 100,000-key track from a hand-edited file would otherwise be sorted on every frame.
const sortedOnce = new WeakMap<readonly Keyframe[], readonly Keyframe[]>();

export function sortedKeys(keys: readonly Keyframe[]): readonly Keyframe[] {
  const known = sortedOnce.get(keys);
  if (known) return known;
  let out = keys;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]!.frame < keys[i - 1]!.frame) {
      out = [...keys].sort((a, b) => a.frame - b.frame);
      break;
    }
  }
  sortedOnce.set(keys, out);
  return out;
}

/** Index of the last key at or before frame, −1 if frame precedes every key. */
function segmentStart(keys: readonly Keyframe[], frame: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]!.frame <= frame) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Eased progress 0…1 through the segment a→b at frame, following a's interpolation. */
export function segmentProgress(a: Keyframe, b: Keyframe, frame: number): number {
  const span = b.frame - a.frame;
  if (span <= 0) return 1;
  const x = (frame - a.frame) / span;
  switch (a.interp) {
    case 'step':
      return 0;
    case 'linear':
      return x;
    case 'bezier':
      return cubicBezierEase(a.ease ?? DEFAULT_EASE, x);
  }
}

/** The track's value at frame: held before the first key and after the last, interpolated between. */
export function evaluateTrack(track: Pick<Track, 'keys'>, frame: number): KeyValue | undefined {
  const keys = sortedKeys(track.keys);
  if (keys.length === 0) return undefined;
  const i = segmentStart(keys, frame);
  if (i < 0) return keys[0]!.value;
  const a = keys[i]!;
  const b = keys[i + 1];
  if (!b || frame === a.frame) return a.value;
  return blendValues(a.value, b.value, segmentProgress(a, b, frame));
}
