// Interpolation between two keys. The outgoing key's interp governs the segment (as in most DCCs).
// Bezier eases use CSS cubic-bezier handles (x1, y1, x2, y2) in normalised segment space: x is time, y value.
export type EaseHandles = readonly [number, number, number, number];

export const EASE_PRESETS = {
  linear: [0, 0, 1, 1],
  ease: [0.25, 0.1, 0.25, 1],
  easeIn: [0.42, 0, 1, 1],
  easeOut: [0, 0, 0.58, 1],
  easeInOut: [0.42, 0, 0.58, 1],
  /** a slow settle for camera moves: gentle start, long tail */
  dollySettle: [0.33, 0, 0.15, 1],
} as const satisfies Record<string, EaseHandles>;
export type EasePreset = keyof typeof EASE_PRESETS;

/** The default ease of a bezier key without handles. */
export const DEFAULT_EASE: EaseHandles = EASE_PRESETS.easeInOut;

function bezierAxis(p1: number, p2: number, s: number): number {
  // B(s) = 3(1-s)²s·p1 + 3(1-s)s²·p2 + s³, with p0 = 0 and p3 = 1
  const u = 1 - s;
  return 3 * u * u * s * p1 + 3 * u * s * s * p2 + s * s * s;
}

function bezierAxisSlope(p1: number, p2: number, s: number): number {
  const u = 1 - s;
  return 3 * u * u * p1 + 6 * u * s * (p2 - p1) + 3 * s * s * (1 - p2);
}

/** y at time x of a CSS cubic-bezier; x1 and x2 are clamped to [0, 1] so time stays monotonic. */
export function cubicBezierEase(handles: EaseHandles, x: number): number {
  const x1 = Math.min(1, Math.max(0, handles[0]));
  const x2 = Math.min(1, Math.max(0, handles[2]));
  const [, y1, , y2] = handles;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // Newton from a linear guess, then bisection if the slope is too flat to trust
  let s = x;
  for (let i = 0; i < 8; i++) {
    const err = bezierAxis(x1, x2, s) - x;
    if (Math.abs(err) < 1e-9) return bezierAxis(y1, y2, s);
    const d = bezierAxisSlope(x1, x2, s);
    if (Math.abs(d) < 1e-7) break;
    s -= err / d;
  }
  let lo = 0;
  let hi = 1;
  s = x;
  for (let i = 0; i < 60; i++) {
    const v = bezierAxis(x1, x2, s);
    if (Math.abs(v - x) < 1e-10) break;
    if (v < x) lo = s;
    else hi = s;
    s = (lo + hi) / 2;
  }
  return bezierAxis(y1, y2, s);
}

/** Which ease preset a set of handles equals, if any (for showing the preset name in the UI). */
export function presetOf(handles: EaseHandles | undefined): EasePreset | null {
  if (!handles) return null;
  for (const [name, h] of Object.entries(EASE_PRESETS)) {
    if (h.every((v, i) => Math.abs(v - handles[i]!) < 1e-6)) return name as EasePreset;
  }
  return null;
}
