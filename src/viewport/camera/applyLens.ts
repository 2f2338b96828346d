// Puts a document camera's lens onto a three PerspectiveCamera. The one place that does so: the
// look-through view, the animatic renderer and exporters all call this, so every picture agrees.
import type { PerspectiveCamera } from 'three';
import { cameraProjection, type CameraProjection, type LensedCamera } from '../../core/lens';

export interface ApplyLensOptions {
  /** 'viewport' (default): the whole viewport, with the delivery frame letterboxed inside it.
   *  'frame': the camera draws exactly the delivery frame (render targets sized to the delivery aspect). */
  mode?: 'viewport' | 'frame';
  /** viewport mode only: how much of the viewport the frame may fill, (0, 1] */
  fill?: number;
  /** near/far clip planes, metres */
  near?: number;
  far?: number;
}

/**
 * Sets fov/aspect (and clears three's film-gauge zoom/offset so they cannot rescale it) from the lens
 * math in core/lens. `viewportAspect` is the drawing surface's width / height.
 * Returns the projection, whose `frame` says where the letterbox opening is.
 */
export function applyLens(
  three: PerspectiveCamera,
  cam: LensedCamera,
  viewportAspect: number,
  opts: ApplyLensOptions = {},
): CameraProjection {
  const p = cameraProjection(cam, viewportAspect, opts.fill ?? 1);
  if (opts.mode === 'frame') {
    three.fov = p.frameFovYDeg;
    three.aspect = p.deliveryAspect;
  } else {
    three.fov = p.fovYDeg;
    three.aspect = p.aspect;
  }
  // three's own lens model must stay neutral: fov is the full truth
  three.zoom = 1;
  three.filmOffset = 0;
  three.clearViewOffset();
  if (opts.near !== undefined) three.near = opts.near;
  if (opts.far !== undefined) three.far = opts.far;
  three.updateProjectionMatrix();
  return p;
}

/** Sets position and rotation from the document transform (Euler XYZ radians, same axes as three). */
export function applyCameraTransform(
  three: PerspectiveCamera,
  transform: { position: readonly [number, number, number]; rotation: readonly [number, number, number] },
): void {
  three.position.set(transform.position[0], transform.position[1], transform.position[2]);
  three.rotation.set(transform.rotation[0], transform.rotation[1], transform.rotation[2], 'XYZ');
  three.updateMatrixWorld();
}
