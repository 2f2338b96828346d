// A camera parented to something (a dolly, a car) is stored in its parent's space. Look-through, HUD
// and plan need it in world space: compose with the parent's live world matrix (which already carries
// any animation the timeline has applied to the parent).
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { Camera } from '../../core/document';
import { objectRefs } from '../objectRefs';

const local = new Matrix4();
const world = new Matrix4();
const pos = new Vector3();
const quat = new Quaternion();
const scl = new Vector3();
const eul = new Euler();

/** `c` with its transform in world space; `c` itself when it has no parent in the live scene. */
export function cameraInWorld(c: Camera): Camera {
  if (!c.parentId) return c;
  const parent = objectRefs.get(c.parentId);
  if (!parent) return c;
  parent.updateWorldMatrix(true, false);
  const t = c.transform;
  local.compose(pos.fromArray(t.position), quat.setFromEuler(eul.set(t.rotation[0], t.rotation[1], t.rotation[2], 'XYZ')), scl.set(1, 1, 1));
  world.multiplyMatrices(parent.matrixWorld, local);
  world.decompose(pos, quat, scl);
  eul.setFromQuaternion(quat, 'XYZ');
  return { ...c, transform: { ...t, position: [pos.x, pos.y, pos.z], rotation: [eul.x, eul.y, eul.z] } };
}
