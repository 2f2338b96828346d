import { describe, expect, it } from 'vitest';
import { attitude, rotationFromAttitude, heightAboveGround, guideGeometry, DEFAULT_GUIDES, formatFeetInches, formatDistance, metresToFeet, formatFocalLength } from './index';

const deg = (d: number) => (d * Math.PI) / 180;

describe('camera attitude', () => {
  it('a rotation about X alone is a tilt', () => {
    const a = attitude([deg(-10), 0, 0]);
    expect(a.tilt).toBeCloseTo(deg(-10), 12);
    expect(a.pan).toBeCloseTo(0, 12);
    expect(a.dutch).toBeCloseTo(0, 12);
  });
  it('a rotation about Z alone is a dutch', () => {
    expect(attitude([0, 0, deg(15)]).dutch).toBeCloseTo(deg(15), 12);
  });
  it('pan, tilt and dutch survive a round trip through Euler XYZ', () => {
    for (const [p, t, d] of [
      [30, -12, 5],
      [-140, 20, -25],
      [90, 0, 0],
      [0, 45, 10],
    ] as const) {
      const r = rotationFromAttitude({ pan: deg(p), tilt: deg(t), dutch: deg(d) });
      const a = attitude(r);
      expect(a.pan).toBeCloseTo(deg(p), 9);
      expect(a.tilt).toBeCloseTo(deg(t), 9);
      expect(a.dutch).toBeCloseTo(deg(d), 9);
    }
  });
  it('height above ground', () => {
    expect(heightAboveGround([3, 1.6, 2])).toBe(1.6);
    expect(heightAboveGround([3, 1.6, 2], 0.5)).toBeCloseTo(1.1, 12);
  });
});

describe('frame guides', () => {
  it('thirds make four lines at 1/3 and 2/3', () => {
    const g = guideGeometry({ ...DEFAULT_GUIDES, centre: false }, 16 / 9);
    expect(g.lines).toHaveLength(4);
    expect(g.lines.map((l) => l.segment.x1).filter((x) => x > 0).sort()).toEqual([1 / 3, 2 / 3]);
  });
  it('safe areas are 93 % and 90 %', () => {
    const g = guideGeometry({ ...DEFAULT_GUIDES, thirds: false, centre: false, actionSafe: true, titleSafe: true }, 2.39);
    expect(g.rects.map((r) => r.rect.width)).toEqual([0.93, 0.9]);
    expect(g.rects[0]!.rect.x).toBeCloseTo(0.035, 12);
  });
  it('a 1.85 frame line inside 2.39 keeps full height', () => {
    const g = guideGeometry({ ...DEFAULT_GUIDES, thirds: false, centre: false, customAspect: 1.85 }, 2.39);
    expect(g.rects[0]!.rect.height).toBe(1);
    expect(g.rects[0]!.rect.width).toBeCloseTo(1.85 / 2.39, 12);
  });
});

describe('units', () => {
  it('feet and inches', () => {
    expect(metresToFeet(0.3048)).toBeCloseTo(1, 12);
    expect(formatFeetInches(3.048)).toBe('10′ 0″');
    expect(formatFeetInches(1.8)).toBe('5′ 11″');
    expect(formatFeetInches(0.3)).toBe('1′ 0″');
    expect(formatDistance(4)).toBe('4.00 m (13′ 1″)');
  });
  it('focal length prints as engraved', () => {
    expect(formatFocalLength(35)).toBe('35 mm');
    expect(formatFocalLength(27.5)).toBe('27.5 mm');
  });
});
