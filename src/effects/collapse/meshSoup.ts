// An imported mesh as the fracture sees it: a triangle soup in the layer's frame (metres, y up, base on the
// ground), welded and checked before anything is cut. Fracture needs a closed, consistently wound surface
// that bounds a real volume; anything else is refused with a reason the artist can act on.

/** Triangles in the layer's frame: xyz per vertex, three vertex indices per triangle. */
export interface TriangleSoup {
  positions: Float32Array;
  indices: Uint32Array;
}

/** Above this the convex decomposition (quadratic in the faces of a smooth mesh: 1.4 s for a 1,280-face sphere)
 * is too slow for an interactive run; a low-poly proxy is the answer. */
export const MAX_MESH_TRIANGLES = 5_000;

export class MeshFractureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeshFractureError';
  }
}

export interface WeldedMesh {
  /** welded corner positions, float64 */
  positions: Float64Array;
  /** triangles over the welded corners (degenerate ones dropped) */
  triangles: Uint32Array;
  /** signed volume of the closed surface, m³ (positive: wound outward) */
  volume: number;
  bounds: { min: [number, number, number]; max: [number, number, number] };
}

/**
 * Welds corners that coincide (glTF splits them at UV and normal seams), then checks the surface: every edge
 * must be walked once in each direction by the triangles that share it (closed and consistently wound), and
 * the enclosed volume must be real. A surface wound inward throughout is turned the right way out.
 */
export function weldAndCheck(soup: TriangleSoup): WeldedMesh {
  const { positions: P, indices: I } = soup;
  const triCount = Math.floor(I.length / 3);
  if (triCount === 0) throw new MeshFractureError('the mesh has no triangles to fracture');
  if (triCount > MAX_MESH_TRIANGLES) {
    throw new MeshFractureError(
      `the mesh has ${triCount.toLocaleString('en')} triangles; fracture takes at most ${MAX_MESH_TRIANGLES.toLocaleString('en')} (collapse a low-poly proxy instead)`,
    );
  }
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < P.length; i++) {
    const v = P[i]!;
    if (!Number.isFinite(v)) throw new MeshFractureError('the mesh has a vertex that is not a finite number');
    const k = i % 3;
    if (v < min[k]!) min[k] = v;
    if (v > max[k]!) max[k] = v;
  }
  const extent = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
  if (!(extent > 0)) throw new MeshFractureError('the mesh has zero size');
  // corners closer than a millionth of the mesh size are the same corner
  const q = extent * 1e-6;
  const ids = new Map<string, number>();
  const remap = new Uint32Array(P.length / 3);
  const welded: number[] = [];
  for (let v = 0; v < P.length / 3; v++) {
    const key = `${Math.round(P[3 * v]! / q)},${Math.round(P[3 * v + 1]! / q)},${Math.round(P[3 * v + 2]! / q)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = welded.length / 3;
      ids.set(key, id);
      welded.push(P[3 * v]!, P[3 * v + 1]!, P[3 * v + 2]!);
    }
    remap[v] = id;
  }
  const tris: number[] = [];
  for (let t = 0; t < triCount; t++) {
    const ia = I[3 * t]!, ib = I[3 * t + 1]!, ic = I[3 * t + 2]!;
    if (ia >= remap.length || ib >= remap.length || ic >= remap.length) throw new MeshFractureError(`triangle ${t} points past the mesh's vertices`);
    const a = remap[ia]!, b = remap[ib]!, c = remap[ic]!;
    if (a === b || b === c || a === c) continue; // collapsed by the weld: no area, no edges of its own
    tris.push(a, b, c);
  }
  if (tris.length === 0) throw new MeshFractureError('every triangle of the mesh is degenerate');

  // directed edge balance: +1 for a→b, −1 for b→a, keyed by the unordered pair
  const n = welded.length / 3;
  const balance = new Map<number, number>();
  const edge = (a: number, b: number) => {
    const key = a < b ? a * n + b : b * n + a;
    balance.set(key, (balance.get(key) ?? 0) + (a < b ? 1 : -1));
  };
  for (let t = 0; t < tris.length; t += 3) {
    edge(tris[t]!, tris[t + 1]!);
    edge(tris[t + 1]!, tris[t + 2]!);
    edge(tris[t + 2]!, tris[t]!);
  }
  let open = 0;
  for (const b of balance.values()) if (b !== 0) open++;
  if (open > 0) {
    throw new MeshFractureError(
      `the mesh is not closed: ${open.toLocaleString('en')} edge${open === 1 ? '' : 's'} border a hole or join faces wound opposite ways; fracture needs a watertight mesh`,
    );
  }

  let volume = signedVolume(welded, tris);
  const scale = extent ** 3;
  if (!(Math.abs(volume) > scale * 1e-9)) throw new MeshFractureError('the mesh encloses no volume (it is flat or its faces cancel out)');
  if (volume < 0) {
    for (let t = 0; t < tris.length; t += 3) {
      const b = tris[t + 1]!;
      tris[t + 1] = tris[t + 2]!;
      tris[t + 2] = b;
    }
    volume = -volume;
  }
  return { positions: Float64Array.from(welded), triangles: Uint32Array.from(tris), volume, bounds: { min, max } };
}

/** Signed volume by the divergence theorem: the sum of tetrahedra from the origin to every triangle. */
export function signedVolume(P: ArrayLike<number>, T: ArrayLike<number>): number {
  let v = 0;
  for (let t = 0; t + 2 < T.length; t += 3) {
    const a = 3 * T[t]!, b = 3 * T[t + 1]!, c = 3 * T[t + 2]!;
    const ax = P[a]!, ay = P[a + 1]!, az = P[a + 2]!;
    const bx = P[b]!, by = P[b + 1]!, bz = P[b + 2]!;
    const cx = P[c]!, cy = P[c + 1]!, cz = P[c + 2]!;
    v += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
  }
  return v / 6;
}

/** Canonical bytes of a soup (positions then indices, little-endian) for the layer's input hash. */
export function soupBytes(soup: TriangleSoup): Uint8Array {
  const out = new Uint8Array(8 + soup.positions.byteLength + soup.indices.byteLength);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, soup.positions.length, true);
  dv.setUint32(4, soup.indices.length, true);
  let o = 8;
  for (const v of soup.positions) {
    dv.setFloat32(o, v, true);
    o += 4;
  }
  for (const v of soup.indices) {
    dv.setUint32(o, v, true);
    o += 4;
  }
  return out;
}
