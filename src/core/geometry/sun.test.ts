import { describe, expect, it } from 'vitest';
import { sunAt, sunTint } from './sun';

describe('sunAt', () => {
  it('rises in the east at 6, culminates in the south at noon, sets in the west at 18', () => {
    const rise = sunAt(6);
    expect(rise.elevationDeg).toBeCloseTo(0, 9);
    expect(rise.azimuthDeg).toBeCloseTo(90, 9);
    expect(rise.direction[0]).toBeCloseTo(1, 9);
    const noon = sunAt(12, 40);
    expect(noon.elevationDeg).toBeCloseTo(50, 9);
    expect(noon.azimuthDeg).toBeCloseTo(180, 9);
    expect(noon.direction[2]).toBeGreaterThan(0); // south is +z
    const set = sunAt(18);
    expect(set.azimuthDeg).toBeCloseTo(270, 9);
    expect(Math.hypot(...noon.direction)).toBeCloseTo(1, 12);
  });

  it('is dark at night and bright by day, ramping through twilight', () => {
    expect(sunAt(0).daylight).toBe(0);
    expect(sunAt(12).daylight).toBe(1);
    const dusk = sunAt(18.2).daylight;
    expect(dusk).toBeGreaterThan(0);
    expect(dusk).toBeLessThan(1);
    expect(sunAt(9).elevationDeg).toBeCloseTo(sunAt(15).elevationDeg, 9);
  });

  it('the equator has the sun overhead at noon', () => {
    expect(sunAt(12, 0).elevationDeg).toBeCloseTo(90, 9);
  });

  it('low sun is warmer', () => {
    expect(sunTint(2)[2]).toBeLessThan(sunTint(40)[2]);
    expect(sunTint(60)).toEqual([1, 1, 1]);
  });
});
