import { describe, expect, it } from 'vitest';
import { frameToTimecode, timecodeToFrame, framesPerDay } from './timecode';
import { rateRational, frameToSeconds, secondsToFrame, exactFps, FRAME_RATES } from './frameRate';

describe('frame rates', () => {
  it('keeps NTSC rates as exact rationals', () => {
    expect(rateRational(23.976)).toEqual({ num: 24000, den: 1001 });
    expect(rateRational(29.97)).toEqual({ num: 30000, den: 1001 });
    expect(frameToSeconds(24, 23.976)).toBeCloseTo(1.001, 12);
    expect(frameToSeconds(30, 29.97)).toBeCloseTo(1.001, 12);
    expect(frameToSeconds(25, 25)).toBe(1);
  });
  it('maps seconds back to the same frame for every rate', () => {
    for (const fps of FRAME_RATES) {
      for (const f of [0, 1, 23, 24, 1799, 1800, 17982, 86399, 172800]) {
        expect(secondsToFrame(frameToSeconds(f, fps), fps)).toBe(f);
      }
    }
  });
  it('one hour of 23.976 is 86313.6 frames (not 86400)', () => {
    expect(3600 * exactFps(23.976)).toBeCloseTo(86313.686, 2);
  });
});

describe('non-drop timecode', () => {
  it('counts whole nominal frames', () => {
    expect(frameToTimecode(0, 24)).toBe('00:00:00:00');
    expect(frameToTimecode(23, 24)).toBe('00:00:00:23');
    expect(frameToTimecode(24, 24)).toBe('00:00:01:00');
    expect(frameToTimecode(86399, 24)).toBe('00:59:59:23');
    expect(frameToTimecode(86400, 24)).toBe('01:00:00:00');
    expect(frameToTimecode(90000, 25)).toBe('01:00:00:00');
    expect(frameToTimecode(59, 60)).toBe('00:00:00:59');
    expect(frameToTimecode(47, 48)).toBe('00:00:00:47');
  });
  it('23.976 counts 24 labels per timecode second, so one TC hour is 86400 frames and 3603.6 s of wall clock', () => {
    expect(frameToTimecode(24, 23.976)).toBe('00:00:01:00');
    expect(frameToTimecode(86400, 23.976)).toBe('01:00:00:00');
    expect(frameToSeconds(86400, 23.976)).toBeCloseTo(3603.6, 9);
    expect(timecodeToFrame('00:00:59:23', 23.976)).toBe(1439);
    expect(timecodeToFrame('00:01:00:00', 23.976)).toBe(1440);
  });
  it('29.97 non-drop counts 30 labels per second without skipping', () => {
    expect(frameToTimecode(1800, 29.97)).toBe('00:01:00:00');
    expect(frameToTimecode(107892, 29.97)).toBe('00:59:56:12');
    expect(timecodeToFrame('00:01:00:00', 29.97)).toBe(1800);
  });
  it('wraps at 24 hours and handles negative frames', () => {
    expect(frameToTimecode(24 * 86400, 24)).toBe('00:00:00:00');
    expect(frameToTimecode(-1, 24)).toBe('23:59:59:23');
  });
  it('refuses labels that do not exist', () => {
    expect(() => timecodeToFrame('00:00:00:24', 23.976)).toThrow(/does not exist/);
    expect(() => timecodeToFrame('00:00:00:24', 24)).toThrow(/does not exist/);
    expect(() => timecodeToFrame('00:61:00:00', 24)).toThrow(/00–59/);
    expect(() => timecodeToFrame('1:2:3', 24)).toThrow(/not a timecode/);
  });
});

describe('drop-frame timecode', () => {
  it('is refused for 23.976 (there is no drop-frame 23.976), both ways', () => {
    expect(() => frameToTimecode(100, 23.976, { dropFrame: true })).toThrow(/29.97/);
    expect(() => timecodeToFrame('00:01:00;02', 23.976)).toThrow(/29.97/);
    expect(() => frameToTimecode(100, 24, { dropFrame: true })).toThrow(/29.97/);
  });
  it('skips ;00 and ;01 at each minute except every tenth', () => {
    expect(frameToTimecode(1799, 29.97, { dropFrame: true })).toBe('00:00:59;29');
    expect(frameToTimecode(1800, 29.97, { dropFrame: true })).toBe('00:01:00;02');
    expect(frameToTimecode(3597, 29.97, { dropFrame: true })).toBe('00:01:59;29');
    expect(frameToTimecode(3598, 29.97, { dropFrame: true })).toBe('00:02:00;02');
    expect(frameToTimecode(17981, 29.97, { dropFrame: true })).toBe('00:09:59;29');
    expect(frameToTimecode(17982, 29.97, { dropFrame: true })).toBe('00:10:00;00');
    expect(frameToTimecode(17983, 29.97, { dropFrame: true })).toBe('00:10:00;01');
    expect(frameToTimecode(19781, 29.97, { dropFrame: true })).toBe('00:10:59;29');
    expect(frameToTimecode(19782, 29.97, { dropFrame: true })).toBe('00:11:00;02');
    expect(frameToTimecode(107892, 29.97, { dropFrame: true })).toBe('01:00:00;00');
  });
  it('keeps drop-frame labels within about a frame of the wall clock over an hour', () => {
    // 107892 frames at 30000/1001 is 3599.9964 s: the label 01:00:00;00 is 3.6 ms early
    expect(frameToSeconds(107892, 29.97)).toBeCloseTo(3599.9964, 4);
  });
  it('refuses dropped labels and parses the rest back to the same frame', () => {
    expect(() => timecodeToFrame('00:01:00;00', 29.97)).toThrow(/dropped/);
    expect(() => timecodeToFrame('00:01:00;01', 29.97)).toThrow(/dropped/);
    expect(timecodeToFrame('00:10:00;00', 29.97)).toBe(17982);
    expect(timecodeToFrame('00:01:00;02', 29.97)).toBe(1800);
    for (let f = 0; f < 40000; f += 7) {
      expect(timecodeToFrame(frameToTimecode(f, 29.97, { dropFrame: true }), 29.97)).toBe(f);
    }
  });
  it('wraps at 24 hours of drop-frame labels', () => {
    expect(framesPerDay(29.97, true)).toBe(2589408);
    expect(frameToTimecode(2589408, 29.97, { dropFrame: true })).toBe('00:00:00;00');
    expect(frameToTimecode(2589407, 29.97, { dropFrame: true })).toBe('23:59:59;29');
  });
});
