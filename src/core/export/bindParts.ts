// Dissects an exported file into the parts the binding hashes. Every byte outside the bundle unit belongs to
// exactly one part (C2PA data-hash style, with the bundle's own chunk/box as the exclusion). Offsets are given
// in the file as it is without the bundle unit, so the bundle's length never feeds back into what it signs.
// GLB's total-length header field also changes with the bundle; it is excluded and checked structurally instead.
// A C2PA manifest store (PNG caBX, MP4 C2PA uuid box) is signed after our bundle and covers it; it is a second
// exclusion, and offsets are then in the file without both units (c2pa/units.ts).
import { fromUtf8, readU32LE, sha256Hex } from './bindBytes';
import { describePngChunk, isPng, isXmpChunk, parseITxt, PNG_BUNDLE_CHUNK, readPngChunks } from './pngChunks';
import { BUNDLE_UUID, boxLabel, boxPayload, describeMp4Box, isMp4, readMp4Boxes, XMP_UUID, type Mp4Box } from './mp4Boxes';
import { CHUNK_BUNDLE, CHUNK_JSON, chunkName, isGlb, readGlb } from './glbContainer';
import { C2PA_UUID, chunkOffsetsWithout, PNG_C2PA_CHUNK, type C2paUnit } from './c2pa/units';

export type Container = 'png' | 'mp4' | 'glb';

export interface BindPart {
  /** stable name, e.g. "IDAT[2]", "moov/trak[0]/mdia/minf/stbl/stts", "BIN" */
  name: string;
  /** what the part holds, for people: "pixel data", "timing", … */
  what: string;
  start: number;
  length: number;
  sha256: string;
}

export interface Dissection {
  container: Container;
  fileLength: number;
  parts: BindPart[];
  /** where the bundle unit sits (same in the file and in the bundle-less coordinates), null if absent */
  bundleAt: number | null;
  bundlePayload: Uint8Array | null;
  /** XMP packet text (PNG/MP4) or the glTF JSON text (GLB, which holds its packets) */
  xmp: string | null;
  /** structural faults found while walking (bad CRC, duplicate bundle, wrong GLB length …) */
  faults: string[];
  /** the C2PA manifest store, if the file has one (PNG and MP4) */
  c2pa?: C2paUnit | null;
}

export function sniffContainer(bytes: Uint8Array): Container | null {
  if (isPng(bytes)) return 'png';
  if (isGlb(bytes)) return 'glb';
  if (isMp4(bytes)) return 'mp4';
  return null;
}

interface Span {
  name: string;
  what: string;
  /** real offset in the file */
  start: number;
  length: number;
  /** what to hash instead of the file's bytes (chunk offsets as they were before the C2PA unit went in) */
  content?: Uint8Array;
  /** an stco/co64 box, whose offsets a C2PA unit ahead of the media moves */
  offsets?: Mp4Box;
}

/** A host may hash some ranges itself, e.g. a large media box streamed from disk instead of held in memory. */
export type RangeHasher = (start: number, length: number) => Promise<string> | null;
let rangeHasher: RangeHasher | null = null;
export function useRangeHasher(h: RangeHasher | null): void {
  rangeHasher = h;
}

interface Excluded {
  start: number;
  size: number;
}

/** An offset in the file as it is without the excluded units (our bundle, a C2PA store). */
function bindOffset(at: number, excluded: readonly Excluded[]): number {
  let o = at;
  for (const e of excluded) if (e.start < at) o -= e.size;
  return o;
}

async function hashSpans(bytes: Uint8Array, spans: Span[], excluded: readonly Excluded[]): Promise<BindPart[]> {
  return Promise.all(
    spans.map(async (s) => ({
      name: s.name,
      what: s.what,
      start: bindOffset(s.start, excluded),
      length: s.length,
      sha256: await (s.content ? sha256Hex(s.content) : (rangeHasher?.(s.start, s.length) ?? sha256Hex(bytes.subarray(s.start, s.start + s.length)))),
    })),
  );
}

const excludedOf = (...units: (Excluded | null)[]): Excluded[] => units.filter((u): u is Excluded => u !== null);

function numbered(counts: Map<string, number>, key: string): string {
  const n = counts.get(key) ?? 0;
  counts.set(key, n + 1);
  return `${key}[${n}]`;
}

async function dissectPng(bytes: Uint8Array): Promise<Dissection> {
  const chunks = readPngChunks(bytes);
  const faults: string[] = [];
  const spans: Span[] = [{ name: 'signature', what: 'PNG signature', start: 0, length: 8 }];
  const counts = new Map<string, number>();
  let bundleAt: number | null = null;
  let bundleSize = 0;
  let bundlePayload: Uint8Array | null = null;
  let xmp: string | null = null;
  let c2pa: C2paUnit | null = null;
  for (const c of chunks) {
    if (c.type === PNG_C2PA_CHUNK && !c2pa) {
      // signed by its own manifest (c2pa-rs checks it); a second one is an ordinary, unsigned-for chunk below
      c2pa = { unit: 'caBX chunk', start: c.start, size: c.size };
      continue;
    }
    const xmpChunk = isXmpChunk(c);
    const label = xmpChunk ? 'iTXt(XMP)' : c.type;
    if (!c.crcOk) faults.push(`${label} chunk at byte ${c.start}: CRC mismatch`);
    if (c.type === PNG_BUNDLE_CHUNK) {
      if (bundlePayload) {
        faults.push('more than one disclosure bundle chunk');
        spans.push({ name: numbered(counts, label), what: 'extra bundle chunk', start: c.start, length: c.size });
        continue;
      }
      bundleAt = c.start;
      bundleSize = c.size;
      bundlePayload = c.data;
      continue;
    }
    if (xmpChunk) {
      if (xmp !== null) faults.push('more than one XMP packet');
      else xmp = parseITxt(c.data).text;
    }
    spans.push({ name: numbered(counts, label), what: xmpChunk ? 'XMP summary' : describePngChunk(c.type), start: c.start, length: c.size });
  }
  const excluded = excludedOf(bundleAt !== null ? { start: bundleAt, size: bundleSize } : null, c2pa);
  return {
    container: 'png',
    fileLength: bytes.length,
    parts: await hashSpans(bytes, spans, excluded),
    bundleAt: bundleAt !== null ? bindOffset(bundleAt, excluded) : null,
    bundlePayload,
    xmp,
    faults,
    c2pa,
  };
}

function mp4Spans(boxes: Mp4Box[], prefix: string, out: Span[], bundle: { box: Mp4Box | null; extra: number; c2pa: Mp4Box | null }): void {
  const counts = new Map<string, number>();
  for (const b of boxes) {
    if (prefix === '' && b.type === 'uuid' && b.uuid === C2PA_UUID && !bundle.c2pa) {
      bundle.c2pa = b;
      continue;
    }
    const label = boxLabel(b);
    const name = `${prefix}${numbered(counts, label)}`.replace(/\[0\]$/, '');
    if (prefix === '' && b.type === 'uuid' && b.uuid === BUNDLE_UUID) {
      if (!bundle.box) {
        bundle.box = b;
        continue;
      }
      bundle.extra++;
    }
    if (b.children) {
      out.push({ name: `${name}@header`, what: describeMp4Box(name), start: b.start, length: b.headerSize });
      mp4Spans(b.children, `${name}/`, out, bundle);
    } else {
      out.push({ name, what: describeMp4Box(name), start: b.start, length: b.size, ...(b.type === 'stco' || b.type === 'co64' ? { offsets: b } : {}) });
    }
  }
}

async function dissectMp4(bytes: Uint8Array): Promise<Dissection> {
  const boxes = readMp4Boxes(bytes);
  const spans: Span[] = [];
  const bundle = { box: null as Mp4Box | null, extra: 0, c2pa: null as Mp4Box | null };
  mp4Spans(boxes, '', spans, bundle);
  const c2paBox = bundle.c2pa;
  const c2pa: C2paUnit | null = c2paBox ? { unit: 'C2PA uuid box', start: c2paBox.start, size: c2paBox.size } : null;
  for (const s of spans) {
    const box = s.offsets;
    delete s.offsets;
    // chunk offsets are read as they were before the C2PA box went in ahead of the media
    if (box && c2pa) s.content = chunkOffsetsWithout(bytes.subarray(box.start, box.start + box.size), box.type as 'stco' | 'co64', box.headerSize, c2pa.start, c2pa.size);
  }
  const faults: string[] = [];
  if (bundle.extra > 0) faults.push('more than one disclosure bundle box');
  if (!boxes.some((b) => b.type === 'moov')) faults.push('no moov box');
  const xmpBoxes = boxes.filter((b) => b.type === 'uuid' && b.uuid === XMP_UUID);
  if (xmpBoxes.length > 1) faults.push('more than one XMP packet');
  const xmpBox = xmpBoxes[0];
  const box = bundle.box;
  const excluded = excludedOf(box ? { start: box.start, size: box.size } : null, c2pa);
  return {
    container: 'mp4',
    fileLength: bytes.length,
    parts: await hashSpans(bytes, spans, excluded),
    bundleAt: box ? bindOffset(box.start, excluded) : null,
    bundlePayload: box ? boxPayload(bytes, box) : null,
    xmp: xmpBox ? fromUtf8(boxPayload(bytes, xmpBox)) : null,
    faults,
    c2pa,
  };
}

async function dissectGlb(bytes: Uint8Array): Promise<Dissection> {
  const { chunks, declaredLength } = readGlb(bytes);
  const faults: string[] = [];
  if (declaredLength !== bytes.length) faults.push(`GLB header length ${declaredLength} ≠ file length ${bytes.length}`);
  // bytes 8..12 (total length) are excluded: they necessarily change when the bundle chunk is added
  const spans: Span[] = [{ name: 'header', what: 'GLB magic and version', start: 0, length: 8 }];
  const counts = new Map<string, number>();
  let bundleAt: number | null = null;
  let bundleSize = 0;
  let bundlePayload: Uint8Array | null = null;
  for (const c of chunks) {
    if (c.type === CHUNK_BUNDLE && !bundlePayload) {
      bundleAt = c.start;
      bundleSize = c.size;
      bundlePayload = c.data;
      continue;
    }
    if (c.type === CHUNK_BUNDLE) faults.push('more than one disclosure bundle chunk');
    const label = chunkName(c.type);
    const what = c.type === CHUNK_JSON ? 'scene JSON (nodes, cameras, XMP packets)' : label === 'BIN' ? 'geometry/buffer data' : 'chunk';
    spans.push({ name: numbered(counts, label).replace(/\[0\]$/, ''), what, start: c.start, length: c.size });
  }
  const json = chunks[0] ? fromUtf8(chunks[0].data) : null;
  if (readU32LE(bytes, 4) !== 2) faults.push('GLB version is not 2');
  return { container: 'glb', fileLength: bytes.length, parts: await hashSpans(bytes, spans, excludedOf(bundleAt !== null ? { start: bundleAt, size: bundleSize } : null)), bundleAt, bundlePayload, xmp: json, faults, c2pa: null };
}

/** Throws (with a reason) only when the file is not a readable PNG/MP4/GLB at all. */
export async function dissect(bytes: Uint8Array): Promise<Dissection> {
  const kind = sniffContainer(bytes);
  if (kind === 'png') return dissectPng(bytes);
  if (kind === 'mp4') return dissectMp4(bytes);
  if (kind === 'glb') return dissectGlb(bytes);
  throw new Error('not a PNG, MP4 or GLB file');
}
