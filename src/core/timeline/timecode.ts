// SMPTE timecode. Non-drop counts frames at the nominal rate (24 per TC second at 23.976, so timecode runs
// 0.1% slower than the wall clock). Drop-frame (29.97 and 59.94) skips frame labels ;00 and ;01 (;00–;03 at
// 59.94) at the start of every minute except each tenth, so that timecode stays within ~2 frames of the
// wall clock.
// 23.976 has no drop-frame form: there is no whole number of labels to skip, so asking for it is an error.
import { supportsDropFrame, timecodeBase, type FrameRate } from './frameRate';

export interface TimecodeOptions {
  dropFrame?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function checkDrop(fps: FrameRate, dropFrame: boolean) {
  if (dropFrame && !supportsDropFrame(fps)) {
    throw new Error(`drop-frame timecode is defined for 29.97 and 59.94 fps only, not ${fps}`);
  }
}

/** Frames in 24 hours of timecode labels; timecode wraps there. */
export function framesPerDay(fps: FrameRate, dropFrame = false): number {
  const base = timecodeBase(fps);
  if (!dropFrame) return base * 86400;
  // per 10 minutes: 10 × 60 × base labels minus 9 minutes × the labels each drops
  return 144 * (base * 600 - 9 * dropPerMinute(fps));
}

/** Labels skipped at the start of a dropping minute: 2 at 29.97, 4 at 59.94 (base / 15). */
function dropPerMinute(fps: FrameRate): number {
  return timecodeBase(fps) / 15;
}

/** Frame number (0 = 00:00:00:00) → "HH:MM:SS:FF", or "HH:MM:SS;FF" for drop-frame. */
export function frameToTimecode(frame: number, fps: FrameRate, opts: TimecodeOptions = {}): string {
  const drop = opts.dropFrame ?? false;
  checkDrop(fps, drop);
  if (!Number.isFinite(frame)) throw new Error(`frame ${frame} is not a number`);
  const base = timecodeBase(fps);
  const day = framesPerDay(fps, drop);
  let f = ((Math.floor(frame) % day) + day) % day;
  if (drop) {
    // add back the labels skipped so far, then count as if non-drop
    const dropPerMin = dropPerMinute(fps);
    const per10 = base * 600 - 9 * dropPerMin; // 17982 frames per ten minutes at 29.97
    const perMin = base * 60 - dropPerMin; // 1798 frames in a dropping minute at 29.97
    const tens = Math.floor(f / per10);
    const rem = f % per10;
    const extra = rem < dropPerMin ? 0 : Math.floor((rem - dropPerMin) / perMin);
    f += 9 * dropPerMin * tens + dropPerMin * extra;
  }
  const ff = f % base;
  const totalSec = Math.floor(f / base);
  const ss = totalSec % 60;
  const mm = Math.floor(totalSec / 60) % 60;
  const hh = Math.floor(totalSec / 3600);
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${drop ? ';' : ':'}${pad(ff)}`;
}

const TC_RE = /^(\d{1,2}):(\d{2}):(\d{2})([:;.,])(\d{2})$/;

/**
 * "HH:MM:SS:FF" → frame number. A ';' (or ',') before the frames marks drop-frame. Throws with a reason for
 * labels that do not exist (frame ≥ rate, a dropped label such as 00:01:00;00).
 */
export function timecodeToFrame(tc: string, fps: FrameRate): number {
  const m = TC_RE.exec(tc.trim());
  if (!m) throw new Error(`"${tc}" is not a timecode (HH:MM:SS:FF)`);
  const [hh, mm, ss, sep, ff] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4], Number(m[5])];
  const drop = sep === ';' || sep === ',';
  checkDrop(fps, drop);
  const base = timecodeBase(fps);
  if (mm > 59 || ss > 59) throw new Error(`"${tc}": minutes and seconds run 00–59`);
  if (ff >= base) throw new Error(`"${tc}": frame ${ff} does not exist at ${fps} fps (00–${pad(base - 1)})`);
  const totalMin = hh * 60 + mm;
  const dropPerMin = drop ? dropPerMinute(fps) : 0;
  if (drop && ss === 0 && ff < dropPerMin && mm % 10 !== 0) {
    throw new Error(`"${tc}": label dropped in drop-frame timecode (first ${dropPerMin} frames of minute ${mm})`);
  }
  let frame = (hh * 3600 + mm * 60 + ss) * base + ff;
  if (drop) frame -= dropPerMin * (totalMin - Math.floor(totalMin / 10));
  return frame;
}

/** Wall-clock style "MM:SS.mmm" of a frame, for the duration read-outs where labels would mislead. */
export function frameToClock(frame: number, fpsExact: number): string {
  const totalMs = Math.round((frame / fpsExact) * 1000);
  const ms = totalMs % 1000;
  const s = Math.floor(totalMs / 1000) % 60;
  const m = Math.floor(totalMs / 60000);
  return `${pad(m)}:${pad(s)}.${String(ms).padStart(3, '0')}`;
}
