import { describe, expect, it } from 'vitest';
import { fractureBuilding } from './fracture';
import { buildGlue, GROUND } from './glue';
import { buildStructure, staticLoads } from './structure';
import { defaultCollapseParams } from './params';
import type { BuildingShape } from './solid';

const demo: BuildingShape = { footprint: { width: 12, depth: 10 }, floors: 4, floorHeight: 3.2, bays: { x: 4, z: 3 }, windowRatio: 0.4, roof: 'flat' };
const params = { ...defaultCollapseParams(), fragmentCount: 500 };

describe('glue network', () => {
  const fr = fractureBuilding(demo, { ...params, seed: 3 });
  const bonds = buildGlue(fr.fragments);

  it('bonds neighbours through shared faces and the ground floor to the ground', () => {
    expect(bonds.length).toBeGreaterThan(fr.fragments.length);
    const ground = bonds.filter((b) => b.b === GROUND);
    expect(ground.length).toBeGreaterThan(10);
    for (const b of ground) expect(fr.fragments[b.a]!.min[1]).toBeCloseTo(0, 6);
    // every fragment is connected to something: a building has no floating pieces
    const touched = new Set<number>();
    for (const b of bonds) {
      touched.add(b.a);
      if (b.b !== GROUND) touched.add(b.b);
    }
    expect(touched.size).toBe(fr.fragments.length);
    // a shared face is never larger than either fragment's surface
    for (const b of bonds.slice(0, 200)) expect(b.area).toBeGreaterThan(0);
  });

  it('carries the whole weight to the ground in the intact building', () => {
    const s = buildStructure(fr.fragments, bonds, { ...params, strength: 0 });
    const all = new Uint8Array(fr.fragments.length).fill(1);
    const { load, hop } = staticLoads(fr.fragments, s, all, 9.81);
    expect(Array.from(hop).every((h) => h >= 0)).toBe(true);
    let toGround = 0;
    bonds.forEach((b, k) => {
      if (b.b === GROUND) toGround += load[k]!;
    });
    const weight = fr.fragments.reduce((a, f) => a + f.mass * 9.81, 0);
    expect(toGround / weight).toBeCloseTo(1, 9);
    // intact, every bond holds its load
    bonds.forEach((_, k) => expect(load[k]!).toBeLessThanOrEqual(s.capacity[k]!));
  });

  it('is weaker near the impact and breaks the glue at its centre', () => {
    const s = buildStructure(fr.fragments, bonds, { ...params, strength: 12 });
    const near = bonds.map((b, k) => ({ b, k })).filter(({ b }) => Math.hypot(b.centre[0], b.centre[1] - 2, b.centre[2] - 5) < 1.5);
    expect(near.length).toBeGreaterThan(0);
    expect(near.every(({ k }) => s.intact[k] === 0)).toBe(true);
    const far = bonds.map((b, k) => ({ b, k })).filter(({ b }) => Math.hypot(b.centre[0], b.centre[1] - 2, b.centre[2] - 5) > 10);
    expect(far.every(({ k }) => s.intact[k] === 1 && s.damage[k]! < 0.01)).toBe(true);
  });
});
