import { describe, expect, it } from 'vitest';
import { adaptivePixelRatio, poseMoved } from './adaptiveResolution';

const base = { enabled: true, editorView: true, moved: false, now: 1000, lastMoveAt: -Infinity, restMs: 200, fullRatio: 2, movingScale: 0.5 };

describe('adaptive resolution', () => {
  it('drops while the camera moves and comes back once it has rested', () => {
    const moving = adaptivePixelRatio({ ...base, moved: true });
    expect(moving).toEqual({ ratio: 1, lastMoveAt: 1000 });
    expect(adaptivePixelRatio({ ...base, now: 1150, lastMoveAt: 1000 }).ratio).toBe(1);
    expect(adaptivePixelRatio({ ...base, now: 1200, lastMoveAt: 1000 }).ratio).toBe(2);
  });
  it('a still camera is always full resolution', () => {
    expect(adaptivePixelRatio(base).ratio).toBe(2);
  });
  it('never lowers the look-through view, nor when switched off', () => {
    expect(adaptivePixelRatio({ ...base, moved: true, editorView: false }).ratio).toBe(2);
    expect(adaptivePixelRatio({ ...base, moved: true, enabled: false }).ratio).toBe(2);
    // leaving the editor view forgets the move: coming back is sharp at once
    expect(adaptivePixelRatio({ ...base, moved: false, editorView: false, lastMoveAt: 990 }).lastMoveAt).toBe(-Infinity);
  });
  it('a pose change is a move; the first pose seen is not', () => {
    const prev = new Float64Array(7).fill(NaN);
    const q = { x: 0, y: 0, z: 0, w: 1 };
    expect(poseMoved(prev, { x: 1, y: 2, z: 3 }, q)).toBe(false);
    expect(poseMoved(prev, { x: 1, y: 2, z: 3 }, q)).toBe(false);
    expect(poseMoved(prev, { x: 1, y: 2, z: 3.01 }, q)).toBe(true);
    expect(poseMoved(prev, { x: 1, y: 2, z: 3.01 }, { x: 0, y: 0.1, z: 0, w: 0.995 })).toBe(true);
    expect(poseMoved(prev, { x: 1, y: 2, z: 3.01 }, { x: 0, y: 0.1, z: 0, w: 0.995 })).toBe(false);
  });
});
