import { beforeAll, describe, expect, it } from 'vitest';
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import { fractureBuilding } from './fracture';
import { buildGlue } from './glue';
import { buildStructure } from './structure';
import { defaultCollapseParams, type CollapseParams } from './params';
import { CollapseSim } from './simulate';
import { HULL_SCALE, rotate } from './rigid';
import { clipPoly, polyBounds, volumeCentroid, type Poly } from './polyhedron';
import type { Fragment } from './fracture';
import { loadRapier } from './rapier';
import type { BuildingShape } from './solid';

let R: typeof RAPIER_NS;
beforeAll(async () => {
  R = await loadRapier();
});

const small: BuildingShape = { footprint: { width: 8, depth: 6 }, floors: 2, floorHeight: 3, bays: { x: 2, z: 2 }, windowRatio: 0.3, roof: 'flat' };
const base: CollapseParams = { ...defaultCollapseParams(), fragmentCount: 160, impactPoint: [0, 1.5, 3], impactRadius: 2.5, strength: 14 };

function setup(params: CollapseParams, seed = 5) {
  const fr = fractureBuilding(small, { ...params, seed });
  const bonds = buildGlue(fr.fragments);
  const structure = buildStructure(fr.fragments, bonds, params);
  return { fr, bonds, structure };
}

describe('collapse rigid bodies', () => {
  it('in free fall, momentum follows m·g·t', () => {
    for (const gravity of [9.81, 3.71]) {
      const params = { ...base, gravity, strength: 0 };
      const { fr, structure } = setup(params);
      structure.intact.fill(0); // every bond gone: each fragment is its own body
      const sim = new CollapseSim(R, { fragments: fr.fragments, structure, params, stepRate: 60, groundY: -1000 });
      sim.trigger();
      const steps = 45;
      for (let s = 0; s < steps; s++) sim.step();
      const t = sim.time;
      const bodies = sim.bodies().filter((b) => b.isDynamic());
      expect(bodies.length).toBe(fr.fragments.length);
      for (const b of bodies) {
        const v = b.linvel();
        expect(Math.abs(b.mass() * v.y + b.mass() * gravity * t) / (b.mass() * gravity * t)).toBeLessThan(1e-5);
        expect(Math.abs(v.x) + Math.abs(v.z)).toBeLessThan(1e-4);
      }
      // total momentum of the whole set against (Σm)·g·t
      const M = bodies.reduce((a, b) => a + b.mass(), 0);
      const P = bodies.reduce((a, b) => a + b.mass() * b.linvel().y, 0);
      expect(Math.abs(P + M * gravity * t) / (M * gravity * t)).toBeLessThan(1e-4);
      const massSum = fr.fragments.reduce((a, f) => a + f.mass, 0);
      expect(Math.abs(M - massSum) / massSum).toBeLessThan(1e-3);
      sim.free();
    }
  });

  it('never holds more energy than it started with plus the blow', () => {
    const params = { ...base };
    const { fr, structure } = setup(params);
    const sim = new CollapseSim(R, { fragments: fr.fragments, structure, params, stepRate: 60 });
    const E0 = sim.kineticEnergy() + sim.potentialEnergy();
    sim.trigger();
    expect(sim.injected).toBeGreaterThan(0);
    let worst = -Infinity;
    for (let s = 0; s < 150; s++) {
      sim.step();
      const E = sim.kineticEnergy() + sim.potentialEnergy();
      worst = Math.max(worst, (E - (E0 + sim.injected)) / E0);
    }
    expect(sim.breaks.length).toBeGreaterThan(10);
    expect(worst).toBeLessThan(1e-3);
    sim.free();
  });

  it('pancake fails the floor connections first, toppling the walls', () => {
    const share = (mode: 'pancake' | 'toppling') => {
      const params = { ...base, failureMode: mode };
      const { fr, structure } = setup(params);
      const sim = new CollapseSim(R, { fragments: fr.fragments, structure, params, stepRate: 60 });
      sim.trigger();
      const blow = sim.breaks.length;
      for (let s = 0; s < 20; s++) sim.step();
      const later = sim.breaks.slice(blow).map((b) => structure.bonds[b.bond]!.kind);
      sim.free();
      const of = (k: string) => later.filter((x) => x === k).length / Math.max(1, later.length);
      return { connection: of('connection'), wall: of('wall'), n: later.length };
    };
    const p = share('pancake');
    const t = share('toppling');
    expect(p.n).toBeGreaterThan(0);
    expect(t.n).toBeGreaterThan(0);
    expect(p.connection).toBeGreaterThan(t.connection);
    expect(t.wall).toBeGreaterThan(p.wall);
  });

  it('comes to rest within 8 s, fragments on the ground without overlapping', () => {
    const params = { ...base };
    const { fr, structure } = setup(params);
    const sim = new CollapseSim(R, { fragments: fr.fragments, structure, params, stepRate: 60 });
    sim.trigger();
    let restAt: number | null = null;
    while (sim.time < 8 && restAt === null) {
      sim.step();
      if (sim.time > 1 && sim.movingBodies() === 0) restAt = sim.time;
    }
    expect(restAt).not.toBeNull();
    // at rest, the fragments' collision hulls (placed by their final poses) do not interpenetrate
    const pose = new Float32Array(7 * fr.fragments.length);
    sim.poses(pose);
    const placed = fr.fragments.map((f, i) => placeHull(f, pose.subarray(7 * i, 7 * i + 7)));
    let worst = 0;
    let total = 0;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!, b = placed[j]!;
        if (a.max[0] <= b.min[0] || b.max[0] <= a.min[0] || a.max[1] <= b.min[1] || b.max[1] <= a.min[1] || a.max[2] <= b.min[2] || b.max[2] <= a.min[2]) continue;
        let p: Poly | null = a.poly;
        for (const f of b.poly.faces) {
          p = clipPoly(p!, f.n, f.d, 0);
          if (!p) break;
        }
        if (p) {
          // the overlap of two touching hulls is a thin plate: its volume over its largest face is the depth
          const v = volumeCentroid(p).volume;
          total += v;
          worst = Math.max(worst, v / Math.max(...p.faces.map(faceArea)));
        }
      }
    }
    expect(worst).toBeLessThan(0.03);
    expect(total / fr.solidVolume).toBeLessThan(0.005);
    console.log(`rest at ${restAt?.toFixed(2)} s, deepest hull overlap ${(worst * 100).toFixed(2)} cm, overlap volume ${((total / fr.solidVolume) * 100).toFixed(3)} %, breaks ${sim.breaks.length}`);
    sim.free();
  });
});

/** The fragment's collision hull (shrunk like the collider) moved to a pose (x, y, z, qx, qy, qz, qw). */
function placeHull(f: Fragment, p: Float32Array) {
  const q = { x: p[3]!, y: p[4]!, z: p[5]!, w: p[6]! };
  const c = f.centroid;
  const poly: Poly = {
    faces: f.poly.faces.map((face) => {
      const pts: number[] = [];
      for (let k = 0; k < face.pts.length; k += 3) {
        const r = rotate(q, [(face.pts[k]! - c[0]) * HULL_SCALE, (face.pts[k + 1]! - c[1]) * HULL_SCALE, (face.pts[k + 2]! - c[2]) * HULL_SCALE]);
        pts.push(r[0] + p[0]!, r[1] + p[1]!, r[2] + p[2]!);
      }
      const n = rotate(q, face.n);
      return { n, d: n[0] * pts[0]! + n[1] * pts[1]! + n[2] * pts[2]!, tag: face.tag, pts };
    }),
  };
  return { poly, volume: volumeCentroid(poly).volume, ...polyBounds(poly) };
}

function faceArea(f: { pts: number[] }): number {
  let x = 0, y = 0, z = 0;
  const p = f.pts;
  for (let k = 3; k + 5 < p.length; k += 3) {
    const ax = p[k]! - p[0]!, ay = p[k + 1]! - p[1]!, az = p[k + 2]! - p[2]!;
    const bx = p[k + 3]! - p[0]!, by = p[k + 4]! - p[1]!, bz = p[k + 5]! - p[2]!;
    x += ay * bz - az * by;
    y += az * bx - ax * bz;
    z += ax * by - ay * bx;
  }
  return Math.hypot(x, y, z) / 2;
}
