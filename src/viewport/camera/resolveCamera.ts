// Which camera the look-through view shows: the one asked for, else the selected camera, else the
// camera of the first shot, else any camera. Null when the scene has none.
import type { Camera, Scene } from '../../core/document';

export function resolveLookThroughCamera(scene: Scene, requestedId: string | null, selection: readonly string[]): Camera | null {
  const asCam = (id: string | null | undefined) => {
    const o = id ? scene.objects[id] : undefined;
    return o?.type === 'camera' ? o : null;
  };
  const requested = asCam(requestedId);
  if (requested) return requested;
  for (const id of selection) {
    const c = asCam(id);
    if (c) return c;
  }
  for (const shotId of scene.shotOrder) {
    const c = asCam(scene.shots[shotId]?.cameraId);
    if (c) return c;
  }
  return Object.values(scene.objects).find((o): o is Camera => o.type === 'camera') ?? null;
}
