import { describe, expect, it } from 'vitest';
import { Vector3 } from 'three';
import { buildBody } from './mannequin';
import { forwardKinematics } from '../../core/rig';

describe('far mannequin (level of detail)', () => {
  const rest = forwardKinematics('female', 170, {}, { ground: false });
  const full = buildBody('female', 170, rest);
  const low = buildBody('female', 170, rest, 'low');
  const verts = (parts: typeof full) => parts.reduce((n, p) => n + p.geometry.getAttribute('position').count, 0);

  it('has the same parts, placed the same way, with far fewer vertices', () => {
    expect(low.map((p) => [p.name, p.frame, p.material])).toEqual(full.map((p) => [p.name, p.frame, p.material]));
    expect(verts(low)).toBeLessThan(verts(full) / 3);
  });

  it('keeps every part the size it was (bounds within 10 %)', () => {
    full.forEach((p, i) => {
      p.geometry.computeBoundingBox();
      low[i]!.geometry.computeBoundingBox();
      const a = p.geometry.boundingBox!.getSize(new Vector3());
      const b = low[i]!.geometry.boundingBox!.getSize(new Vector3());
      for (const k of ['x', 'y', 'z'] as const) expect(Math.abs(b[k] - a[k]) / a[k]).toBeLessThan(0.1);
    });
  });
});
