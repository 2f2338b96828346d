// Floor-plan geometry, pure: the view mapping between plan metres and screen pixels, each camera's
// wedge to its true horizontal angle of view, actor marks, and measuring with snapping.
// Plan axes: x to the right, z down the screen (north = −z is up), as seen from above.
import type { Camera, Scene } from '../../core/document';
import { attitude, cameraFieldOfView, formatFocalLength } from '../../core/lens';

export interface PlanView {
  /** plan point at the centre of the screen, metres (x, z) */
  centre: [number, number];
  /** metres per screen pixel */
  metresPerPx: number;
  width: number;
  height: number;
}

export type P2 = [number, number];

export function planToScreen(v: PlanView, p: P2): P2 {
  return [(p[0] - v.centre[0]) / v.metresPerPx + v.width / 2, (p[1] - v.centre[1]) / v.metresPerPx + v.height / 2];
}

export function screenToPlan(v: PlanView, s: P2): P2 {
  return [(s[0] - v.width / 2) * v.metresPerPx + v.centre[0], (s[1] - v.height / 2) * v.metresPerPx + v.centre[1]];
}

/** Zoom by `factor` keeping the plan point under screen point `s` fixed. */
export function zoomAt(v: PlanView, s: P2, factor: number): PlanView {
  const before = screenToPlan(v, s);
  const mpp = Math.min(10, Math.max(0.0005, v.metresPerPx * factor));
  const next = { ...v, metresPerPx: mpp };
  const after = screenToPlan(next, s);
  return { ...next, centre: [v.centre[0] + before[0] - after[0], v.centre[1] + before[1] - after[1]] };
}

/** A view that shows all `points` with a margin of `marginPx`. */
export function fitView(points: P2[], width: number, height: number, marginPx = 60): PlanView {
  if (!points.length) return { centre: [0, 0], metresPerPx: 0.05, width, height };
  let minX = Infinity, maxX = -Infinity, minZ = Infinity, maxZ = -Infinity;
  for (const [x, z] of points) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minZ = Math.min(minZ, z); maxZ = Math.max(maxZ, z);
  }
  const spanX = Math.max(maxX - minX, 4);
  const spanZ = Math.max(maxZ - minZ, 4);
  const mpp = Math.max(spanX / Math.max(1, width - 2 * marginPx), spanZ / Math.max(1, height - 2 * marginPx));
  return { centre: [(minX + maxX) / 2, (minZ + maxZ) / 2], metresPerPx: mpp, width, height };
}

export interface CameraWedge {
  id: string;
  label: string;
  shots: string[];
  apex: P2;
  /** unit heading in plan (where the lens points) */
  heading: P2;
  left: P2;
  right: P2;
  /** the focus distance as a chord across the wedge */
  focusLeft: P2;
  focusRight: P2;
  horizontalFovRad: number;
}

/**
 * The camera's floor-plan wedge: two rays at ±½ horizontal angle of view about its pan heading,
 * `lengthM` long. The horizontal angle is that of the delivery frame (core/lens), not a stored FOV.
 */
export function cameraWedge(c: Camera, shots: string[], lengthM?: number): CameraWedge {
  const fov = cameraFieldOfView(c);
  const { pan } = attitude(c.transform.rotation);
  const apex: P2 = [c.transform.position[0], c.transform.position[2]];
  // heading: pan 0 looks down −z; positive pan turns left (counter-clockwise from above)
  const heading: P2 = [-Math.sin(pan), -Math.cos(pan)];
  const half = fov.horizontalRad / 2;
  const len = lengthM ?? Math.min(60, Math.max(5, c.lens.focusDistanceM * 1.3));
  const ray = (a: number, d: number): P2 => [apex[0] - Math.sin(pan + a) * d, apex[1] - Math.cos(pan + a) * d];
  // the focus chord sits where the frame plane at the focus distance cuts the wedge
  const fd = c.lens.focusDistanceM / Math.cos(half);
  return {
    id: c.id,
    label: `${c.name} · ${formatFocalLength(c.lens.focalLengthMm)}`,
    shots,
    apex,
    heading,
    left: ray(half, len),
    right: ray(-half, len),
    focusLeft: ray(half, Math.min(fd, len)),
    focusRight: ray(-half, Math.min(fd, len)),
    horizontalFovRad: fov.horizontalRad,
  };
}

export interface ActorMark {
  id: string;
  name: string;
  at: P2;
  /** unit facing in plan */
  facing: P2;
  radiusM: number;
}

export interface PlanModel {
  cameras: CameraWedge[];
  actors: ActorMark[];
}

export function planModel(scene: Scene, cameraOverride?: (c: Camera) => Camera): PlanModel {
  const shotsByCamera = new Map<string, string[]>();
  for (const id of scene.shotOrder) {
    const s = scene.shots[id];
    if (!s) continue;
    shotsByCamera.set(s.cameraId, [...(shotsByCamera.get(s.cameraId) ?? []), s.number]);
  }
  const cameras: CameraWedge[] = [];
  const actors: ActorMark[] = [];
  for (const o of Object.values(scene.objects)) {
    if (!o.visible) continue;
    if (o.type === 'camera') {
      const c = cameraOverride ? cameraOverride(o) : o;
      cameras.push(cameraWedge(c, shotsByCamera.get(o.id) ?? []));
    } else if (o.type === 'actor') {
      // an actor faces +z in its own space (toward a camera at the default position)
      const ry = o.transform.rotation[1];
      actors.push({
        id: o.id,
        name: o.name,
        at: [o.transform.position[0], o.transform.position[2]],
        facing: [Math.sin(ry), Math.cos(ry)],
        radiusM: Math.max(0.2, (o.heightCm / 100) * 0.14),
      });
    }
  }
  return { cameras, actors };
}

/** The points a measurement snaps to: camera positions and actor marks. */
export function snapTargets(m: PlanModel): { at: P2; label: string }[] {
  return [...m.cameras.map((c) => ({ at: c.apex, label: c.label })), ...m.actors.map((a) => ({ at: a.at, label: a.name }))];
}

/** Snaps plan point `p` to the nearest target within `radiusM`, else returns it unchanged. */
export function snap(p: P2, targets: { at: P2 }[], radiusM: number): { at: P2; snapped: boolean } {
  let best: P2 | null = null;
  let bestD = radiusM;
  for (const t of targets) {
    const d = Math.hypot(t.at[0] - p[0], t.at[1] - p[1]);
    if (d <= bestD) {
      bestD = d;
      best = t.at;
    }
  }
  return best ? { at: [best[0], best[1]], snapped: true } : { at: p, snapped: false };
}

export function planDistance(a: P2, b: P2): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** A round scale-bar length (1, 2, 5 × 10^n metres) near `targetPx` pixels long. */
export function scaleBarMetres(metresPerPx: number, targetPx = 120): number {
  const raw = metresPerPx * targetPx;
  const p = 10 ** Math.floor(Math.log10(raw));
  const n = raw / p;
  return (n >= 5 ? 5 : n >= 2 ? 2 : 1) * p;
}
