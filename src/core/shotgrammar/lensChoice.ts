// Which focal length a described shot gets: the asked millimetres exactly, or a name (wide / normal / long)
// or the size's usual lens, snapped to the camera's lens set. Normal is the image diagonal of the delivery
// frame on the sensor (the photographic "normal lens"); wide is about half of it, long about two and a half.
import { cameraFieldOfView, defaultLensSetFor, lensSet, nearestFocalLength, setHasFocalLength, stepFocalLength, type LensSet } from '../lens';
import type { Camera } from '../document/schema';
import type { LensRequest } from './description';

export interface LensChoice {
  mm: number;
  /** the set the camera keeps, or null when the asked focal length is not in it */
  lensSetId: string | null;
  set: LensSet;
  asked: boolean;
  warning?: string;
}

export function cameraLensSet(template: Camera): LensSet {
  return lensSet(template.lens.lensSetId) ?? defaultLensSetFor(template.lens);
}

export function normalFocalLength(template: Camera): number {
  const area = cameraFieldOfView(template).area;
  return Math.hypot(area.widthMm, area.heightMm);
}

export function chooseLens(template: Camera, req: LensRequest | undefined, sizeDefaultMm: number): LensChoice {
  const set = cameraLensSet(template);
  const keepId = template.lens.lensSetId ?? set.id;
  if (req && 'mm' in req) {
    if (setHasFocalLength(set, req.mm)) return { mm: req.mm, lensSetId: keepId, set, asked: true };
    return { mm: req.mm, lensSetId: null, set, asked: true, warning: `${req.mm} mm is not in ${set.name}; the camera keeps ${req.mm} mm without a lens set` };
  }
  const normal = normalFocalLength(template);
  const want = req ? { wide: normal * 0.55, normal, long: normal * 2.5 }[req.name] : sizeDefaultMm;
  return { mm: nearestFocalLength(set, want), lensSetId: keepId, set, asked: !!req };
}

/** The next longer lens in the set, or null at its end (for over-the-shoulders that need more reach). */
export function longerLens(choice: LensChoice): LensChoice | null {
  const next = stepFocalLength(choice.set, choice.mm, 1);
  return next > choice.mm ? { ...choice, mm: next } : null;
}
