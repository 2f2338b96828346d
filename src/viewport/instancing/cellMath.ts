// The pure rules of static cells (staticCells.ts): which cell of the set a still member bakes into, when a
// member counts as still, which looks may share one baked mesh, and when a whole cell may take its
// simplified mesh in the editor camera.

/** A cell of the ground plan: square, `size` metres a side, named by its column and row. */
export function cellOf(x: number, z: number, size: number): string {
  return `${Math.floor(x / size)},${Math.floor(z / size)}`;
}

/** What a member tells the cell rule about itself. */
export interface MemberState {
  /** an instance draws it now (not selected, not hidden, not mirrored: otherwise it draws itself or nothing) */
  shown: boolean;
  /** its bucket's look can be baked (see batchSignature) */
  batchable: boolean;
  /** when its slot was last written (moved, shown or hidden), ms */
  writtenAt: number;
  /** it is in a cell already, baked as its slot stands now */
  baked: boolean;
}

/**
 * Whether a member belongs in a baked cell at `now`: drawn by an instance, of a bakeable look, and either
 * baked already (unchanged since) or still for `settleMs`. A dragged, animated or playing object keeps
 * moving, so it stays an instance (no rebuild per frame); it rejoins its cell once it has rested.
 */
export function staysInCell(m: MemberState, now: number, settleMs: number): boolean {
  return m.shown && m.batchable && (m.baked || now - m.writtenAt >= settleMs);
}

/** The material fields a baked mesh must share with every bucket it draws for. */
export interface BakeableMaterial {
  type: string;
  side: number;
  transparent: boolean;
  opacity: number;
  alphaTest: number;
  wireframe?: boolean;
  flatShading?: boolean;
  vertexColors: boolean;
  roughness?: number;
  metalness?: number;
  color?: { getHexString(): string };
  emissive?: { getHexString(): string };
  emissiveIntensity?: number;
  [k: string]: unknown;
}

/** Texture slots: a bucket with any of them keeps its instances (a baked mesh carries no UVs). */
const MAPS = ['map', 'lightMap', 'aoMap', 'emissiveMap', 'bumpMap', 'normalMap', 'displacementMap', 'roughnessMap', 'metalnessMap', 'alphaMap', 'envMap'];

/**
 * A key that is equal for two buckets exactly when one baked mesh (per-vertex colours standing in for
 * the instance colours) draws both as they would draw themselves; null when the look cannot be baked
 * (textures, transparency, vertex colours of its own, a material other than the standard one).
 */
export function batchSignature(m: BakeableMaterial, castShadow: boolean, receiveShadow: boolean): string | null {
  if (m.type !== 'MeshStandardMaterial' || m.transparent || m.vertexColors || m.alphaTest > 0 || m.wireframe) return null;
  for (const k of MAPS) if (m[k]) return null;
  return [m.side, m.opacity, m.flatShading ? 1 : 0, m.roughness, m.metalness, m.color?.getHexString(), m.emissive?.getHexString(), m.emissiveIntensity, castShadow ? 1 : 0, receiveShadow ? 1 : 0].join('|');
}

/**
 * Whether a baked cell may draw its simplified mesh: only when every member that has a simplified mesh
 * would take it on its own (`diametersPx[i] < thresholdsPx[i]`), so a cell never shows less detail than
 * the per-instance level of detail would.
 */
export function cellSimplified(diametersPx: ArrayLike<number>, thresholdsPx: ArrayLike<number>): boolean {
  let any = false;
  for (let i = 0; i < diametersPx.length; i++) {
    if (!(diametersPx[i]! < thresholdsPx[i]!)) return false;
    any = true;
  }
  return any;
}
