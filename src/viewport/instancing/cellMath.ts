// The pure rules of static cells (staticCells.ts): which cell of the set a still member bakes into, when a
// member counts as still, which looks may share one baked mesh, which detail each baked member takes in the
// editor camera (and for how far the eye may move before that must be asked again), and the index buffer
// that draws a cell's members each at its own detail.
import { detailLevel, projectedDiameterPx, type ScreenScale } from './cullMath';

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
 * Whether a member of bounding radius `radius`, `distance` from the editor camera's eye, takes its simplified
 * mesh: the same rule as an instance's (cullMath.detailLevel), so a cell shows each member at the detail the
 * per-instance level of detail would give it.
 */
export function memberSimplified(radius: number, distance: number, thresholdPx: number, scale: ScreenScale): boolean {
  return detailLevel(projectedDiameterPx(radius, distance, scale), thresholdPx) === 1;
}

/**
 * How far the eye may move before `memberSimplified` could change its answer for this member. Under a
 * perspective lens the answer flips only where the distance crosses the radius (the eye inside the sphere)
 * or the switch distance (radius × heightPx / (thresholdPx × tan(fov/2))); a distance changes by at most as
 * much as the eye moves, so any move shorter than the gap to both keeps the answer. An orthographic answer
 * does not depend on the distance. The gap is shrunk by a hair so that rounding cannot flip a decision the
 * slack promised to keep.
 */
export function detailSlack(radius: number, distance: number, thresholdPx: number, scale: ScreenScale): number {
  if (scale.kind === 'orthographic') return Infinity;
  const switchAt = (radius * scale.heightPx) / (thresholdPx * scale.tanHalfFovY);
  const gap = Math.min(Math.abs(distance - switchAt), Math.abs(distance - radius));
  return Math.max(0, gap - 1e-6 - 1e-9 * (distance + switchAt));
}

/**
 * The camera pass's index buffer of a cell whose members are not all drawn at full detail: member k's full
 * triangles (`full`, from spans[4k], count spans[4k+1]), or where bit 0 of `detail[k]` is set and it has
 * them its simplified ones (`lod`, from spans[4k+2], count spans[4k+3]; −1: none), or nothing where bit 1 is
 * set (it lies outside the view). Both index the cell's one vertex buffer. Writes into `out`, returns the count.
 */
export function mixIndex(full: ArrayLike<number>, lod: ArrayLike<number>, spans: ArrayLike<number>, detail: ArrayLike<number>, out: { [i: number]: number }): number {
  let n = 0;
  for (let k = 0; k < detail.length; k++) {
    if (detail[k]! & 2) continue;
    const useLod = (detail[k]! & 1) !== 0 && spans[4 * k + 3]! >= 0;
    const src = useLod ? lod : full;
    const from = spans[4 * k + (useLod ? 2 : 0)]!;
    const count = spans[4 * k + (useLod ? 3 : 1)]!;
    for (let i = 0; i < count; i++) out[n + i] = src[from + i]!;
    n += count;
  }
  return n;
}
