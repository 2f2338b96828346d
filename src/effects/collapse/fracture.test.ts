import { describe, expect, it } from 'vitest';
import { fractureBuilding } from './fracture';
import { overlap } from './overlap.testutil';
import type { BuildingShape } from './solid';

const demo: BuildingShape = { footprint: { width: 12, depth: 10 }, floors: 5, floorHeight: 3.2, bays: { x: 4, z: 3 }, windowRatio: 0.4, roof: 'flat' };
const opts = { fragmentCount: 600, impactPoint: [0, 2, 5] as [number, number, number], impactRadius: 3, material: 'concrete' as const, seed: 7 };


describe('fracture', () => {
  it('conserves the building volume within 0.5 %', () => {
    const r = fractureBuilding(demo, opts);
    const sum = r.fragments.reduce((a, f) => a + f.volume, 0);
    expect(r.fragments.length).toBeGreaterThan(400);
    expect(Math.abs(sum - r.solidVolume) / r.solidVolume).toBeLessThan(0.005);
    expect(r.droppedVolume / r.solidVolume).toBeLessThan(0.001);
  });

  it('gives mass = volume × density and marks fracture faces apart from the surface', () => {
    const r = fractureBuilding(demo, { ...opts, material: 'brick' });
    for (const f of r.fragments.slice(0, 80)) expect(f.mass).toBeCloseTo(f.volume * (f.kind === 'glass' ? 2500 : 1900), 6);
    const interior = r.fragments.flatMap((f) => f.poly.faces).filter((f) => f.tag >= 0).length;
    const surface = r.fragments.flatMap((f) => f.poly.faces).filter((f) => f.tag < 0).length;
    expect(interior).toBeGreaterThan(0);
    expect(surface).toBeGreaterThan(0);
  });

  it('packs the fragments without overlap', () => {
    const r = fractureBuilding(demo, { ...opts, fragmentCount: 300 });
    const fr = r.fragments;
    let worst = 0;
    for (let i = 0; i < fr.length; i++) {
      for (let j = i + 1; j < fr.length; j++) {
        const a = fr[i]!, b = fr[j]!;
        if (a.max[0] <= b.min[0] || b.max[0] <= a.min[0] || a.max[1] <= b.min[1] || b.max[1] <= a.min[1] || a.max[2] <= b.min[2] || b.max[2] <= a.min[2]) continue;
        worst = Math.max(worst, overlap(a.poly, b.poly) / Math.min(a.volume, b.volume));
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('is denser near the impact and repeatable from the seed', () => {
    const o = { ...opts, fragmentCount: 1500 };
    const a = fractureBuilding(demo, o);
    const b = fractureBuilding(demo, o);
    const c = fractureBuilding(demo, { ...o, seed: 8 });
    expect(b.fragments.map((f) => f.volume)).toEqual(a.fragments.map((f) => f.volume));
    expect(c.fragments.map((f) => f.volume)).not.toEqual(a.fragments.map((f) => f.volume));
    expect(Math.abs(a.fragments.length - 1500)).toBeLessThan(150);
    const dist = (f: (typeof a.fragments)[number]) => Math.hypot(f.centroid[0], f.centroid[1] - 2, f.centroid[2] - 5);
    const median = (xs: number[]) => xs.sort((p, q) => p - q)[xs.length >> 1]!;
    for (const kind of ['wall', 'slab'] as const) {
      const near = a.fragments.filter((f) => f.kind === kind && dist(f) < 3).map((f) => f.volume);
      const far = a.fragments.filter((f) => f.kind === kind && dist(f) > 9).map((f) => f.volume);
      expect(median(near)).toBeLessThan(0.6 * median(far));
    }
  });

  it('cuts pitched roofs and keeps the generator volume', () => {
    for (const roof of ['gable', 'hip'] as const) {
      const r = fractureBuilding({ ...demo, roof }, { ...opts, fragmentCount: 400 });
      const sum = r.fragments.reduce((a, f) => a + f.volume, 0);
      expect(r.fragments.some((f) => f.kind === 'roof')).toBe(true);
      expect(Math.abs(sum - r.solidVolume) / r.solidVolume).toBeLessThan(0.005);
    }
  });

  it('handles 2,000+ fragments', () => {
    const t0 = performance.now();
    const r = fractureBuilding(demo, { ...opts, fragmentCount: 2400 });
    const sum = r.fragments.reduce((a, f) => a + f.volume, 0);
    expect(r.fragments.length).toBeGreaterThanOrEqual(2000);
    expect(Math.abs(sum - r.solidVolume) / r.solidVolume).toBeLessThan(0.005);
    console.log(`fracture ${r.fragments.length} fragments in ${(performance.now() - t0).toFixed(0)} ms`);
  });
});
