// Lens sets as a camera department books them: a prime set is the list of focal lengths on the truck;
// a zoom is a range, and `[` / `]` stop at its ends and at the common prime focal lengths inside it (the
// steps a director calls for; they are this app's convention, not marks engraved on the barrel).
// Stepping always lands on a listed value, so a 35 never becomes 34.98.

export interface LensSet {
  id: string;
  name: string;
  kind: 'prime' | 'zoom';
  /** spherical lenses have squeeze 1 */
  squeeze: number;
  /** primes: every lens in the set; zooms: the range ends and the steps between. Ascending. */
  focalLengthsMm: readonly number[];
  /** the slowest lens's widest T-stop (a prime set), or the zoom's widest T-stop */
  maxTStop: number;
  /** who makes it; absent for the generic sets */
  maker?: string;
  /** the image circle the set is designed for */
  coverage?: 'S16' | 'S35' | 'FF/LF' | '65';
  /** the published specification the focal lengths and stops are taken from */
  source?: string;
}

// Named sets: the focal lengths and widest stops are those the makers publish for each line-up (the
// `source` of each). The lenses' optics beyond focal length, squeeze and stop are not modelled.
const NAMED: LensSet[] = [
  {
    id: 'arri-signature-prime',
    name: 'ARRI Signature Prime',
    maker: 'ARRI',
    coverage: 'FF/LF',
    kind: 'prime',
    squeeze: 1,
    focalLengthsMm: [12, 15, 18, 21, 25, 29, 35, 40, 47, 58, 75, 95, 125, 150, 200, 280],
    // T1.8 throughout, except the 280 mm at T2.8
    maxTStop: 2.8,
    source: 'ARRI, "Signature Prime Lenses" technical data (arri.com › Cine Lenses › Signature Prime): 12–280 mm, T1.8 (280 mm T2.8)',
  },
  {
    id: 'arri-zeiss-master-prime',
    name: 'ARRI/ZEISS Master Prime',
    maker: 'ARRI / ZEISS',
    coverage: 'S35',
    kind: 'prime',
    squeeze: 1,
    focalLengthsMm: [12, 14, 16, 18, 21, 25, 27, 32, 35, 40, 50, 65, 75, 100, 135, 150],
    maxTStop: 1.3,
    source: 'ARRI, "ARRI/ZEISS Master Prime Lenses" technical data sheet: 12–150 mm, all T1.3',
  },
  {
    id: 'cooke-s4i',
    name: 'Cooke S4/i',
    maker: 'Cooke Optics',
    coverage: 'S35',
    kind: 'prime',
    squeeze: 1,
    focalLengthsMm: [12, 14, 16, 18, 21, 25, 27, 32, 35, 40, 50, 65, 75, 100, 135, 150, 180, 300],
    // T2 throughout, except the 300 mm at T2.8
    maxTStop: 2.8,
    source: 'Cooke Optics, "S4/i Prime Lenses" specification sheet (cookeoptics.com): 12–300 mm, T2.0 (300 mm T2.8)',
  },
  {
    id: 'zeiss-supreme-prime',
    name: 'ZEISS Supreme Prime',
    maker: 'ZEISS',
    coverage: 'FF/LF',
    kind: 'prime',
    squeeze: 1,
    focalLengthsMm: [15, 18, 21, 25, 29, 35, 50, 65, 85, 100, 135, 150, 200],
    // T1.5 throughout, except 15 mm and 150 mm at T1.8 and 200 mm at T2.2
    maxTStop: 2.2,
    source: 'ZEISS, "Supreme Prime lenses" technical specifications (zeiss.com › Cine lenses › Supreme Prime): 15–200 mm, T1.5 (15, 150 mm T1.8; 200 mm T2.2)',
  },
  {
    id: 'cooke-anamorphic-i',
    name: 'Cooke Anamorphic/i 2×',
    maker: 'Cooke Optics',
    coverage: 'S35',
    kind: 'prime',
    squeeze: 2,
    focalLengthsMm: [25, 32, 40, 50, 65, 75, 100, 135, 180, 300],
    // T2.3 throughout, except the 300 mm at T3.5 (the 65 mm is the macro)
    maxTStop: 3.5,
    source: 'Cooke Optics, "Anamorphic/i Prime Lenses" specification sheet (cookeoptics.com): 2× squeeze, 25–300 mm, T2.3 (300 mm T3.5)',
  },
  {
    id: 'arri-zeiss-master-anamorphic',
    name: 'ARRI/ZEISS Master Anamorphic 2×',
    maker: 'ARRI / ZEISS',
    coverage: 'S35',
    kind: 'prime',
    squeeze: 2,
    focalLengthsMm: [28, 35, 40, 50, 60, 75, 100, 135, 180],
    maxTStop: 1.9,
    source: 'ARRI, "ARRI/ZEISS Master Anamorphic Lenses" technical data: 2× squeeze, 28–180 mm, all T1.9',
  },
  {
    id: 'angenieux-optimo-24-290',
    name: 'Angénieux Optimo 24–290',
    maker: 'Angénieux',
    coverage: 'S35',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [24, 28, 32, 35, 40, 50, 65, 75, 100, 135, 150, 180, 200, 250, 290],
    maxTStop: 2.8,
    source: 'Angénieux, "Optimo 24-290" data sheet (angenieux.com): 24–290 mm, T2.8',
  },
  {
    id: 'angenieux-optimo-15-40',
    name: 'Angénieux Optimo 15–40',
    maker: 'Angénieux',
    coverage: 'S35',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [15, 18, 21, 25, 28, 32, 35, 40],
    maxTStop: 2.6,
    source: 'Angénieux, "Optimo 15-40" data sheet (angenieux.com): 15–40 mm, T2.6',
  },
  {
    id: 'angenieux-optimo-28-76',
    name: 'Angénieux Optimo 28–76',
    maker: 'Angénieux',
    coverage: 'S35',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [28, 32, 35, 40, 50, 65, 76],
    maxTStop: 2.6,
    source: 'Angénieux, "Optimo 28-76" data sheet (angenieux.com): 28–76 mm, T2.6',
  },
  {
    id: 'angenieux-optimo-45-120',
    name: 'Angénieux Optimo 45–120',
    maker: 'Angénieux',
    coverage: 'S35',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [45, 50, 65, 75, 85, 100, 120],
    maxTStop: 2.8,
    source: 'Angénieux, "Optimo 45-120" data sheet (angenieux.com): 45–120 mm, T2.8',
  },
  {
    id: 'fujinon-premista-28-100',
    name: 'FUJINON Premista 28–100',
    maker: 'FUJIFILM',
    coverage: 'FF/LF',
    kind: 'zoom',
    squeeze: 1,
    focalLengthsMm: [28, 32, 35, 40, 50, 65, 75, 85, 100],
    maxTStop: 2.9,
    source: 'FUJIFILM, "FUJINON Premista28-100mmT2.9" specifications (fujifilm.com › Cine lenses › Premista): 28–100 mm, T2.9, large-format coverage',
  },
  {
    id: 'angenieux-optimo-anamorphic-56-152',
    name: 'Angénieux Optimo Anamorphic 56–152 A2S',
    maker: 'Angénieux',
    coverage: 'S35',
    kind: 'zoom',
    squeeze: 2,
    focalLengthsMm: [56, 65, 75, 100, 135, 152],
    maxTStop: 4,
    source: 'Angénieux, "Optimo Anamorphic 56-152 2S" data sheet (angenieux.com): 2× squeeze, 56–152 mm, T4',
  },
];

// Generic sets (kept so documents that chose them still open and step the same way): the focal lengths
// of common rental line-ups without a maker's name. A camera with no set steps through these.
const GENERIC: LensSet[] = [
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

export const LENS_SETS: readonly LensSet[] = [...NAMED, ...GENERIC];

/** The set a camera without one steps through, by squeeze: the generic primes (no maker is assumed). */
export const DEFAULT_LENS_SET_BY_SQUEEZE: ReadonlyArray<readonly [number, string]> = [
  [1, 'primes-s35'],
  [1.3, 'anamorphic-1.3x'],
  [1.5, 'anamorphic-1.5x'],
  [1.8, 'anamorphic-1.8x'],
  [2, 'anamorphic-2x'],
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
