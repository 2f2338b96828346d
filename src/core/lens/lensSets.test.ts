import { describe, expect, it } from 'vitest';
import { LENS_SETS, lensSet, stepFocalLength, setHasFocalLength, focalRange } from './lensSets';
import { stepLens, switchLensSet, defaultLensSetFor } from './stepping';

describe('named lens sets', () => {
  it('ids are unique; every named set cites its maker and the spec it comes from', () => {
    expect(new Set(LENS_SETS.map((s) => s.id)).size).toBe(LENS_SETS.length);
    const named = LENS_SETS.filter((s) => s.maker);
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const s of named) {
      expect(s.source, s.id).toMatch(/\w{4,}.*\d/);
      expect(s.coverage, s.id).toBeDefined();
    }
  });

  it('lists the published focal lengths exactly', () => {
    expect(lensSet('arri-signature-prime')!.focalLengthsMm).toEqual([12, 15, 18, 21, 25, 29, 35, 40, 47, 58, 75, 95, 125, 150, 200, 280]);
    expect(lensSet('cooke-s4i')!.focalLengthsMm).toEqual([12, 14, 16, 18, 21, 25, 27, 32, 35, 40, 50, 65, 75, 100, 135, 150, 180, 300]);
    expect(lensSet('zeiss-supreme-prime')!.focalLengthsMm).toEqual([15, 18, 21, 25, 29, 35, 50, 65, 85, 100, 135, 150, 200]);
    expect(lensSet('cooke-anamorphic-i')).toMatchObject({ squeeze: 2, focalLengthsMm: [25, 32, 40, 50, 65, 75, 100, 135, 180, 300] });
    expect(focalRange(lensSet('angenieux-optimo-24-290')!)).toEqual({ minMm: 24, maxMm: 290 });
    expect(focalRange(lensSet('angenieux-optimo-15-40')!)).toEqual({ minMm: 15, maxMm: 40 });
    expect(lensSet('angenieux-optimo-anamorphic-56-152')).toMatchObject({ kind: 'zoom', squeeze: 2 });
  });

  it('] and [ walk every set through its listed values and stop at the ends', () => {
    for (const s of LENS_SETS) {
      const f = s.focalLengthsMm;
      let v = f[0]!;
      const up = [v];
      for (let i = 0; i < f.length + 2; i++) up.push((v = stepFocalLength(s, v, 1)));
      expect(up.slice(0, f.length), s.id).toEqual([...f]);
      expect(v).toBe(f[f.length - 1]);
      const down = [v];
      for (let i = 0; i < f.length + 2; i++) down.push((v = stepFocalLength(s, v, -1)));
      expect(down.slice(0, f.length), s.id).toEqual([...f].reverse());
      expect(v).toBe(f[0]);
    }
  });

  it('a Signature Prime camera steps 40 → 47 → 58 and back, one listed lens at a time', () => {
    const lens = { focalLengthMm: 40, lensSetId: 'arri-signature-prime' };
    const a = stepLens(lens, 1);
    expect(a).toMatchObject({ ok: true, focalLengthMm: 47 });
    const b = stepLens({ ...lens, focalLengthMm: 47 }, 1);
    expect(b).toMatchObject({ ok: true, focalLengthMm: 58 });
    expect(stepLens({ ...lens, focalLengthMm: 58 }, -1)).toMatchObject({ ok: true, focalLengthMm: 47 });
  });

  it('moving onto an anamorphic set brings its squeeze and the nearest lens it has', () => {
    expect(switchLensSet({ focalLengthMm: 47, lensSetId: 'arri-signature-prime' }, 'cooke-anamorphic-i')).toEqual({ focalLengthMm: 50, squeeze: 2, kind: 'anamorphic' });
    expect(switchLensSet({ focalLengthMm: 33, lensSetId: null }, 'arri-zeiss-master-anamorphic')).toEqual({ focalLengthMm: 35, squeeze: 2, kind: 'anamorphic' });
    expect(switchLensSet({ focalLengthMm: 50, lensSetId: null }, 'no-such-set')).toBeNull();
  });

  it('a zoom holds any focal length in its range; a prime set only its lenses', () => {
    const z = lensSet('angenieux-optimo-24-290')!;
    expect(setHasFocalLength(z, 37.3)).toBe(true);
    expect(setHasFocalLength(z, 300)).toBe(false);
    expect(stepFocalLength(z, 37.3, 1)).toBe(40);
    expect(setHasFocalLength(lensSet('arri-signature-prime')!, 50)).toBe(false);
    expect(setHasFocalLength(lensSet('arri-signature-prime')!, 47)).toBe(true);
  });

  it('a camera with no set steps through the generic primes of its squeeze, never a maker\'s set', () => {
    expect(defaultLensSetFor({ focalLengthMm: 50, lensSetId: null }).id).toBe('primes-s35');
    expect(defaultLensSetFor({ focalLengthMm: 50, lensSetId: null, kind: 'anamorphic', squeeze: 2 }).id).toBe('anamorphic-2x');
    expect(defaultLensSetFor({ focalLengthMm: 50, lensSetId: null, kind: 'anamorphic', squeeze: 1.8 }).id).toBe('anamorphic-1.8x');
  });
});
