// Every rate a user can pick, checked label for label against an independent implementation (the
// smpte-timecode npm package) over whole hours: the first hour, an hour past ten minutes' boundaries, and
// the last hour before the 24-hour wrap.
import Timecode from 'smpte-timecode';
import { describe, expect, it } from 'vitest';
import { RATE_CHOICES, rateRational, rateChoiceOf, usesDropFrame } from './frameRate';
import { frameToTimecode, framesPerDay, timecodeToFrame } from './timecode';

const HOURS = [0, 10, 23];

describe.each(RATE_CHOICES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
  const r = rateRational(c.fps);
  const rate: [number, number] = [r.num, r.den];

  it('agrees with smpte-timecode on every frame of hours 0, 10 and 23', () => {
    const perDay = framesPerDay(c.fps, c.dropFrame);
    const perHour = perDay / 24;
    expect(Number.isInteger(perHour)).toBe(true);
    let checked = 0;
    for (const h of HOURS) {
      const first = h * perHour;
      for (let f = first; f < first + perHour; f++) {
        const ours = frameToTimecode(f, c.fps, { dropFrame: c.dropFrame });
        const theirs = new Timecode(f, rate, c.dropFrame).toString();
        if (ours !== theirs) expect(ours, `frame ${f}`).toBe(theirs);
        if (timecodeToFrame(theirs, c.fps) !== f) expect(timecodeToFrame(theirs, c.fps), theirs).toBe(f);
        checked++;
      }
    }
    expect(checked).toBe(3 * perHour);
  });

  it('counts the frames of a day as smpte-timecode does (23:59:59 last label + 1)', () => {
    const base = Math.round(r.num / r.den);
    const last = new Timecode(`23:59:59${c.dropFrame ? ';' : ':'}${String(base - 1).padStart(2, '0')}`, rate, c.dropFrame);
    expect(framesPerDay(c.fps, c.dropFrame)).toBe(last.frameCount + 1);
  });

  it('is what a project setting of that choice resolves to', () => {
    const settings = { fps: c.fps, dropFrame: c.dropFrame };
    expect(usesDropFrame(settings)).toBe(c.dropFrame);
    expect(rateChoiceOf(settings)).toBe(c);
  });
});

describe('rate choices', () => {
  it('offers 23.976, 24, 25, 29.97 DF/NDF, 30, 48, 50, 59.94 DF/NDF, 60', () => {
    expect(RATE_CHOICES.map((c) => c.label)).toEqual(['23.976', '24', '25', '29.97 DF', '29.97 NDF', '30', '48', '50', '59.94 DF', '59.94 NDF', '60']);
  });
  it('59.94 DF drops four labels a minute, except every tenth minute', () => {
    expect(frameToTimecode(3600, 59.94, { dropFrame: true })).toBe('00:01:00;04');
    expect(frameToTimecode(3599, 59.94, { dropFrame: true })).toBe('00:00:59;59');
    expect(() => timecodeToFrame('00:01:00;03', 59.94)).toThrow(/dropped/);
    expect(timecodeToFrame('00:10:00;00', 59.94)).toBe(10 * 60 * 60 - 9 * 4);
  });
  it('refuses drop-frame at rates without it', () => {
    for (const fps of [23.976, 25, 50] as const) expect(() => frameToTimecode(0, fps, { dropFrame: true })).toThrow(/29\.97 and 59\.94/);
    // a project asking for drop-frame at 25 simply has none
    expect(usesDropFrame({ fps: 25, dropFrame: true })).toBe(false);
    // 29.97 without a choice keeps the drop-frame default older projects had
    expect(usesDropFrame({ fps: 29.97 })).toBe(true);
  });
});
