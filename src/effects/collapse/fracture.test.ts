import { describe, expect, it } from 'vitest';
import { fractureBuilding } from './fracture';
import { clipPoly, volumeCentroid, type Poly } from './polyhedron';
import type { BuildingShape } from './solid';

const demo: BuildingShape = { footprint: { width: 12, depth: 10 }, floors: 5, floorHeight: 3.2, bays: { x: 4, z: 3 }, windowRatio: 0.4 };
const opts = { fragmentCount: 600, impactPoint: [0, 2, 5] as [number, number, number], impactRadius: 3, material: 'concrete' as const, seed: 7 };

/** Volume of a ∩ b for convex fragments: clip a by every face plane of b. */
function overlap(a: Poly, b: Poly): number {
  let p: Poly | null = a;
  for (const f of b.faces) {
    p = clipPoly(p, f.n, f.d, 0);
    if (!p) return 0;
  }
  return volumeCentroid(p).volume;
}

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
    for (const f of r.fragments.slice(0, 50)) expect(f.mass).toBeCloseTo(f.volume * 1900, 6);
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
    const a = fractureBuilding(demo, opts);
    const b = fractureBuilding(demo, opts);
    const c = fractureBuilding(demo, { ...opts, seed: 8 });
    expect(b.fragments.map((f) => f.volume)).toEqual(a.fragments.map((f) => f.volume));
    expect(c.fragments.map((f) => f.volume)).not.toEqual(a.fragments.map((f) => f.volume));
    const near = a.fragments.filter((f) => Math.hypot(f.centroid[0], f.centroid[1] - 2, f.centroid[2] - 5) < 3);
    const far = a.fragments.filter((f) => Math.hypot(f.centroid[0], f.centroid[1] - 2, f.centroid[2] - 5) > 9);
    const mean = (xs: typeof near) => xs.reduce((s, f) => s + f.volume, 0) / xs.length;
    expect(mean(near)).toBeLessThan(mean(far) / 2);
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
