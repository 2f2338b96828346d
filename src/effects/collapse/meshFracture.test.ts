// Fracture of imported meshes: the surface checks, the exact convex decomposition, and the Voronoi fracture
// of convex and non-convex closed meshes (volume, no overlap, inside the mesh, repeatable from the seed).
import { describe, expect, it } from 'vitest';
import { box, flip, hollowBox, icosphere, lBlock, merge, type Soup } from '../../../tests/fixtures/models/collapseMeshes';
import { MAX_MESH_TRIANGLES, MeshFractureError, signedVolume, weldAndCheck } from './meshSoup';
import { convexParts } from './bsp';
import { fractureMesh } from './meshSolid';
import { overlap } from './overlap.testutil';

const opts = { fragmentCount: 150, impactPoint: [0, 2, 2] as [number, number, number], impactRadius: 2, material: 'brick' as const, seed: 5 };


function worstOverlap(fr: ReturnType<typeof fractureMesh>['fragments']): number {
  let worst = 0;
  for (let i = 0; i < fr.length; i++) {
    for (let j = i + 1; j < fr.length; j++) {
      const a = fr[i]!, b = fr[j]!;
      if (a.max[0] <= b.min[0] || b.max[0] <= a.min[0] || a.max[1] <= b.min[1] || b.max[1] <= a.min[1] || a.max[2] <= b.min[2] || b.max[2] <= a.min[2]) continue;
      worst = Math.max(worst, overlap(a.poly, b.poly) / Math.min(a.volume, b.volume));
    }
  }
  return worst;
}

/** Parity of crossings of a ray from p along a skewed direction: inside a closed mesh when odd. */
function insideMesh(s: Soup, p: readonly number[]): boolean {
  const d = [0.5773, 0.5774, 0.5775];
  const P = s.positions, I = s.indices;
  let hits = 0;
  for (let t = 0; t < I.length; t += 3) {
    const [a, b, c] = [I[t]!, I[t + 1]!, I[t + 2]!].map((i) => [P[3 * i]!, P[3 * i + 1]!, P[3 * i + 2]!]) as [number[], number[], number[]];
    const e1 = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!], e2 = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
    const h = [d[1]! * e2[2]! - d[2]! * e2[1]!, d[2]! * e2[0]! - d[0]! * e2[2]!, d[0]! * e2[1]! - d[1]! * e2[0]!];
    const det = e1[0]! * h[0]! + e1[1]! * h[1]! + e1[2]! * h[2]!;
    if (Math.abs(det) < 1e-12) continue;
    const sv = [p[0]! - a[0]!, p[1]! - a[1]!, p[2]! - a[2]!];
    const u = (sv[0]! * h[0]! + sv[1]! * h[1]! + sv[2]! * h[2]!) / det;
    if (u < 0 || u > 1) continue;
    const q = [sv[1]! * e1[2]! - sv[2]! * e1[1]!, sv[2]! * e1[0]! - sv[0]! * e1[2]!, sv[0]! * e1[1]! - sv[1]! * e1[0]!];
    const v = (d[0]! * q[0]! + d[1]! * q[1]! + d[2]! * q[2]!) / det;
    if (v < 0 || u + v > 1) continue;
    if ((e2[0]! * q[0]! + e2[1]! * q[1]! + e2[2]! * q[2]!) / det > 0) hits++;
  }
  return hits % 2 === 1;
}

describe('mesh surface checks', () => {
  it('welds split corners and measures the enclosed volume', () => {
    const m = weldAndCheck(lBlock());
    expect(m.volume).toBeCloseTo(126, 9);
    expect(m.positions.length / 3).toBe(12);
    // the same block with every triangle on its own corners (as a flat-shaded export writes it)
    const s = lBlock();
    const split: Soup = { positions: Float32Array.from([...s.indices].flatMap((i) => [s.positions[3 * i]!, s.positions[3 * i + 1]!, s.positions[3 * i + 2]!])), indices: Uint32Array.from(s.indices.map((_, k) => k)) };
    expect(weldAndCheck(split).volume).toBeCloseTo(126, 9);
  });

  it('turns a surface wound inward the right way out', () => {
    const m = weldAndCheck(flip(box([0, 0, 0], [1, 2, 3])));
    expect(m.volume).toBeCloseTo(6, 9);
    expect(signedVolume(m.positions, m.triangles)).toBeCloseTo(6, 9);
  });

  it('refuses an open mesh, a flat one, and one with too many triangles, saying why', () => {
    const b = box([0, 0, 0], [1, 1, 1]);
    const open = { positions: b.positions, indices: b.indices.slice(3) };
    expect(() => weldAndCheck(open)).toThrow(MeshFractureError);
    expect(() => weldAndCheck(open)).toThrow(/not closed: 3 edges/);
    const sheet = { positions: Float32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0]), indices: Uint32Array.from([0, 1, 2, 0, 2, 1]) };
    expect(() => weldAndCheck(sheet)).toThrow(/encloses no volume/);
    const many = icosphere(1, 5); // 20,480 triangles
    expect(many.indices.length / 3).toBeGreaterThan(MAX_MESH_TRIANGLES);
    expect(() => weldAndCheck(many)).toThrow(/20,480 triangles; fracture takes at most/);
    expect(() => weldAndCheck({ positions: Float32Array.from([0, 0, 0, NaN, 0, 0, 0, 1, 0]), indices: Uint32Array.from([0, 1, 2]) })).toThrow(/finite/);
  });
});

describe('convex decomposition', () => {
  it('cuts non-convex and hollow meshes into convex parts that fill them (to a millionth)', () => {
    for (const [soup, volume, minParts] of [[lBlock(), 126, 2], [hollowBox(), 36, 6], [icosphere(2, 2), null, 1]] as const) {
      const mesh = weldAndCheck(soup);
      const parts = convexParts(mesh);
      expect(parts.length).toBeGreaterThanOrEqual(minParts);
      const sum = parts.reduce((a, p) => a + p.volume, 0);
      // clipping against hundreds of nearly tangent planes (the sphere) leaves float dust of ~1e-8
      expect(Math.abs(sum - mesh.volume) / mesh.volume).toBeLessThan(1e-6);
      if (volume !== null) expect(mesh.volume).toBeCloseTo(volume, 9);
      let worst = 0;
      for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) worst = Math.max(worst, overlap(parts[i]!.poly, parts[j]!.poly));
      expect(worst).toBeLessThan(1e-9 * mesh.volume);
    }
  });

  it('takes two shells touching face to face (a lid on a crate) as one solid', () => {
    const mesh = weldAndCheck(merge(box([-0.4, -0.6, -0.3], [0.4, 0.6, 0.3]), box([-0.15, 0.6, -0.15], [0.15, 0.9, 0.15])));
    const parts = convexParts(mesh);
    const sum = parts.reduce((a, p) => a + p.volume, 0);
    expect(Math.abs(sum - mesh.volume) / mesh.volume).toBeLessThan(1e-9);
    expect(sum).toBeCloseTo(0.8 * 1.2 * 0.6 + 0.3 * 0.3 * 0.3, 6); // float32 corners: not to the last digit
  });

  it('refuses a mesh that needs more convex parts than the limit', () => {
    expect(() => convexParts(weldAndCheck(hollowBox()), 3)).toThrow(/too intricate to fracture: it needs more than 3 convex parts/);
  });

  it('refuses shells that overlap (the inside is ambiguous)', () => {
    const mesh = weldAndCheck(merge(box([0, 0, 0], [2, 2, 2]), box([1, 1, 1], [3, 3, 3])));
    expect(() => convexParts(mesh)).toThrow(/inside is ambiguous/);
  });
});

describe('imported mesh fracture', () => {
  const cases: [string, () => Soup][] = [
    ['L-shaped block (non-convex)', lBlock],
    ['hollow box (sealed cavity)', hollowBox],
    ['geodesic sphere (convex, no axis-aligned face)', () => icosphere(2, 2)],
  ];
  for (const [name, make] of cases) {
    it(`${name}: fragments fill the mesh's signed volume within 0.5 %, without overlap, all inside it`, () => {
      const soup = make();
      const r = fractureMesh(soup, opts);
      const signed = signedVolume(soup.positions, soup.indices);
      const sum = r.fragments.reduce((a, f) => a + f.volume, 0);
      expect(r.solidVolume).toBeCloseTo(signed, 6);
      expect(Math.abs(sum - signed) / signed).toBeLessThan(0.005);
      expect(r.droppedVolume / signed).toBeLessThan(0.001);
      expect(r.fragments.length).toBeGreaterThan(100);
      expect(worstOverlap(r.fragments)).toBeLessThan(1e-6);
      for (const f of r.fragments) expect(insideMesh(soup, f.centroid), `centroid ${f.centroid.join(', ')}`).toBe(true);
      // mass from volume × the chosen material's density; fracture faces carry the interior material
      for (const f of r.fragments) expect(f.mass).toBeCloseTo(f.volume * 1900, 6);
      expect(r.fragments.some((f) => f.poly.faces.some((q) => q.tag >= 0))).toBe(true);
      expect(r.fragments.some((f) => f.poly.faces.some((q) => q.tag < 0))).toBe(true);
    });
  }

  it('is repeatable from the seed, and another seed cuts differently', () => {
    const a = fractureMesh(lBlock(), opts);
    const b = fractureMesh(lBlock(), opts);
    const c = fractureMesh(lBlock(), { ...opts, seed: 6 });
    expect(b.fragments.map((f) => f.volume)).toEqual(a.fragments.map((f) => f.volume));
    expect(c.fragments.map((f) => f.volume)).not.toEqual(a.fragments.map((f) => f.volume));
  });
});
