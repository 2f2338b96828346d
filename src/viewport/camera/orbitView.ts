// The editor's own viewport camera (orbit or fly), kept reachable while a shot camera is looked through, so
// "camera to current view" can read it and "current view to camera" can move it. Editor state, never document.
import { Euler, Vector3, type Camera as ThreeCamera } from 'three';
import type { OrbitControls as OrbitImpl } from 'three-stdlib';
import { forwardVector } from '../../core/lens';

export interface ViewPlacement {
  position: [number, number, number];
  /** Euler XYZ, radians */
  rotation: [number, number, number];
  /** how far ahead the orbit pivot goes (the shot camera's focus distance) */
  pivotDistance: number;
}

export const orbitView: { camera: ThreeCamera | null; controls: OrbitImpl | null; pending: ViewPlacement | null } = {
  camera: null,
  controls: null,
  pending: null,
};

/** The viewport camera's world placement (it is never parented), or null before the viewport mounts. */
export function readOrbitView(): { position: [number, number, number]; rotation: [number, number, number] } | null {
  const c = orbitView.camera;
  if (!c) return null;
  c.updateMatrixWorld();
  const e = new Euler().setFromQuaternion(c.quaternion, 'XYZ');
  return { position: [c.position.x, c.position.y, c.position.z], rotation: [e.x, e.y, e.z] };
}

/** Puts the viewport camera at `p`; the orbit pivot goes `pivotDistance` ahead on its axis. */
export function placeOrbitView(p: ViewPlacement): boolean {
  const c = orbitView.camera;
  if (!c) return false;
  c.position.set(...p.position);
  c.quaternion.setFromEuler(new Euler(p.rotation[0], p.rotation[1], p.rotation[2], 'XYZ'));
  const ctl = orbitView.controls;
  if (ctl) {
    const f = forwardVector(p.rotation);
    ctl.target.copy(new Vector3(...p.position).addScaledVector(new Vector3(...f), Math.max(0.1, p.pivotDistance)));
    ctl.update();
  }
  c.updateMatrixWorld();
  return true;
}
