// Set-piece primitives as closed meshes with their exact volumes. Every primitive stands on its base:
// the origin is the centre of the footprint at y = 0, so a new piece sits on the ground.
// Size is width (x) × height (y) × depth (z) in metres, the same as SetPiece.size in the document.
import { MeshBuilder, type MeshData, type Vec3 } from './mesh';
import { breakpoints, extrudeGrid, profileArea } from './extrude';

export type Solid = 'solid';
export interface Primitive {
  mesh: MeshData<Solid>;
  /** exact volume of the generated solid, m³ (0 for an open plane) */
  volume: number;
}

export interface Opening {
  /** centre of the opening along the wall, from the wall's centre, metres */
  offset: number;
  /** bottom of the opening above the wall's base */
  sill: number;
  width: number;
  height: number;
}

function one(fn: (b: MeshBuilder<Solid>) => void): MeshData<Solid> {
  const b = new MeshBuilder<Solid>(['solid']);
  fn(b);
  return b.build().mesh;
}

export function boxPrimitive(size: Vec3): Primitive {
  const [w, h, d] = size;
  return { mesh: one((b) => b.box('solid', [-w / 2, 0, -d / 2], [w / 2, h, d / 2])), volume: w * h * d };
}

/** A flat plane on the ground facing up (render it double-sided). */
export function planePrimitive(size: Vec3): Primitive {
  const [w, , d] = size;
  const mesh = one((b) => b.face('solid', [[-w / 2, 0, -d / 2], [-w / 2, 0, d / 2], [w / 2, 0, d / 2], [w / 2, 0, -d / 2]], [0, 1, 0]));
  return { mesh, volume: 0 };
}

/** An upright cylinder (elliptical if width ≠ depth) as a prism of `segments` sides; volume is the prism's. */
export function cylinderPrimitive(size: Vec3, segments = 32): Primitive {
  const [w, h, d] = size;
  const n = Math.max(3, Math.floor(segments));
  const rx = w / 2;
  const rz = d / 2;
  const ring = (k: number, y: number): Vec3 => {
    const a = (k / n) * Math.PI * 2;
    return [Math.cos(a) * rx, y, Math.sin(a) * rz];
  };
  const mesh = one((b) => {
    for (let k = 0; k < n; k++) {
      const a0 = ((k + 0.5) / n) * Math.PI * 2;
      // side normal of a flat facet of the ellipse prism: perpendicular to its chord in xz
      const p0 = ring(k, 0), p1 = ring(k + 1, 0);
      const nx = p1[2] - p0[2], nz = -(p1[0] - p0[0]);
      const len = Math.hypot(nx, nz) || 1;
      const out = Math.cos(a0) * nx + Math.sin(a0) * nz >= 0 ? 1 : -1;
      b.face('solid', [p0, p1, ring(k + 1, h), ring(k, h)], [(out * nx) / len, 0, (out * nz) / len]);
      b.face('solid', [[0, h, 0], ring(k, h), ring(k + 1, h)], [0, 1, 0]);
      b.face('solid', [[0, 0, 0], ring(k + 1, 0), ring(k, 0)], [0, -1, 0]);
    }
  });
  return { mesh, volume: (n / 2) * rx * rz * Math.sin((2 * Math.PI) / n) * h };
}

/** A straight flight of `steps` equal steps rising towards −z (the first riser faces +z). */
export function stairsPrimitive(size: Vec3, steps: number): Primitive {
  const [w, h, d] = size;
  const n = Math.max(1, Math.floor(steps));
  const run = d / n;
  const rise = h / n;
  // profile in (u = distance up the flight from the front edge, v = height); cell (i, j) solid when j ≤ i
  const u = Array.from({ length: n + 1 }, (_, i) => i * run);
  const v = Array.from({ length: n + 1 }, (_, j) => j * rise);
  const profile = { u, v, solid: (i: number, j: number) => j <= i };
  const mesh = one((b) =>
    extrudeGrid(b, 'solid', profile, -w / 2, w / 2, {
      origin: [0, 0, d / 2],
      uAxis: [0, 0, -1],
      vAxis: [0, 1, 0],
      wAxis: [1, 0, 0],
    }),
  );
  return { mesh, volume: w * profileArea(profile) };
}

/** Openings clipped to the wall; those wholly outside it are dropped. */
export function clipOpenings(size: Vec3, openings: readonly Opening[]): { x0: number; x1: number; y0: number; y1: number }[] {
  const [w, h] = size;
  const out: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const o of openings) {
    const x0 = Math.max(-w / 2, o.offset - o.width / 2);
    const x1 = Math.min(w / 2, o.offset + o.width / 2);
    const y0 = Math.max(0, o.sill);
    const y1 = Math.min(h, o.sill + o.height);
    if (x1 - x0 > 1e-6 && y1 - y0 > 1e-6) out.push({ x0, x1, y0, y1 });
  }
  return out;
}

/** The face profile of a wall (u along x from −w/2, v up) with rectangular holes. */
export function wallProfile(size: Vec3, openings: readonly Opening[]) {
  const [w, h] = size;
  const holes = clipOpenings(size, openings);
  const u = breakpoints([-w / 2, w / 2, ...holes.flatMap((o) => [o.x0, o.x1])]);
  const v = breakpoints([0, h, ...holes.flatMap((o) => [o.y0, o.y1])]);
  const solid = (i: number, j: number) => {
    const cx = (u[i]! + u[i + 1]!) / 2;
    const cy = (v[j]! + v[j + 1]!) / 2;
    return !holes.some((o) => cx > o.x0 && cx < o.x1 && cy > o.y0 && cy < o.y1);
  };
  return { u, v, solid, holes };
}

/** A wall along x, `size[2]` thick, with rectangular openings cut right through it. */
export function wallPrimitive(size: Vec3, openings: readonly Opening[] = []): Primitive {
  const [, , d] = size;
  const profile = wallProfile(size, openings);
  const mesh = one((b) =>
    extrudeGrid(b, 'solid', profile, -d / 2, d / 2, { origin: [0, 0, 0], uAxis: [1, 0, 0], vAxis: [0, 1, 0], wAxis: [0, 0, 1] }),
  );
  return { mesh, volume: profileArea(profile) * d };
}

export type PrimitiveShape = 'box' | 'cylinder' | 'plane' | 'stairs' | 'wall';

/** The mesh of a set piece's shape (the document's SetPiece fields). */
export function setPieceGeometry(piece: { shape: PrimitiveShape; size: Vec3; steps?: number | undefined; openings?: readonly Opening[] | undefined }): Primitive {
  switch (piece.shape) {
    case 'box':
      return boxPrimitive(piece.size);
    case 'cylinder':
      return cylinderPrimitive(piece.size);
    case 'plane':
      return planePrimitive(piece.size);
    case 'stairs':
      return stairsPrimitive(piece.size, piece.steps ?? 8);
    case 'wall':
      return wallPrimitive(piece.size, piece.openings ?? []);
  }
}
