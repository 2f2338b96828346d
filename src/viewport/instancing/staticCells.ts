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
import { batchSignature, cellOf, detailSlack, memberSimplified, mixIndex, staysInCell, type BakeableMaterial } from './cellMath';
import type { ScreenScale } from './cullMath';

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

/** What one editor-camera render asks of a cell's detail (null: full detail, any other camera). */
export interface CellLod {
  scale: ScreenScale;
  actorPx: number;
  propPx: number;
}

export class StaticCell {
  readonly members = new Set<CellMember>();
  dirty = true;
  /** every member at full detail; the only one that casts (shadow maps are view-independent) */
  full: Mesh | null = null;
  /**
   * the editor camera's mesh while some member is far enough for its simplified mesh or lies outside the
   * view: each member at its own detail, or left out (the same vertices as `full`, its own index buffer);
   * null for a cell of one member without a simplified mesh
   */
  mixed: Mesh | null = null;
  /** whether the camera pass draws `mixed` (else `full`) */
  private mixedShown = false;
  /** members the last editor-camera decision simplified, and those it left out (outside the view) */
  private decidedCount = 0;
  private culledCount = 0;
  /** the members in bake order, and per member its index spans (cellMath.mixIndex) */
  private order: CellMember[] = [];
  private spans: Int32Array = new Int32Array(0);
  private lodIndex: Uint16Array | Uint32Array = new Uint16Array(0);
  /** per member, what `mixed` draws of it (cellMath.mixIndex): bit 0 simplified, bit 1 left out */
  private detail = new Uint8Array(0);
  /** where the detail was last decided from, for which lens, and how far the eye may move before it changes */
  private readonly decidedFrom = new Vector3(Infinity, Infinity, Infinity);
  private decidedFor: CellLod | null = null;
  private slack = -1;
  private lens = '';

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
    const baked = bake(members);
    const full = new Mesh(baked.geometry, this.look.material);
    full.name = `cell:${this.key}`;
    full.castShadow = this.look.castShadow;
    full.receiveShadow = this.look.receiveShadow;
    // the shadow pass always takes the full detail, whatever the camera pass drew
    full.onBeforeShadow = () => void (full.geometry.drawRange.count = Infinity);
    full.onAfterShadow = () => void (full.geometry.drawRange.count = this.mixedShown ? 0 : Infinity);
    this.full = this.place(full, parent);
    this.order = members;
    this.spans = baked.spans;
    this.lodIndex = baked.lodIndex;
    this.detail = new Uint8Array(members.length);
    this.decidedFor = null;
    this.culledCount = 0;
    if (members.length > 1 || baked.lodIndex.length > 0) {
      // the same vertex buffers (three uploads an attribute once, whichever geometry draws it), its own index
      const g = new BufferGeometry();
      for (const name of ['position', 'normal', 'color']) g.setAttribute(name, baked.geometry.getAttribute(name));
      const full = baked.geometry.index!.array;
      let most = 0;
      for (let k = 0; k < members.length; k++) most += Math.max(baked.spans[4 * k + 1]!, baked.spans[4 * k + 3]!);
      g.setIndex(new BufferAttribute(full instanceof Uint32Array ? new Uint32Array(most) : new Uint16Array(most), 1));
      g.boundingSphere = baked.geometry.boundingSphere!.clone();
      g.boundingBox = baked.geometry.boundingBox!.clone();
      const m = new Mesh(g, this.look.material);
      m.name = `cell:${this.key}:mixed`;
      m.castShadow = false;
      m.receiveShadow = this.look.receiveShadow;
      this.mixed = this.place(m, parent);
    }
    this.setDetail(null);
  }

  private place(m: Mesh, parent: { add(o: Mesh): void }): Mesh {
    m.matrixAutoUpdate = false;
    m.raycast = noRaycast;
    parent.add(m);
    return m;
  }

  /**
   * Sets what the camera pass draws of this cell. For the editor camera (`lod`): each member with a
   * simplified mesh takes it exactly when its instance would (cellMath.memberSimplified), decided again only
   * once the eye has moved past the slack of the last decision or the lens changed; and where the cell
   * straddles the edge of the view (`frustum`), the members wholly outside it are left out, as their
   * instances would be. Any other camera (`lod` null) draws the full mesh (three still culls the whole
   * cell). The full mesh keeps casting either way. Returns the number of members drawn simplified.
   */
  setDetail(lod: CellLod | null, eye?: Vector3, frustum?: Frustum | null): number {
    if (!lod || !this.mixed || !eye) return this.show(0, 0);
    let changed = false;
    const lens = lensKey(lod);
    if (this.decidedFor === null || lens !== this.lens || !(eye.distanceTo(this.decidedFrom) < this.slack)) {
      changed = this.decide(lod, eye, lens);
    }
    // culling: only a cell on the edge of the view asks its members (one wholly inside or outside cannot differ)
    const sphere = this.full!.geometry.boundingSphere!;
    const edge = !!frustum && frustum.intersectsSphere(sphere) && !sphereInside(frustum, sphere);
    let culled = 0;
    if (edge || this.culledCount > 0) {
      for (let k = 0; k < this.order.length; k++) {
        const out = edge && !frustum!.intersectsSphere(this.order[k]!.sphere) ? 2 : 0;
        if (out !== (this.detail[k]! & 2)) changed = true;
        this.detail[k] = (this.detail[k]! & 1) | out;
        if (out) culled++;
      }
    }
    this.culledCount = culled;
    if (changed && (this.decidedCount > 0 || culled > 0)) {
      const index = this.mixed.geometry.index!;
      const n = mixIndex(this.full!.geometry.index!.array, this.lodIndex, this.spans, this.detail, index.array);
      index.clearUpdateRanges();
      index.addUpdateRange(0, n);
      index.needsUpdate = true;
      this.mixed.geometry.setDrawRange(0, n);
    }
    return this.show(this.decidedCount, culled);
  }

  /** Decides each member's detail from `eye` (bit 0 of `detail`); returns whether any changed. */
  private decide(lod: CellLod, eye: Vector3, lens: string): boolean {
    let slack = Infinity;
    let count = 0;
    let changed = this.decidedFor === null;
    for (let k = 0; k < this.order.length; k++) {
      if (this.spans[4 * k + 3]! < 0) continue;
      const m = this.order[k]!;
      const spec = m.bucket!.spec;
      const radius = m.lodRadius ?? m.sphere.radius;
      const threshold = spec.lodKind === 'actor' ? lod.actorPx : lod.propPx;
      const d = eye.distanceTo(m.sphere.center);
      const simple = memberSimplified(radius, d, threshold, lod.scale) ? 1 : 0;
      slack = Math.min(slack, detailSlack(radius, d, threshold, lod.scale));
      if ((this.detail[k]! & 1) !== simple) changed = true;
      this.detail[k] = (this.detail[k]! & 2) | simple;
      count += simple;
    }
    this.decidedFrom.copy(eye);
    this.decidedFor = lod;
    this.lens = lens;
    this.slack = slack;
    this.decidedCount = count;
    return changed;
  }

  /** Draws `full` (every member, full detail) or `mixed` (some simplified or left out) in the camera pass. */
  private show(simplified: number, culled: number): number {
    const mixed = simplified > 0 || culled > 0;
    this.mixedShown = mixed;
    if (this.full) this.full.geometry.drawRange.count = mixed ? 0 : Infinity;
    if (this.mixed) this.mixed.visible = mixed;
    return simplified;
  }

  /** members the camera pass draws simplified now */
  get simplifiedNow(): number {
    return this.mixedShown ? this.decidedCount : 0;
  }

  dropMeshes(parent: { remove(o: Mesh): void }): void {
    // `mixed` shares `full`'s vertex buffers: dispose both together
    for (const m of [this.mixed, this.full]) {
      if (!m) continue;
      parent.remove(m);
      m.geometry.dispose();
    }
    this.full = null;
    this.mixed = null;
    this.mixedShown = false;
  }

  /** members the camera pass leaves out now (outside the view) */
  get culledNow(): number {
    return this.mixedShown ? this.culledCount : 0;
  }
}

/** Whether `sphere` lies wholly inside `frustum` (then none of its members can be outside). */
function sphereInside(frustum: Frustum, sphere: Sphere): boolean {
  for (const p of frustum.planes) if (p.distanceToPoint(sphere.center) < sphere.radius) return false;
  return true;
}

/** The lens and thresholds a decision of detail was made for: a change decides again. */
function lensKey(lod: CellLod): string {
  const s = lod.scale;
  return `${s.kind === 'perspective' ? s.tanHalfFovY : s.worldHeight}|${s.heightPx}|${lod.actorPx}|${lod.propPx}`;
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

/**
 * A bucket geometry with its repeated corners merged: `corners` lists one source vertex for each distinct
 * (position, normal) pair, `index` the triangles over those. The primitives repeat a corner in every face
 * that meets there with the same normal (a cylinder cap is a fan of separate triangles), and each copy is
 * one more run of the vertex shader; merged, the triangles and every value they interpolate are the same.
 * Worked out once per geometry (the buckets share theirs between members).
 */
export function welded(g: BufferGeometry): { corners: Uint32Array; index: Uint32Array } {
  let w = weldCache.get(g);
  if (w) return w;
  const p = g.getAttribute('position');
  const nrm = g.getAttribute('normal');
  const first = new Map<string, number>();
  const remap = new Uint32Array(p.count);
  const corners: number[] = [];
  for (let i = 0; i < p.count; i++) {
    const key = nrm ? `${p.getX(i)},${p.getY(i)},${p.getZ(i)},${nrm.getX(i)},${nrm.getY(i)},${nrm.getZ(i)}` : `${p.getX(i)},${p.getY(i)},${p.getZ(i)}`;
    let k = first.get(key);
    if (k === undefined) {
      k = corners.length;
      corners.push(i);
      first.set(key, k);
    }
    remap[i] = k;
  }
  const n = g.index ? g.index.count : p.count;
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = remap[g.index ? g.index.getX(i) : i]!;
  w = { corners: Uint32Array.from(corners), index };
  weldCache.set(g, w);
  return w;
}
const weldCache = new WeakMap<BufferGeometry, { corners: Uint32Array; index: Uint32Array }>();

/** A cell's baked geometry: every member's full triangles, and the simplified triangles of those that have them. */
export interface BakedCell {
  /** world-space positions, normals and colours of the full and then the simplified meshes; the full triangles */
  geometry: BufferGeometry;
  /** per member, four numbers: its full triangles' start and count in the geometry's index, its simplified ones' in lodIndex (count −1: none) */
  spans: Int32Array;
  /** the simplified triangles, indexing the same vertices */
  lodIndex: Uint16Array | Uint32Array;
}

/** World-space positions, normals and colours of `members` (full detail, then simplified), one indexed geometry. */
export function bake(members: CellMember[]): BakedCell {
  const fulls = members.map((m) => m.bucket!.spec.geometry);
  const lods = members.map((m) => m.bucket!.spec.lodGeometry ?? null);
  let verts = 0;
  let fullIndices = 0;
  let lodIndices = 0;
  const count = (g: BufferGeometry) => (g.index ? g.index.count : g.getAttribute('position').count);
  for (let k = 0; k < members.length; k++) {
    verts += welded(fulls[k]!).corners.length + (lods[k] ? welded(lods[k]!).corners.length : 0);
    fullIndices += count(fulls[k]!);
    if (lods[k]) lodIndices += count(lods[k]!);
  }
  const pos = new Float32Array(verts * 3);
  const nor = new Float32Array(verts * 3);
  const col = new Float32Array(verts * 3);
  const wide = verts > 65535;
  const idx = wide ? new Uint32Array(fullIndices) : new Uint16Array(fullIndices);
  const lodIdx = wide ? new Uint32Array(lodIndices) : new Uint16Array(lodIndices);
  const spans = new Int32Array(members.length * 4);
  let v0 = 0;
  let i0 = 0;
  let l0 = 0;
  /** writes `g` through member `m`'s matrix at vertex v0, its triangles into `out` at `at`; returns the index count */
  const put = (m: CellMember, g: BufferGeometry, out: Uint16Array | Uint32Array, at: number): number => {
    const p = g.getAttribute('position');
    const nrm = g.getAttribute('normal');
    const { corners, index } = welded(g);
    // normals as three's instancing shader turns them (the inverse transpose: right under non-uniform scale)
    _n.getNormalMatrix(m.written);
    const { r, g: gr, b } = m.colour;
    for (let j = 0; j < corners.length; j++) {
      const i = corners[j]!;
      const o = (v0 + j) * 3;
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
    for (let i = 0; i < index.length; i++) out[at + i] = v0 + index[i]!;
    v0 += corners.length;
    return index.length;
  };
  members.forEach((m, k) => {
    spans[4 * k] = i0;
    spans[4 * k + 1] = put(m, fulls[k]!, idx, i0);
    i0 += spans[4 * k + 1]!;
    spans[4 * k + 2] = l0;
    spans[4 * k + 3] = -1;
    if (lods[k]) {
      spans[4 * k + 3] = put(m, lods[k]!, lodIdx, l0);
      l0 += spans[4 * k + 3]!;
    }
  });
  const out = new BufferGeometry();
  out.setAttribute('position', new BufferAttribute(pos, 3));
  out.setAttribute('normal', new BufferAttribute(nor, 3));
  out.setAttribute('color', new BufferAttribute(col, 3));
  out.setIndex(new BufferAttribute(idx, 1));
  // over every vertex, the simplified ones included: whichever mesh draws, the bounds hold it
  out.computeBoundingSphere();
  out.computeBoundingBox();
  return { geometry: out, spans, lodIndex: lodIdx };
}

const STAY = { stay: true, key: null } as const;

/** The pool's baked cells: who is in which, rebuilt before a render when their members changed. */
export class StaticCells {
  private readonly cells = new Map<string, StaticCell>();
  private readonly looks = new Map<string, CellLook>();
  /** per bucket: its look's key, or null when it cannot be baked */
  private readonly signatures = new WeakMap<CellBucket, string | null>();
  /** cells rebuilt so far, members baked now: for tests and the bench */
  rebuilds = 0;
  baked = 0;
  /** the side the cells were laid out with */
  private cellSize = 16;

  constructor(
    private readonly parent: { add(o: Mesh): void; remove(o: Mesh): void },
    private readonly quality: CellQuality,
  ) {}

  private lookOf(b: CellBucket): string | null {
    let s = this.signatures.get(b);
    if (s === undefined) {
      s = batchSignature(b.spec.material as unknown as BakeableMaterial, b.spec.castShadow, b.spec.receiveShadow);
      this.signatures.set(b, s);
    }
    return s;
  }

  /**
   * Where `m` belongs now: its cell key, or null for none; `stay` when it is already baked there unchanged
   * (the common case answers without working out a key).
   */
  private placeOf(m: CellMember, now: number): { stay: boolean; key: string | null } {
    const on = this.quality.batch === true;
    const unchanged = m.cell !== null && bakedAt.get(m) === m.writtenAt;
    if (on && m.shown && unchanged) return STAY;
    const look = m.bucket ? this.lookOf(m.bucket) : null;
    const stays = on && staysInCell({ shown: m.shown, batchable: look !== null, writtenAt: m.writtenAt, baked: unchanged }, now, this.quality.settleMs ?? 300);
    const key = stays ? `${look}#${cellOf(m.sphere.center.x, m.sphere.center.z, this.quality.cellSize ?? 16)}` : null;
    return { stay: m.cell !== null && m.cell.key === key && unchanged, key };
  }

  /**
   * Moves members in and out of cells by the rule (cellMath.staysInCell), then rebuilds the cells that
   * changed. Call before the buckets lay out their buffers: a baked member is not drawn as an instance.
   */
  update(members: Iterable<CellMember>, now: number): void {
    const size = this.quality.cellSize ?? 16;
    if (size !== this.cellSize) {
      // every member's cell key changes: release them all, each joins its new cell below
      for (const c of this.cells.values()) for (const m of c.members) this.leave(m);
      this.cellSize = size;
    }
    for (const m of members) {
      const { stay, key } = this.placeOf(m, now);
      if (stay) continue;
      if (m.cell) this.leave(m);
      if (key) this.join(m, key, this.lookOf(m.bucket!)!);
    }
    this.flush();
  }

  /**
   * Whether update() at `now` would change anything (a member due to be baked or to leave its cell, a cell to
   * rebuild): a viewport that keeps its last frame still draws one then, since baking happens in a render.
   */
  pending(members: Iterable<CellMember>, now: number): boolean {
    if ((this.quality.cellSize ?? 16) !== this.cellSize) return this.cells.size > 0;
    for (const c of this.cells.values()) if (c.dirty) return true;
    for (const m of members) {
      const { stay, key } = this.placeOf(m, now);
      if (!stay && (m.cell !== null || key !== null)) return true;
    }
    return false;
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
   * Sets each cell's detail for one render: for the editor camera (`lod` non-null) each member at the
   * detail its instance would take, members outside the view left out (StaticCell.setDetail); full detail
   * for every other camera.
   * Returns the cells inside `frustum` (all when null), for the status of a render.
   */
  prepare(eye: Vector3, frustum: Frustum | null, lod: CellLod | null): { cells: number; seen: number; simplified: number; membersSimplified: number; membersCulled: number } {
    let seen = 0;
    let simplified = 0;
    let membersSimplified = 0;
    let membersCulled = 0;
    for (const c of this.cells.values()) {
      if (!c.full) continue;
      const inView = !frustum || frustum.intersectsSphere(c.full.geometry.boundingSphere!);
      if (inView) seen++;
      const n = c.setDetail(lod, eye, frustum);
      if (n > 0 && inView) {
        simplified++;
        membersSimplified += n;
      }
      membersCulled += c.culledNow;
    }
    return { cells: this.cells.size, seen, simplified, membersSimplified, membersCulled };
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
