// `[` / `]` on a camera: the next lens in its set. Pure: takes and returns plain lens data.
import { lensSet, stepFocalLength, nearestFocalLength, type LensSet } from './lensSets';

export interface SteppableLens {
  focalLengthMm: number;
  lensSetId: string | null;
}

export type StepResult =
  | { ok: true; focalLengthMm: number; set: LensSet; changed: boolean }
  | { ok: false; error: string };

export function stepLens(lens: SteppableLens, direction: 1 | -1): StepResult {
  const set = lensSet(lens.lensSetId);
  if (!set) {
    return {
      ok: false,
      error: lens.lensSetId
        ? `lens: unknown lens set "${lens.lensSetId}"; pick a set in the camera inspector`
        : 'lens: this camera has no lens set; pick one in the camera inspector to step with [ and ]',
    };
  }
  const next = stepFocalLength(set, lens.focalLengthMm, direction);
  return { ok: true, focalLengthMm: next, set, changed: next !== lens.focalLengthMm };
}

/** Moving a camera onto another set: the nearest focal length it offers, and its squeeze. */
export function switchLensSet(lens: SteppableLens, setId: string): { focalLengthMm: number; squeeze: number; kind: 'spherical' | 'anamorphic' } | null {
  const set = lensSet(setId);
  if (!set) return null;
  return {
    focalLengthMm: nearestFocalLength(set, lens.focalLengthMm),
    squeeze: set.squeeze,
    kind: set.squeeze > 1 ? 'anamorphic' : 'spherical',
  };
}
