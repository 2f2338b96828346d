// Where a world point lands in a camera's delivery frame: the pinhole the look-through view draws
// (core/lens angles from sensor, aspect and focal length; the camera's Euler XYZ rotation, looking down −Z).
import { cameraFieldOfView, eulerXYZMatrix, type LensedCamera } from '../lens';
import type { Vec3 } from '../rig';

export interface PlacedCamera extends LensedCamera {
  transform: { position: readonly [number, number, number]; rotation: readonly [number, number, number] };
}

export interface FramePoint {
  /** 0 = left edge, 1 = right edge */
  col: number;
  /** 0 = top edge, 1 = bottom edge */
  row: number;
  /** distance in front of the lens along its axis, metres (negative: behind the camera) */
  depth: number;
}

export function cameraAxes(rotation: readonly [number, number, number]): { right: Vec3; up: Vec3; forward: Vec3 } {
  const m = eulerXYZMatrix(rotation);
  return {
    right: [m[0], m[3], m[6]],
    up: [m[1], m[4], m[7]],
    forward: [-m[2], -m[5], -m[8]],
  };
}

export function projectToFrame(cam: PlacedCamera, p: readonly [number, number, number]): FramePoint {
  const fov = cameraFieldOfView(cam);
  const { right, up, forward } = cameraAxes(cam.transform.rotation);
  const c = cam.transform.position;
  const d: Vec3 = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
  const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const depth = dot(d, forward);
  const x = dot(d, right) / depth / Math.tan(fov.horizontalRad / 2);
  const y = dot(d, up) / depth / Math.tan(fov.verticalRad / 2);
  return { col: (1 + x) / 2, row: (1 - y) / 2, depth };
}
