// The building as structural members: wall panels (piers, sills and lintels around each window) and floor
// slabs, every one an axis-aligned box and no two overlapping, so a fracture that cuts each member by the
// Voronoi cells conserves the building's volume exactly. Coordinates are the building's local frame:
// origin at the centre of the base, x across the width, z across the depth, y up, metres.

export type MemberKind = 'wall' | 'slab';

export interface Member {
  kind: MemberKind;
  /** storey index, 0 at the ground */
  storey: number;
  min: [number, number, number];
  max: [number, number, number];
}

/** The parametric inputs the fracture reads (the document's Building minus transform and looks). */
export interface BuildingShape {
  footprint: { width: number; depth: number };
  floors: number;
  floorHeight: number;
  bays: { x: number; z: number };
  windowRatio: number;
}

export interface BuildingSolid {
  members: Member[];
  bounds: { min: [number, number, number]; max: [number, number, number] };
  wallThickness: number;
  slabThickness: number;
}

export function wallThicknessOf(b: BuildingShape): number {
  return Math.min(0.3, b.footprint.width / 8, b.footprint.depth / 8);
}

export function slabThicknessOf(b: BuildingShape): number {
  return Math.min(0.25, b.floorHeight / 6);
}

/** Splits one storey-high wall run into piers, sills and lintels around a centred window in each bay. */
function wallRun(
  out: Member[],
  storey: number,
  axis: 'x' | 'z',
  from: number,
  to: number,
  across: [number, number],
  y0: number,
  y1: number,
  bays: number,
  windowRatio: number,
): void {
  const put = (a0: number, a1: number, b0: number, b1: number) => {
    if (a1 - a0 < 1e-6 || b1 - b0 < 1e-6) return;
    const min: [number, number, number] = axis === 'x' ? [a0, b0, across[0]] : [across[0], b0, a0];
    const max: [number, number, number] = axis === 'x' ? [a1, b1, across[1]] : [across[1], b1, a1];
    out.push({ kind: 'wall', storey, min, max });
  };
  const bayW = (to - from) / bays;
  const h = y1 - y0;
  const s = Math.sqrt(windowRatio);
  for (let i = 0; i < bays; i++) {
    const a0 = from + i * bayW;
    const a1 = a0 + bayW;
    if (s < 1e-3) {
      put(a0, a1, y0, y1);
      continue;
    }
    const ww = bayW * s;
    const wh = h * s;
    const pier = (bayW - ww) / 2;
    const sill = (h - wh) * 0.55;
    put(a0, a0 + pier, y0, y1);
    put(a1 - pier, a1, y0, y1);
    put(a0 + pier, a1 - pier, y0, y0 + sill);
    put(a0 + pier, a1 - pier, y0 + sill + wh, y1);
  }
}

export function buildingSolid(b: BuildingShape): BuildingSolid {
  const W = b.footprint.width, D = b.footprint.depth, fh = b.floorHeight;
  const t = wallThicknessOf(b);
  const s = slabThicknessOf(b);
  const members: Member[] = [];
  const ix0 = -W / 2 + t, ix1 = W / 2 - t, iz0 = -D / 2 + t, iz1 = D / 2 - t;
  for (let k = 0; k < b.floors; k++) {
    const y0 = k * fh, y1 = (k + 1) * fh;
    members.push({ kind: 'slab', storey: k, min: [ix0, y0, iz0], max: [ix1, y0 + s, iz1] });
    // front and back walls run the full width; the side walls fit between them, so corners never overlap
    wallRun(members, k, 'x', -W / 2, W / 2, [D / 2 - t, D / 2], y0, y1, b.bays.x, b.windowRatio);
    wallRun(members, k, 'x', -W / 2, W / 2, [-D / 2, -D / 2 + t], y0, y1, b.bays.x, b.windowRatio);
    wallRun(members, k, 'z', iz0, iz1, [W / 2 - t, W / 2], y0, y1, b.bays.z, b.windowRatio);
    wallRun(members, k, 'z', iz0, iz1, [-W / 2, -W / 2 + t], y0, y1, b.bays.z, b.windowRatio);
  }
  const H = b.floors * fh;
  members.push({ kind: 'slab', storey: b.floors, min: [ix0, H - s, iz0], max: [ix1, H, iz1] });
  return { members, bounds: { min: [-W / 2, 0, -D / 2], max: [W / 2, H, D / 2] }, wallThickness: t, slabThickness: s };
}

export function memberVolume(m: Member): number {
  return (m.max[0] - m.min[0]) * (m.max[1] - m.min[1]) * (m.max[2] - m.min[2]);
}

export function solidVolume(solid: BuildingSolid): number {
  let v = 0;
  for (const m of solid.members) v += memberVolume(m);
  return v;
}
