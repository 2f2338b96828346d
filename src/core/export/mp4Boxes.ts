// ISO BMFF (MP4) boxes: walk them, build uuid boxes, add the XMP packet and our bundle without moving media.
// New boxes go at the end of the file so no chunk offset (stco/co64, tfhd) changes. A packet left by an earlier
// export is overwritten in place by a `free` box of the same size for the same reason.
// Spec: ISO/IEC 14496-12 §4.2 box header; XMP Part 3 §1.2.7 (top-level uuid box BE7ACFCB-97A9-42E8-9C71-999491E3AFAC).
import { ascii, concatBytes, fromHex, readU32BE, toHex, utf8, writeU32BE } from './bindBytes';

export const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';
/** our own box: random v4 UUID whose last six bytes spell "previz" */
export const BUNDLE_UUID = 'a5d3f4e26b1c4c7e9f0a70726576697a';

export interface Mp4Box {
  type: string;
  /** lowercase hex usertype for `uuid` boxes */
  uuid: string | null;
  start: number;
  size: number;
  /** bytes of header (8, 16 for largesize, +16 for uuid) */
  headerSize: number;
  children: Mp4Box[] | null;
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex', 'moof', 'traf', 'udta', 'mfra']);

/** Reads the boxes in [start, end), recursing into plain container boxes. Throws on a malformed header. */
export function readMp4Boxes(bytes: Uint8Array, start = 0, end = bytes.length, depth = 0): Mp4Box[] {
  const boxes: Mp4Box[] = [];
  let o = start;
  while (o < end) {
    if (o + 8 > end) throw new Error(`MP4 truncated: box header at byte ${o}`);
    let size = readU32BE(bytes, o);
    const type = ascii(bytes, o + 4, 4);
    let headerSize = 8;
    if (size === 1) {
      if (o + 16 > end) throw new Error(`MP4 truncated: largesize at byte ${o}`);
      const hi = readU32BE(bytes, o + 8);
      const lo = readU32BE(bytes, o + 12);
      size = hi * 2 ** 32 + lo;
      headerSize = 16;
    } else if (size === 0) {
      size = end - o;
    }
    if (size < headerSize || o + size > end) throw new Error(`MP4 malformed: box '${printable(type)}' at byte ${o} has size ${size} past its parent`);
    let uuid: string | null = null;
    if (type === 'uuid') {
      if (size < headerSize + 16) throw new Error(`MP4 malformed: short uuid box at byte ${o}`);
      uuid = toHex(bytes.subarray(o + headerSize, o + headerSize + 16));
      headerSize += 16;
    }
    const children = CONTAINERS.has(type) && depth < 8 ? readMp4Boxes(bytes, o + headerSize, o + size, depth + 1) : null;
    boxes.push({ type, uuid, start: o, size, headerSize, children });
    o += size;
  }
  return boxes;
}

function printable(type: string): string {
  return /^[\x20-\x7e]{4}$/.test(type) ? type : '????';
}

export function isMp4(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const t = ascii(bytes, 4, 4);
  return t === 'ftyp' || t === 'styp' || t === 'moov';
}

export function buildUuidBox(uuidHex: string, payload: Uint8Array): Uint8Array {
  const size = 8 + 16 + payload.length;
  if (size > 0xffffffff) throw new Error('uuid box too large');
  const out = new Uint8Array(size);
  writeU32BE(out, 0, size);
  out.set(utf8('uuid'), 4);
  out.set(fromHex(uuidHex), 8);
  out.set(payload, 24);
  return out;
}

export function boxPayload(bytes: Uint8Array, box: Mp4Box): Uint8Array {
  return bytes.subarray(box.start + box.headerSize, box.start + box.size);
}

/** Overwrites a box in place with a `free` box of the same size (offsets of later boxes stay valid). */
function freeInPlace(bytes: Uint8Array, box: Mp4Box): void {
  if (box.size >= 2 ** 32) throw new Error('cannot neutralise a >4 GiB metadata box');
  writeU32BE(bytes, box.start, box.size);
  bytes.set(utf8('free'), box.start + 4);
  bytes.fill(0, box.start + 8, box.start + box.size);
}

/**
 * Adds the XMP uuid box at the end and returns where the bundle box goes (right after it, the very end).
 * Earlier XMP/bundle boxes are dropped when they trail the media, or blanked to `free` when they sit before it.
 */
export function withMp4Xmp(mp4: Uint8Array, xmp: string): { bytes: Uint8Array; bundleAt: number } {
  const boxes = readMp4Boxes(mp4);
  if (!boxes.some((b) => b.type === 'moov')) throw new Error('MP4 has no moov box');
  const ours = (b: Mp4Box) => b.type === 'uuid' && (b.uuid === XMP_UUID || b.uuid === BUNDLE_UUID);
  let keepEnd = mp4.length;
  for (let i = boxes.length - 1; i >= 0 && ours(boxes[i] as Mp4Box); i--) keepEnd = (boxes[i] as Mp4Box).start;
  const body = mp4.slice(0, keepEnd);
  for (const b of boxes) if (ours(b) && b.start < keepEnd) freeInPlace(body, b);
  const bytes = concatBytes([body, buildUuidBox(XMP_UUID, utf8(xmp))]);
  return { bytes, bundleAt: bytes.length };
}

export function insertMp4Bundle(mp4: Uint8Array, at: number, bundle: Uint8Array): Uint8Array {
  return concatBytes([mp4.subarray(0, at), buildUuidBox(BUNDLE_UUID, bundle), mp4.subarray(at)]);
}

export function boxLabel(b: Mp4Box): string {
  if (b.type === 'uuid') return b.uuid === XMP_UUID ? 'uuid(XMP)' : `uuid(${b.uuid ?? ''})`;
  return printable(b.type);
}

/** What a box holds, for a mismatch message. */
export function describeMp4Box(path: string): string {
  const leaf = path.split('/').pop() ?? '';
  const name = leaf.replace(/\[\d+\]$/, '');
  if (name === 'mdat') return 'media data';
  if (['stts', 'ctts', 'mvhd', 'mdhd', 'tkhd', 'elst', 'stss'].includes(name)) return 'timing';
  if (['stsz', 'stco', 'co64', 'stsc'].includes(name)) return 'sample table';
  if (name === 'stsd') return 'codec description';
  if (name === 'uuid(XMP)') return 'XMP summary';
  if (name === 'moov') return 'movie header';
  return 'box';
}

export interface Mp4Timing {
  durationSeconds: number;
  videoFrames: number | null;
  timescale: number;
}

function findPath(boxes: Mp4Box[] | null, path: string[]): Mp4Box[] {
  if (!boxes) return [];
  const [head, ...rest] = path;
  const hits = boxes.filter((b) => b.type === head);
  return rest.length === 0 ? hits : hits.flatMap((h) => findPath(h.children, rest));
}

/** Duration from mvhd and the sample count of the first video track (stsz), for the verifier's summary. */
export function readMp4Timing(bytes: Uint8Array): Mp4Timing | null {
  const boxes = readMp4Boxes(bytes);
  const mvhd = findPath(boxes, ['moov', 'mvhd'])[0];
  if (!mvhd) return null;
  const p = mvhd.start + mvhd.headerSize;
  const version = bytes[p];
  const timescale = version === 1 ? readU32BE(bytes, p + 20) : readU32BE(bytes, p + 12);
  const duration = version === 1 ? readU32BE(bytes, p + 24) * 2 ** 32 + readU32BE(bytes, p + 28) : readU32BE(bytes, p + 16);
  let videoFrames: number | null = null;
  for (const trak of findPath(boxes, ['moov', 'trak'])) {
    const hdlr = findPath(trak.children, ['mdia', 'hdlr'])[0];
    if (!hdlr || ascii(bytes, hdlr.start + hdlr.headerSize + 8, 4) !== 'vide') continue;
    const stsz = findPath(trak.children, ['mdia', 'minf', 'stbl', 'stsz'])[0];
    if (stsz) videoFrames = readU32BE(bytes, stsz.start + stsz.headerSize + 8);
    break;
  }
  return { durationSeconds: timescale > 0 ? duration / timescale : 0, videoFrames, timescale };
}
