import { describe, expect, it } from 'vitest';
import { layerFrameAt, plateFrameAt, plateRateRatio, sceneFrameOf } from './timing';

const clip = (fps: number, frameCount = 48, startFrame?: number) => ({ mediaKind: 'video' as const, fps, frameCount, startFrame });

describe('plate timing', () => {
  it('plays a same-rate plate frame for frame from its start, holding before and after', () => {
    const p = clip(24, 10, 5);
    expect([0, 4, 5, 6, 14, 15, 100].map((f) => plateFrameAt(p, f, 24))).toEqual([0, 0, 0, 1, 9, 9, 9]);
  });

  it('maps rates: a 48 fps plate in a 24 fps scene skips every other frame, a 12 fps plate doubles', () => {
    expect([0, 1, 2, 3].map((f) => plateFrameAt(clip(48), f, 24))).toEqual([0, 2, 4, 6]);
    expect([0, 1, 2, 3, 4].map((f) => plateFrameAt(clip(12), f, 24))).toEqual([0, 0, 1, 1, 2]);
    // 25 fps plate under 24: frame 24 of the scene is one second in, so plate frame 25
    expect(plateFrameAt(clip(25, 100), 24, 24)).toBe(25);
  });

  it('treats 23.976 and 24000/1001 as one clock (no drift over a long plate)', () => {
    expect(plateRateRatio(23.976, 24000 / 1001)).toBe(1);
    expect(plateFrameAt(clip(23.976, 20_000), 17_999, 24000 / 1001)).toBe(17_999);
    expect(plateRateRatio(24, 25)).toBeCloseTo(0.96);
  });

  it('stills are always frame 0', () => {
    expect(plateFrameAt({ mediaKind: 'image', fps: 24, frameCount: 1 }, 50, 24)).toBe(0);
  });

  it('finds a layer frame only inside its range', () => {
    expect(layerFrameAt({ start: 3, end: 6 }, 2)).toBeNull();
    expect(layerFrameAt({ start: 3, end: 6 }, 3)).toBe(0);
    expect(layerFrameAt({ start: 3, end: 6 }, 5)).toBe(2);
    expect(layerFrameAt({ start: 3, end: 6 }, 6)).toBeNull();
    expect(layerFrameAt(null, 0)).toBe(0);
  });

  it('finds the scene frame that shows a plate frame, at any rate', () => {
    for (const [fps, start] of [[24, 0], [24, 7], [48, 3], [12, -2], [25, 0]] as const) {
      const p = clip(fps, 40, start);
      for (let i = 1; i < 20; i++) {
        const s = sceneFrameOf(p, i, 24);
        // the first scene frame at or past plate frame i
        expect(plateFrameAt(p, s, 24)).toBeGreaterThanOrEqual(i);
        expect(plateFrameAt(p, s - 1, 24)).toBeLessThan(i);
      }
      // at the same or a lower rate every plate frame is shown, and by that scene frame exactly
      if (fps <= 25) for (let i = 0; i < 20; i++) expect(plateFrameAt(p, sceneFrameOf(p, i, 24), 24)).toBe(i);
    }
  });
});
