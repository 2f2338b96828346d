import { describe, expect, it } from 'vitest';
import { MeshBasicMaterial, MeshStandardMaterial, Texture, DoubleSide } from 'three';
import { batchSignature, cellOf, cellSimplified, staysInCell, type BakeableMaterial } from './cellMath';

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

describe('a cell’s detail in the editor camera', () => {
  it('simplified only when every member with a simplified mesh would take it', () => {
    expect(cellSimplified([10, 20, 39], [40, 40, 40])).toBe(true);
    expect(cellSimplified([10, 20, 41], [40, 40, 40])).toBe(false);
    // an actor's own threshold
    expect(cellSimplified([10, 80], [40, 90])).toBe(true);
    // the eye inside a member: it fills the view
    expect(cellSimplified([Infinity], [40])).toBe(false);
    // nothing to simplify
    expect(cellSimplified([], [])).toBe(false);
  });
});
