import { describe, expect, it } from 'vitest';
import { createObject } from '../../core/document';
import { hudFields, bodyLabel, lensLabel } from './hudText';

describe('look-through HUD text', () => {
  it('reads body, lens, stop, focus, height, tilt and dutch off the camera', () => {
    const cam = createObject('camera', {
      transform: { position: [0, 1.8, 4], rotation: [(-10 * Math.PI) / 180, 0, (5 * Math.PI) / 180], scale: [1, 1, 1] },
      lens: { focalLengthMm: 40, kind: 'anamorphic', squeeze: 2, tStop: 2.3, focusDistanceM: 3, lensSetId: 'anamorphic-2x' },
    });
    const f = Object.fromEntries(hudFields(cam).map((x) => [x.key, x.value]));
    expect(f.body).toBe('Super 35 4-perf');
    expect(f.lens).toBe('40 mm 2× anamorphic · 2× anamorphic primes');
    expect(f.stop).toBe('T2.3');
    expect(f.focus).toBe('3.00 m (9′ 10″)');
    expect(f.height).toBe('1.80 m (5′ 11″)');
    expect(f.tilt).toBe('-10.0°');
    expect(f.dutch).toBe('5.0°');
    expect(f.aspect).toBe('2.39:1 scope');
  });
  it('names a body that no longer matches its preset as custom', () => {
    const cam = createObject('camera', { body: { sensorPresetId: 'full-frame', sensorWidthMm: 30, sensorHeightMm: 20 } });
    expect(bodyLabel(cam)).toBe('Custom 30 × 20 mm');
    expect(lensLabel(createObject('camera'))).toBe('35 mm');
  });
});
