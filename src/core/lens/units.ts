// Distances as a crew says them: metres, and feet-and-inches for the American side of the floor.

export const METRES_PER_FOOT = 0.3048; // exact, by the 1959 international yard and pound agreement

export function metresToFeet(m: number): number {
  return m / METRES_PER_FOOT;
}

/** 3.048 → "10′ 0″"; rounds to the nearest inch (carrying 12″ into the next foot). */
export function formatFeetInches(m: number): string {
  const sign = m < 0 ? '−' : '';
  const totalIn = Math.round(Math.abs(m) / 0.0254);
  const ft = Math.floor(totalIn / 12);
  const inch = totalIn - ft * 12;
  return `${sign}${ft}′ ${inch}″`;
}

export function formatMetres(m: number, digits = 2): string {
  return `${m.toFixed(digits)} m`;
}

/** "4.00 m (13′ 1″)" */
export function formatDistance(m: number): string {
  if (!Number.isFinite(m)) return '∞';
  return `${formatMetres(m)} (${formatFeetInches(m)})`;
}

/** A focal length as engraved: no trailing zeros, "35 mm", "27.5 mm". */
export function formatFocalLength(mm: number): string {
  return `${Number(mm.toFixed(2))} mm`;
}

export function formatStop(t: number): string {
  return `T${Number(t.toFixed(1))}`;
}

export function formatDegrees(rad: number, digits = 1): string {
  return `${((rad * 180) / Math.PI).toFixed(digits)}°`;
}
