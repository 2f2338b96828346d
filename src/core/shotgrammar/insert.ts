// Inserts: a set object's bounding box between the insert rows. Which corners are highest and lowest in
// frame depends on where the camera ends up, so the corners are re-picked and the framing re-solved until
// they stop changing (two or three rounds).
import { rotationFromAttitude } from '../lens';
import type { SceneObject } from '../document/schema';
import type { Vec3 } from '../rig';
import { blockerOf } from './obstacles';
import { INSERT_FRAMING } from './framingTable';
import { place, type Mark, type Placement } from './place';
import { SolveError, type VerticalHold } from './camera';

export interface Box {
  centre: Vec3;
  half: Vec3;
  rotY: number;
}

export function objectBox(o: SceneObject): Box | null {
  const b = blockerOf(o);
  if (b) return { centre: b.centre, half: b.half[1] > 0 ? b.half : [b.half[0], 0.01, b.half[2]], rotY: b.rotY };
  if (o.type === 'setPiece') {
    // a plane: flat on the ground
    const s = o.transform.scale;
    return { centre: [o.transform.position[0], o.transform.position[1] + 0.005, o.transform.position[2]], half: [(o.size[0] * Math.abs(s[0])) / 2, 0.005, (o.size[2] * Math.abs(s[2])) / 2], rotY: o.transform.rotation[1] };
  }
  return null;
}

export function boxCorners(b: Box): Vec3[] {
  const out: Vec3[] = [];
  const c = Math.cos(b.rotY), s = Math.sin(b.rotY);
  for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) {
    const lx = sx * b.half[0], lz = sz * b.half[2];
    out.push([b.centre[0] + lx * c + lz * s, b.centre[1] + sy * b.half[1], b.centre[2] - lx * s + lz * c]);
  }
  return out;
}

export function insertMarks(box: Box, heading: Vec3, fov: { v: number; h: number }, hold: VerticalHold, dutch: number): { placement: Placement; marks: { top: Mark; bottom: Mark } } {
  const corners = boxCorners(box);
  // start: highest far corner on top, lowest near corner at the bottom
  const along = (p: Vec3) => p[0] * heading[0] + p[2] * heading[2];
  let top = corners.reduce((m, p) => (p[1] > m[1] || (p[1] === m[1] && along(p) > along(m)) ? p : m));
  let bottom = corners.reduce((m, p) => (p[1] < m[1] || (p[1] === m[1] && along(p) < along(m)) ? p : m));
  let placement: Placement | null = null;
  for (let round = 0; round < 6; round++) {
    const r = place({ vFov: fov.v, hFov: fov.h, heading, axis: box.centre, top: { p: top, row: INSERT_FRAMING.topRow }, bottom: { p: bottom, row: INSERT_FRAMING.bottomRow }, lateral: { p: box.centre, ndc: 0 }, ...hold });
    if (!r.ok) throw new SolveError(`Cannot frame this insert: ${r.reason}`);
    placement = r.placement;
    // the corner that is really highest / lowest in frame from here
    const rowOf = (p: Vec3) => {
      const c = placement!.position;
      const d: Vec3 = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
      const th = placement!.pitch, pan = placement!.pan;
      const f: Vec3 = [-Math.sin(pan) * Math.cos(th), Math.sin(th), -Math.cos(pan) * Math.cos(th)];
      const u: Vec3 = [Math.sin(pan) * Math.sin(th), Math.cos(th), Math.cos(pan) * Math.sin(th)];
      return -(d[0] * u[0] + d[1] * u[1] + d[2] * u[2]) / (d[0] * f[0] + d[1] * f[1] + d[2] * f[2]);
    };
    const nextTop = corners.reduce((m, p) => (rowOf(p) < rowOf(m) ? p : m));
    const nextBottom = corners.reduce((m, p) => (rowOf(p) > rowOf(m) ? p : m));
    if (nextTop === top && nextBottom === bottom) break;
    top = nextTop;
    bottom = nextBottom;
  }
  if (dutch) placement!.rotation = rotationFromAttitude({ pan: placement!.pan, tilt: placement!.pitch, dutch });
  return { placement: placement!, marks: { top: { p: top, row: INSERT_FRAMING.topRow }, bottom: { p: bottom, row: INSERT_FRAMING.bottomRow } } };
}
