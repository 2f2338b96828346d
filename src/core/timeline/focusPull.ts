// Baking a followed focus into keys, as a focus puller's marks: the live "focus follows the target" distance at
// every frame of a range, thinned to the keys a linear pull needs (within 5 mm), then the follow turned
// off. For handing the pull to tools that read keys (an exported scene, another package), or to adjust it by hand.
import type { Camera, Project } from '../document/schema';
import type { Edit } from '../document/commands';
import { updateObject } from '../document/commands';
import { evaluateObject } from './evaluate';
import { findTrack, setKey } from './keys';

/** Indices of the points a polyline through (frame, value) keeps within `tolerance` (Ramer–Douglas–Peucker). */
function thin(points: readonly [number, number][], tolerance: number): number[] {
  const keep = new Set<number>([0, points.length - 1]);
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [fa, va] = points[a]!;
    const [fb, vb] = points[b]!;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [f, v] = points[i]!;
      const err = Math.abs(v - (va + ((vb - va) * (f - fa)) / (fb - fa)));
      if (err > worst) {
        worst = err;
        at = i;
      }
    }
    if (at >= 0 && worst > tolerance) {
      keep.add(at);
      stack.push([a, at], [at, b]);
    }
  }
  return [...keep].sort((x, y) => x - y);
}

/**
 * The followed focus of `cameraId` over frames [from, to] as linear focus keys (within `toleranceM`, 5 mm by default: far inside any depth of field a previs lens has), and the
 * follow switched off, as one edit. Existing focus keys in the range are replaced. Throws when the camera has no
 * aim with focus following.
 */
export function bakeFocusPull(project: Project, sceneId: string, cameraId: string, from: number, to: number, toleranceM = 0.005): Edit {
  const first = Math.round(Math.min(from, to));
  const last = Math.round(Math.max(from, to));
  const cam = project.scenes[sceneId]?.objects[cameraId];
  if (cam?.type !== 'camera' || !cam.aim?.followFocus) throw new Error('only a camera whose focus follows its aim target has a pull to key');
  const points: [number, number][] = [];
  for (let f = first; f <= last; f++) points.push([f, (evaluateObject(project, sceneId, cameraId, f) as Camera).lens.focusDistanceM]);
  const keys = thin(points, toleranceM).map((i) => points[i]!);
  return (p) => {
    let q = updateObject<Camera>(sceneId, cameraId, (c) => (c.aim ? { ...c, aim: { ...c.aim, followFocus: false } } : c))(p);
    const existing = findTrack(q.scenes[sceneId]!, cameraId, 'lens.focusDistanceM');
    if (existing) {
      const kept = existing.keys.filter((k) => k.frame < first || k.frame > last);
      q = { ...q, scenes: { ...q.scenes, [sceneId]: { ...q.scenes[sceneId]!, tracks: { ...q.scenes[sceneId]!.tracks, [existing.id]: { ...existing, keys: kept } } } } };
    }
    for (const [frame, value] of keys) q = setKey(sceneId, cameraId, 'lens.focusDistanceM', { frame, value, interp: 'linear' })(q);
    return q;
  };
}
