// Placing new things where the user looks: the ray through the centre of the live view (or through the
// point a file was dropped on) meets the ground, and the new objects move there, nudged clear of what
// already stands there (core/placement). A plate imported for a shot instead goes in front of that shot's
// camera, as a child of it, sized to fill its frame.
import { Raycaster, Vector2 } from 'three';
import type { Camera, Plate, SceneObject } from '../../core/document';
import { footprintRadius, footprints, freeSpot, groundPointOfView, plateFitHeight, type V3 } from '../../core/placement/placement';
import { liveViewport } from '../render/liveViewport';

/** A point on screen, in CSS pixels of the page (a drop event's clientX/clientY). */
export interface ScreenPoint {
  clientX: number;
  clientY: number;
}

const raycaster = new Raycaster();

/** The live view's eye and the direction through `at` (or the centre of the view); null before the viewport exists. */
export function viewRay(at?: ScreenPoint): { origin: V3; dir: V3 } | null {
  const live = liveViewport();
  if (!live) return null;
  const ndc = new Vector2(0, 0);
  if (at) {
    const r = live.gl.domElement.getBoundingClientRect();
    const u = (at.clientX - r.left) / r.width;
    const v = (at.clientY - r.top) / r.height;
    // a drop outside the view (on a panel) places at the centre of the view
    if (r.width > 0 && r.height > 0 && u >= 0 && u <= 1 && v >= 0 && v <= 1) ndc.set(u * 2 - 1, 1 - v * 2);
  }
  const camera = live.camera;
  camera.updateMatrixWorld();
  raycaster.setFromCamera(ndc, camera);
  const o = raycaster.ray.origin;
  const d = raycaster.ray.direction;
  return { origin: [o.x, o.y, o.z], dir: [d.x, d.y, d.z] };
}

/** The ground point the view looks at (through `at` when given); the origin when there is no view yet. */
export function viewGroundPoint(at?: ScreenPoint): { point: V3; eye: V3 | null } {
  const ray = viewRay(at);
  if (!ray) return { point: [0, 0, 0], eye: null };
  return { point: groundPointOfView(ray.origin, ray.dir), eye: ray.origin };
}

/** Types that stand on the ground and move to where the view looks; lights keep their height. */
const GROUNDED = new Set<SceneObject['type']>(['actor', 'setPiece', 'building', 'asset', 'plate']);

/**
 * `created` (new objects, not yet in the scene) moved as one group to the free ground spot nearest where
 * the view looks, or where `at` points. Cameras and effect layers stay as made. Returns new objects.
 */
export function placeAtView(existing: Record<string, SceneObject>, created: SceneObject[], at?: ScreenPoint): SceneObject[] {
  const roots = created.filter((o) => o.parentId === null && (GROUNDED.has(o.type) || o.type === 'light'));
  if (roots.length === 0) return created;
  const { point, eye } = viewGroundPoint(at);
  // the group's centre and the circle around all of it
  const cx = roots.reduce((s, o) => s + o.transform.position[0], 0) / roots.length;
  const cz = roots.reduce((s, o) => s + o.transform.position[2], 0) / roots.length;
  let radius = 0;
  for (const o of roots) {
    const r = footprintRadius(o);
    radius = Math.max(radius, Math.hypot(o.transform.position[0] - cx, o.transform.position[2] - cz) + r);
  }
  // what covers no ground (a floor, a light) goes exactly where the view looks, over whatever stands there
  const spot = radius > 0 ? freeSpot([point[0], point[2]], radius, footprints(existing), 0.3, eye ? [eye[0], eye[2]] : undefined) : ([point[0], point[2]] as const);
  const dx = spot[0] - cx;
  const dz = spot[1] - cz;
  const ids = new Set(roots.map((o) => o.id));
  return created.map((o) => {
    if (!ids.has(o.id)) return o;
    const [x, y, z] = o.transform.position;
    const moved = { ...o, transform: { ...o.transform, position: [x + dx, y, z + dz] as V3 } };
    // a free-standing plate turns its picture to the viewer
    if (o.type === 'plate' && eye) moved.transform.rotation = [0, Math.atan2(eye[0] - (x + dx), eye[2] - (z + dz)), 0];
    return moved;
  });
}

/** How far in front of a shot camera its plate stands: 10 m, or 2 m past the focus distance when that is further. */
export function plateDistance(cam: Camera): number {
  return Math.min(500, Math.max(10, cam.lens.focusDistanceM + 2));
}

/**
 * `plate` as a card in front of shot camera `cam`: its child (so it follows a moving camera), centred on
 * the lens axis, facing the lens, scaled to fill the delivery frame (plate planes are 2 m tall at scale 1).
 */
export function plateInFrontOf(plate: Plate, cam: Camera): Plate {
  const d = plateDistance(cam);
  const s = plateFitHeight(cam, plate.widthPx / plate.heightPx, d) / 2;
  return { ...plate, parentId: cam.id, transform: { position: [0, 0, -d], rotation: [0, 0, 0], scale: [s, s, s] } };
}
