import { describe, expect, it } from 'vitest';
import { MeshBasicMaterial, MeshStandardMaterial, Texture, DoubleSide, Vector3 } from 'three';
import { batchSignature, cellOf, detailSlack, memberSimplified, mixIndex, staysInCell, type BakeableMaterial } from './cellMath';
import { detailLevel, projectedDiameterPx } from './cullMath';

const sig = (m: MeshStandardMaterial | MeshBasicMaterial, cast = true, receive = true) => batchSignature(m as unknown as BakeableMaterial, cast, receive);

describe('cell assignment', () => {
  it('puts a point in the square cell that holds it, edges to the cell above', () => {
    expect(cellOf(0, 0, 16)).toBe('0,0');
    expect(cellOf(15.999, 15.999, 16)).toBe('0,0');
    expect(cellOf(16, 0, 16)).toBe('1,0');
    expect(cellOf(-0.001, -16, 16)).toBe('-1,-1');
    expect(cellOf(-50, 30, 8)).toBe('-7,3');
  });
});

describe('who is baked', () => {
  const member = { shown: true, batchable: true, writtenAt: 1000, baked: false };
  it('a member drawn by an instance that has rested long enough', () => {
    expect(staysInCell(member, 1300, 300)).toBe(true);
    expect(staysInCell(member, 1299, 300)).toBe(false);
  });
  it('never a member that draws itself (selected, mirrored, hidden) or whose look cannot be baked', () => {
    expect(staysInCell({ ...member, shown: false }, 1e9, 300)).toBe(false);
    expect(staysInCell({ ...member, batchable: false }, 1e9, 300)).toBe(false);
    expect(staysInCell({ ...member, batchable: false, baked: true }, 1e9, 300)).toBe(false);
  });
  it('a baked member stays while unchanged, whatever the settle time', () => {
    expect(staysInCell({ ...member, baked: true }, 1001, 60_000)).toBe(true);
    expect(staysInCell({ ...member, baked: true, shown: false }, 1001, 0)).toBe(false);
  });
  it('a member that moved (dragged, animated) leaves until it rests again', () => {
    const moved = { ...member, writtenAt: 5000 };
    expect(staysInCell(moved, 5010, 300)).toBe(false);
    expect(staysInCell(moved, 5300, 300)).toBe(true);
  });
});

describe('which looks share a baked mesh', () => {
  it('equal standard materials and shadow flags share; a different roughness, side or shadow flag does not', () => {
    const a = sig(new MeshStandardMaterial({ roughness: 0.8 }));
    expect(a).not.toBeNull();
    expect(sig(new MeshStandardMaterial({ roughness: 0.8 }))).toBe(a);
    expect(sig(new MeshStandardMaterial({ roughness: 0.5 }))).not.toBe(a);
    expect(sig(new MeshStandardMaterial({ roughness: 0.8, side: DoubleSide }))).not.toBe(a);
    expect(sig(new MeshStandardMaterial({ roughness: 0.8 }), false)).not.toBe(a);
    expect(sig(new MeshStandardMaterial({ roughness: 0.8, color: 'red' }))).not.toBe(a);
  });
  it('textured, transparent, vertex-coloured or non-standard looks are not baked', () => {
    expect(sig(new MeshStandardMaterial({ map: new Texture() }))).toBeNull();
    expect(sig(new MeshStandardMaterial({ transparent: true, opacity: 0.5 }))).toBeNull();
    expect(sig(new MeshStandardMaterial({ vertexColors: true }))).toBeNull();
    expect(sig(new MeshBasicMaterial())).toBeNull();
  });
});

describe('a baked member’s detail in the editor camera', () => {
  // 720 px tall, 50° vertical field of view
  const lens = { kind: 'perspective' as const, tanHalfFovY: Math.tan((25 * Math.PI) / 180), heightPx: 720 };

  it('takes the simplified mesh exactly where an instance would', () => {
    // a 1 m sphere is 40 px across at 720 / (40 × tan 25°) ≈ 38.6 m
    const at = 720 / (40 * lens.tanHalfFovY);
    expect(memberSimplified(1, at - 0.01, 40, lens)).toBe(false);
    expect(memberSimplified(1, at + 0.01, 40, lens)).toBe(true);
    for (const d of [0.2, 1, 5, at - 1e-3, at + 1e-3, 80, 500]) {
      expect(memberSimplified(1, d, 40, lens)).toBe(detailLevel(projectedDiameterPx(1, d, lens), 40) === 1);
    }
    // the eye inside it: it fills the view
    expect(memberSimplified(1, 0.5, 40, lens)).toBe(false);
  });

  it('keeps its answer for any eye move shorter than the slack, and the slack is tight', () => {
    // eyes scattered around members at many distances: a move up to the slack never flips the answer
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const centre = new Vector3(3, 1, -2);
    let tested = 0;
    for (let i = 0; i < 2000; i++) {
      const radius = 0.3 + rnd() * 2;
      const threshold = rnd() < 0.5 ? 40 : 90;
      const eye = new Vector3(rnd() - 0.5, rnd() - 0.5, rnd() - 0.5).normalize().multiplyScalar(rnd() * 60).add(centre);
      const d = eye.distanceTo(centre);
      const before = memberSimplified(radius, d, threshold, lens);
      const slack = detailSlack(radius, d, threshold, lens);
      expect(slack).toBeGreaterThanOrEqual(0);
      if (!Number.isFinite(slack) || slack === 0) continue;
      // straight towards or away from the member (the worst direction) by just under the slack
      for (const sign of [-1, 1]) {
        const moved = eye.clone().add(eye.clone().sub(centre).normalize().multiplyScalar(sign * slack * 0.999999));
        expect(memberSimplified(radius, moved.distanceTo(centre), threshold, lens)).toBe(before);
        tested++;
      }
      // and a little past the slack in the worse direction the answer may flip: the slack is no wider than the gap
      const switchAt = (radius * lens.heightPx) / (threshold * lens.tanHalfFovY);
      expect(slack).toBeLessThanOrEqual(Math.min(Math.abs(d - switchAt), Math.abs(d - radius)));
    }
    expect(tested).toBeGreaterThan(3000);
  });

  it('an orthographic view decides by size alone: no eye move changes it', () => {
    const ortho = { kind: 'orthographic' as const, worldHeight: 40, heightPx: 720 };
    expect(memberSimplified(1, 5, 40, ortho)).toBe(true);
    expect(memberSimplified(2, 500, 40, ortho)).toBe(false);
    expect(detailSlack(1, 5, 40, ortho)).toBe(Infinity);
  });
});

describe('a cell’s index buffer with members at different detail', () => {
  it('takes each member’s full or simplified triangles, or none, in member order', () => {
    // member 0: full 0..5, simplified 0..2; member 1: full 6..8, no simplified mesh; member 2: full 9..14, simplified 3..5
    const full = Array.from({ length: 15 }, (_, i) => 100 + i);
    const lod = Array.from({ length: 6 }, (_, i) => 200 + i);
    const spans = [0, 6, 0, 3, 6, 3, 0, -1, 9, 6, 3, 3];
    const out = new Uint32Array(15);
    expect(mixIndex(full, lod, spans, [0, 0, 0], out)).toBe(15);
    expect(Array.from(out)).toEqual(full);
    const n = mixIndex(full, lod, spans, [1, 1, 0], out);
    expect(Array.from(out.subarray(0, n))).toEqual([200, 201, 202, 106, 107, 108, 109, 110, 111, 112, 113, 114]);
    const m = mixIndex(full, lod, spans, [0, 1, 1], out);
    expect(Array.from(out.subarray(0, m))).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 203, 204, 205]);
    // bit 1: outside the view, left out whatever its detail
    const k = mixIndex(full, lod, spans, [2, 0, 3], out);
    expect(Array.from(out.subarray(0, k))).toEqual([106, 107, 108]);
  });
});
