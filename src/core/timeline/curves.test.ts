import { describe, expect, it } from 'vitest';
import { cubicBezierEase, EASE_PRESETS, presetOf } from './curves';
import { evaluateTrack, segmentProgress } from './track';
import type { Keyframe } from '../document/schema';

describe('cubic-bezier eases', () => {
  // reference values from an independent bisection of the same curves (200 steps, double precision)
  it('matches CSS ease curves at known points', () => {
    expect(cubicBezierEase(EASE_PRESETS.ease, 0.5)).toBeCloseTo(0.802403387584857, 7);
    expect(cubicBezierEase(EASE_PRESETS.easeIn, 0.5)).toBeCloseTo(0.31535681257253945, 7);
    expect(cubicBezierEase(EASE_PRESETS.easeInOut, 0.25)).toBeCloseTo(0.1291619310473198, 7);
    expect(cubicBezierEase(EASE_PRESETS.easeOut, 0.1)).toBeCloseTo(0.16057215423753346, 7);
    expect(cubicBezierEase(EASE_PRESETS.easeInOut, 0.5)).toBeCloseTo(0.5, 9);
  });
  it('linear handles give the identity and ends are pinned', () => {
    for (const x of [0, 0.1, 0.33, 0.5, 0.9, 1]) expect(cubicBezierEase(EASE_PRESETS.linear, x)).toBeCloseTo(x, 9);
    expect(cubicBezierEase(EASE_PRESETS.ease, -1)).toBe(0);
    expect(cubicBezierEase(EASE_PRESETS.ease, 2)).toBe(1);
  });
  it('is monotonic for monotonic handles', () => {
    let prev = -1;
    for (let i = 0; i <= 100; i++) {
      const y = cubicBezierEase(EASE_PRESETS.dollySettle, i / 100);
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
  });
  it('names presets', () => {
    expect(presetOf([0.42, 0, 0.58, 1])).toBe('easeInOut');
    expect(presetOf([0.1, 0.2, 0.3, 0.4])).toBeNull();
  });
});

const k = (frame: number, value: Keyframe['value'], interp: Keyframe['interp'] = 'linear', ease?: Keyframe['ease']): Keyframe =>
  ease ? { frame, value, interp, ease } : { frame, value, interp };

describe('track evaluation', () => {
  it('holds before the first key and after the last', () => {
    const t = { keys: [k(10, 1), k(20, 3)] };
    expect(evaluateTrack(t, 0)).toBe(1);
    expect(evaluateTrack(t, 10)).toBe(1);
    expect(evaluateTrack(t, 20)).toBe(3);
    expect(evaluateTrack(t, 99)).toBe(3);
    expect(evaluateTrack({ keys: [] }, 5)).toBeUndefined();
  });
  it('linear interpolates, including fractional frames', () => {
    const t = { keys: [k(0, 0), k(48, 4.8)] };
    expect(evaluateTrack(t, 24)).toBeCloseTo(2.4, 12);
    expect(evaluateTrack(t, 12.5)).toBeCloseTo(1.25, 12);
  });
  it('step holds the outgoing key until the next', () => {
    const t = { keys: [k(0, 0, 'step'), k(10, 5, 'linear')] };
    expect(evaluateTrack(t, 9.99)).toBe(0);
    expect(evaluateTrack(t, 10)).toBe(5);
  });
  it('bezier follows its ease handles', () => {
    const t = { keys: [k(0, 0, 'bezier', [0.42, 0, 1, 1]), k(10, 10)] };
    expect(evaluateTrack(t, 5)).toBeCloseTo(3.1535681257253945, 6);
    const missing = { keys: [k(0, 0, 'bezier'), k(10, 10)] }; // no handles: easeInOut
    expect(evaluateTrack(missing, 5)).toBeCloseTo(5, 6);
    expect(evaluateTrack(missing, 2.5)).toBeCloseTo(1.291619310473198, 6);
  });
  it('interpolates vectors component-wise', () => {
    const t = { keys: [k(0, [0, 1.6, 6]), k(48, [0, 1.6, 1.2])] };
    const v = evaluateTrack(t, 24) as number[];
    expect(v[0]).toBeCloseTo(0);
    expect(v[1]).toBeCloseTo(1.6);
    expect(v[2]).toBeCloseTo(3.6);
  });
  it('blends poses joint by joint, a missing joint counting as rest', () => {
    const t = { keys: [k(0, { elbowL: [0, 0, 1] }), k(10, { elbowL: [0, 0, 2], kneeR: [1, 0, 0] })] };
    expect(evaluateTrack(t, 5)).toEqual({ elbowL: [0, 0, 1.5], kneeR: [0.5, 0, 0] });
  });
  it('tolerates unsorted keys from hand-edited files', () => {
    expect(evaluateTrack({ keys: [k(20, 3), k(10, 1)] }, 15)).toBeCloseTo(2);
  });
  it('a zero-length segment is a jump', () => {
    expect(segmentProgress(k(5, 0), k(5, 1), 5)).toBe(1);
  });
});
