import { describe, expect, it } from 'vitest';
import { nextShotNumber, nextShotNumbers } from './shotNumbers';

describe('next shot number', () => {
  it('continues the scheme in use after the highest number', () => {
    expect(nextShotNumbers(['1', '2'])).toEqual(['3']);
    expect(nextShotNumbers(['10', '20'])).toEqual(['30']);
    expect(nextShotNumbers(['10', '20', '15'])).toEqual(['30']);
    expect(nextShotNumbers(['10', '15'])).toEqual(['20']);
    expect(nextShotNumbers(['100', '200'])).toEqual(['300']);
    expect(nextShotNumbers(['1', '2', '2A'])).toEqual(['3']);
    expect(nextShotNumbers(['3', '1'])).toEqual(['4']);
  });
  it('keeps a scene prefix and zero padding', () => {
    expect(nextShotNumbers(['A1', 'A2'])).toEqual(['A3']);
    expect(nextShotNumbers(['12-1', '12-2', '12-2B'])).toEqual(['12-3']);
    expect(nextShotNumbers(['010', '020'])).toEqual(['030']);
  });
  it('gives several in a row (coverage) and starts at 10 on an empty list', () => {
    expect(nextShotNumbers(['1', '2'], 3)).toEqual(['3', '4', '5']);
    expect(nextShotNumbers(['10'], 2)).toEqual(['20', '30']);
    expect(nextShotNumbers([], 2)).toEqual(['10', '20']);
    expect(nextShotNumbers(['pickup'])).toEqual(['10']);
  });
  it('never hands out a number already in use', () => {
    for (const list of [['1', '2', '3'], ['10', '20', '30', 'A40'], ['5'], ['10', '10', '20']]) {
      const next = nextShotNumbers(list, 4);
      expect(next.filter((n) => list.includes(n))).toEqual([]);
      expect(new Set(next).size).toBe(4);
    }
  });
  it('reads a scene', () => {
    const shot = (number: string) => ({ number }) as never;
    expect(nextShotNumber({ shots: { a: shot('1'), b: shot('2') } })).toBe('3');
  });
});
