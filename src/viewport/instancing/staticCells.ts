// Still members of the instance pool baked into plain meshes: one mesh per cell of the ground plan and per
// look (material signature), its vertices already in world space, each member's colour in its vertices.
// Why: measured on this project's software GL (SwiftShader through ANGLE), an instanced draw costs about
// 60 µs a visible instance apart from its triangles (1×1-scissor renders of the 1,000-prop bench set: the
// same triangles took 67 ms instanced and 33 ms baked), which made the camera pass grow with the instances
// seen although their triangles had been cut.
// A cell bakes only members that are still (cellMath.staysInCell): a selected object draws itself, and a
// dragged or animated one leaves its cell on its first move and draws as an instance until it has rested;
// only the cells it left or joined are rebuilt, before the next render. three culls each cell against the
// camera's frustum and each shadow camera's (per pass), and sorts cells nearest first. Picking goes through
// the stand-ins as before: a baked mesh is never hit.
import { BufferAttribute, BufferGeometry, Matrix3, Mesh, Vector3, type Color, type Frustum, type Material, type Matrix4, type Sphere } from 'three';
import { batchSignature, cellOf, cellSimplified, staysInCell, type BakeableMaterial } from './cellMath';
import { projectedDiameterPx, type ScreenScale } from './cullMath';

/** What a cell reads of a bucket. */
export interface CellBucket {
  spec: { geometry: BufferGeometry; lodGeometry?: BufferGeometry; lodKind?: 'actor' | 'prop'; material: Material; castShadow: boolean; receiveShadow: boolean };
}

/** What a cell reads of a member (the pool's InstanceStandIn). */
export interface CellMember {
  bucket: CellBucket | null;
  shown: boolean;
  /** its slot's matrix: the bucket geometry's world placement */
  written: Matrix4;
  writtenAt: number;
  colour: Color;
  sphere: Sphere;
  lodRadius: number | null;
  /** the cell baking it, or null while an instance draws it */
  cell: StaticCell | null;
}

/** The switches the cells follow (viewportQuality's). */
export interface CellQuality {
  batch?: boolean;
  cellSize?: number;
  settleMs?: number;
}

const noRaycast = () => {};

export class StaticCell {
  readonly members = new Set<CellMember>();
  dirty = true;
  /** every member at full detail; the only one that casts (shadow maps are view-independent) */
  full: Mesh | null = null;
  /** every member at its simplified detail (the editor camera, far away), when any member has one */
  simplified: Mesh | null = null;
  private useSimplified = false;

  constructor(
    readonly key: string,
    readonly lookKey: string,
    private readonly look: CellLook,
  ) {}

  /** Bakes the members into fresh geometry (only when they changed). */
  rebuild(parent: { add(o: Mesh): void; remove(o: Mesh): void }): void {
    this.dirty = false;
    this.dropMeshes(parent);
    if (this.members.size === 0) return;
    const members = [...this.members];
    const full = new Mesh(bake(members, false), this.look.material);
    full.name = `cell:${this.key}`;
    full.castShadow = this.look.castShadow;
    full.receiveShadow = this.look.receiveShadow;
    // the shadow pass always takes the full detail, whatever the camera pass drew
    full.onBeforeShadow = () => void (full.geometry.drawRange.count = Infinity);
    full.onAfterShadow = () => void (full.geometry.drawRange.count = this.useSimplified ? 0 : Infinity);
    this.full = this.place(full, parent);
    if (members.some((m) => m.bucket!.spec.lodGeometry)) {
      const s = new Mesh(bake(members, true), this.look.material);
      s.name = `cell:${this.key}:simplified`;
      s.castShadow = false;
      s.receiveShadow = this.look.receiveShadow;
      this.simplified = this.place(s, parent);
    }
    this.setSimplified(false);
  }

  private place(m: Mesh, parent: { add(o: Mesh): void }): Mesh {
    m.matrixAutoUpdate = false;
    m.raycast = noRaycast;
    parent.add(m);
    return m;
  }

  /** Which detail the camera pass draws (the full mesh keeps casting either way). */
  setSimplified(on: boolean): void {
    on = on && !!this.simplified;
    this.useSimplified = on;
    if (this.full) this.full.geometry.drawRange.count = on ? 0 : Infinity;
    if (this.simplified) this.simplified.visible = on;
  }

  get simplifiedNow(): boolean {
    return this.useSimplified;
  }

  dropMeshes(parent: { remove(o: Mesh): void }): void {
    for (const m of [this.full, this.simplified]) {
      if (!m) continue;
      parent.remove(m);
      m.geometry.dispose();
    }
    this.full = null;
    this.simplified = null;
  }
}

/** One look shared by the cells of buckets with the same batch signature: the bucket material, baked. */
interface CellLook {
  material: Material;
  castShadow: boolean;
  receiveShadow: boolean;
  cells: number;
}

const _n = new Matrix3();
const _v = new Vector3();

/** World-space positions, normals and colours of `members`, one indexed geometry. */
export function bake(members: CellMember[], simplified: boolean): BufferGeometry {
  const geos = members.map((m) => (simplified ? (m.bucket!.spec.lodGeometry ?? m.bucket!.spec.geometry) : m.bucket!.spec.geometry));
  let verts = 0;
  let indices = 0;
  for (const g of geos) {
    const n = g.getAttribute('position').count;
    verts += n;
    indices += g.index ? g.index.count : n;
  }
  const pos = new Float32Array(verts * 3);
  const nor = new Float32Array(verts * 3);
  const col = new Float32Array(verts * 3);
  const idx = verts > 65535 ? new Uint32Array(indices) : new Uint16Array(indices);
  let v0 = 0;
  let i0 = 0;
  members.forEach((m, k) => {
    const g = geos[k]!;
    const p = g.getAttribute('position');
    const nrm = g.getAttribute('normal');
    // normals as three's instancing shader turns them (the inverse transpose: right under non-uniform scale)
    _n.getNormalMatrix(m.written);
    const { r, g: gr, b } = m.colour;
    for (let i = 0; i < p.count; i++) {
      const o = (v0 + i) * 3;
      _v.fromBufferAttribute(p, i).applyMatrix4(m.written);
      pos[o] = _v.x;
      pos[o + 1] = _v.y;
      pos[o + 2] = _v.z;
      if (nrm) {
        _v.fromBufferAttribute(nrm, i).applyMatrix3(_n).normalize();
        nor[o] = _v.x;
        nor[o + 1] = _v.y;
        nor[o + 2] = _v.z;
      }
      col[o] = r;
      col[o + 1] = gr;
      col[o + 2] = b;
    }
    if (g.index) for (let i = 0; i < g.index.count; i++) idx[i0 + i] = v0 + g.index.getX(i);
    else for (let i = 0; i < p.count; i++) idx[i0 + i] = v0 + i;
    v0 += p.count;
    i0 += g.index ? g.index.count : p.count;
  });
  const out = new BufferGeometry();
  out.setAttribute('position', new BufferAttribute(pos, 3));
  out.setAttribute('normal', new BufferAttribute(nor, 3));
  out.setAttribute('color', new BufferAttribute(col, 3));
  out.setIndex(new BufferAttribute(idx, 1));
  out.computeBoundingSphere();
  out.computeBoundingBox();
  return out;
}

/** The pool's baked cells: who is in which, rebuilt before a render when their members changed. */
export class StaticCells {
  private readonly cells = new Map<string, StaticCell>();
  private readonly looks = new Map<string, CellLook>();
  /** per bucket: its look's key, or null when it cannot be baked */
  private readonly signatures = new WeakMap<CellBucket, string | null>();
  /** cells rebuilt so far, members baked now: for tests and the bench */
  rebuilds = 0;
  baked = 0;

  constructor(
    private readonly parent: { add(o: Mesh): void; remove(o: Mesh): void },
    private readonly quality: CellQuality,
  ) {}

  private lookOf(b: CellBucket): string | null {
    let s = this.signatures.get(b);
    if (s === undefined) {
      const sig = batchSignature(b.spec.material as unknown as BakeableMaterial, b.spec.castShadow, b.spec.receiveShadow);
      s = sig;
      this.signatures.set(b, s);
    }
    return s;
  }

  /**
   * Moves members in and out of cells by the rule (cellMath.staysInCell), then rebuilds the cells that
   * changed. Call before the buckets lay out their buffers: a baked member is not drawn as an instance.
   */
  update(members: Iterable<CellMember>, now: number): void {
    const on = this.quality.batch === true;
    const size = this.quality.cellSize ?? 16;
    const settle = this.quality.settleMs ?? 300;
    for (const m of members) {
      const look = m.bucket ? this.lookOf(m.bucket) : null;
      const unchanged = m.cell !== null && bakedAt.get(m) === m.writtenAt;
      const stays = on && staysInCell({ shown: m.shown, batchable: look !== null, writtenAt: m.writtenAt, baked: unchanged }, now, settle);
      const key = stays ? `${look}#${cellOf(m.sphere.center.x, m.sphere.center.z, size)}` : null;
      const cell = m.cell;
      if (cell && cell.key === key && unchanged) continue;
      if (cell) this.leave(m);
      if (key) this.join(m, key, look!);
    }
    this.flush();
  }

  private join(m: CellMember, key: string, lookKey: string): void {
    let c = this.cells.get(key);
    if (!c) {
      let look = this.looks.get(lookKey);
      if (!look) {
        const spec = m.bucket!.spec;
        const material = spec.material.clone() as Material & { vertexColors: boolean };
        // the instance colour becomes a vertex colour: the same tint of a white material
        material.vertexColors = true;
        look = { material, castShadow: spec.castShadow, receiveShadow: spec.receiveShadow, cells: 0 };
        this.looks.set(lookKey, look);
      }
      look.cells++;
      c = new StaticCell(key, lookKey, look);
      this.cells.set(key, c);
    }
    c.members.add(m);
    c.dirty = true;
    m.cell = c;
    bakedAt.set(m, m.writtenAt);
    this.baked++;
  }

  /** Takes `m` out of its cell (rebuilt before the next render); a member leaving the pool must call it. */
  leave(m: CellMember): void {
    const c = m.cell;
    if (!c) return;
    c.members.delete(m);
    c.dirty = true;
    m.cell = null;
    this.baked--;
  }

  /** Rebuilds the cells whose members changed; drops the empty ones. */
  flush(): void {
    for (const [key, c] of this.cells) {
      if (!c.dirty) continue;
      c.rebuild(this.parent);
      this.rebuilds++;
      if (c.members.size > 0) continue;
      this.cells.delete(key);
      const look = this.looks.get(c.lookKey)!;
      if (--look.cells === 0) {
        look.material.dispose();
        this.looks.delete(c.lookKey);
      }
    }
  }

  /**
   * Sets each cell's detail for one render: simplified only for the editor camera (`lod` non-null) and
   * only when every member with a simplified mesh would take it (cellMath.cellSimplified). Returns the
   * cells inside `frustum` (all when null), for the status of a render.
   */
  prepare(eye: Vector3, frustum: Frustum | null, lod: { scale: ScreenScale; actorPx: number; propPx: number } | null): { cells: number; seen: number; simplified: number } {
    let seen = 0;
    let simplified = 0;
    const d: number[] = [];
    const t: number[] = [];
    for (const c of this.cells.values()) {
      if (!c.full) continue;
      const inView = !frustum || frustum.intersectsSphere(c.full.geometry.boundingSphere!);
      if (inView) seen++;
      let simple = false;
      if (lod && c.simplified) {
        d.length = 0;
        t.length = 0;
        for (const m of c.members) {
          const spec = m.bucket!.spec;
          if (!spec.lodGeometry) continue;
          d.push(projectedDiameterPx(m.lodRadius ?? m.sphere.radius, eye.distanceTo(m.sphere.center), lod.scale));
          t.push(spec.lodKind === 'actor' ? lod.actorPx : lod.propPx);
        }
        simple = cellSimplified(d, t);
      }
      c.setSimplified(simple);
      if (simple && inView) simplified++;
    }
    return { cells: this.cells.size, seen, simplified };
  }

  cell(key: string): StaticCell | undefined {
    return this.cells.get(key);
  }

  get size(): number {
    return this.cells.size;
  }

  dispose(): void {
    for (const c of this.cells.values()) {
      for (const m of c.members) m.cell = null;
      c.dropMeshes(this.parent);
    }
    this.cells.clear();
    for (const l of this.looks.values()) l.material.dispose();
    this.looks.clear();
    this.baked = 0;
  }
}

/** The slot write a member was baked with: a newer write (a move) rebakes or releases it. */
const bakedAt = new WeakMap<CellMember, number>();
