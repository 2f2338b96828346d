// The optics a camera department reasons with: which part of the sensor the delivery frame uses,
// the angle of view that area gives at a focal length, and depth of field.
// Focal length in mm is the stored truth; every angle here is derived, never stored.

export interface Filmback {
  sensorWidthMm: number;
  sensorHeightMm: number;
}

export interface LensOptics {
  focalLengthMm: number;
  /** anamorphic horizontal squeeze; 1 for spherical */
  squeeze: number;
}

/** The part of the sensor the delivery frame occupies. */
export interface ImageArea {
  /** physical width on the sensor, mm (still squeezed for anamorphic) */
  widthMm: number;
  heightMm: number;
  /** width after desqueeze, mm: what the horizontal angle of view is computed from */
  desqueezedWidthMm: number;
  /** which dimension of the sensor limits the frame */
  limitedBy: 'width' | 'height';
}

/**
 * Crops the (desqueezed) sensor to the delivery aspect, centred, as the camera department frames it:
 * a wider delivery than the sensor uses the full width and less height; a taller one the full height.
 */
export function imageArea(back: Filmback, squeeze: number, deliveryAspect: number): ImageArea {
  const s = squeeze > 0 ? squeeze : 1;
  const fullDesqueezed = back.sensorWidthMm * s;
  const sensorAspect = fullDesqueezed / back.sensorHeightMm;
  if (deliveryAspect >= sensorAspect) {
    return {
      widthMm: back.sensorWidthMm,
      desqueezedWidthMm: fullDesqueezed,
      heightMm: fullDesqueezed / deliveryAspect,
      limitedBy: 'width',
    };
  }
  const desq = back.sensorHeightMm * deliveryAspect;
  return { widthMm: desq / s, desqueezedWidthMm: desq, heightMm: back.sensorHeightMm, limitedBy: 'height' };
}

const DEG = 180 / Math.PI;

/** Full angle of view, radians, of `sizeMm` of image at `focalLengthMm` (pinhole / rectilinear). */
export function angleOfView(sizeMm: number, focalLengthMm: number): number {
  return 2 * Math.atan(sizeMm / (2 * focalLengthMm));
}

export interface FieldOfView {
  horizontalRad: number;
  verticalRad: number;
  diagonalRad: number;
  horizontalDeg: number;
  verticalDeg: number;
  diagonalDeg: number;
  area: ImageArea;
}

/**
 * Angle of view of the delivery frame. An anamorphic lens squeezes the horizontal by `squeeze`, so its
 * horizontal coverage is that of a spherical lens over `squeeze ×` the sensor width; vertical is unchanged.
 */
export function fieldOfView(back: Filmback, lens: LensOptics, deliveryAspect: number): FieldOfView {
  const area = imageArea(back, lens.squeeze, deliveryAspect);
  const h = angleOfView(area.desqueezedWidthMm, lens.focalLengthMm);
  const v = angleOfView(area.heightMm, lens.focalLengthMm);
  const d = angleOfView(Math.hypot(area.desqueezedWidthMm, area.heightMm), lens.focalLengthMm);
  return { horizontalRad: h, verticalRad: v, diagonalRad: d, horizontalDeg: h * DEG, verticalDeg: v * DEG, diagonalDeg: d * DEG, area };
}

/** The focal length that gives a horizontal angle (radians) over an image width — the inverse, for matching a plate. */
export function focalLengthForAngle(sizeMm: number, angleRad: number): number {
  return sizeMm / (2 * Math.tan(angleRad / 2));
}

// ---- depth of field --------------------------------------------------------------------------------

/**
 * Circle of confusion from the sensor diagonal. d/1500 is the long-standing convention (it gives the
 * classic 0.029 mm for 24×36 and ~0.021 mm for Super 35); pass another divisor for a stricter standard.
 */
export function circleOfConfusionMm(back: Filmback, divisor = 1500): number {
  return Math.hypot(back.sensorWidthMm, back.sensorHeightMm) / divisor;
}

export interface DepthOfField {
  /** metres */
  hyperfocalM: number;
  nearM: number;
  /** Infinity when focused at or past the hyperfocal distance */
  farM: number;
  /** far − near; Infinity past the hyperfocal distance */
  totalM: number;
  cocMm: number;
}

/**
 * Thin-lens depth of field. A T-stop is a measured transmission, not the geometric f-number the
 * formula wants; lens T-stops run ~⅙–⅓ stop slower than their f-numbers, so using T here errs slightly
 * shallow — fine for previs, and it is what the crew reads off the barrel.
 * Anamorphic lenses: the vertical focal length sets DOF, so the stored focal length is used as is.
 */
export function depthOfField(focalLengthMm: number, stop: number, focusDistanceM: number, cocMm: number): DepthOfField {
  const f = focalLengthMm;
  const s = focusDistanceM * 1000;
  const H = (f * f) / (stop * cocMm) + f;
  const near = (s * (H - f)) / (H + s - 2 * f);
  const far = s >= H ? Infinity : (s * (H - f)) / (H - s);
  return {
    hyperfocalM: H / 1000,
    nearM: near / 1000,
    farM: far / 1000,
    totalM: far === Infinity ? Infinity : (far - near) / 1000,
    cocMm,
  };
}

/**
 * Blur-circle diameter on the sensor, mm, of a point at `distanceM` when focused at `focusDistanceM`.
 * Drives the DOF preview: divide by the image-area height to get a fraction of frame height.
 */
export function blurCircleMm(focalLengthMm: number, stop: number, focusDistanceM: number, distanceM: number): number {
  const f = focalLengthMm;
  const s = focusDistanceM * 1000;
  const d = Math.max(distanceM * 1000, f * 1.0001);
  const aperture = f / stop;
  return (aperture * Math.abs(d - s) * f) / (d * (s - f));
}
