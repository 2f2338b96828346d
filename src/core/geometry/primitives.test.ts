import { describe, expect, it } from 'vitest';
import { boxPrimitive, cylinderPrimitive, planePrimitive, stairsPrimitive, wallPrimitive, setPieceGeometry } from './primitives';
import { checkClosed } from './meshCheck';
import { meshBounds, signedVolume } from './mesh';

describe('primitives', () => {
  it('box: closed, 12 triangles, volume w·h·d, standing on the ground', () => {
    const p = boxPrimitive([2, 3, 4]);
    const r = checkClosed(p.mesh);
    expect(r).toMatchObject({ closed: true, triangles: 12, vertices: 8, edges: 18, euler: 2 });
    expect(p.volume).toBe(24);
    expect(signedVolume(p.mesh)).toBeCloseTo(24, 9);
    expect(meshBounds(p.mesh)).toEqual({ min: [-1, 0, -2], max: [1, 3, 2] });
  });

  it('cylinder: closed, volume of its prism approaches πr²h', () => {
    const p = cylinderPrimitive([2, 1, 2], 64);
    expect(checkClosed(p.mesh)).toMatchObject({ closed: true, euler: 2, triangles: 64 * 4 });
    expect(signedVolume(p.mesh)).toBeCloseTo(p.volume, 6);
    expect(Math.abs(p.volume - Math.PI) / Math.PI).toBeLessThan(0.002);
  });

  it('plane: one open quad of zero volume', () => {
    const p = planePrimitive([5, 0, 3]);
    expect(checkClosed(p.mesh)).toMatchObject({ closed: false, triangles: 2, openEdges: 4 });
    expect(p.volume).toBe(0);
  });

  it('stairs: closed, volume w·d·h·(n+1)/(2n), normals point out', () => {
    for (const n of [1, 3, 12]) {
      const p = stairsPrimitive([1.2, 1.8, 3], n);
      expect(checkClosed(p.mesh).closed).toBe(true);
      expect(checkClosed(p.mesh).euler).toBe(2);
      const expected = (1.2 * 3 * 1.8 * (n + 1)) / (2 * n);
      expect(p.volume).toBeCloseTo(expected, 9);
      expect(signedVolume(p.mesh)).toBeCloseTo(expected, 5);
    }
  });

  it('wall without openings equals a box', () => {
    const p = wallPrimitive([4, 3, 0.2]);
    expect(checkClosed(p.mesh)).toMatchObject({ closed: true, euler: 2, triangles: 12 });
    expect(p.volume).toBeCloseTo(2.4, 12);
  });

  it('openings cut holes through the wall: genus rises by one per hole, volume drops by the hole', () => {
    const door = { offset: -1, sill: 0, width: 0.9, height: 2.1 }; // touches the base: a notch, not a hole
    const win1 = { offset: 0.6, sill: 1, width: 0.6, height: 1 };
    const win2 = { offset: 1.5, sill: 1.2, width: 0.4, height: 0.8 };
    const p = wallPrimitive([4, 3, 0.2], [door, win1, win2]);
    const r = checkClosed(p.mesh);
    expect(r.closed).toBe(true);
    // a closed surface with g through-holes has V − E + F = 2 − 2g; the notch is no hole
    expect(r.euler).toBe(2 - 2 * 2);
    const expected = (4 * 3 - 0.9 * 2.1 - 0.6 * 1 - 0.4 * 0.8) * 0.2;
    expect(p.volume).toBeCloseTo(expected, 9);
    expect(signedVolume(p.mesh)).toBeCloseTo(expected, 5);
  });

  it('no triangle covers an opening (a ray through its centre hits nothing)', () => {
    const p = wallPrimitive([4, 3, 0.2], [{ offset: 0.5, sill: 1, width: 1, height: 1 }]);
    // any front/back face triangle whose bounds contain (0.5, 1.5) would block the window
    const { positions: pos, indices: ix } = p.mesh;
    for (let t = 0; t < ix.length; t += 3) {
      const xs = [0, 1, 2].map((k) => pos[ix[t + k]! * 3]!);
      const ys = [0, 1, 2].map((k) => pos[ix[t + k]! * 3 + 1]!);
      const zs = [0, 1, 2].map((k) => pos[ix[t + k]! * 3 + 2]!);
      const flatInZ = Math.max(...zs) - Math.min(...zs) < 1e-9;
      const covers = Math.min(...xs) < 0.5 && Math.max(...xs) > 0.5 && Math.min(...ys) < 1.5 && Math.max(...ys) > 1.5;
      expect(flatInZ && covers).toBe(false);
    }
  });

  it('openings are clipped to the wall; one wholly outside is ignored', () => {
    const p = wallPrimitive([2, 2, 0.1], [{ offset: 5, sill: 0.5, width: 1, height: 1 }, { offset: 0.8, sill: 1.5, width: 1, height: 1 }]);
    expect(checkClosed(p.mesh).closed).toBe(true);
    // the second opening keeps x ∈ [0.3, 1], y ∈ [1.5, 2]: a notch in the corner
    expect(p.volume).toBeCloseTo((4 - 0.7 * 0.5) * 0.1, 9);
  });

  it('setPieceGeometry dispatches every shape', () => {
    for (const shape of ['box', 'cylinder', 'plane', 'stairs', 'wall'] as const) {
      const g = setPieceGeometry({ shape, size: [1, 1, 1], steps: 4, openings: [] });
      expect(g.mesh.indices.length).toBeGreaterThan(0);
    }
  });
});
