// Instanced drawing for objects that share geometry and material (set-piece primitives, mannequin parts).
// Every object keeps its own node in the scene graph — the per-object group the gizmo, the timeline and
// objectRefs move — and inside it an InstanceStandIn: an invisible mesh with the object's exact geometry,
// so picking, bounds (frame selection) and tests see the object where it is. The picture comes from one
// InstancedMesh per bucket (same geometry, same material), whose instance matrix follows the stand-in's
// world matrix. The stand-in copies itself into its slot while three updates world matrices (which every
// render does, the viewport's and the offscreen frame renderer's alike), and only when its matrix or
// visibility changed, so a still set uploads nothing.
import { Color, Group, InstancedBufferAttribute, InstancedMesh, Matrix4, Mesh, Vector3, type BufferGeometry, type Material, type Object3D } from 'three';

/** What a bucket draws with. The bucket owns (and disposes) both once its last member leaves. */
export interface BucketSpec {
  geometry: BufferGeometry;
  /** shared by every instance; its colour should be white, the instance colour tints it */
  material: Material;
  castShadow: boolean;
  receiveShadow: boolean;
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
  readonly members: InstanceStandIn[] = [];

  constructor(
    readonly key: string,
    readonly spec: BucketSpec,
    private readonly root: Group,
    capacity = 16,
  ) {
    this.mesh = this.makeMesh(capacity);
    root.add(this.mesh);
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
    return m;
  }

  private grow(): void {
    const old = this.mesh;
    const next = this.makeMesh(old.instanceMatrix.count * 2);
    next.instanceMatrix.array.set(old.instanceMatrix.array);
    next.instanceColor!.array.set(old.instanceColor!.array);
    next.count = old.count;
    this.root.remove(old);
    old.dispose();
    this.root.add(next);
    this.mesh = next;
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
      arr.set(m.elements, o);
      s.shown = true;
      this.changed();
    } else if (s.shown) {
      // a zero matrix collapses every triangle of the instance: nothing is drawn, nothing casts a shadow
      arr.fill(0, o, o + 16);
      s.shown = false;
      this.changed();
    }
  }

  /**
   * Reorders the slots nearest-first from `eye` (world space), as three orders separate opaque meshes:
   * with the depth test, far instances hidden behind near ones are then never shaded. Returns whether the
   * order changed (and the buffers were rewritten).
   */
  sortFrom(eye: Vector3): boolean {
    const n = this.members.length;
    if (n < 2) return false;
    const depth = new Float64Array(n);
    this.members.forEach((s, i) => {
      const e = s.matrixWorld.elements;
      depth[i] = (e[12]! - eye.x) ** 2 + (e[13]! - eye.y) ** 2 + (e[14]! - eye.z) ** 2;
    });
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => depth[a]! - depth[b]!);
    if (order.every((v, i) => v === i)) return false;
    const mat = this.mesh.instanceMatrix.array;
    const col = this.mesh.instanceColor!.array;
    const oldMat = mat.slice(0, n * 16);
    const oldCol = col.slice(0, n * 3);
    const old = this.members.slice();
    order.forEach((from, to) => {
      mat.set(oldMat.subarray(from * 16, from * 16 + 16), to * 16);
      col.set(oldCol.subarray(from * 3, from * 3 + 3), to * 3);
      const s = old[from]!;
      s.index = to;
      this.members[to] = s;
    });
    this.mesh.instanceColor!.needsUpdate = true;
    this.mesh.instanceMatrix.needsUpdate = true;
    return true;
  }

  private changed(): void {
    // a whole-buffer upload (64 bytes an instance) when anything moved: simpler and safer than update
    // ranges, which one renderer would clear before the other (viewport, offscreen frames) saw them
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.boundingSphere = null;
    this.mesh.boundingBox = null;
  }

  dispose(): void {
    this.root.remove(this.mesh);
    this.mesh.dispose();
    this.spec.geometry.dispose();
    this.spec.material.dispose();
  }
}

/** All buckets of one scene, under one group the Canvas mounts at its root. */
export class InstancePool {
  readonly root = new Group();
  private readonly buckets = new Map<string, InstanceBucket>();

  constructor() {
    this.root.name = 'instanced-draws';
    this.root.matrixAutoUpdate = false;
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
    if (b.remove(s)) {
      this.buckets.delete(b.key);
      b.dispose();
    }
    s.resolveDraw();
  }

  private sortedFrom = new Vector3(Infinity, Infinity, Infinity);
  private membership = -1;

  /**
   * Keeps every bucket drawn nearest-first for the eye at `eye`: re-sorts when the eye has moved more than
   * `tolerance` metres or members came or went since the last sort (a static view sorts once).
   */
  sortFrom(eye: Vector3, tolerance = 0.5): void {
    let membership = 0;
    for (const b of this.buckets.values()) membership = (membership * 31 + b.members.length + b.mesh.id) | 0;
    if (membership === this.membership && eye.distanceToSquared(this.sortedFrom) < tolerance * tolerance) return;
    for (const b of this.buckets.values()) b.sortFrom(eye);
    this.sortedFrom.copy(eye);
    this.membership = membership;
  }

  bucket(key: string): InstanceBucket | undefined {
    return this.buckets.get(key);
  }

  /** The stand-in drawn in `instanceId` of `mesh` (one of this pool's meshes), e.g. from a raycast hit. */
  standInAt(mesh: Object3D, instanceId: number): InstanceStandIn | null {
    for (const b of this.buckets.values()) if (b.mesh === mesh) return b.members[instanceId] ?? null;
    return null;
  }

  /** For the status line, tests and the bench: buckets (one draw each) and instances drawn through them. */
  stats(): { buckets: number; instances: number } {
    let instances = 0;
    for (const b of this.buckets.values()) instances += b.members.length;
    return { buckets: this.buckets.size, instances };
  }

  dispose(): void {
    for (const b of this.buckets.values()) b.dispose();
    this.buckets.clear();
  }
}
