// Which keys get a marker on screen. A hand-made track may hold up to 100,000 keys (the schema's maximum); drawing a
// button or a sphere for each would stall the page, and no screen shows more than one marker per pixel column anyway.
// So at most `max` markers: the keys inside the range, one per equal slice of it (the first key of each slice).
import type { Keyframe } from '../document/schema';

export const MAX_KEY_MARKERS = 1000;

export function keyMarkers<K extends Pick<Keyframe, 'frame'>>(keys: readonly K[], frameIn: number, frameOut: number, max = MAX_KEY_MARKERS): K[] {
  if (keys.length <= max) return keys.slice();
  const span = Math.max(1e-9, frameOut - frameIn);
  const taken = new Set<number>();
  const out: K[] = [];
  for (const k of keys) {
    if (k.frame < frameIn || k.frame > frameOut) continue;
    const slice = Math.min(max - 1, Math.floor(((k.frame - frameIn) / span) * max));
    if (taken.has(slice)) continue;
    taken.add(slice);
    out.push(k);
  }
  return out;
}
