import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playhead } from '../../store/playhead';
import { projectStore } from '../../store/projectStore';
import { setSettings } from '../../core/document';
import { transport } from './transport';

// a hand-cranked requestAnimationFrame: each crank runs the queued callbacks at a given time
let queue: ((t: number) => void)[] = [];
let now = 0;
const crank = (ms: number) => {
  now += ms;
  const q = queue;
  queue = [];
  q.forEach((cb) => cb(now));
};

beforeEach(() => {
  queue = [];
  now = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => (queue.push(cb), queue.length));
  vi.stubGlobal('cancelAnimationFrame', () => (queue = []));
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  projectStore.getState().execute('fps', setSettings({ fps: 24, frameIn: 0, frameOut: 240 }));
  transport.pause();
  transport.setRange(null);
  transport.setLoop(true);
  transport.setEveryFrame(false);
  playhead.set(0);
});
afterEach(() => {
  transport.pause();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('transport', () => {
  it('plays in real time at the project rate, dropping frames when ticks are late', () => {
    transport.play();
    crank(500);
    expect(playhead.frame).toBe(12);
    crank(1000);
    expect(playhead.frame).toBe(36);
  });
  it('plays 23.976 slower than 24 (1001/1000)', () => {
    projectStore.getState().execute('fps', setSettings({ fps: 23.976, frameOut: 1000 }));
    transport.play();
    crank(10_000);
    // 10 s at 24000/1001 fps is 239.76 frames (24 fps would be on frame 240)
    expect(playhead.frame).toBe(239);
    crank(10);
    // 240 frames take exactly 10.01 s
    expect(playhead.frame).toBe(240);
  });
  it('every-frame mode shows each frame once however late the ticks are', () => {
    transport.setEveryFrame(true);
    transport.play();
    for (let i = 0; i < 5; i++) crank(1000);
    expect(playhead.frame).toBe(5);
  });
  it('J/K/L shuttles: faster on repeat, backwards with J, K stops', () => {
    transport.shuttle('L');
    expect(transport.getState()).toMatchObject({ playing: true, rate: 1 });
    transport.shuttle('L');
    transport.shuttle('L');
    expect(transport.getState().rate).toBe(4);
    transport.shuttle('J');
    expect(transport.getState().rate).toBe(-1);
    transport.shuttle('K');
    expect(transport.getState().playing).toBe(false);
  });
  it('stops at the end of a shot range when not looping', () => {
    transport.setRange({ in: 10, out: 20 });
    transport.setLoop(false);
    transport.seek(10);
    transport.play();
    crank(5000);
    expect(playhead.frame).toBe(19);
    expect(transport.getState().playing).toBe(false);
  });
  it('steps and seeks inside the range', () => {
    transport.step(-5);
    expect(playhead.frame).toBe(0);
    transport.step(10);
    expect(playhead.frame).toBe(10);
    transport.seek(9999);
    expect(playhead.frame).toBe(239);
  });
});
