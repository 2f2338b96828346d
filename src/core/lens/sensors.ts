// Camera bodies (filmbacks): the image area in millimetres of each format a camera department names.
// Each number cites where it comes from; a format with several modes is listed once per mode, because
// a mode *is* a different filmback (ALEXA Mini LF open gate vs its 16:9 mode give different FOVs).

export interface SensorPreset {
  id: string;
  /** the name a camera department would say */
  name: string;
  widthMm: number;
  heightMm: number;
  /** short family label for grouping in a menu */
  family: 'film' | 'ARRI' | 'RED' | 'stills';
  source: string;
}

export const SENSOR_PRESETS: readonly SensorPreset[] = [
  {
    id: 'full-frame',
    name: 'Full Frame (24×36)',
    // ISO 1007 / the 135 still format: 36 × 24 mm image area
    widthMm: 36,
    heightMm: 24,
    family: 'stills',
    source: 'ISO 1007 135-format image area, 36 × 24 mm',
  },
  {
    id: 'super35-4perf',
    name: 'Super 35 4-perf',
    // SMPTE 59 full (silent) camera aperture 0.980" × 0.735" = 24.89 × 18.67 mm; ASC Manual lists 24.89 × 18.66
    widthMm: 24.89,
    heightMm: 18.66,
    family: 'film',
    source: 'SMPTE 59 full camera aperture 0.980 × 0.735 in (ASC Manual: 24.89 × 18.66 mm)',
  },
  {
    id: 'alexa35-og',
    name: 'ARRI ALEXA 35 4.6K 3:2 Open Gate',
    // ARRI ALEXA 35 data sheet: 4.6K 3:2 Open Gate, 4608 × 3164 photosites, 27.99 × 19.22 mm, ⌀ 33.96 mm
    widthMm: 27.99,
    heightMm: 19.22,
    family: 'ARRI',
    source: 'ARRI ALEXA 35 technical data: 4.6K 3:2 Open Gate 4608×3164, 27.99 × 19.22 mm',
  },
  {
    id: 'alexa-mini-lf-og',
    name: 'ARRI ALEXA Mini LF Open Gate',
    // ARRI ALEXA Mini LF technical data: LF Open Gate 4448 × 3096, 36.70 × 25.54 mm, ⌀ 44.71 mm
    widthMm: 36.7,
    heightMm: 25.54,
    family: 'ARRI',
    source: 'ARRI ALEXA Mini LF technical data: 4.5K LF 3:2 Open Gate 4448×3096, 36.70 × 25.54 mm',
  },
  {
    id: 'alexa-mini-lf-16x9',
    name: 'ARRI ALEXA Mini LF 16:9 UHD',
    // ARRI ALEXA Mini LF technical data: 3.8K LF 16:9 UHD 3840 × 2160, 31.68 × 17.82 mm, ⌀ 36.35 mm
    widthMm: 31.68,
    heightMm: 17.82,
    family: 'ARRI',
    source: 'ARRI ALEXA Mini LF technical data: 3.8K LF 16:9 UHD 3840×2160, 31.68 × 17.82 mm',
  },
  {
    id: 'alexa65-og',
    name: 'ARRI ALEXA 65 Open Gate',
    // ARRI ALEXA 65 technical data: 6.5K Open Gate 6560 × 3100, 54.12 × 25.58 mm, ⌀ 59.86 mm
    widthMm: 54.12,
    heightMm: 25.58,
    family: 'ARRI',
    source: 'ARRI ALEXA 65 technical data: Open Gate 6560×3100, 54.12 × 25.58 mm',
  },
  {
    id: 'red-vraptor-8k-vv',
    name: 'RED V-RAPTOR 8K VV',
    // RED V-RAPTOR 8K VV specifications: 8192 × 4320, 40.96 × 21.60 mm, diagonal 46.31 mm
    widthMm: 40.96,
    heightMm: 21.6,
    family: 'RED',
    source: 'RED V-RAPTOR 8K VV specifications: 8192×4320, 40.96 × 21.60 mm',
  },
  {
    id: 'red-monstro-8k-vv',
    name: 'RED MONSTRO 8K VV',
    // RED DSMC2 MONSTRO 8K VV specifications: 8192 × 4320, 40.96 × 21.60 mm, diagonal 46.31 mm
    widthMm: 40.96,
    heightMm: 21.6,
    family: 'RED',
    source: 'RED MONSTRO 8K VV specifications: 8192×4320, 40.96 × 21.60 mm',
  },
  {
    id: 'super16',
    name: 'Super 16',
    // SMPTE 201M Super 16 camera aperture 0.493" × 0.292" = 12.52 × 7.42 mm (ASC Manual: 12.52 × 7.41)
    widthMm: 12.52,
    heightMm: 7.41,
    family: 'film',
    source: 'SMPTE 201M Super 16 camera aperture 0.493 × 0.292 in (ASC Manual: 12.52 × 7.41 mm)',
  },
  {
    id: 'imax-15-70',
    name: 'IMAX 15/70',
    // IMAX 15-perf 65 mm camera aperture 2.772" × 2.072" = 70.41 × 52.63 mm (ASC Manual, large formats)
    widthMm: 70.41,
    heightMm: 52.63,
    family: 'film',
    source: 'IMAX 15-perf/70 camera aperture 2.772 × 2.072 in = 70.41 × 52.63 mm (ASC Manual)',
  },
];

export function sensorPreset(id: string | null | undefined): SensorPreset | undefined {
  if (!id) return undefined;
  return SENSOR_PRESETS.find((s) => s.id === id);
}

export function sensorDiagonalMm(widthMm: number, heightMm: number): number {
  return Math.hypot(widthMm, heightMm);
}
