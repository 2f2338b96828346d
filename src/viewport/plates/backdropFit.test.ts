import { describe, expect, it } from 'vitest';
import type { Project } from '../../core/document';
import { backgroundPlateOf, coverScale, ndcRect, plateUvAt } from './backdropFit';

describe('background plate fit', () => {
  it('crops the sides of a plate wider than the frame and keeps its height', () => {
    const [sx, sy] = coverScale(2.39, 16 / 9);
    expect(sy).toBe(1);
    expect(sx).toBeCloseTo(16 / 9 / 2.39, 12);
  });
  it('crops top and bottom of a plate taller than the frame', () => {
    expect(coverScale(1, 2)).toEqual([1, 0.5]);
  });
  it('shows the whole plate when the aspects agree, and refuses nonsense aspects', () => {
    expect(coverScale(1.5, 1.5)).toEqual([1, 1]);
    expect(coverScale(0, 1.5)).toEqual([1, 1]);
    expect(coverScale(1.5, Number.NaN)).toEqual([1, 1]);
  });
  it('maps frame corners to the edges of the visible part of the plate', () => {
    // square plate in a 2:1 frame: the middle half of the plate's height shows
    expect(plateUvAt(0, 0, 1, 2)).toEqual([0, 0.25]);
    expect(plateUvAt(1, 1, 1, 2)).toEqual([1, 0.75]);
    expect(plateUvAt(0.5, 0.5, 1, 2)).toEqual([0.5, 0.5]);
  });
  it('turns a letterbox opening into NDC corners', () => {
    expect(ndcRect({ x: 0, y: 0, width: 1, height: 1 })).toEqual([-1, -1, 1, 1]);
    expect(ndcRect({ x: 0, y: 0.25, width: 1, height: 0.5 })).toEqual([-1, -0.5, 1, 0.5]);
    expect(ndcRect({ x: 0.1, y: 0, width: 0.8, height: 1 }).map((v) => +v.toFixed(9))).toEqual([-0.8, -1, 0.8, 1]);
  });
});

describe('backgroundPlateOf', () => {
  const project = (objects: Record<string, unknown>) => ({ scenes: { s: { objects } } }) as unknown as Project;
  const cam = (backgroundPlateId: string | null) => ({ id: 'c', type: 'camera', backgroundPlateId });
  const plate = { id: 'p', type: 'plate', widthPx: 4, heightPx: 3 };
  it('finds the plate a camera names', () => {
    expect(backgroundPlateOf(project({ c: cam('p'), p: plate }), 's', 'c')).toBe(plate);
  });
  it('is null without a plate, for a dangling id, for a non-plate, a non-camera or an unknown scene', () => {
    expect(backgroundPlateOf(project({ c: cam(null), p: plate }), 's', 'c')).toBeNull();
    expect(backgroundPlateOf(project({ c: cam('gone') }), 's', 'c')).toBeNull();
    expect(backgroundPlateOf(project({ c: cam('x'), x: { id: 'x', type: 'light' } }), 's', 'c')).toBeNull();
    expect(backgroundPlateOf(project({ p: plate }), 's', 'p')).toBeNull();
    expect(backgroundPlateOf(project({ c: cam('p'), p: plate }), 'other', 'c')).toBeNull();
  });
});
