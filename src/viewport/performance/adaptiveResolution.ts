// Lower resolution while the editor camera moves, full resolution once it rests: an orbit stays fluid on a
// weak GPU, and every still look is sharp. The decision is pure; the component applies it.

export interface ResolutionInput {
  enabled: boolean;
  /** the editor's own view (not a look-through, which is always full resolution) */
  editorView: boolean;
  /** the camera moved since the previous frame */
  moved: boolean;
  now: number;
  /** when the camera last moved (ms, same clock as now) */
  lastMoveAt: number;
  restMs: number;
  fullRatio: number;
  movingScale: number;
}

/** The pixel ratio to draw this frame with, and the updated time of the last move. */
export function adaptivePixelRatio(i: ResolutionInput): { ratio: number; lastMoveAt: number } {
  if (!i.enabled || !i.editorView) return { ratio: i.fullRatio, lastMoveAt: -Infinity };
  const lastMoveAt = i.moved ? i.now : i.lastMoveAt;
  const moving = i.now - lastMoveAt < i.restMs;
  return { ratio: moving ? i.fullRatio * i.movingScale : i.fullRatio, lastMoveAt };
}

/**
 * Whether a camera pose differs from the one last seen (position and orientation, 7 numbers kept in
 * `prev`); the first pose seen (prev still NaN) is not a move.
 */
export function poseMoved(prev: Float64Array, position: { x: number; y: number; z: number }, q: { x: number; y: number; z: number; w: number }): boolean {
  const v = [position.x, position.y, position.z, q.x, q.y, q.z, q.w];
  const first = Number.isNaN(prev[0]);
  let moved = false;
  for (let k = 0; k < 7; k++) {
    if (Math.abs(prev[k]! - v[k]!) > 1e-7) moved = true;
    prev[k] = v[k]!;
  }
  return moved && !first;
}
