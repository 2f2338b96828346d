// Plain-array triangle meshes: what the pure generators produce and what the viewport uploads to the GPU.
// Faces are flat-shaded (vertices are not shared between faces) because set pieces read as blocks on a
// previs stage; welding for topology checks happens in meshCheck.ts by position.

export type Vec3 = [number, number, number];

/** A contiguous run of indices drawn with one material (maps 1:1 onto three's BufferGeometry groups). */
export interface MaterialGroup<M extends string = string> {
  material: M;
  /** first index in `indices` */
  start: number;
  /** number of indices */
  count: number;
}

export interface MeshData<M extends string = string> {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  groups: MaterialGroup<M>[];
}

/** A range of the index buffer that belongs to one piece (a wall panel, a slab…), for picking and fracture. */
export interface IndexRange {
  start: number;
  count: number;
}

interface Bucket {
  positions: number[];
  normals: number[];
  indices: number[];
}

/**
 * Collects triangles per material so the finished index buffer is grouped by material (one draw per material),
 * while still remembering which index range each piece ended up in.
 */
export class MeshBuilder<M extends string = string> {
  private readonly buckets = new Map<M, Bucket>();
  private readonly order: M[];
  private readonly pieces: { material: M; start: number; count: number }[] = [];
  private open: { material: M; start: number } | null = null;

  /** `order` fixes the order of the material groups in the output. */
  constructor(order: readonly M[]) {
    this.order = [...order];
    for (const m of order) this.buckets.set(m, { positions: [], normals: [], indices: [] });
  }

  private bucket(m: M): Bucket {
    const b = this.buckets.get(m);
    if (!b) throw new Error(`material ${m} was not declared`);
    return b;
  }

  /** Starts a piece; everything added until endPiece() must use `material`. Returns the piece number. */
  beginPiece(material: M): number {
    if (this.open) throw new Error('a piece is already open');
    this.open = { material, start: this.bucket(material).indices.length };
    return this.pieces.length;
  }

  endPiece(): number {
    if (!this.open) throw new Error('no piece is open');
    const b = this.bucket(this.open.material);
    this.pieces.push({ material: this.open.material, start: this.open.start, count: b.indices.length - this.open.start });
    this.open = null;
    return this.pieces.length - 1;
  }

  /** A flat polygon (3 or 4 corners, in cyclic order); the winding is chosen so the face looks along `normal`. */
  face(material: M, corners: Vec3[], normal: Vec3): void {
    if (this.open && this.open.material !== material) throw new Error('material differs from the open piece');
    const b = this.bucket(material);
    const a = corners[0]!, c1 = corners[1]!, c2 = corners[2]!;
    // (c1 − a) × (c2 − a) · normal, unrolled: this runs once per face of every building
    const ux = c1[0] - a[0], uy = c1[1] - a[1], uz = c1[2] - a[2];
    const vx = c2[0] - a[0], vy = c2[1] - a[1], vz = c2[2] - a[2];
    const flip = (uy * vz - uz * vy) * normal[0] + (uz * vx - ux * vz) * normal[1] + (ux * vy - uy * vx) * normal[2] < 0;
    const n = corners.length;
    const base = b.positions.length / 3;
    for (let k = 0; k < n; k++) {
      const p = corners[flip ? n - 1 - k : k]!;
      b.positions.push(p[0], p[1], p[2]);
      b.normals.push(normal[0], normal[1], normal[2]);
    }
    for (let i = 1; i + 1 < n; i++) b.indices.push(base, base + i, base + i + 1);
  }

  /** An axis-aligned closed box [min, max] with outward faces. */
  box(material: M, min: Vec3, max: Vec3): void {
    const [x0, y0, z0] = min;
    const [x1, y1, z1] = max;
    this.face(material, [[x1, y0, z0], [x1, y1, z0], [x1, y1, z1], [x1, y0, z1]], [1, 0, 0]);
    this.face(material, [[x0, y0, z0], [x0, y0, z1], [x0, y1, z1], [x0, y1, z0]], [-1, 0, 0]);
    this.face(material, [[x0, y1, z0], [x0, y1, z1], [x1, y1, z1], [x1, y1, z0]], [0, 1, 0]);
    this.face(material, [[x0, y0, z0], [x1, y0, z0], [x1, y0, z1], [x0, y0, z1]], [0, -1, 0]);
    this.face(material, [[x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1]], [0, 0, 1]);
    this.face(material, [[x0, y0, z0], [x0, y1, z0], [x1, y1, z0], [x1, y0, z0]], [0, 0, -1]);
  }

  /** Concatenates the buckets in declared order. Piece ranges are returned in final index space. */
  build(): { mesh: MeshData<M>; pieces: (IndexRange & { material: M })[] } {
    if (this.open) throw new Error('a piece is still open');
    let vCount = 0;
    let iCount = 0;
    for (const m of this.order) {
      const b = this.bucket(m);
      vCount += b.positions.length / 3;
      iCount += b.indices.length;
    }
    const positions = new Float32Array(vCount * 3);
    const normals = new Float32Array(vCount * 3);
    const indices = new Uint32Array(iCount);
    const groups: MaterialGroup<M>[] = [];
    const indexStart = new Map<M, number>();
    let v = 0;
    let i = 0;
    for (const m of this.order) {
      const b = this.bucket(m);
      positions.set(b.positions, v * 3);
      normals.set(b.normals, v * 3);
      for (let k = 0; k < b.indices.length; k++) indices[i + k] = b.indices[k]! + v;
      indexStart.set(m, i);
      if (b.indices.length > 0) groups.push({ material: m, start: i, count: b.indices.length });
      v += b.positions.length / 3;
      i += b.indices.length;
    }
    const pieces = this.pieces.map((p) => ({ material: p.material, start: indexStart.get(p.material)! + p.start, count: p.count }));
    return { mesh: { positions, normals, indices, groups }, pieces };
  }
}

/**
 * Signed volume enclosed by the triangles (divergence theorem). For a closed, outward-wound mesh this is its
 * volume; a sum over several closed shells is the sum of their volumes. Accumulated in float64.
 */
export function signedVolume(mesh: Pick<MeshData, 'positions' | 'indices'>, range?: IndexRange): number {
  const { positions: p, indices: ix } = mesh;
  const start = range?.start ?? 0;
  const end = range ? range.start + range.count : ix.length;
  let v = 0;
  for (let t = start; t < end; t += 3) {
    const a = ix[t]! * 3;
    const b = ix[t + 1]! * 3;
    const c = ix[t + 2]! * 3;
    const ax = p[a]!, ay = p[a + 1]!, az = p[a + 2]!;
    const bx = p[b]!, by = p[b + 1]!, bz = p[b + 2]!;
    const cx = p[c]!, cy = p[c + 1]!, cz = p[c + 2]!;
    v += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return v / 6;
}

/** Axis-aligned bounds of the mesh's vertices. */
export function meshBounds(mesh: Pick<MeshData, 'positions'>): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const p = mesh.positions;
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const x = p[i + k]!;
      if (x < min[k]!) min[k] = x;
      if (x > max[k]!) max[k] = x;
    }
  }
  return { min, max };
}
