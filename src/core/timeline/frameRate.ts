// Project frame rates as exact rationals. 23.976, 29.97 and 59.94 are the NTSC rates 24000/1001, 30000/1001
// and 60000/1001;
// storing them as decimals would drift a frame every ~17 minutes, so all time arithmetic goes through here.
import type { FrameRate } from '../document/schema';

export type { FrameRate };
export interface Rational {
  num: number;
  den: number;
}

export const FRAME_RATES: readonly FrameRate[] = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60];

const RATIONALS: Record<string, Rational> = {
  '23.976': { num: 24000, den: 1001 },
  '24': { num: 24, den: 1 },
  '25': { num: 25, den: 1 },
  '29.97': { num: 30000, den: 1001 },
  '30': { num: 30, den: 1 },
  '48': { num: 48, den: 1 },
  '50': { num: 50, den: 1 },
  '59.94': { num: 60000, den: 1001 },
  '60': { num: 60, den: 1 },
};

/** The exact rate of a project setting, frames per second = num / den. */
export function rateRational(fps: FrameRate): Rational {
  const r = RATIONALS[String(fps)];
  if (!r) throw new Error(`unsupported frame rate ${fps}; use one of ${FRAME_RATES.join(', ')}`);
  return r;
}

/** Frames per second as a float, exact to double precision (23.976 → 23.976023976…). */
export function exactFps(fps: FrameRate): number {
  const r = rateRational(fps);
  return r.num / r.den;
}

/** The whole number of frames a timecode second counts (24 for 23.976, 30 for 29.97, 60 for 59.94). */
export function timecodeBase(fps: FrameRate): number {
  return Math.round(exactFps(fps));
}

/** True for the NTSC rates where drop-frame timecode is defined (SMPTE ST 12-1: 29.97 and 59.94). */
export function supportsDropFrame(fps: FrameRate): boolean {
  return fps === 29.97 || fps === 59.94;
}

/** Whether a project's timecode drops labels: at 29.97/59.94 unless the project chose non-drop. */
export function usesDropFrame(settings: { fps: FrameRate; dropFrame?: boolean }): boolean {
  return supportsDropFrame(settings.fps) && settings.dropFrame !== false;
}

export interface RateChoice {
  fps: FrameRate;
  dropFrame: boolean;
  /** as the trade writes it: "29.97 DF", "29.97 NDF", "25" */
  label: string;
  /** a stable key for a menu */
  key: string;
}

/** Every rate a user can pick, with drop and non-drop listed separately where both exist. */
export const RATE_CHOICES: readonly RateChoice[] = FRAME_RATES.flatMap((fps) =>
  supportsDropFrame(fps)
    ? [
        { fps, dropFrame: true, label: `${fps} DF`, key: `${fps}df` },
        { fps, dropFrame: false, label: `${fps} NDF`, key: `${fps}ndf` },
      ]
    : [{ fps, dropFrame: false, label: String(fps), key: String(fps) }],
);

export function rateChoiceOf(settings: { fps: FrameRate; dropFrame?: boolean }): RateChoice {
  const drop = usesDropFrame(settings);
  return RATE_CHOICES.find((c) => c.fps === settings.fps && c.dropFrame === drop)!;
}

/** Seconds from the timeline origin to the start of a frame. */
export function frameToSeconds(frame: number, fps: FrameRate): number {
  const r = rateRational(fps);
  return (frame * r.den) / r.num;
}

/** The frame shown at a wall-clock time (the frame whose interval contains it). */
export function secondsToFrame(seconds: number, fps: FrameRate): number {
  const r = rateRational(fps);
  // a tiny epsilon so that frameToSeconds(n) maps back to n despite float rounding
  return Math.floor((seconds * r.num) / r.den + 1e-9);
}

/** Duration of one frame in seconds. */
export function frameDuration(fps: FrameRate): number {
  const r = rateRational(fps);
  return r.den / r.num;
}
