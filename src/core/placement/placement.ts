// Where a new object goes: the ground point the view looks at (or the point under the mouse for a drop),
// moved to the nearest spot where it stands clear of what is already there; and how big a plate must be
// to fill a camera's delivery frame. Pure: no three, no store, no DOM.
import type { SceneObject } from '../document';
import { cameraFieldOfView, type LensedCamera } from '../lens';

export type V3 = [number, number, number];

/** Where the ray from `origin` along `dir` meets the plane y = groundY, or null when it never does ahead. */
export function groundHit(origin: readonly number[], dir: readonly number[], groundY = 0): V3 | null {
  const dy = dir[1]!;
  if (!(Math.abs(dy) > 1e-9)) return null;
  const t = (groundY - origin[1]!) / dy;
  if (!(t > 0)) return null;
  return [origin[0]! + dir[0]! * t, groundY, origin[2]! + dir[2]! * t];
}

/**
 * The ground point a view ray picks. A ray that meets the ground within `maxDistance` gives that point; a
 * ray at or above the horizon (or one that grazes it far away) gives the point `fallbackDistance` metres
 * ahead along the ray's heading, dropped to the ground: a new object lands in sight, never kilometres off.
 */
export function groundPointOfView(origin: readonly number[], dir: readonly number[], groundY = 0, fallbackDistance = 10, maxDistance = 150): V3 {
  const hit = groundHit(origin, dir, groundY);
  const flatLen = Math.hypot(dir[0]!, dir[2]!);
  if (hit && Math.hypot(hit[0] - origin[0]!, hit[1] - origin[1]!, hit[2] - origin[2]!) <= maxDistance) return hit;
  if (!(flatLen > 1e-9)) return [origin[0]!, groundY, origin[2]!];
  // grazing rays land at most maxDistance out, on the same heading
  const d = hit ? Math.min(maxDistance, Math.hypot(hit[0] - origin[0]!, hit[2] - origin[2]!)) : fallbackDistance;
  return [origin[0]! + (dir[0]! / flatLen) * d, groundY, origin[2]! + (dir[2]! / flatLen) * d];
}

/** What an object covers on the ground: a rectangle (half sizes along its own x and z) turned by `yaw` about its centre. */
export interface Footprint {
  x: number;
  z: number;
  halfX: number;
  halfZ: number;
  /** radians about +y, as the object's rotation[1] */
  yaw: number;
}

/** Set pieces lower than this are floors (a road, a pavement, a rug): things are put on them, not beside them. */
export const FLOOR_HEIGHT_M = 0.3;

/** Half sizes (x, z) of what `o` covers on the ground around its own origin; null for what stands nowhere (cameras, lights, layers, floors). */
export function footprintHalfSize(o: SceneObject): [number, number] | null {
  const s = o.transform.scale;
  const sx = Math.abs(s[0]);
  const sz = Math.abs(s[2]);
  switch (o.type) {
    case 'actor': {
      // shoulders and elbows of a standing figure, in proportion to its height
      const r = 0.26 * (o.heightCm / 180);
      return [r * sx, r * sz];
    }
    case 'setPiece':
      if (o.shape === 'plane' || o.size[1] * Math.abs(s[1]) < FLOOR_HEIGHT_M) return null;
      return [(o.size[0] * sx) / 2, (o.size[2] * sz) / 2];
    case 'building':
      return [(o.footprint.width * sx) / 2, (o.footprint.depth * sz) / 2];
    case 'plate':
      // a plate stands 2 m tall with its picture's aspect (viewport/plates/PlateObject), a card 10 cm deep
      return [((2 * o.widthPx) / o.heightPx / 2) * sx, 0.05];
    case 'asset':
      // glTF bounds are not known without loading the file: a person-sized guess
      return [0.5 * sx, 0.5 * sz];
    default:
      return null;
  }
}

/** The radius of the circle around `o`'s footprint (0 for what covers no ground). */
export function footprintRadius(o: SceneObject): number {
  const h = footprintHalfSize(o);
  return h ? Math.hypot(h[0], h[1]) : 0;
}

/** Footprints, in world x/z, of the root objects of a scene that stand on the ground. */
export function footprints(objects: Record<string, SceneObject>, skip: ReadonlySet<string> = new Set()): Footprint[] {
  const out: Footprint[] = [];
  for (const o of Object.values(objects)) {
    if (skip.has(o.id) || !o.visible || (o.parentId && objects[o.parentId])) continue;
    const h = footprintHalfSize(o);
    if (h) out.push({ x: o.transform.position[0], z: o.transform.position[2], halfX: h[0], halfZ: h[1], yaw: o.transform.rotation[1] });
  }
  return out;
}

/** Distance from point (x, z) to footprint `f` (0 inside it). */
export function distanceToFootprint(f: Footprint, x: number, z: number): number {
  // into the footprint's own frame: a yaw of θ turns its +x towards −z
  const dx = x - f.x;
  const dz = z - f.z;
  const c = Math.cos(f.yaw);
  const s = Math.sin(f.yaw);
  const lx = c * dx - s * dz;
  const lz = s * dx + c * dz;
  return Math.hypot(Math.max(0, Math.abs(lx) - f.halfX), Math.max(0, Math.abs(lz) - f.halfZ));
}

/**
 * The spot nearest `want` (x, z) where a circle of `radius` keeps `gap` metres clear of every footprint in
 * `taken`: `want` itself when it is free, else the first free point on rings around it (nearest ring first,
 * and on a ring the point nearest `towards`, the viewer, so a nudged object stays in sight).
 */
export function freeSpot(want: readonly [number, number], radius: number, taken: readonly Footprint[], gap = 0.3, towards?: readonly [number, number]): [number, number] {
  const clear = (x: number, z: number) => taken.every((f) => distanceToFootprint(f, x, z) >= radius + gap - 1e-9);
  if (clear(want[0], want[1])) return [want[0], want[1]];
  const step = Math.max(0.25, Math.min(radius, 2));
  const base = towards ? Math.atan2(towards[1] - want[1], towards[0] - want[0]) : 0;
  for (let ring = 1; ring <= 400; ring++) {
    const d = ring * step;
    const n = Math.max(8, Math.ceil((2 * Math.PI * d) / step));
    // alternate sides of the preferred direction: 0, +1, −1, +2, −2…
    for (let i = 0; i < n; i++) {
      const k = i % 2 === 0 ? i / 2 : -(i + 1) / 2;
      const a = base + (k * 2 * Math.PI) / n;
      const x = want[0] + Math.cos(a) * d;
      const z = want[1] + Math.sin(a) * d;
      if (clear(x, z)) return [x, z];
    }
  }
  return [want[0], want[1]];
}

/**
 * The height, metres, a plate of `plateAspect` must have at `distanceM` in front of `cam` to fill its
 * delivery frame: cover-fitted (cropped on the long side, never stretched), as the background plate is.
 * The angle of view comes from focal length, sensor and squeeze (core/lens), never from a stored FOV.
 * `bleed` oversizes it a little so no sliver of sky shows at the frame edges.
 */
export function plateFitHeight(cam: LensedCamera, plateAspect: number, distanceM: number, bleed = 1.01): number {
  const fov = cameraFieldOfView(cam);
  const frameH = 2 * Math.tan(fov.verticalRad / 2) * distanceM;
  const frameW = 2 * Math.tan(fov.horizontalRad / 2) * distanceM;
  return Math.max(frameH, frameW / plateAspect) * bleed;
}
