// Which plate is a camera's background, and how it fills the delivery frame: scaled to cover it, centred,
// cropped on the long side and never stretched (a plate shot for a wider frame loses its sides, not its
// proportions). Pure: no three, no store.
import type { Plate, Project } from '../../core/document';

/** The plate camera `cameraId` of `sceneId` names as its background, if it names one that exists. */
export function backgroundPlateOf(project: Project, sceneId: string, cameraId: string): Plate | null {
  const objects = project.scenes[sceneId]?.objects;
  const cam = objects?.[cameraId];
  if (cam?.type !== 'camera' || !cam.backgroundPlateId) return null;
  const plate = objects?.[cam.backgroundPlateId];
  return plate?.type === 'plate' ? plate : null;
}

/** The part of the plate that shows, as fractions of its width and height (each in (0, 1]). */
export function coverScale(plateAspect: number, frameAspect: number): [number, number] {
  if (!(plateAspect > 0) || !(frameAspect > 0)) return [1, 1];
  return plateAspect > frameAspect ? [frameAspect / plateAspect, 1] : [1, plateAspect / frameAspect];
}

/** Where a point of the frame (u, v in 0..1, any origin) samples the plate, in the same convention. */
export function plateUvAt(u: number, v: number, plateAspect: number, frameAspect: number): [number, number] {
  const [sx, sy] = coverScale(plateAspect, frameAspect);
  return [0.5 + (u - 0.5) * sx, 0.5 + (v - 0.5) * sy];
}

/** A viewport-fraction rect (y down from the top) as NDC corners [x0, y0, x1, y1] (y up, bottom-left first). */
export function ndcRect(r: { x: number; y: number; width: number; height: number }): [number, number, number, number] {
  return [r.x * 2 - 1, 1 - (r.y + r.height) * 2, (r.x + r.width) * 2 - 1, 1 - r.y * 2];
}
