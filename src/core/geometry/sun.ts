// Sun direction from the time of day, for blocking daylight. A previs model, not an ephemeris: the sun on
// the equinox (declination 0) at a chosen latitude, so it rises due east at 06:00, stands highest at noon
// (90° − latitude) and sets due west at 18:00. Scene axes: east = +x, up = +y, north = −z (south = +z).
export type Vec3 = [number, number, number];

export const DEFAULT_LATITUDE_DEG = 40;

export interface SunState {
  /** unit vector from the scene towards the sun */
  direction: Vec3;
  /** degrees above the horizon (negative at night) */
  elevationDeg: number;
  /** compass bearing of the sun in degrees, 0 = north, 90 = east */
  azimuthDeg: number;
  /** 0 at night, 1 in daylight, a short ramp through twilight */
  daylight: number;
}

export function sunAt(hours: number, latitudeDeg = DEFAULT_LATITUDE_DEG): SunState {
  const h = (((hours - 12) * 15) * Math.PI) / 180; // hour angle
  const lat = (latitudeDeg * Math.PI) / 180;
  const east = -Math.sin(h);
  const north = -Math.cos(h) * Math.sin(lat);
  const up = Math.cos(h) * Math.cos(lat);
  const direction: Vec3 = [east, up, -north];
  const elevationDeg = (Math.asin(Math.max(-1, Math.min(1, up))) * 180) / Math.PI;
  const azimuthDeg = ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
  // civil twilight: light fades out between 3° above and 6° below the horizon
  const t = Math.max(0, Math.min(1, (elevationDeg + 6) / 9));
  const daylight = t * t * (3 - 2 * t);
  return { direction, elevationDeg, azimuthDeg, daylight };
}

/** Warm the light towards the horizon: a multiplier per RGB channel (1 at high sun). */
export function sunTint(elevationDeg: number): Vec3 {
  const k = Math.max(0, Math.min(1, elevationDeg / 25));
  return [1, 0.62 + 0.38 * k, 0.38 + 0.62 * k];
}
