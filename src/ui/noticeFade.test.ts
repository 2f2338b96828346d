import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FadeClock, NOTICE_FADE_MS } from './noticeFade';

describe('notice fading', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const timers = { set: (f: () => void, ms: number) => setTimeout(f, ms), clear: (h: unknown) => clearTimeout(h as number), now: () => Date.now() };

  it('information and warnings leave after their time, errors stay', () => {
    const gone: number[] = [];
    const clock = new FadeClock((id) => gone.push(id), timers);
    clock.track([{ id: 1, level: 'info' }, { id: 2, level: 'error' }, { id: 3, level: 'warning' }]);
    vi.advanceTimersByTime(NOTICE_FADE_MS - 1);
    expect(gone).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(gone.sort()).toEqual([1, 3]);
    vi.advanceTimersByTime(60 * NOTICE_FADE_MS);
    expect(gone).not.toContain(2);
  });

  it('stops every clock while the strip is hovered and goes on with the time that was left', () => {
    const gone: number[] = [];
    const clock = new FadeClock((id) => gone.push(id), timers);
    clock.track([{ id: 1, level: 'info' }]);
    vi.advanceTimersByTime(4000);
    clock.pause();
    // a notice that arrives while the reader is on the strip waits too
    clock.track([{ id: 1, level: 'info' }, { id: 2, level: 'warning' }]);
    vi.advanceTimersByTime(10 * NOTICE_FADE_MS);
    expect(gone).toEqual([]);
    clock.resume();
    vi.advanceTimersByTime(NOTICE_FADE_MS - 4000);
    expect(gone).toEqual([1]);
    vi.advanceTimersByTime(4000);
    expect(gone).toEqual([1, 2]);
  });

  it('forgets a notice dismissed by hand, and starts each notice once', () => {
    const gone: number[] = [];
    const clock = new FadeClock((id) => gone.push(id), timers);
    clock.track([{ id: 1, level: 'info' }]);
    vi.advanceTimersByTime(3000);
    clock.track([{ id: 1, level: 'info' }]);
    vi.advanceTimersByTime(3000);
    expect(gone).toEqual([1]);
    clock.track([{ id: 2, level: 'info' }]);
    clock.track([]);
    vi.advanceTimersByTime(2 * NOTICE_FADE_MS);
    expect(gone).toEqual([1]);
  });
});
