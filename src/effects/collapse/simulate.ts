// The rigid-body pass: Rapier steps the fragments; glue decides what moves together. Everything still bonded
// to the ground sits in one fixed body; every group of fragments that has lost its path to the ground is one
// dynamic body (its fragments' convex hulls as a compound collider). Contact impulses and static overload
// break bonds; a body whose glue splits becomes several bodies that inherit its velocity field, so splitting
// adds no energy. Fragment colliders always sit at (centroid, no rotation) in their body, so a fragment's
// pose is its body's pose applied to its rest position.
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import type { Collider, RigidBody, World, EventQueue, ColliderDesc } from '@dimforge/rapier3d-compat';
import type { Fragment } from './fracture';
import { fragmentColliderDesc, rotate, snapshot, type BodyState, type V } from './rigid';
import { GROUND } from './glue';
import { components, impactDamage, staticLoads, type Structure } from './structure';
import { MATERIALS, type CollapseParams } from './params';

type Rapier = typeof RAPIER_NS;

export interface BreakEvent {
  bond: number;
  /** seconds after the trigger */
  time: number;
  /** world position and velocity of the bond centre when it broke */
  pos: [number, number, number];
  vel: [number, number, number];
}

interface Cluster {
  body: RigidBody;
  frags: number[];
  /** seconds the body has stayed slower than the settle thresholds */
  quiet: number;
  /** settled: switched to a fixed body until something hits it */
  frozen: boolean;
  mass: number;
  /** centre of mass at the last settle check */
  lastCom: V | null;
}

export interface SimSetup {
  fragments: Fragment[];
  structure: Structure;
  params: CollapseParams;
  /** rigid-body steps per second */
  stepRate: number;
  /** height of the ground plane in the building's frame */
  groundY?: number;
}

const STATIC = 0;
export const SOLVER_ITERATIONS = 8;
/** a body slower than these for SETTLE_TIME is put to sleep (it wakes again when something hits it) */
const SETTLE_LINEAR = 0.2, SETTLE_ANGULAR = 0.4, SETTLE_TIME = 0.75, SETTLE_EVERY = 6;
/** contacts between bodies slower than this (m/s) are resting, not impacts */
const IMPACT_SPEED = 1;
/** an impulse of mass × this (m/s) thaws a frozen body */
const WAKE_SPEED = 0.5;
/** rad/s: faster spin than any chunk of a falling building shows */
const MAX_SPIN = 25;
// rolling resistance stand-in: debris does not roll forever; it touches only rotation, never free-fall momentum
const ANGULAR_DAMPING = 1.5;

export class CollapseSim {
  readonly world: World;
  readonly dt: number;
  time = 0;
  /** kinetic energy put in by the blow, J */
  injected = 0;
  readonly breaks: BreakEvent[] = [];
  /** why bonds broke: the blow, a contact impulse, or static overload */
  readonly causes = { blow: 0, impulse: 0, overload: 0 };
  /** cluster index per fragment; 0 is the fixed body of everything still standing */
  readonly clusterOf: Int32Array;
  private readonly clusters: (Cluster | null)[] = [];
  private readonly colliders: Collider[] = [];
  private readonly descs: ColliderDesc[] = [];
  private readonly fragOfHandle = new Map<number, number>();
  private readonly queue: EventQueue;
  private readonly standing: Uint8Array;
  private staticDirty = true;
  private readonly touched = new Set<number>();
  private readonly g: number;
  /** free fall from the top of the building plus the blow, with a margin */
  private readonly maxSpeed: number;

  constructor(private readonly R: Rapier, private readonly setup: SimSetup) {
    const { fragments, params } = setup;
    this.g = params.gravity;
    const top = Math.max(...fragments.map((f) => f.max[1]), 1);
    this.maxSpeed = Math.sqrt(2 * params.gravity * (top - (setup.groundY ?? 0)) + 1) + params.strength + 5;
    this.world = new R.World({ x: 0, y: -params.gravity, z: 0 });
    // piles of hulls with 1:100 mass ratios (glass shards under slab chunks) need more than the default 4
    this.world.numSolverIterations = SOLVER_ITERATIONS;
    this.dt = 1 / setup.stepRate;
    this.world.timestep = this.dt;
    this.queue = new R.EventQueue(true);
    const groundY = setup.groundY ?? 0;
    const ground = this.world.createRigidBody(R.RigidBodyDesc.fixed().setTranslation(0, groundY - 1, 0));
    const mat = MATERIALS[params.material];
    this.world.createCollider(R.ColliderDesc.cuboid(500, 1, 500).setFriction(mat.friction).setRestitution(mat.restitution), ground);
    const fixed = this.world.createRigidBody(R.RigidBodyDesc.fixed());
    this.clusters.push({ body: fixed, frags: fragments.map((_, i) => i), quiet: 0, frozen: false, mass: 0, lastCom: null });
    this.clusterOf = new Int32Array(fragments.length);
    this.standing = new Uint8Array(fragments.length).fill(1);
    fragments.forEach((f, i) => {
      const desc = fragmentColliderDesc(R, f, mat);
      this.descs.push(desc);
      this.attach(i, fixed);
    });
  }

  private attach(i: number, body: RigidBody): void {
    const desc = this.descs[i]!;
    desc.setContactForceEventThreshold(this.eventThreshold(i));
    const col = this.world.createCollider(desc, body);
    this.colliders[i] = col;
    this.fragOfHandle.set(col.handle, i);
  }

  /** Forces below this cannot break any of the fragment's bonds in one step, so Rapier need not report them. */
  private eventThreshold(i: number): number {
    const s = this.setup.structure;
    let min = Infinity;
    for (let q = s.adjStart[i]!; q < s.adjStart[i + 1]!; q++) {
      const k = s.adjBonds[q]!;
      if (s.intact[k]) min = Math.min(min, s.impulseLimit[k]!);
    }
    return Number.isFinite(min) ? (0.95 * min) / this.dt : 1e30;
  }

  /** The blow: shattered bonds are already open in the structure; what lost support starts to move, and the
   * material near the impact centre gets its share of the blow's speed. */
  trigger(): void {
    const s = this.setup.structure;
    s.bonds.forEach((_, k) => {
      if (!s.intact[k]) {
        this.recordBreak(k);
        this.causes.blow++;
      }
    });
    this.staticDirty = true;
    this.settleStructure(false);
    const { params, fragments } = this.setup;
    const dir = params.impactDirection;
    const len = Math.hypot(dir[0], dir[1], dir[2]) || 1;
    const before = this.kineticEnergy();
    for (let ci = 1; ci < this.clusters.length; ci++) {
      const c = this.clusters[ci];
      if (!c) continue;
      let m = 0, dm = 0;
      for (const f of c.frags) {
        m += fragments[f]!.mass;
        dm += fragments[f]!.mass * impactDamage(fragments[f]!.centroid, { ...params, strength: 10 });
      }
      const speed = (params.strength * dm) / m;
      const v = c.body.linvel();
      c.body.setLinvel({ x: v.x + (speed * dir[0]) / len, y: v.y + (speed * dir[1]) / len, z: v.z + (speed * dir[2]) / len }, true);
    }
    this.injected += this.kineticEnergy() - before;
  }

  step(): void {
    this.world.step(this.queue);
    this.time += this.dt;
    const s = this.setup.structure;
    this.queue.drainContactForceEvents((e) => {
      const h1 = e.collider1(), h2 = e.collider2();
      // an impact, not a pile settling: resting weight is the structure's static check, not glue strain
      if (this.closingSpeed(h1, h2) < IMPACT_SPEED) return;
      const impulse = e.totalForceMagnitude() * this.dt;
      for (const h of [h1, h2]) {
        const i = this.fragOfHandle.get(h);
        if (i === undefined) continue;
        const c = this.clusters[this.clusterOf[i]!];
        if (c?.frozen && impulse > c.mass * WAKE_SPEED) {
          c.frozen = false;
          c.quiet = 0;
          c.lastCom = null;
          c.body.setBodyType(this.R.RigidBodyType.Dynamic, true);
        }
        for (let q = s.adjStart[i]!; q < s.adjStart[i + 1]!; q++) {
          const k = s.adjBonds[q]!;
          if (s.intact[k] && impulse > s.impulseLimit[k]!) {
            this.breakBond(k);
            this.causes.impulse++;
          }
        }
      }
    });
    this.settleStructure(true);
    this.splitTouched();
    this.limitBodies(++this.stepCount % SETTLE_EVERY === 0 ? SETTLE_EVERY * this.dt : 0);
  }

  private stepCount = 0;

  /** Largest speed of the two colliders' bodies (fixed bodies count as still). */
  private closingSpeed(h1: number, h2: number): number {
    let v = 0;
    for (const h of [h1, h2]) {
      const body = this.world.getCollider(h)?.parent();
      if (!body || !body.isDynamic()) continue;
      const l = body.linvel();
      v = Math.max(v, Math.hypot(l.x, l.y, l.z));
    }
    return v;
  }

  /**
   * Two guards every solver needs on a rubble pile. Depenetration: a light shard squeezed deep into the ground
   * by a heavy slab can be shot out far faster than anything in a collapse moves (PhysX caps this with
   * maxDepenetrationVelocity; Rapier has no such cap), so speeds are clamped to what a fall from the roof plus
   * the blow can reach. Rest: Rapier's sleep thresholds suit game props and a rubble pile keeps creeping
   * below them (forcing sleep pumped energy into the pile), so a body slow for SETTLE_TIME is frozen as a
   * fixed body — Houdini's deactivation — and thawed, at rest, when an impact hits it. Both only remove energy.
   */
  private limitBodies(settleElapsed: number): void {
    for (const c of this.clusters) {
      if (!c || c.frozen || !c.body.isDynamic()) continue;
      const v = c.body.linvel(), w = c.body.angvel();
      const sv = Math.hypot(v.x, v.y, v.z), sw = Math.hypot(w.x, w.y, w.z);
      if (sv > this.maxSpeed) {
        const k = this.maxSpeed / sv;
        c.body.setLinvel({ x: v.x * k, y: v.y * k, z: v.z * k }, true);
      }
      if (sw > MAX_SPIN) {
        const k = MAX_SPIN / sw;
        c.body.setAngvel({ x: w.x * k, y: w.y * k, z: w.z * k }, true);
      }
      if (settleElapsed <= 0) continue;
      // quiet = the centre of mass went nowhere over the window: a shard jittering between two settled
      // neighbours shows a high instantaneous speed but no travel
      const com = c.body.worldCom();
      const last = c.lastCom;
      c.lastCom = { x: com.x, y: com.y, z: com.z };
      const travel = last ? Math.hypot(com.x - last.x, com.y - last.y, com.z - last.z) / settleElapsed : Infinity;
      if (travel < SETTLE_LINEAR || (sv < SETTLE_LINEAR && sw < SETTLE_ANGULAR)) {
        c.quiet += settleElapsed;
        if (c.quiet >= SETTLE_TIME) {
          c.frozen = true;
          c.lastCom = null;
          c.body.setBodyType(this.R.RigidBodyType.Fixed, false);
        }
      } else c.quiet = 0;
    }
  }

  private breakBond(k: number): void {
    const s = this.setup.structure;
    s.intact[k] = 0;
    const b = s.bonds[k]!;
    this.recordBreak(k);
    for (const i of [b.a, b.b]) {
      if (i === GROUND) continue;
      const ci = this.clusterOf[i]!;
      if (ci === STATIC) this.staticDirty = true;
      else this.touched.add(ci);
      this.colliders[i]?.setContactForceEventThreshold(this.eventThreshold(i));
    }
  }

  private recordBreak(k: number): void {
    const b = this.setup.structure.bonds[k]!;
    const body = this.clusters[this.clusterOf[b.a]!]!.body;
    const p = body.translation(), q = body.rotation();
    const w = rotate(q, b.centre);
    const pos: [number, number, number] = [p.x + w[0], p.y + w[1], p.z + w[2]];
    const v = body.linvel(), om = body.angvel(), com = body.worldCom();
    const r = [pos[0] - com.x, pos[1] - com.y, pos[2] - com.z];
    const vel: [number, number, number] = [
      v.x + om.y * r[2]! - om.z * r[1]!,
      v.y + om.z * r[0]! - om.x * r[2]!,
      v.z + om.x * r[1]! - om.y * r[0]!,
    ];
    this.breaks.push({ bond: k, time: this.time, pos, vel });
  }

  /** Breaks what the standing structure can no longer carry and releases what lost its path to the ground. */
  private settleStructure(checkOverload: boolean): void {
    if (!this.staticDirty) return;
    this.staticDirty = false;
    const { fragments, structure: s } = this.setup;
    const first = staticLoads(fragments, s, this.standing, this.g);
    let hop = first.hop;
    const load = first.load;
    if (checkOverload) {
      let broke = false;
      s.bonds.forEach((b, k) => {
        if (!s.intact[k] || load[k]! <= s.capacity[k]!) return;
        if (b.b !== GROUND && !this.standing[b.b]) return;
        if (!this.standing[b.a]) return;
        this.breakBond(k);
        this.causes.overload++;
        broke = true;
      });
      // progressive: the next step weighs the structure again with these bonds gone
      if (broke) {
        this.staticDirty = true;
        hop = staticLoads(fragments, s, this.standing, this.g).hop;
      }
    }
    const falling: number[] = [];
    for (let i = 0; i < fragments.length; i++) if (this.standing[i] && hop[i] === -1) falling.push(i);
    if (falling.length === 0) return;
    for (const i of falling) this.standing[i] = 0;
    const fixed = this.clusters[STATIC]!;
    fixed.frags = fixed.frags.filter((i) => this.standing[i]);
    const parent = snapshot(fixed.body);
    for (const group of components(falling, s, fragments.length)) this.makeCluster(group, parent);
  }

  private splitTouched(): void {
    const { fragments, structure: s } = this.setup;
    const ids = [...this.touched].sort((a, b) => a - b);
    this.touched.clear();
    for (const ci of ids) {
      const c = this.clusters[ci];
      if (!c) continue;
      const groups = components(c.frags, s, fragments.length);
      if (groups.length < 2) continue;
      const parent = snapshot(c.body);
      for (const g of groups) this.makeCluster(g, parent);
      this.world.removeRigidBody(c.body);
      this.clusters[ci] = null;
    }
  }

  /** A new dynamic body with the parent's pose, carrying the parent's velocity field at its own centre of mass. */
  private makeCluster(frags: number[], parent: BodyState): void {
    const R = this.R;
    const { p, q, v, om, com: oldCom } = parent;
    const body = this.world.createRigidBody(
      R.RigidBodyDesc.dynamic().setTranslation(p.x, p.y, p.z).setRotation(q).setAngularDamping(ANGULAR_DAMPING).setCanSleep(true),
    );
    const ci = this.clusters.length;
    const cluster: Cluster = { body, frags, quiet: 0, frozen: false, mass: 0, lastCom: null };
    this.clusters.push(cluster);
    let m = 0, cx = 0, cy = 0, cz = 0;
    for (const i of frags) {
      const old = this.colliders[i];
      if (old) {
        this.fragOfHandle.delete(old.handle);
        this.world.removeCollider(old, false);
      }
      this.clusterOf[i] = ci;
      this.attach(i, body);
      const f = this.setup.fragments[i]!;
      const w = rotate(q, f.centroid);
      m += f.mass;
      cx += f.mass * (p.x + w[0]);
      cy += f.mass * (p.y + w[1]);
      cz += f.mass * (p.z + w[2]);
    }
    cluster.mass = m;
    const r = [cx / m - oldCom.x, cy / m - oldCom.y, cz / m - oldCom.z];
    body.setLinvel({ x: v.x + om.y * r[2]! - om.z * r[1]!, y: v.y + om.z * r[0]! - om.x * r[2]!, z: v.z + om.x * r[1]! - om.y * r[0]! }, true);
    body.setAngvel(om, true);
  }

  /** Pose of every fragment: position of its centroid and rotation quaternion (x, y, z, w), 7 floats each. */
  poses(out: Float32Array): void {
    const fr = this.setup.fragments;
    for (let ci = 0; ci < this.clusters.length; ci++) {
      const c = this.clusters[ci];
      if (!c) continue;
      const p = c.body.translation(), q = c.body.rotation();
      for (const i of c.frags) {
        const w = rotate(q, fr[i]!.centroid);
        out.set([p.x + w[0], p.y + w[1], p.z + w[2], q.x, q.y, q.z, q.w], 7 * i);
      }
    }
  }

  kineticEnergy(): number {
    let e = 0;
    for (const c of this.clusters) {
      if (!c || !c.body.isDynamic()) continue;
      const b = c.body;
      const v = b.linvel(), w = b.angvel();
      const I = b.effectiveAngularInertia();
      const Iw = [
        I.m11 * w.x + I.m12 * w.y + I.m13 * w.z,
        I.m12 * w.x + I.m22 * w.y + I.m23 * w.z,
        I.m13 * w.x + I.m23 * w.y + I.m33 * w.z,
      ];
      e += 0.5 * b.mass() * (v.x * v.x + v.y * v.y + v.z * v.z) + 0.5 * (w.x * Iw[0]! + w.y * Iw[1]! + w.z * Iw[2]!);
    }
    return e;
  }

  potentialEnergy(): number {
    const pose = new Float32Array(7 * this.setup.fragments.length);
    this.poses(pose);
    let e = 0;
    this.setup.fragments.forEach((f, i) => (e += f.mass * this.g * pose[7 * i + 1]!));
    return e;
  }

  /** Dynamic bodies still moving faster than the thresholds (asleep bodies count as at rest). */
  movingBodies(linear = 0.05, angular = 0.1): number {
    let n = 0;
    for (const c of this.clusters) {
      if (!c || !c.body.isDynamic() || c.body.isSleeping()) continue;
      const v = c.body.linvel(), w = c.body.angvel();
      if (Math.hypot(v.x, v.y, v.z) > linear || Math.hypot(w.x, w.y, w.z) > angular) n++;
    }
    return n;
  }

  bodies(): RigidBody[] {
    return this.clusters.filter((c): c is Cluster => c !== null).map((c) => c.body);
  }

  fragmentCollider(i: number): Collider {
    return this.colliders[i]!;
  }

  free(): void {
    this.queue.free();
    this.world.free();
  }
}
