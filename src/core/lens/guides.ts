// Frame guides an operator turns on in the viewfinder. Geometry only, in frame fractions (0..1, y down);
// the viewport draws them. Safe areas follow SMPTE ST 2046-1: action safe 93 %, title (graphics) safe 90 %.

export type GuideKind = 'thirds' | 'centre' | 'actionSafe' | 'titleSafe' | 'custom';

export interface GuideSettings {
  thirds: boolean;
  centre: boolean;
  actionSafe: boolean;
  titleSafe: boolean;
  /** an extra aspect frame inside the delivery frame (e.g. 1.85 extraction inside 2.39), or null */
  customAspect: number | null;
  /** an extra safe area in percent of the frame, or null */
  customSafePercent: number | null;
}

export const DEFAULT_GUIDES: GuideSettings = {
  thirds: true,
  centre: true,
  actionSafe: false,
  titleSafe: false,
  customAspect: null,
  customSafePercent: null,
};

export const ACTION_SAFE = 0.93;
export const TITLE_SAFE = 0.9;

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface GuideRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GuideGeometry {
  lines: { kind: GuideKind; segment: Segment }[];
  rects: { kind: GuideKind; rect: GuideRect; label: string }[];
}

const centred = (w: number, h: number): GuideRect => ({ x: (1 - w) / 2, y: (1 - h) / 2, width: w, height: h });

/** Guide geometry for a frame of `frameAspect` (needed to place an aspect frame-line inside it). */
export function guideGeometry(g: GuideSettings, frameAspect: number): GuideGeometry {
  const lines: GuideGeometry['lines'] = [];
  const rects: GuideGeometry['rects'] = [];
  if (g.thirds) {
    for (const t of [1 / 3, 2 / 3]) {
      lines.push({ kind: 'thirds', segment: { x1: t, y1: 0, x2: t, y2: 1 } });
      lines.push({ kind: 'thirds', segment: { x1: 0, y1: t, x2: 1, y2: t } });
    }
  }
  if (g.centre) {
    // a small cross, sized on the frame's height so it stays square on screen
    const arm = 0.03;
    const armX = arm / frameAspect;
    lines.push({ kind: 'centre', segment: { x1: 0.5 - armX, y1: 0.5, x2: 0.5 + armX, y2: 0.5 } });
    lines.push({ kind: 'centre', segment: { x1: 0.5, y1: 0.5 - arm, x2: 0.5, y2: 0.5 + arm } });
  }
  if (g.actionSafe) rects.push({ kind: 'actionSafe', rect: centred(ACTION_SAFE, ACTION_SAFE), label: 'action safe 93%' });
  if (g.titleSafe) rects.push({ kind: 'titleSafe', rect: centred(TITLE_SAFE, TITLE_SAFE), label: 'title safe 90%' });
  if (g.customSafePercent !== null && g.customSafePercent > 0 && g.customSafePercent <= 100) {
    const s = g.customSafePercent / 100;
    rects.push({ kind: 'custom', rect: centred(s, s), label: `safe ${g.customSafePercent}%` });
  }
  if (g.customAspect !== null && g.customAspect > 0) {
    const a = g.customAspect;
    const r = a >= frameAspect ? centred(1, frameAspect / a) : centred(a / frameAspect, 1);
    rects.push({ kind: 'custom', rect: r, label: `${a.toFixed(2)}:1` });
  }
  return { lines, rects };
}
