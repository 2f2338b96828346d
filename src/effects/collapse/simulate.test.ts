import { beforeAll, describe, expect, it } from 'vitest';
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import { fractureBuilding } from './fracture';
import { buildGlue } from './glue';
import { buildStructure } from './structure';
import { defaultCollapseParams, type CollapseParams } from './params';
import { CollapseSim } from './simulate';
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
    // at rest, no two fragment colliders penetrate by more than 2 cm
    let deepest = 0;
    const n = fr.fragments.length;
    for (let i = 0; i < n; i++) {
      const ci = sim.fragmentCollider(i);
      sim.world.contactPairsWith(ci, (other) => {
        sim.world.contactPair(ci, other, (manifold) => {
          for (let k = 0; k < manifold.numContacts(); k++) deepest = Math.max(deepest, -manifold.contactDist(k));
        });
      });
    }
    expect(deepest).toBeLessThan(0.02);
    console.log(`rest at ${restAt?.toFixed(2)} s, deepest penetration ${(deepest * 100).toFixed(2)} cm, breaks ${sim.breaks.length}`);
    sim.free();
  });
});
