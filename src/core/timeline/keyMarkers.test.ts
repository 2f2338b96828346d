import { describe, expect, it } from 'vitest';
import { keyMarkers, MAX_KEY_MARKERS } from './keyMarkers';

describe('key markers', () => {
  it('keeps every key of an ordinary track', () => {
    const keys = [{ frame: 0 }, { frame: 10 }, { frame: 20 }];
    expect(keyMarkers(keys, 0, 240)).toEqual(keys);
  });

  it('draws at most one marker per slice of the range for a 100,000-key track, first and last included', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => ({ frame: i * 0.25 }));
    const t0 = performance.now();
    const shown = keyMarkers(keys, 0, 25_000);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(shown.length).toBeLessThanOrEqual(MAX_KEY_MARKERS);
    expect(shown.length).toBeGreaterThan(MAX_KEY_MARKERS * 0.9);
    expect(shown[0]!.frame).toBe(0);
    expect(shown.at(-1)!.frame).toBeGreaterThan(24_900);
  });
});
