// `[` / `]` on a camera: the next lens in its set. Pure: takes and returns plain lens data.
import { DEFAULT_LENS_SET_BY_SQUEEZE, LENS_SETS, lensSet, stepFocalLength, nearestFocalLength, type LensSet } from './lensSets';

export interface SteppableLens {
  focalLengthMm: number;
  lensSetId: string | null;
  kind?: 'spherical' | 'anamorphic';
  squeeze?: number;
}

/** The set a camera without one steps through: the generic prime set matching its squeeze. */
export function defaultLensSetFor(lens: SteppableLens): LensSet {
  const squeeze = lens.kind === 'anamorphic' ? (lens.squeeze ?? 1) : 1;
  const id = DEFAULT_LENS_SET_BY_SQUEEZE.find(([sq]) => Math.abs(sq - squeeze) < 1e-6)?.[1];
  const match = (id ? lensSet(id) : undefined) ?? LENS_SETS.find((s) => s.kind === 'prime' && Math.abs(s.squeeze - squeeze) < 1e-6);
  return match ?? lensSet('primes-s35')!;
}

export type StepResult =
  | { ok: true; focalLengthMm: number; set: LensSet; changed: boolean }
  | { ok: false; error: string };

export function stepLens(lens: SteppableLens, direction: 1 | -1): StepResult {
  // no set chosen yet: step through the standard primes for its squeeze (the caller records that set)
  const set = lens.lensSetId === null ? defaultLensSetFor(lens) : lensSet(lens.lensSetId);
  if (!set) {
    return { ok: false, error: `lens: unknown lens set "${lens.lensSetId}"; pick a set in the camera inspector` };
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
