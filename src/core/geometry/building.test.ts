import { describe, expect, it } from 'vitest';
import { generateBuilding, buildingHashInput, resolveDims, estimateBuildingTriangles, type BuildingParams } from './building';
import { checkClosed } from './meshCheck';
import { meshBounds, signedVolume } from './mesh';

const base: BuildingParams = {
  footprint: { width: 12, depth: 10 },
  floors: 5,
  floorHeight: 3.2,
  bays: { x: 4, z: 3 },
  windowRatio: 0.4,
  roof: 'flat',
};

describe('generateBuilding', () => {
  it('every structural piece is a closed solid whose mesh volume equals its stated volume', () => {
    for (const roof of ['flat', 'gable', 'hip'] as const) {
      const g = generateBuilding({ ...base, roof });
      for (const e of g.elements) {
        const r = checkClosed(g.mesh, e.range);
        expect(r.closed, e.id).toBe(true);
        // a wall panel with a window is a solid with one through-hole
        expect(r.euler, e.id).toBe(e.opening ? 0 : 2);
        // positions are float32 (≈6e-8 relative): a 2 cm pane 5 m off-centre loses ~1e-5 of its volume
        expect(Math.abs(signedVolume(g.mesh, e.range) - e.volume) / e.volume, e.id).toBeLessThan(1e-4);
      }
      expect(Math.abs(signedVolume(g.mesh) - g.volumes.total) / g.volumes.total).toBeLessThan(1e-5);
    }
  });

  it('volume matches an independent hand calculation (flat roof)', () => {
    const g = generateBuilding(base);
    const d = resolveDims(base);
    const { wall: t, slab: s, column: c } = d;
    const W = 12, D = 10, H = 5 * 3.2;
    const win = d.window!;
    const windows = 5 * 2 * (4 + 3);
    const walls = (2 * W * t + 2 * (D - 2 * t) * t) * H - windows * win.width * win.height * t;
    const slabs = 6 * (W - 2 * t) * (D - 2 * t) * s;
    const columns = 5 * 3 * 2 * c * c * (3.2 - 2 * s);
    const glass = windows * win.width * win.height * d.glass;
    expect(g.volumes.walls).toBeCloseTo(walls, 6);
    expect(g.volumes.slabs).toBeCloseTo(slabs, 6);
    expect(g.volumes.columns).toBeCloseTo(columns, 6);
    expect(g.volumes.glass).toBeCloseTo(glass, 6);
    expect(g.volumes.total).toBeCloseTo(walls + slabs + columns + glass, 6);
  });

  it('gable and hip roof volumes follow the prism and hip formulas', () => {
    const rise = 5 * Math.tan(Math.PI / 6);
    const gable = generateBuilding({ ...base, roof: 'gable' });
    expect(gable.volumes.roof).toBeCloseTo((12 * 10 * rise) / 2, 9);
    const hip = generateBuilding({ ...base, roof: 'hip' });
    expect(hip.volumes.roof).toBeCloseTo((10 * rise * 12) / 2 - (10 * 10 * rise) / 6, 9);
    // a square hip roof is a pyramid
    const pyramid = generateBuilding({ ...base, footprint: { width: 10, depth: 10 }, roof: 'hip' });
    expect(pyramid.volumes.roof).toBeCloseTo((10 * 10 * rise) / 3, 9);
    expect(signedVolume(pyramid.mesh, pyramid.elements.find((e) => e.id === 'roof')!.range)).toBeCloseTo(pyramid.volumes.roof, 4);
    // deeper than wide: the ridge turns, the volume formula swaps sides
    const deep = generateBuilding({ ...base, footprint: { width: 8, depth: 20 }, roof: 'hip' });
    const r2 = 4 * Math.tan(Math.PI / 6);
    expect(deep.volumes.roof).toBeCloseTo((8 * r2 * 20) / 2 - (8 * 8 * r2) / 6, 9);
    expect(meshBounds(deep.mesh).max[1]).toBeCloseTo(16 + r2, 5);
  });

  it('window ratio is honoured where it fits, and windows never cut into slabs or corners', () => {
    const g = generateBuilding(base);
    const bay = Math.min(12 / 4, 10 / 3);
    expect(g.window!.width * g.window!.height).toBeCloseTo(0.4 * bay * 3.2, 9);
    const d = resolveDims(base);
    for (const e of g.elements.filter((x) => x.opening)) {
      const o = e.opening!;
      expect(o.min[1]).toBeGreaterThan(e.floor * 3.2 + d.slab);
      expect(o.max[1]).toBeLessThan((e.floor + 1) * 3.2 - d.slab);
      // along the facade the window keeps clear of the corner walls
      const sideways = e.facade === 'front' || e.facade === 'back' ? 0 : 2;
      const half = sideways === 0 ? 6 : 5;
      expect(Math.max(Math.abs(o.min[sideways]!), Math.abs(o.max[sideways]!))).toBeLessThan(half - d.wall);
    }
    // a greedy ratio gets clamped, keeping piers
    const big = generateBuilding({ ...base, windowRatio: 0.95 });
    expect(big.window!.width).toBeLessThanOrEqual(bay - 2 * (d.wall + 0.1) + 1e-9);
    expect(generateBuilding({ ...base, windowRatio: 0 }).window).toBeNull();
  });

  it('describes the structure: counts, materials and load paths', () => {
    const g = generateBuilding(base);
    const count = (k: string) => g.elements.filter((e) => e.kind === k).length;
    expect(count('wall')).toBe(5 * 2 * (4 + 3));
    expect(count('glass')).toBe(5 * 2 * (4 + 3));
    expect(count('slab')).toBe(6);
    expect(count('column')).toBe(5 * 3 * 2);
    expect(new Set(g.elements.map((e) => e.id)).size).toBe(g.elements.length);
    const byId = new Map(g.elements.map((e) => [e.id, e]));
    for (const e of g.elements) for (const s of e.supportedBy) expect(byId.has(s), `${e.id} → ${s}`).toBe(true);
    expect(byId.get('slab:3')!.supportedBy).toContain('wall:front:2:0');
    expect(byId.get('slab:3')!.supportedBy).toContain('column:2:1:1');
    expect(g.mesh.groups.map((x) => x.material)).toEqual(['walls', 'glass', 'slab', 'roof']);
    // every triangle belongs to exactly one element
    const covered = g.elements.reduce((n, e) => n + e.range.count, 0);
    expect(covered).toBe(g.mesh.indices.length);
    expect(g.mesh.indices.length / 3).toBeLessThanOrEqual(estimateBuildingTriangles(base));
  });

  it('stands on the ground, centred on its footprint', () => {
    const g = generateBuilding({ ...base, roof: 'gable' });
    const b = meshBounds(g.mesh);
    expect(b.min).toEqual([-6, 0, -5]);
    expect(b.max[0]).toBe(6);
    expect(b.max[2]).toBe(5);
    expect(b.max[1]).toBeCloseTo(g.height, 5);
  });

  it('works for one bay, one floor, tiny footprints', () => {
    const g = generateBuilding({ ...base, footprint: { width: 1, depth: 0.5 }, floors: 1, bays: { x: 1, z: 1 }, roof: 'hip' });
    for (const e of g.elements) expect(checkClosed(g.mesh, e.range).closed, e.id).toBe(true);
    expect(signedVolume(g.mesh)).toBeCloseTo(g.volumes.total, 5);
  });

  it('rejects bad or oversized parameters with a clear error', () => {
    expect(() => generateBuilding({ ...base, floors: 0 })).toThrow(/floors/);
    expect(() => generateBuilding({ ...base, windowRatio: 1.2 })).toThrow(/window ratio/);
    expect(() => generateBuilding({ ...base, floors: 200, bays: { x: 100, z: 100 } })).toThrow(/reduce floors or bays/);
  });

  it('hash input is canonical: same params in any key order give the same text, any change differs', () => {
    const a = buildingHashInput(base);
    const shuffled = { roof: 'flat', windowRatio: 0.4, bays: { z: 3, x: 4 }, floorHeight: 3.2, floors: 5, footprint: { depth: 10, width: 12 } } as BuildingParams;
    expect(buildingHashInput(shuffled)).toBe(a);
    expect(buildingHashInput({ ...base, floors: 6 })).not.toBe(a);
    expect(buildingHashInput({ ...base, roof: 'hip' })).not.toBe(a);
    // extra document fields (name, colour…) do not leak into the hash input
    expect(buildingHashInput({ ...base, colour: '#ffffff' } as BuildingParams)).toBe(a);
  });
});
