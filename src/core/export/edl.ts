// CMX 3600 edit decision list of a scene's cut: one video event per shot, cuts only. The source is the
// scene's own timeline as each shot's camera sees it (one reel per camera, source timecode = scene frames,
// exactly as the OTIO export's clip source ranges), recorded from HH:00:00:00 in cut order (the OTIO
// export's global start time). Clip names, cameras and lenses go in "*" comment lines, which an EDL reader
// keeps but never parses as events.
import type { Project } from '../document/schema';
import { frameToTimecode, usesDropFrame } from '../timeline';
import { shotRows, type ShotRow } from './shotlist';
import { startFrame } from './otio';

export interface EdlOptions {
  /** the record timecode's first hour (default 1, like OTIO's global start) */
  startHour?: number;
  /** TITLE line; default "project — scene" */
  title?: string;
}

/** CMX 3600 numbers events 001–999. */
export const EDL_MAX_EVENTS = 999;

/** A comment or title value on one line: control characters (a newline would start a forged event) become spaces. */
export function edlText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** Reel names: at most 8 of A–Z 0–9 _ (the CMX 3600 reel field), unique per camera. */
export function reelNames(rows: ShotRow[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const r of rows) {
    if (out.has(r.cameraId)) continue;
    const base = r.cameraName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 8) || 'CAM';
    let reel = base;
    for (let n = 2; used.has(reel); n++) reel = `${base.slice(0, 8 - String(n).length)}${n}`;
    used.add(reel);
    out.set(r.cameraId, reel);
  }
  return out;
}

export function projectToEdl(p: Project, sceneId: string, opts: EdlOptions = {}): string {
  const scene = p.scenes[sceneId];
  if (!scene) throw new Error(`EDL: no scene ${sceneId}`);
  const rows = shotRows(p, sceneId);
  if (!rows.length) throw new Error('EDL: the scene has no shots yet');
  if (rows.length > EDL_MAX_EVENTS) throw new Error(`EDL: CMX 3600 holds ${EDL_MAX_EVENTS} events, the cut has ${rows.length}`);
  const fps = p.settings.fps;
  const dropFrame = usesDropFrame(p.settings);
  const tc = (f: number) => frameToTimecode(f, fps, { dropFrame });
  const start = startFrame(p, opts.startHour ?? 1);
  const reels = reelNames(rows);
  const lines = [`TITLE: ${edlText(opts.title ?? `${p.name} — ${scene.name}`)}`, `FCM: ${dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`, ''];
  rows.forEach((r, i) => {
    const event = String(i + 1).padStart(3, '0');
    const reel = reels.get(r.cameraId)!;
    const src = `${tc(r.in)} ${tc(r.in + r.durationFrames)}`;
    const rec = `${tc(start + r.recordIn)} ${tc(start + r.recordIn + r.durationFrames)}`;
    lines.push(`${event}  ${reel.padEnd(8)} ${'V'.padEnd(5)} ${'C'.padEnd(8)} ${src} ${rec}`);
    lines.push(`* FROM CLIP NAME: ${edlText(`${r.number} ${r.name}`)}`);
    lines.push(`* CAMERA: ${edlText(r.cameraName)} · LENS ${Number(r.focalLengthMm.toFixed(2))} MM · TAKE ${r.take}`);
    if (r.notes.trim()) lines.push(`* COMMENT: ${edlText(r.notes).slice(0, 200)}`);
    lines.push('');
  });
  // CRLF: what Avid's EDL Manager and most conform tools write and all of them read
  return lines.join('\r\n');
}
