// A CMX 3600 reader for tests, written from the format (not from our writer): header lines, event lines
// of fixed fields (event, reel, track, transition, source in/out, record in/out), "*" comments attached to
// the event above. No maintained CMX 3600 parser is published on npm (looked up December 2026), so this
// reader stands in; its timecodes are turned into frames by the smpte-timecode package, not by our code.
import Timecode from 'smpte-timecode';

export interface EdlEvent {
  event: number;
  reel: string;
  track: string;
  transition: string;
  srcIn: number;
  srcOut: number;
  recIn: number;
  recOut: number;
  /** the timecode text as written */
  timecodes: string[];
  comments: string[];
  clipName: string | null;
}

export interface EdlReadBack {
  title: string | null;
  dropFrame: boolean | null;
  events: EdlEvent[];
}

const EVENT = /^(\d{3,6})\s+(\S{1,32})\s+(V|A|A2|AA|B|A\d+|AA\/V|A\/V)\s+(C|D|W\d{3}|K|KB|KO)\s+(?:\d{3}\s+)?(\d{2}:\d{2}:\d{2}[:;]\d{2})\s+(\d{2}:\d{2}:\d{2}[:;]\d{2})\s+(\d{2}:\d{2}:\d{2}[:;]\d{2})\s+(\d{2}:\d{2}:\d{2}[:;]\d{2})\s*$/;

export function readEdl(text: string, rate: [number, number]): EdlReadBack {
  const out: EdlReadBack = { title: null, dropFrame: null, events: [] };
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    let m: RegExpExecArray | null;
    if ((m = /^TITLE:\s*(.*)$/.exec(line))) out.title = m[1]!;
    else if ((m = /^FCM:\s*(DROP FRAME|NON-DROP FRAME)$/.exec(line))) out.dropFrame = m[1] === 'DROP FRAME';
    else if (line.startsWith('*')) {
      const ev = out.events.at(-1);
      if (!ev) throw new Error(`line ${i + 1}: comment before any event`);
      ev.comments.push(line.slice(1).trim());
      const clip = /^\*\s*FROM CLIP NAME:\s*(.*)$/.exec(line);
      if (clip) ev.clipName = clip[1]!;
    } else if ((m = EVENT.exec(line))) {
      if (out.dropFrame === null) throw new Error(`line ${i + 1}: event before FCM`);
      const tcs = [m[5]!, m[6]!, m[7]!, m[8]!];
      const frames = tcs.map((tc) => {
        if ((tc[8] === ';') !== out.dropFrame) throw new Error(`line ${i + 1}: ${tc} disagrees with FCM`);
        return new Timecode(tc, rate, out.dropFrame!).frameCount;
      });
      out.events.push({ event: Number(m[1]), reel: m[2]!, track: m[3]!, transition: m[4]!, srcIn: frames[0]!, srcOut: frames[1]!, recIn: frames[2]!, recOut: frames[3]!, timecodes: tcs, comments: [], clipName: null });
    } else throw new Error(`line ${i + 1}: not a CMX 3600 line: ${JSON.stringify(line)}`);
  }
  return out;
}
