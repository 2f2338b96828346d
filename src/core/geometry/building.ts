// Parametric building: footprint, storeys, bays, windows and roof → a mesh grouped by material, its exact
// solid volume, and a structural description (slabs, wall panels per bay and storey, columns, glass, roof)
// that a fracture/collapse step can cut piece by piece.
//
// Local frame: origin at the centre of the footprint on the ground, y up, the front facade faces +z.
// Every structural piece is its own closed, outward-wound solid; pieces touch but never overlap, so the
// building's volume is the sum of the pieces' volumes and each piece's index range is a fracture input.
import { MeshBuilder, type IndexRange, type MeshData, type Vec3 } from './mesh';
import { extrudeGrid } from './extrude';

export const BUILDING_GENERATOR_VERSION = 'building/1';

export type RoofShape = 'flat' | 'gable' | 'hip';
export type BuildingMaterialGroup = 'walls' | 'glass' | 'roof' | 'slab';
export type Facade = 'front' | 'back' | 'left' | 'right';

export interface BuildingParams {
  footprint: { width: number; depth: number };
  floors: number;
  floorHeight: number;
  bays: { x: number; z: number };
  /** requested glazed fraction of each bay's face, 0–0.95 */
  windowRatio: number;
  roof: RoofShape;
}

/** Fixed construction dimensions of this generator version (metres, radians). */
export const CONSTRUCTION = {
  wallThickness: 0.25,
  slabThickness: 0.2,
  columnSize: 0.3,
  glassThickness: 0.02,
  minPier: 0.1,
  minSpandrel: 0.1,
  roofPitch: (30 * Math.PI) / 180,
} as const;

/** Beyond this a building is refused rather than freezing the tab; the user is told to reduce floors or bays. */
export const MAX_BUILDING_TRIANGLES = 2_000_000;

export type ElementKind = 'wall' | 'slab' | 'column' | 'glass' | 'roof';

export interface StructuralElement {
  /** stable within a parameter set: 'wall:front:2:1', 'slab:3', 'column:0:1:2', 'glass:left:0:0', 'roof' */
  id: string;
  kind: ElementKind;
  /** storey index (slab k is the floor of storey k; the roof slab and roof belong to storey `floors`) */
  floor: number;
  facade: Facade | null;
  bay: number | null;
  min: Vec3;
  max: Vec3;
  /** exact volume of this element's solid, m³ */
  volume: number;
  /** triangles of this element in the building mesh */
  range: IndexRange;
  /** the window cut through a wall panel, as a box; null when none */
  opening: { min: Vec3; max: Vec3 } | null;
  /** ids of the elements it rests on; empty when it rests on the ground */
  supportedBy: string[];
}

export interface BuildingVolumes {
  walls: number;
  slabs: number;
  columns: number;
  glass: number;
  roof: number;
  total: number;
}

export interface BuildingGeometry {
  mesh: MeshData<BuildingMaterialGroup>;
  elements: StructuralElement[];
  volumes: BuildingVolumes;
  /** window size actually used (the request is clamped so piers and spandrels remain) */
  window: { width: number; height: number } | null;
  /** total height including the roof, metres */
  height: number;
}

export interface ResolvedDims {
  wall: number;
  slab: number;
  column: number;
  glass: number;
  roofRise: number;
  window: { width: number; height: number } | null;
}

/** Rejects parameters the generator cannot build (the document schema admits a wider range than is sane here). */
export function validateBuildingParams(p: BuildingParams): void {
  const pos = (x: number) => Number.isFinite(x) && x > 0;
  if (!pos(p.footprint.width) || !pos(p.footprint.depth)) throw new RangeError('footprint must be positive');
  if (!Number.isInteger(p.floors) || p.floors < 1) throw new RangeError('floors must be a whole number ≥ 1');
  if (!pos(p.floorHeight)) throw new RangeError('floor height must be positive');
  if (!Number.isInteger(p.bays.x) || !Number.isInteger(p.bays.z) || p.bays.x < 1 || p.bays.z < 1) {
    throw new RangeError('bays must be whole numbers ≥ 1');
  }
  if (!(p.windowRatio >= 0 && p.windowRatio <= 0.95)) throw new RangeError('window ratio must be within 0–0.95');
  const tris = estimateBuildingTriangles(p);
  if (tris > MAX_BUILDING_TRIANGLES) {
    throw new RangeError(
      `building needs about ${tris.toLocaleString('en')} triangles (limit ${MAX_BUILDING_TRIANGLES.toLocaleString('en')}); reduce floors or bays`,
    );
  }
}

/** Upper bound of the triangle count, cheap enough to call on every slider move. */
export function estimateBuildingTriangles(p: BuildingParams): number {
  const panels = p.floors * 2 * (p.bays.x + p.bays.z);
  const columns = p.floors * Math.max(0, p.bays.x - 1) * Math.max(0, p.bays.z - 1);
  return panels * (64 + 12) + columns * 12 + (p.floors + 1) * 12 + 8;
}

/** Wall, slab and column sizes shrink for tiny footprints so the pieces never overlap. */
export function resolveDims(p: BuildingParams): ResolvedDims {
  const W = p.footprint.width;
  const D = p.footprint.depth;
  const fh = p.floorHeight;
  const bayX = W / p.bays.x;
  const bayZ = D / p.bays.z;
  const wall = Math.min(CONSTRUCTION.wallThickness, Math.min(bayX, bayZ) / 4);
  const slab = Math.min(CONSTRUCTION.slabThickness, fh / 5);
  const column = Math.min(CONSTRUCTION.columnSize, Math.min(bayX, bayZ) / 4);
  const glass = Math.min(CONSTRUCTION.glassThickness, wall / 4);
  const roofRise = p.roof === 'flat' ? 0 : (Math.min(W, D) / 2) * Math.tan(CONSTRUCTION.roofPitch);
  // one window size for every bay: sized on the narrower bay and the clear storey height
  const bay = Math.min(bayX, bayZ);
  const maxW = bay - 2 * (wall + CONSTRUCTION.minPier);
  const maxH = fh - 2 * slab - 2 * CONSTRUCTION.minSpandrel;
  let window: ResolvedDims['window'] = null;
  if (p.windowRatio > 0 && maxW > 0.01 && maxH > 0.01) {
    const area = p.windowRatio * bay * fh;
    let w = bay * Math.sqrt(p.windowRatio);
    let h = fh * Math.sqrt(p.windowRatio);
    if (w > maxW) {
      w = maxW;
      h = area / w;
    }
    if (h > maxH) {
      h = maxH;
      w = Math.min(maxW, area / h);
    }
    window = { width: w, height: h };
  }
  return { wall, slab, column, glass, roofRise, window };
}

/** The generator's inputs picked out of a document Building (name, colour, transform… are not geometry). */
export function buildingParams(o: BuildingParams): BuildingParams {
  return {
    footprint: { width: o.footprint.width, depth: o.footprint.depth },
    floors: o.floors,
    floorHeight: o.floorHeight,
    bays: { x: o.bays.x, z: o.bays.z },
    windowRatio: o.windowRatio,
    roof: o.roof,
  };
}

/** The canonical text a content hash of the building is computed from (params + generator version). */
export function buildingHashInput(p: BuildingParams): string {
  return JSON.stringify({
    generator: BUILDING_GENERATOR_VERSION,
    footprint: { depth: p.footprint.depth, width: p.footprint.width },
    floors: p.floors,
    floorHeight: p.floorHeight,
    bays: { x: p.bays.x, z: p.bays.z },
    windowRatio: p.windowRatio,
    roof: p.roof,
  });
}

const boxVolume = (min: Vec3, max: Vec3) => (max[0] - min[0]) * (max[1] - min[1]) * (max[2] - min[2]);

export function generateBuilding(p: BuildingParams): BuildingGeometry {
  validateBuildingParams(p);
  const W = p.footprint.width;
  const D = p.footprint.depth;
  const fh = p.floorHeight;
  const H = p.floors * fh;
  const dims = resolveDims(p);
  const { wall: t, slab: s, column: c, glass: g, window: win } = dims;
  const b = new MeshBuilder<BuildingMaterialGroup>(['walls', 'glass', 'slab', 'roof']);
  const elements: StructuralElement[] = [];
  const ranges: IndexRange[] = [];
  const piece = (material: BuildingMaterialGroup, draw: () => void) => {
    b.beginPiece(material);
    draw();
    b.endPiece();
  };
  const pending: Omit<StructuralElement, 'range'>[] = [];

  const slabY = (k: number): [number, number] => (k === 0 ? [0, s] : [k * fh - s, k * fh]);
  // the clear band of storey f, between its floor slab and its ceiling slab
  const band = (f: number): [number, number] => [f * fh + s, (f + 1) * fh - s];
  const inner = { x0: -W / 2 + t, x1: W / 2 - t, z0: -D / 2 + t, z1: D / 2 - t };

  // Wall panels: front/back run the full width, left/right fit between them.
  const facades: { facade: Facade; bays: number; span: number; lo: number; hi: number; w0: number; w1: number; uAxis: Vec3; wAxis: Vec3 }[] = [
    { facade: 'front', bays: p.bays.x, span: W, lo: -W / 2, hi: W / 2, w0: D / 2 - t, w1: D / 2, uAxis: [1, 0, 0], wAxis: [0, 0, 1] },
    { facade: 'back', bays: p.bays.x, span: W, lo: -W / 2, hi: W / 2, w0: -D / 2, w1: -D / 2 + t, uAxis: [1, 0, 0], wAxis: [0, 0, 1] },
    { facade: 'left', bays: p.bays.z, span: D, lo: inner.z0, hi: inner.z1, w0: -W / 2, w1: -W / 2 + t, uAxis: [0, 0, 1], wAxis: [1, 0, 0] },
    { facade: 'right', bays: p.bays.z, span: D, lo: inner.z0, hi: inner.z1, w0: W / 2 - t, w1: W / 2, uAxis: [0, 0, 1], wAxis: [1, 0, 0] },
  ];
  const toWorld = (uAxis: Vec3, wAxis: Vec3, u: number, v: number, w: number): Vec3 => [
    uAxis[0] * u + wAxis[0] * w,
    v,
    uAxis[2] * u + wAxis[2] * w,
  ];

  for (let f = 0; f < p.floors; f++) {
    for (const fa of facades) {
      const bay = fa.span / fa.bays;
      for (let i = 0; i < fa.bays; i++) {
        const ua = Math.max(fa.lo, -fa.span / 2 + i * bay);
        const ub = Math.min(fa.hi, -fa.span / 2 + (i + 1) * bay);
        const va = f * fh;
        const vb = (f + 1) * fh;
        const centre = -fa.span / 2 + (i + 0.5) * bay;
        const [b0, b1] = band(f);
        const hole = win
          ? { u0: centre - win.width / 2, u1: centre + win.width / 2, v0: (b0 + b1) / 2 - win.height / 2, v1: (b0 + b1) / 2 + win.height / 2 }
          : null;
        const u = hole ? [ua, hole.u0, hole.u1, ub] : [ua, ub];
        const v = hole ? [va, hole.v0, hole.v1, vb] : [va, vb];
        const profile = { u, v, solid: (ci: number, cj: number) => !(hole && ci === 1 && cj === 1) };
        const id = `wall:${fa.facade}:${f}:${i}`;
        piece('walls', () => extrudeGrid(b, 'walls', profile, fa.w0, fa.w1, { origin: [0, 0, 0], uAxis: fa.uAxis, vAxis: [0, 1, 0], wAxis: fa.wAxis }));
        const min = toWorld(fa.uAxis, fa.wAxis, ua, va, fa.w0);
        const max = toWorld(fa.uAxis, fa.wAxis, ub, vb, fa.w1);
        const holeBox = hole
          ? { min: toWorld(fa.uAxis, fa.wAxis, hole.u0, hole.v0, fa.w0), max: toWorld(fa.uAxis, fa.wAxis, hole.u1, hole.v1, fa.w1) }
          : null;
        const holeVolume = hole ? (hole.u1 - hole.u0) * (hole.v1 - hole.v0) * t : 0;
        pending.push({
          id,
          kind: 'wall',
          floor: f,
          facade: fa.facade,
          bay: i,
          min,
          max,
          volume: (ub - ua) * (vb - va) * t - holeVolume,
          opening: holeBox,
          supportedBy: f === 0 ? [] : [`wall:${fa.facade}:${f - 1}:${i}`],
        });
        if (hole && holeBox) {
          const mid = (fa.w0 + fa.w1) / 2;
          const gmin = toWorld(fa.uAxis, fa.wAxis, hole.u0, hole.v0, mid - g / 2);
          const gmax = toWorld(fa.uAxis, fa.wAxis, hole.u1, hole.v1, mid + g / 2);
          piece('glass', () => b.box('glass', gmin, gmax));
          pending.push({
            id: `glass:${fa.facade}:${f}:${i}`,
            kind: 'glass',
            floor: f,
            facade: fa.facade,
            bay: i,
            min: gmin,
            max: gmax,
            volume: boxVolume(gmin, gmax),
            opening: null,
            supportedBy: [id],
          });
        }
      }
    }
  }

  const storeyIds = (f: number) => [
    ...facades.flatMap((fa) => Array.from({ length: fa.bays }, (_, i) => `wall:${fa.facade}:${f}:${i}`)),
    ...columnIds(p, f),
  ];

  // Floor slabs: slab 0 on the ground, slab k the ceiling of storey k−1; the top slab is the flat roof.
  for (let k = 0; k <= p.floors; k++) {
    const [y0, y1] = slabY(k);
    const min: Vec3 = [inner.x0, y0, inner.z0];
    const max: Vec3 = [inner.x1, y1, inner.z1];
    const material: BuildingMaterialGroup = k === p.floors && p.roof === 'flat' ? 'roof' : 'slab';
    piece(material, () => b.box(material, min, max));
    pending.push({
      id: `slab:${k}`,
      kind: 'slab',
      floor: k,
      facade: null,
      bay: null,
      min,
      max,
      volume: boxVolume(min, max),
      opening: null,
      supportedBy: k === 0 ? [] : storeyIds(k - 1),
    });
  }

  // Interior columns where the bay lines cross, one per storey, between floor slab and ceiling slab.
  for (let f = 0; f < p.floors; f++) {
    const [y0, y1] = band(f);
    for (let i = 1; i < p.bays.x; i++) {
      for (let j = 1; j < p.bays.z; j++) {
        const x = -W / 2 + (i * W) / p.bays.x;
        const z = -D / 2 + (j * D) / p.bays.z;
        const min: Vec3 = [x - c / 2, y0, z - c / 2];
        const max: Vec3 = [x + c / 2, y1, z + c / 2];
        piece('walls', () => b.box('walls', min, max));
        pending.push({
          id: `column:${f}:${i}:${j}`,
          kind: 'column',
          floor: f,
          facade: null,
          bay: null,
          min,
          max,
          volume: boxVolume(min, max),
          opening: null,
          supportedBy: [`slab:${f}`],
        });
      }
    }
  }

  if (p.roof !== 'flat') {
    const roofVolume = pitchedRoof(b, p.roof, W, D, H, dims.roofRise);
    pending.push({
      id: 'roof',
      kind: 'roof',
      floor: p.floors,
      facade: null,
      bay: null,
      min: [-W / 2, H, -D / 2],
      max: [W / 2, H + dims.roofRise, D / 2],
      volume: roofVolume,
      opening: null,
      supportedBy: [`slab:${p.floors}`, ...facades.flatMap((fa) => Array.from({ length: fa.bays }, (_, i) => `wall:${fa.facade}:${p.floors - 1}:${i}`))],
    });
  }

  const built = b.build();
  built.pieces.forEach((r) => ranges.push({ start: r.start, count: r.count }));
  pending.forEach((e, n) => elements.push({ ...e, range: ranges[n]! }));

  const volumes: BuildingVolumes = { walls: 0, slabs: 0, columns: 0, glass: 0, roof: 0, total: 0 };
  for (const e of elements) {
    const key = e.kind === 'wall' ? 'walls' : e.kind === 'slab' ? 'slabs' : e.kind === 'column' ? 'columns' : e.kind;
    volumes[key] += e.volume;
    volumes.total += e.volume;
  }
  return { mesh: built.mesh, elements, volumes, window: win, height: H + dims.roofRise };
}

function columnIds(p: BuildingParams, f: number): string[] {
  const out: string[] = [];
  for (let i = 1; i < p.bays.x; i++) for (let j = 1; j < p.bays.z; j++) out.push(`column:${f}:${i}:${j}`);
  return out;
}

/** A gable or hip roof as one closed convex solid on top of the walls; returns its exact volume. */
function pitchedRoof(b: MeshBuilder<BuildingMaterialGroup>, shape: 'gable' | 'hip', W: number, D: number, H: number, rise: number): number {
  // Build with the ridge along local +x (the long side), then swap axes when the building is deeper than wide.
  const alongX = W >= D;
  const L = alongX ? W : D; // ridge direction length
  const S = alongX ? D : W; // span across the ridge
  const map = (a: number, y: number, c: number): Vec3 => (alongX ? [a, y, c] : [c, y, a]);
  const top = H + rise;
  const inset = shape === 'hip' ? S / 2 : 0;
  const r0 = -L / 2 + inset;
  const r1 = L / 2 - inset;
  const corners = {
    a: map(-L / 2, H, -S / 2),
    b: map(L / 2, H, -S / 2),
    c: map(L / 2, H, S / 2),
    d: map(-L / 2, H, S / 2),
    r0: map(r0, top, 0),
    r1: map(r1, top, 0),
  };
  const centroid: Vec3 = [0, H + rise / 4, 0];
  const ridgeIsPoint = r1 - r0 < 1e-9;
  const faces: Vec3[][] = [[corners.a, corners.b, corners.c, corners.d]];
  if (ridgeIsPoint) {
    faces.push([corners.a, corners.b, corners.r0], [corners.b, corners.c, corners.r0], [corners.c, corners.d, corners.r0], [corners.d, corners.a, corners.r0]);
  } else {
    faces.push(
      [corners.a, corners.b, corners.r1, corners.r0],
      [corners.d, corners.c, corners.r1, corners.r0],
      [corners.a, corners.d, corners.r0],
      [corners.b, corners.c, corners.r1],
    );
  }
  b.beginPiece('roof');
  for (const f of faces) b.face('roof', f, outwardNormal(f, centroid));
  b.endPiece();
  // gable: a triangular prism; hip: the prism between the hips plus two half-pyramids at the ends
  return shape === 'gable' ? (L * S * rise) / 2 : (S * rise * L) / 2 - (S * S * rise) / 6;
}

function outwardNormal(face: Vec3[], centroid: Vec3): Vec3 {
  const [a, b, c] = face as [Vec3, Vec3, Vec3];
  const u: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const v: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  let n: Vec3 = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const len = Math.hypot(n[0], n[1], n[2]) || 1;
  n = [n[0] / len, n[1] / len, n[2] / len];
  const mid = face.reduce<Vec3>((m, p) => [m[0] + p[0] / face.length, m[1] + p[1] / face.length, m[2] + p[2] / face.length], [0, 0, 0]);
  const out = (mid[0] - centroid[0]) * n[0] + (mid[1] - centroid[1]) * n[1] + (mid[2] - centroid[2]) * n[2];
  return out < 0 ? [-n[0], -n[1], -n[2]] : n;
}
