// From a camera object to what a renderer's perspective camera needs, done here rather than with
// three's filmGauge/setFocalLength: those assume the sensor fills the canvas, which is never true when
// the delivery frame is letterboxed inside a viewport of another shape.
import { fieldOfView, type FieldOfView } from './optics';

/** The fields of a document camera that the projection reads (structural, so core stays schema-free). */
export interface LensedCamera {
  body: { sensorWidthMm: number; sensorHeightMm: number };
  lens: { focalLengthMm: number; kind: 'spherical' | 'anamorphic'; squeeze: number };
  deliveryAspect: number;
}

/** A rectangle in viewport fractions, 0..1, y down from the top (CSS-like). */
export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CameraProjection {
  /** vertical FOV in degrees for a perspective camera drawing the *whole viewport* */
  fovYDeg: number;
  /** aspect for that camera: the viewport's */
  aspect: number;
  /** where the delivery frame sits inside the viewport; outside it is the letterbox matte */
  frame: FrameRect;
  /** vertical FOV in degrees of the delivery frame alone (for rendering just the frame, e.g. an animatic) */
  frameFovYDeg: number;
  /** horizontal FOV in degrees of the delivery frame */
  frameFovXDeg: number;
  deliveryAspect: number;
  fov: FieldOfView;
}

export function effectiveSqueeze(cam: LensedCamera): number {
  return cam.lens.kind === 'anamorphic' ? cam.lens.squeeze : 1;
}

export function cameraFieldOfView(cam: LensedCamera): FieldOfView {
  return fieldOfView(
    { sensorWidthMm: cam.body.sensorWidthMm, sensorHeightMm: cam.body.sensorHeightMm },
    { focalLengthMm: cam.lens.focalLengthMm, squeeze: effectiveSqueeze(cam) },
    cam.deliveryAspect,
  );
}

/** The largest rect of `aspect` centred in a viewport of `viewportAspect`, scaled by `fill` (0..1]. */
export function letterboxRect(aspect: number, viewportAspect: number, fill = 1): FrameRect {
  let w: number;
  let h: number;
  if (viewportAspect >= aspect) {
    h = fill;
    w = (aspect / viewportAspect) * fill;
  } else {
    w = fill;
    h = (viewportAspect / aspect) * fill;
  }
  return { x: (1 - w) / 2, y: (1 - h) / 2, width: w, height: h };
}

/**
 * What a perspective camera needs to show `cam`'s delivery frame letterboxed in a viewport.
 * The whole viewport is rendered (the matte can stay see-through, like a viewfinder's surround) with a
 * vertical FOV widened so that exactly the frame rect covers the lens's angle of view.
 * `fill` < 1 leaves a border of surround on every side.
 */
export function cameraProjection(cam: LensedCamera, viewportAspect: number, fill = 1): CameraProjection {
  const fov = cameraFieldOfView(cam);
  const frame = letterboxRect(cam.deliveryAspect, viewportAspect, fill);
  const halfTanFrame = Math.tan(fov.verticalRad / 2);
  const fovY = 2 * Math.atan(halfTanFrame / frame.height);
  return {
    fovYDeg: (fovY * 180) / Math.PI,
    aspect: viewportAspect,
    frame,
    frameFovYDeg: fov.verticalDeg,
    frameFovXDeg: fov.horizontalDeg,
    deliveryAspect: cam.deliveryAspect,
    fov,
  };
}

/**
 * Width in pixels that an object of `widthM`, square-on at `distanceM`, covers in a frame `frameWidthPx`
 * wide: the pinhole prediction the look-through view is tested against.
 */
export function predictedWidthPx(cam: LensedCamera, widthM: number, distanceM: number, frameWidthPx: number): number {
  const area = cameraFieldOfView(cam).area;
  // after desqueeze the magnification is the vertical one, f / d: an anamorphic lens squeezes the
  // image onto the sensor by its factor and the desqueeze restores it, so it widens the view, not the object
  const imageMm = (widthM / distanceM) * cam.lens.focalLengthMm;
  return (imageMm / area.desqueezedWidthMm) * frameWidthPx;
}

/**
 * The delivery frame's corners at `distanceM` in front of the lens, in camera space (x right, y up,
 * looking down −z): top-left, top-right, bottom-right, bottom-left. The frustum gizmo draws these.
 */
export function frameCornersAt(cam: LensedCamera, distanceM: number): [number, number, number][] {
  const fov = cameraFieldOfView(cam);
  const hx = Math.tan(fov.horizontalRad / 2) * distanceM;
  const hy = Math.tan(fov.verticalRad / 2) * distanceM;
  return [
    [-hx, hy, -distanceM],
    [hx, hy, -distanceM],
    [hx, -hy, -distanceM],
    [-hx, -hy, -distanceM],
  ];
}
