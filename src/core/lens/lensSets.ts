// Lens sets as a camera department books them: a prime set is a list of focal lengths on the truck;
// a zoom is a range whose engraved marks are the stops `[` / `]` land on. Stepping always lands on a
// listed value, so a 35 never becomes 34.98.

export interface LensSet {
  id: string;
  name: string;
  kind: 'prime' | 'zoom';
  /** spherical lenses have squeeze 1 */
  squeeze: number;
  /** primes: every lens in the set; zooms: the engraved marks, min and max included. Ascending. */
  focalLengthsMm: readonly number[];
  /** widest T-stop of the set (the slowest lens in a prime set) */
  maxTStop: number;
}

// The focal lengths below follow the published line-ups of common rental sets; they are generic
// names on purpose (the project does not claim to model any maker's optics beyond focal length).
export const LENS_SETS: readonly LensSet[] = [
  {
    id: 'primes-s35',
    name: 'Spherical primes (S35 set)',
    kind: 'prime',
    squeeze: 1,
    focalLengthsMm: [14, 16, 18, 21, 25, 27, 32, 35, 40, 50, 65, 75, 100, 135, 150, 180],
    maxTStop: 2,
  },
  {
    id: 'primes-ff',
    name: 'Spherical primes (full-frame set)',
    kind: 'prime',
    squeeze: 1,
    focalLengthsMm: [15, 18, 21, 25, 29, 35, 40, 50, 65, 75, 85, 100, 125, 135, 200],
    maxTStop: 1.8,
  },
  {
    id: 'anamorphic-2x',
    name: '2× anamorphic primes',
    kind: 'prime',
    squeeze: 2,
    focalLengthsMm: [25, 32, 40, 50, 65, 75, 100, 135, 180],
    maxTStop: 2.3,
  },
  {
    id: 'anamorphic-1.5x',
    name: '1.5× anamorphic primes',
    kind: 'prime',
    squeeze: 1.5,
    focalLengthsMm: [28, 32, 40, 50, 75, 100, 135],
    maxTStop: 2.3,
  },
  {
    id: 'anamorphic-1.8x',
    name: '1.8× anamorphic primes',
    kind: 'prime',
    squeeze: 1.8,
    focalLengthsMm: [32, 40, 50, 75, 100],
    maxTStop: 2.3,
  },
  {
    id: 'anamorphic-1.3x',
    name: '1.3× anamorphic primes',
    kind: 'prime',
    squeeze: 1.3,
    focalLengthsMm: [24, 35, 50, 85],
    maxTStop: 2.3,
  },
  {
    id: 'zoom-24-290',
    name: 'Zoom 24–290',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [24, 28, 35, 40, 50, 65, 85, 100, 135, 180, 235, 290],
    maxTStop: 2.8,
  },
  {
    id: 'zoom-15-40',
    name: 'Zoom 15–40',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [15, 18, 21, 25, 30, 35, 40],
    maxTStop: 2.6,
  },
  {
    id: 'zoom-45-120',
    name: 'Zoom 45–120',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [45, 50, 60, 75, 90, 105, 120],
    maxTStop: 2.8,
  },
];

export function lensSet(id: string | null | undefined): LensSet | undefined {
  if (!id) return undefined;
  return LENS_SETS.find((s) => s.id === id);
}

/** The zoom's range, or the prime set's widest and longest lens. */
export function focalRange(set: LensSet): { minMm: number; maxMm: number } {
  const f = set.focalLengthsMm;
  return { minMm: f[0] ?? 0, maxMm: f[f.length - 1] ?? 0 };
}

/**
 * The next (`direction` +1, `]`) or previous (-1, `[`) listed focal length from `currentMm`.
 * From a value between two listed ones (a zoom parked off its marks) it goes to the neighbouring mark
 * in that direction. At either end it stays put. Returns exactly the listed number.
 */
export function stepFocalLength(set: LensSet, currentMm: number, direction: 1 | -1): number {
  const list = set.focalLengthsMm;
  // a tolerance so a value that came through a text field as 34.999999 still counts as the 35
  const eps = 1e-6;
  if (direction > 0) {
    for (const f of list) if (f > currentMm + eps) return f;
    return list[list.length - 1] ?? currentMm;
  }
  for (let i = list.length - 1; i >= 0; i--) {
    const f = list[i]!;
    if (f < currentMm - eps) return f;
  }
  return list[0] ?? currentMm;
}

/** Whether a focal length is available on this set (any value in range on a zoom, a listed one for primes). */
export function setHasFocalLength(set: LensSet, mm: number): boolean {
  if (set.kind === 'zoom') {
    const { minMm, maxMm } = focalRange(set);
    return mm >= minMm - 1e-9 && mm <= maxMm + 1e-9;
  }
  return set.focalLengthsMm.some((f) => Math.abs(f - mm) < 1e-9);
}

/** The listed focal length nearest to `mm` (used when switching a camera onto a new set). */
export function nearestFocalLength(set: LensSet, mm: number): number {
  let best = set.focalLengthsMm[0] ?? mm;
  for (const f of set.focalLengthsMm) if (Math.abs(f - mm) < Math.abs(best - mm)) best = f;
  return best;
}
