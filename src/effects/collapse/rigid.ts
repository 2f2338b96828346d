// Rigid-body helpers shared by the simulation, its tests and the bench: fragment colliders and body motion.
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import type { ColliderDesc, RigidBody } from '@dimforge/rapier3d-compat';
import type { Fragment } from './fracture';
import type { MaterialPreset } from './params';
import { polyVertices } from './polyhedron';

/**
 * Hulls shrink a little about the centroid: fragments cut from one solid touch face to face, and exact face
 * contact between neighbours in different bodies is both costly and jittery. The mass stays exact.
 */
export const HULL_SCALE = 0.97;

/** A fragment's convex-hull collider at (centroid, no rotation) in its body, with its true mass. */
export function fragmentColliderDesc(R: typeof RAPIER_NS, f: Fragment, mat: MaterialPreset): ColliderDesc {
  const c = f.centroid;
  const v = polyVertices(f.poly);
  const local = new Float32Array(v.length);
  for (let k = 0; k < v.length; k++) local[k] = (v[k]! - c[k % 3]!) * HULL_SCALE;
  let desc = R.ColliderDesc.convexHull(local);
  let density = f.mass / (f.volume * HULL_SCALE ** 3);
  if (!desc) {
    // a sliver too flat for a hull: a box of its bounds with the fragment's true mass
    const h = [0, 1, 2].map((k) => Math.max(1e-3, (f.max[k]! - f.min[k]!) / 2)) as [number, number, number];
    desc = R.ColliderDesc.cuboid(h[0], h[1], h[2]);
    density = f.mass / (8 * h[0] * h[1] * h[2]);
  }
  desc.setTranslation(c[0], c[1], c[2]).setDensity(density).setFriction(mat.friction).setRestitution(mat.restitution);
  desc.setActiveEvents(R.ActiveEvents.CONTACT_FORCE_EVENTS);
  return desc;
}

export interface V { x: number; y: number; z: number }
/** The parent's motion read once, before any of its colliders move to the new bodies (which changes its mass). */
export interface BodyState { p: V; q: V & { w: number }; v: V; om: V; com: V }

export function snapshot(b: RigidBody): BodyState {
  const moving = b.isDynamic();
  const zero = { x: 0, y: 0, z: 0 };
  return {
    p: b.translation(),
    q: b.rotation(),
    v: moving ? b.linvel() : zero,
    om: moving ? b.angvel() : zero,
    com: moving ? b.worldCom() : zero,
  };
}

export function rotate(q: { x: number; y: number; z: number; w: number }, v: readonly number[]): [number, number, number] {
  const x = v[0]!, y = v[1]!, z = v[2]!;
  const tx = 2 * (q.y * z - q.z * y), ty = 2 * (q.z * x - q.x * z), tz = 2 * (q.x * y - q.y * x);
  return [x + q.w * tx + (q.y * tz - q.z * ty), y + q.w * ty + (q.z * tx - q.x * tz), z + q.w * tz + (q.x * ty - q.y * tx)];
}
