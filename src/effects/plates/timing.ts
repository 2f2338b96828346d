// Which frame of a video plate plays at a scene frame. The plate starts at `startFrame` on the scene
// timeline and runs at its own rate; before its first frame and after its last it holds (the editorial
// convention for a short plate under a longer shot). Pure: the viewport, the animatic and tests share it.
import type { Plate } from '../../core/document';

/** Rates this close are the same clock (a plate tagged 23.976 against a 24000/1001 project). */
const SAME_RATE = 1e-3;

export function plateRateRatio(plateFps: number, sceneFps: number): number {
  const ratio = plateFps / sceneFps;
  return Math.abs(ratio - 1) < SAME_RATE ? 1 : ratio;
}

/** The plate frame index (0 … frameCount − 1) shown at `sceneFrame` of a scene running at `sceneFps`. */
export function plateFrameAt(plate: Pick<Plate, 'frameCount' | 'fps' | 'startFrame' | 'mediaKind'>, sceneFrame: number, sceneFps: number): number {
  if (plate.mediaKind === 'image' || plate.frameCount <= 1) return 0;
  const ratio = plateRateRatio(plate.fps, sceneFps);
  // the small bias keeps an exact frame boundary (x.9999999 from float division) on the frame it names
  const raw = Math.floor((sceneFrame - (plate.startFrame ?? 0)) * ratio + 1e-6);
  return Math.min(plate.frameCount - 1, Math.max(0, raw));
}

/** The layer frame (0-based inside its range) for a plate frame, or null when the range does not cover it. */
export function layerFrameAt(range: { start: number; end: number } | null, plateFrame: number): number | null {
  if (!range) return plateFrame === 0 ? 0 : null;
  return plateFrame >= range.start && plateFrame < range.end ? plateFrame - range.start : null;
}

/** The first scene frame that shows plate frame `plateFrame` (the inverse of plateFrameAt inside the clip). */
export function sceneFrameOf(plate: Pick<Plate, 'fps' | 'startFrame' | 'mediaKind' | 'frameCount'>, plateFrame: number, sceneFps: number): number {
  const start = plate.startFrame ?? 0;
  if (plate.mediaKind === 'image' || plate.frameCount <= 1) return start;
  return start + Math.ceil((plateFrame - 1e-6) / plateRateRatio(plate.fps, sceneFps));
}
