// Instanced drawing for objects that share geometry and material (set-piece primitives, mannequin parts).
// Every object keeps its own node in the scene graph — the per-object group the gizmo, the timeline and
// objectRefs move — and inside it an InstanceStandIn: an invisible mesh with the object's exact geometry,
// so picking, bounds (frame selection) and tests see the object where it is. The picture comes from one
// InstancedMesh per bucket (same geometry, same material), whose instance matrix follows the stand-in's
// world matrix. The stand-in copies itself into its slot while three updates world matrices (which every
// render does, the viewport's and the offscreen frame renderer's alike), and only when its matrix or
// visibility changed, so a still set uploads nothing.
// Before each render (scene.onBeforeRender, see InstancingRoot) the pool prepares its buffers for that
// render's camera: members outside the camera's frustum and outside every shadow camera are moved past the
// drawn range, members that look small in the editor camera move to a simplified mesh (level of detail),
// and the rest are ordered nearest first. The camera pass and the shadow pass share one buffer and differ
// only in the instance count (see cullMath.drawOrder). With `batch` on, members that have rested are baked
// into static cells (staticCells.ts) and leave the instance buffers until they move again.
import {
  Color,
  Frustum,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  Mesh,
  Sphere,
  Vector2,
  Vector3,
  type BufferGeometry,
  type Camera,
  type Material,
  type Object3D,
  type WebGLRenderer,
} from 'three';
import { SlotClass, detailThresholdPx, drawOrder, slotClass, type ScreenScale } from './cullMath';
import { memberSimplified } from './cellMath';
import { StaticCells, type CellQuality, type StaticCell } from './staticCells';

/** What a bucket draws with. The bucket owns (and disposes) both once its last member leaves. */
export interface BucketSpec {
  geometry: BufferGeometry;
  /** shared by every instance; its colour should be white, the instance colour tints it */
  material: Material;
  castShadow: boolean;
  receiveShadow: boolean;
  /** a simplified mesh drawn instead when the member looks small in the editor camera (owned likewise) */
  lodGeometry?: BufferGeometry;
  /** which on-screen size threshold applies: a whole actor's height, or a prop's bounds */
  lodKind?: 'actor' | 'prop';
}

/** What one render asks of the pool: the camera's frustum, the shadow cameras', level of detail. */
export interface DrawView {
  eye: Vector3;
  /** null: no culling, every shown member is drawn */
  frustum: Frustum | null;
  /** the shadow cameras' frusta; null: every shown caster casts (no culling, or a light we cannot bound) */
  shadowFrusta: Frustum[] | null;
  /** null: full detail (every picture-making camera) */
  lod: { scale: ScreenScale; actorPx: number; propPx: number } | null;
  /** re-sort nearest-first only once the eye has moved this far (m) */
  sortTolerance: number;
}

/** The pool's switches (the viewport passes its viewportQuality; the defaults draw everything, sorted). */
export interface PoolQuality extends CellQuality {
  cull: boolean;
  lod: boolean;
  actorLodPx: number;
  propLodPx: number;
  /** while the editor camera draws at a lowered resolution, thresholds follow the drawn pixels (cullMath.detailThresholdPx) */
  lodFollowsResolution?: boolean;
}

/** Whether a slot code (cullMath class, bit 2: simplified) puts its member inside a shadow camera. */
function castsInto(code: number): boolean {
  const c = code & 3;
  return c === SlotClass.SeenAndCasting || c === SlotClass.CastingOnly;
}

/** A mesh whose shadow-relevant content has a version of its own (its buffer also changes on a re-sort). */
export interface CastersVersioned {
  castersVersion(): number;
}

const _m = new Matrix4();

/**
 * The node an instanced object keeps in the scene graph. Invisible while an instance draws it; it draws
 * itself, with `ownMaterial`, when the object must look unlike its bucket (selected: `drawOwn`), when it
 * is in no bucket, or when its world matrix mirrors it (an instance cannot flip its triangles' winding).
 */
export class InstanceStandIn extends Mesh {
  readonly isInstanceStandIn = true;
  bucket: InstanceBucket | null = null;
  /** slot in the bucket's InstancedMesh, −1 when in none */
  index = -1;
  /** the bucket's geometry × local = this stand-in's geometry (e.g. a unit box scaled to the piece's size) */
  readonly local = new Matrix4();
  localIsIdentity = true;
  /** the instance tint (the object's colour; the bucket material is white) */
  readonly colour = new Color(1, 1, 1);
  /** the renderer wants this object drawn by itself (e.g. with a selection highlight) */
  drawOwn = false;
  /** whether the slot holds this object's matrix (false: zeroed, nothing drawn) */
  shown = false;
  /** the matrix last written into the slot */
  readonly written = new Matrix4();
  /** world bounds of what the slot draws (the bucket geometry's bounding sphere through `written`) */
  readonly sphere = new Sphere();
  /** the radius that decides the level of detail (a mannequin part uses its whole body's); null: its bounds' */
  lodRadius: number | null = null;
  /** when the slot was last written or emptied (performance.now()): a member rests before it is baked */
  writtenAt = -Infinity;
  /** the static cell baking it (then no instance draws it), or null */
  cell: StaticCell | null = null;

  constructor(
    geometry: BufferGeometry,
    /** the look when it draws itself: carries the object's colour (and highlight) */
    public ownMaterial: Material,
  ) {
    super(geometry, ownMaterial);
  }

  setLocal(m: Matrix4 | null): void {
    if (m) this.local.copy(m);
    else this.local.identity();
    this.localIsIdentity = this.local.equals(_identity);
    this.shown = false; // rewrite the slot on the next sync
  }

  setColour(c: Color | string): void {
    this.colour.set(c);
    this.bucket?.writeColour(this);
  }

  /** Decides who draws the object this frame: the stand-in itself, or its bucket's instance. */
  resolveDraw(): void {
    const b = this.bucket;
    const self = !b || this.drawOwn || this.matrixWorld.determinant() < 0;
    this.visible = self;
    this.material = self || !b ? this.ownMaterial : b.spec.material;
    if (b) {
      this.castShadow = b.spec.castShadow;
      this.receiveShadow = b.spec.receiveShadow;
    }
  }

  override updateMatrixWorld(force?: boolean): void {
    super.updateMatrixWorld(force);
    this.resolveDraw();
    this.bucket?.sync(this);
  }
}
const _identity = new Matrix4();

/** True when every ancestor is visible and the chain ends in a scene (a detached subtree draws nothing). */
function drawnInScene(o: Object3D): boolean {
  let p = o.parent;
  let last: Object3D = o;
  while (p) {
    if (!p.visible) return false;
    last = p;
    p = p.parent;
  }
  return (last as Object3D & { isScene?: boolean }).isScene === true;
}

export class InstanceBucket {
  mesh: InstancedMesh;
  /** the simplified mesh's instances (members far from the editor camera), when the spec has one */
  lodMesh: InstancedMesh | null = null;
  readonly members: InstanceStandIn[] = [];
  /** the members drawn by lodMesh, slot by slot */
  readonly lodMembers: InstanceStandIn[] = [];
  /** bumps whenever what the members cast changes (a matrix, a member shown, hidden, added, removed) */
  castersVersion = 0;
  /** instances drawn by the camera pass and by the shadow pass after the last prepare */
  cameraCount = 0;
  shadowCount = 0;
  private codes = new Uint8Array(0);
  private lastCodes = new Uint8Array(0);
  private depth = new Float64Array(0);
  private readonly sortedFrom = new Vector3(Infinity, Infinity, Infinity);
  private reorderNeeded = true;
  private lodWrittenAt = -1;
  private readonly geometryRadius: number;
  private readonly geometryCentre = new Vector3();

  constructor(
    readonly key: string,
    readonly spec: BucketSpec,
    private readonly root: Group,
    capacity = 16,
  ) {
    if (!spec.geometry.boundingSphere) spec.geometry.computeBoundingSphere();
    this.geometryRadius = spec.geometry.boundingSphere!.radius;
    this.geometryCentre.copy(spec.geometry.boundingSphere!.center);
    this.mesh = this.makeMesh(capacity);
    root.add(this.mesh);
    if (spec.lodGeometry) {
      this.lodMesh = this.makeLodMesh(capacity);
      root.add(this.lodMesh);
    }
  }

  get capacity(): number {
    return this.mesh.instanceMatrix.count;
  }

  private makeMesh(capacity: number): InstancedMesh {
    const m = new InstancedMesh(this.spec.geometry, this.spec.material, capacity);
    // the colour attribute must exist before the first draw: it decides the shader variant
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3).fill(1), 3);
    m.count = 0;
    m.name = `instances:${this.key}`;
    m.castShadow = this.spec.castShadow;
    m.receiveShadow = this.spec.receiveShadow;
    // the pool's meshes sit at the scene root, untransformed
    m.matrixAutoUpdate = false;
    // picking goes through the stand-ins (they carry the object's node); the instances must not hit twice
    m.raycast = () => {};
    // the shadow pass draws the casters' range of the same buffer, the camera pass the seen range
    m.onBeforeShadow = () => void (m.count = this.shadowCount);
    m.onAfterShadow = () => void (m.count = this.cameraCount);
    // shadow maps are redrawn when this changes (render/shadowCasters), not on a re-sort or a re-cull
    (m as InstancedMesh & CastersVersioned).castersVersion = () => this.castersVersion;
    return m;
  }

  private makeLodMesh(capacity: number): InstancedMesh {
    const m = new InstancedMesh(this.spec.lodGeometry!, this.spec.material, capacity);
    m.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3).fill(1), 3);
    m.count = 0;
    m.name = `instances:${this.key}:lod`;
    // shadow maps are view-independent (and reused while nothing moves): they always take the full mesh
    m.castShadow = false;
    m.receiveShadow = this.spec.receiveShadow;
    m.matrixAutoUpdate = false;
    m.frustumCulled = false;
    m.raycast = () => {};
    return m;
  }

  private grow(): void {
    const old = this.mesh;
    const next = this.makeMesh(old.instanceMatrix.count * 2);
    next.instanceMatrix.array.set(old.instanceMatrix.array);
    next.instanceColor!.array.set(old.instanceColor!.array);
    next.count = old.count;
    next.frustumCulled = old.frustumCulled;
    this.root.remove(old);
    old.dispose();
    this.root.add(next);
    this.mesh = next;
    if (this.lodMesh) {
      const lod = this.makeLodMesh(next.instanceMatrix.count);
      this.root.remove(this.lodMesh);
      this.lodMesh.dispose();
      this.root.add(lod);
      this.lodMesh = lod;
      this.lodWrittenAt = -1;
    }
  }

  add(s: InstanceStandIn): void {
    if (s.bucket) throw new Error(`stand-in already drawn by ${s.bucket.key}`);
    if (this.members.length === this.capacity) this.grow();
    s.bucket = this;
    s.index = this.members.length;
    s.shown = false;
    this.members.push(s);
    this.mesh.count = this.members.length;
    // nothing is drawn in the slot until the stand-in's next world-matrix update writes it
    this.mesh.instanceMatrix.array.fill(0, s.index * 16, s.index * 16 + 16);
    this.writeColour(s);
    this.changed();
  }

  /** Takes `s` out; the last member moves into its slot. Returns true when the bucket is now empty. */
  remove(s: InstanceStandIn): boolean {
    if (s.bucket !== this) return this.members.length === 0;
    const i = s.index;
    const last = this.members.pop()!;
    if (last !== s) {
      this.members[i] = last;
      const mat = this.mesh.instanceMatrix.array;
      mat.copyWithin(i * 16, last.index * 16, last.index * 16 + 16);
      const col = this.mesh.instanceColor!.array;
      col.copyWithin(i * 3, last.index * 3, last.index * 3 + 3);
      last.index = i;
    }
    s.bucket = null;
    s.index = -1;
    s.shown = false;
    this.mesh.count = this.members.length;
    this.changed();
    return this.members.length === 0;
  }

  writeColour(s: InstanceStandIn): void {
    if (s.bucket !== this) return;
    s.colour.toArray(this.mesh.instanceColor!.array, s.index * 3);
    this.mesh.instanceColor!.needsUpdate = true;
    this.lodWrittenAt = -1;
    // a baked member's colour lives in its cell's vertices
    if (s.cell) s.cell.dirty = true;
  }

  /** Copies the stand-in's world matrix (× its local) into its slot, or empties the slot, if that changed. */
  sync(s: InstanceStandIn): void {
    const show = !s.visible && drawnInScene(s);
    const arr = this.mesh.instanceMatrix.array;
    const o = s.index * 16;
    if (show) {
      const m = s.localIsIdentity ? s.matrixWorld : _m.multiplyMatrices(s.matrixWorld, s.local);
      if (s.shown && s.written.equals(m)) return;
      s.written.copy(m);
      s.sphere.center.copy(this.geometryCentre).applyMatrix4(m);
      s.sphere.radius = this.geometryRadius * m.getMaxScaleOnAxis();
      arr.set(m.elements, o);
      s.shown = true;
      s.writtenAt = performance.now();
      this.changed();
    } else if (s.shown) {
      // a zero matrix collapses every triangle of the instance: nothing is drawn, nothing casts a shadow
      arr.fill(0, o, o + 16);
      s.shown = false;
      s.writtenAt = performance.now();
      this.changed();
    }
  }

  /**
   * Lays the buffer out for one render: seen and casting members first (nearest first within each
   * class), then the rest (cullMath.drawOrder), and the simplified mesh's buffer with the members it
   * draws. Rewrites the buffers only when a member changed class or detail, or the eye moved past the
   * sort tolerance: a still camera over a still set uploads nothing.
   */
  prepare(v: DrawView): void {
    const n = this.members.length;
    if (this.codes.length < n) {
      this.codes = new Uint8Array(this.capacity);
      this.depth = new Float64Array(this.capacity);
    }
    const codes = this.codes;
    const depth = this.depth;
    const casts = this.spec.castShadow;
    const lodPx = v.lod && this.lodMesh ? (this.spec.lodKind === 'actor' ? v.lod.actorPx : v.lod.propPx) : 0;
    let changed = this.reorderNeeded || this.lastCodes.length !== n;
    // slot i still holds the member it held at the last prepare unless members came or went (which bumps
    // castersVersion anyway): a member entering or leaving the casters' range must redraw the shadow maps
    const comparable = this.lastCodes.length === n;
    let castersMoved = false;
    for (let i = 0; i < n; i++) {
      const s = this.members[i]!;
      let code: number = SlotClass.Neither;
      // a baked member is drawn (and cast) by its cell
      if (s.shown && !s.cell) {
        const c = s.sphere.center;
        const d2 = v.eye.distanceToSquared(c);
        depth[i] = d2;
        const seen = !v.frustum || v.frustum.intersectsSphere(s.sphere);
        const simplified = seen && lodPx > 0 && memberSimplified(s.lodRadius ?? s.sphere.radius, Math.sqrt(d2), lodPx, v.lod!.scale);
        let casting = casts;
        if (casting && v.shadowFrusta) {
          casting = false;
          for (const f of v.shadowFrusta) if (f.intersectsSphere(s.sphere)) casting = true;
        }
        // bit 2: drawn by the simplified mesh
        code = slotClass(seen && !simplified, casting) | (simplified ? 4 : 0);
      } else depth[i] = 0;
      codes[i] = code;
      if (comparable && this.lastCodes[i] !== code) {
        changed = true;
        if (castsInto(this.lastCodes[i]!) !== castsInto(code)) castersMoved = true;
      }
    }
    if (castersMoved) this.castersVersion++;
    if (!changed && v.eye.distanceToSquared(this.sortedFrom) >= v.sortTolerance * v.sortTolerance) changed = true;
    if (changed) {
      this.reorder(n, codes, depth);
      this.sortedFrom.copy(v.eye);
      this.reorderNeeded = false;
    }
    let cam = 0;
    let shadow = 0;
    for (let i = 0; i < n; i++) {
      const c = this.lastCodes[i]! & 3;
      if (c <= SlotClass.SeenOnly) cam++;
      if (c <= SlotClass.CastingOnly) shadow++;
    }
    this.cameraCount = cam;
    this.shadowCount = shadow;
    this.mesh.count = cam;
    this.mesh.frustumCulled = !v.frustum;
    if (this.lodMesh) this.writeLod(changed);
  }

  private reorder(n: number, codes: Uint8Array, depth: Float64Array): void {
    const classes = new Uint8Array(n);
    for (let i = 0; i < n; i++) classes[i] = codes[i]! & 3;
    const { order } = drawOrder(classes, depth.subarray(0, n));
    const last = new Uint8Array(n);
    let moved = false;
    for (let to = 0; to < n; to++) {
      last[to] = codes[order[to]!]!;
      if (order[to] !== to) moved = true;
    }
    this.lastCodes = last;
    if (!moved) return;
    const mat = this.mesh.instanceMatrix.array;
    const col = this.mesh.instanceColor!.array;
    const oldMat = mat.slice(0, n * 16);
    const oldCol = col.slice(0, n * 3);
    const old = this.members.slice();
    for (let to = 0; to < n; to++) {
      const from = order[to]!;
      mat.set(oldMat.subarray(from * 16, from * 16 + 16), to * 16);
      col.set(oldCol.subarray(from * 3, from * 3 + 3), to * 3);
      const s = old[from]!;
      s.index = to;
      this.members[to] = s;
    }
    this.mesh.instanceColor!.needsUpdate = true;
    this.mesh.instanceMatrix.needsUpdate = true;
  }

  /** Copies the members the simplified mesh draws into its buffer (when they or their matrices changed). */
  private writeLod(reordered: boolean): void {
    const lod = this.lodMesh!;
    if (!reordered && this.lodWrittenAt === this.castersVersion) return;
    this.lodMembers.length = 0;
    const mat = lod.instanceMatrix.array;
    const col = lod.instanceColor!.array;
    const src = this.mesh.instanceMatrix.array;
    const srcCol = this.mesh.instanceColor!.array;
    for (let i = 0; i < this.members.length; i++) {
      if ((this.lastCodes[i]! & 4) === 0) continue;
      const k = this.lodMembers.length;
      mat.set(src.subarray(i * 16, i * 16 + 16), k * 16);
      col.set(srcCol.subarray(i * 3, i * 3 + 3), k * 3);
      this.lodMembers.push(this.members[i]!);
    }
    lod.count = this.lodMembers.length;
    lod.instanceMatrix.needsUpdate = true;
    lod.instanceColor!.needsUpdate = true;
    this.lodWrittenAt = this.castersVersion;
  }

  /** Nearest-first from `eye`, nothing culled, full detail (returns whether the slots were reordered). */
  sortFrom(eye: Vector3, tolerance = 0.5): boolean {
    const before = this.members.slice();
    this.prepare({ eye, frustum: null, shadowFrusta: null, lod: null, sortTolerance: tolerance });
    return this.members.some((m, i) => m !== before[i]);
  }

  private changed(): void {
    // a whole-buffer upload (64 bytes an instance) when anything moved: simpler and safer than update
    // ranges, which one renderer would clear before the other (viewport, offscreen frames) saw them
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.boundingSphere = null;
    this.mesh.boundingBox = null;
    this.castersVersion++;
    // a member shown or hidden changes its class: the next prepare lays the buffer out again
    this.reorderNeeded = true;
  }

  dispose(): void {
    this.root.remove(this.mesh);
    this.mesh.dispose();
    if (this.lodMesh) {
      this.root.remove(this.lodMesh);
      this.lodMesh.dispose();
      this.spec.lodGeometry!.dispose();
    }
    this.spec.geometry.dispose();
    this.spec.material.dispose();
  }
}

/** All buckets of one scene, under one group the Canvas mounts at its root. */
export class InstancePool {
  readonly root = new Group();
  private readonly buckets = new Map<string, InstanceBucket>();
  /** the editor camera: the only one whose renders may use simplified meshes (null: none may) */
  lodCamera: Camera | null = null;
  /** the editor view's full pixel ratio: a render drawn below it is at a lowered resolution */
  fullPixelRatio = 1;
  /** what the last prepare drew, for the status of a render, tests and the bench */
  readonly last = { cameraInstances: 0, shadowInstances: 0, lodInstances: 0, members: 0, lodCamera: false, baked: 0, cells: 0, cellsSeen: 0, cellsSimplified: 0, cellMembersSimplified: 0, cellMembersCulled: 0 };
  /** still members baked into plain meshes, one per cell of the ground plan and look */
  readonly cells: StaticCells;

  constructor(readonly quality: PoolQuality = { cull: false, lod: false, actorLodPx: 90, propLodPx: 40 }) {
    this.root.name = 'instanced-draws';
    this.root.matrixAutoUpdate = false;
    this.cells = new StaticCells(this.root, quality);
  }

  private *allMembers(): Iterable<InstanceStandIn> {
    for (const b of this.buckets.values()) yield* b.members;
  }

  /** Puts `s` into the bucket `key`, creating it with `make()` if it does not exist yet. */
  attach(s: InstanceStandIn, key: string, make: () => BucketSpec): InstanceBucket {
    if (s.bucket?.key === key) return s.bucket;
    this.detach(s);
    let b = this.buckets.get(key);
    if (!b) {
      b = new InstanceBucket(key, make(), this.root);
      this.buckets.set(key, b);
    }
    b.add(s);
    s.resolveDraw();
    return b;
  }

  detach(s: InstanceStandIn): void {
    const b = s.bucket;
    if (!b) return;
    this.cells.leave(s);
    if (b.remove(s)) {
      this.buckets.delete(b.key);
      b.dispose();
    }
    s.resolveDraw();
  }

  /** Nearest-first from `eye` for every bucket, nothing culled, full detail (a still eye sorts once). */
  sortFrom(eye: Vector3, tolerance = 0.5): void {
    for (const b of this.buckets.values()) b.sortFrom(eye, tolerance);
  }

  /**
   * Prepares every bucket for a render of `scene` through `camera` (call it where three calls
   * scene.onBeforeRender: world matrices are current, no pass has drawn yet).
   */
  prepare(renderer: WebGLRenderer, scene: Object3D, camera: Camera): void {
    const q = this.quality;
    const eye = camera.getWorldPosition(_eye);
    let frustum: Frustum | null = null;
    let shadowFrusta: Frustum[] | null = null;
    if (q.cull) {
      frustum = _frustum.setFromProjectionMatrix(_pv.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse), camera.coordinateSystem);
      shadowFrusta = shadowFrustaOf(scene);
    }
    const useLod = q.lod && camera === this.lodCamera;
    const drawn = q.lodFollowsResolution && !renderer.getRenderTarget() ? renderer.getPixelRatio() / this.fullPixelRatio : 1;
    const lod = useLod ? { scale: screenScaleOf(renderer, camera), actorPx: detailThresholdPx(q.actorLodPx, drawn), propPx: detailThresholdPx(q.propLodPx, drawn) } : null;
    const view: DrawView = { eye, frustum, shadowFrusta, lod, sortTolerance: 0.5 };
    // first who is baked (a baked member leaves its instance buffer), then the buffers, then the cells' detail
    this.cells.update(this.allMembers(), performance.now());
    let cam = 0, shadow = 0, lodN = 0, members = 0;
    for (const b of this.buckets.values()) {
      b.prepare(view);
      cam += b.cameraCount;
      shadow += b.shadowCount;
      lodN += b.lodMesh?.count ?? 0;
      members += b.members.length;
    }
    const c = this.cells.prepare(eye, frustum, lod);
    Object.assign(this.last, { cameraInstances: cam, shadowInstances: shadow, lodInstances: lodN, members, lodCamera: useLod, baked: this.cells.baked, cells: c.cells, cellsSeen: c.seen, cellsSimplified: c.simplified, cellMembersSimplified: c.membersSimplified, cellMembersCulled: c.membersCulled });
  }

  /** Whether the next render would bake or release members (see StaticCells.pending). */
  cellsPending(now = performance.now()): boolean {
    return this.cells.pending(this.allMembers(), now);
  }

  bucket(key: string): InstanceBucket | undefined {
    return this.buckets.get(key);
  }

  /** The stand-in drawn in `instanceId` of `mesh` (one of this pool's meshes), e.g. from a raycast hit. */
  standInAt(mesh: Object3D, instanceId: number): InstanceStandIn | null {
    for (const b of this.buckets.values()) {
      if (b.mesh === mesh) return b.members[instanceId] ?? null;
      if (b.lodMesh === mesh) return b.lodMembers[instanceId] ?? null;
    }
    return null;
  }

  /** For the status line, tests and the bench: buckets (one draw each) and instances drawn through them. */
  stats(): { buckets: number; instances: number } {
    let instances = 0;
    for (const b of this.buckets.values()) instances += b.members.length;
    return { buckets: this.buckets.size, instances };
  }

  dispose(): void {
    this.cells.dispose();
    for (const b of this.buckets.values()) b.dispose();
    this.buckets.clear();
  }
}

const _eye = new Vector3();
const _frustum = new Frustum();
const _pv = new Matrix4();
const _size = new Vector2();

/**
 * The frusta of the shadow cameras that will draw in this render, set up exactly as three's shadow pass
 * sets them (LightShadow.updateMatrices); null when a casting light has no single frustum (a point light's
 * cube map): then every caster casts.
 */
function shadowFrustaOf(scene: Object3D): Frustum[] | null {
  const out: Frustum[] = [];
  let unbounded = false;
  scene.traverseVisible((o) => {
    const l = o as Object3D & {
      isLight?: boolean;
      isDirectionalLight?: boolean;
      isSpotLight?: boolean;
      target?: Object3D;
      shadow?: { updateMatrices(light: Object3D): void; getFrustum(): Frustum };
    };
    if (!l.isLight || !l.castShadow || !l.shadow) return;
    if ((l.isDirectionalLight || l.isSpotLight) && l.target) {
      // the target may sit outside the scene graph; three's shadow pass reads its world matrix as it is
      if (!l.target.parent) l.target.updateMatrixWorld();
      l.shadow.updateMatrices(l);
      out.push(l.shadow.getFrustum().clone());
    } else unbounded = true;
  });
  return unbounded ? null : out;
}

/** How the camera maps world size to pixels (the CSS size: the threshold does not move with the pixel ratio). */
function screenScaleOf(renderer: WebGLRenderer, camera: Camera): ScreenScale {
  const rt = renderer.getRenderTarget();
  const heightPx = rt ? rt.height : renderer.getSize(_size).y;
  const c = camera as Camera & { isPerspectiveCamera?: boolean; isOrthographicCamera?: boolean; fov?: number; zoom?: number; top?: number; bottom?: number };
  if (c.isOrthographicCamera) return { kind: 'orthographic', worldHeight: (c.top! - c.bottom!) / (c.zoom ?? 1), heightPx };
  // any other camera: read the vertical field of view off its projection matrix (P[5] = 1 / tan(fov/2))
  const tanHalfFovY = 1 / camera.projectionMatrix.elements[5]!;
  return { kind: 'perspective', tanHalfFovY, heightPx };
}
