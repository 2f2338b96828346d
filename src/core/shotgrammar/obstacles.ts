// What a camera must not stand inside: set pieces, buildings and actors, as upright boxes and cylinders
// (their rotation about Y honoured; tilted props are rare on a previs set and are treated by their Y turn).
import type { Scene, SceneObject } from '../document/schema';
import type { Vec3 } from '../rig';

export interface Blocker {
  id: string;
  name: string;
  shape: 'box' | 'cylinder';
  centre: Vec3;
  /** half extents in the object's own axes (x, y, z); a cylinder uses x as its radius */
  half: Vec3;
  rotY: number;
}

const ACTOR_RADIUS_M = 0.3;
/** how close a lens may come to a surface */
export const CLEARANCE_M = 0.1;

export function blockerOf(o: SceneObject): Blocker | null {
  const s = o.transform.scale;
  const p = o.transform.position;
  const rotY = o.transform.rotation[1];
  if (o.type === 'setPiece') {
    if (o.shape === 'plane') return null;
    const hx = (o.size[0] * Math.abs(s[0])) / 2, hy = (o.size[1] * Math.abs(s[1])) / 2, hz = (o.size[2] * Math.abs(s[2])) / 2;
    if (hy <= 0.02) return null; // a mat or a road marking: the camera may stand on it
    return { id: o.id, name: o.name, shape: o.shape === 'cylinder' ? 'cylinder' : 'box', centre: [p[0], p[1] + hy, p[2]], half: [hx, hy, hz], rotY };
  }
  if (o.type === 'building') {
    const hy = (o.floors * o.floorHeight * Math.abs(s[1])) / 2;
    return { id: o.id, name: o.name, shape: 'box', centre: [p[0], p[1] + hy, p[2]], half: [(o.footprint.width * Math.abs(s[0])) / 2, hy, (o.footprint.depth * Math.abs(s[2])) / 2], rotY };
  }
  if (o.type === 'actor') {
    const hy = ((o.heightCm / 100) * Math.abs(s[1])) / 2;
    return { id: o.id, name: o.name, shape: 'cylinder', centre: [p[0], p[1] + hy, p[2]], half: [ACTOR_RADIUS_M, hy, ACTOR_RADIUS_M], rotY: 0 };
  }
  return null;
}

export function blockers(scene: Pick<Scene, 'objects'>, exclude: ReadonlySet<string> = new Set()): Blocker[] {
  const out: Blocker[] = [];
  for (const o of Object.values(scene.objects)) {
    if (exclude.has(o.id) || !o.visible) continue;
    const b = blockerOf(o);
    if (b) out.push(b);
  }
  return out;
}

export function inside(b: Blocker, p: Vec3, margin = CLEARANCE_M): boolean {
  const dx = p[0] - b.centre[0], dy = p[1] - b.centre[1], dz = p[2] - b.centre[2];
  if (Math.abs(dy) > b.half[1] + margin) return false;
  if (b.shape === 'cylinder') return Math.hypot(dx, dz) < b.half[0] + margin;
  const c = Math.cos(-b.rotY), s = Math.sin(-b.rotY);
  const lx = dx * c + dz * s, lz = -dx * s + dz * c;
  return Math.abs(lx) < b.half[0] + margin && Math.abs(lz) < b.half[2] + margin;
}

/** The first blocker the point is inside (or too close to), or null. */
export function blockedBy(list: readonly Blocker[], p: Vec3): Blocker | null {
  return list.find((b) => inside(b, p)) ?? null;
}
