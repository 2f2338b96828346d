// GLB (binary glTF 2.0) container: header + chunks. Readers must skip chunk types they do not know
// (glTF 2.0 §4.4.3.3), so the signed bundle travels in its own trailing chunk.
import { ascii, concatBytes, fromUtf8, readU32LE, utf8, writeU32LE } from './bindBytes';

export const GLB_MAGIC = 0x46546c67; // 'glTF'
export const CHUNK_JSON = 0x4e4f534a; // 'JSON'
export const CHUNK_BIN = 0x004e4942; // 'BIN\0'
export const CHUNK_BUNDLE = 0x53565250; // 'PRVS'

export interface GlbChunk {
  type: number;
  /** offset of the chunk's length field */
  start: number;
  /** header (8) + data */
  size: number;
  data: Uint8Array;
}

export function isGlb(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && readU32LE(bytes, 0) === GLB_MAGIC;
}

export function readGlb(bytes: Uint8Array): { version: number; declaredLength: number; chunks: GlbChunk[] } {
  if (!isGlb(bytes)) throw new Error('not a GLB file (bad magic)');
  const version = readU32LE(bytes, 4);
  if (version !== 2) throw new Error(`GLB version ${version} is not 2`);
  const declaredLength = readU32LE(bytes, 8);
  const chunks: GlbChunk[] = [];
  let o = 12;
  while (o < bytes.length) {
    if (o + 8 > bytes.length) throw new Error(`GLB truncated: chunk header at byte ${o}`);
    const len = readU32LE(bytes, o);
    const type = readU32LE(bytes, o + 4);
    if (o + 8 + len > bytes.length) throw new Error(`GLB truncated: chunk at byte ${o} runs past the end`);
    if (len % 4 !== 0) throw new Error(`GLB malformed: chunk at byte ${o} is not 4-byte aligned`);
    chunks.push({ type, start: o, size: 8 + len, data: bytes.subarray(o + 8, o + 8 + len) });
    o += 8 + len;
  }
  if (chunks[0]?.type !== CHUNK_JSON) throw new Error('GLB malformed: first chunk is not JSON');
  return { version, declaredLength, chunks };
}

export function chunkName(type: number): string {
  if (type === CHUNK_JSON) return 'JSON';
  if (type === CHUNK_BIN) return 'BIN';
  if (type === CHUNK_BUNDLE) return 'PRVS';
  const b = new Uint8Array(4);
  writeU32LE(b, 0, type);
  const s = ascii(b, 0, 4);
  return /^[\x20-\x7e]{4}$/.test(s) ? s : `0x${type.toString(16)}`;
}

export function glbJson(bytes: Uint8Array): Record<string, unknown> {
  const { chunks } = readGlb(bytes);
  return JSON.parse(fromUtf8((chunks[0] as GlbChunk).data)) as Record<string, unknown>;
}

function chunk(type: number, data: Uint8Array, pad: number): Uint8Array {
  const len = Math.ceil(data.length / 4) * 4;
  const out = new Uint8Array(8 + len).fill(pad, 8 + data.length);
  writeU32LE(out, 0, len);
  writeU32LE(out, 4, type);
  out.set(data, 8);
  return out;
}

/** Builds a GLB; JSON and the bundle are padded with spaces, binary chunks with zeros (§4.4.3.2). */
export function buildGlb(json: unknown, bin: Uint8Array | null, extra: { type: number; data: Uint8Array }[] = []): Uint8Array {
  const parts = [chunk(CHUNK_JSON, utf8(JSON.stringify(json)), 0x20)];
  if (bin) parts.push(chunk(CHUNK_BIN, bin, 0));
  for (const e of extra) parts.push(chunk(e.type, e.data, e.type === CHUNK_BUNDLE ? 0x20 : 0));
  const body = concatBytes(parts);
  const header = new Uint8Array(12);
  writeU32LE(header, 0, GLB_MAGIC);
  writeU32LE(header, 4, 2);
  writeU32LE(header, 8, 12 + body.length);
  return concatBytes([header, body]);
}

/** Appends the bundle chunk and fixes the header's total length (which the binding excludes, see bindParts). */
export function appendGlbBundle(glb: Uint8Array, bundle: Uint8Array): Uint8Array {
  const out = concatBytes([glb, chunk(CHUNK_BUNDLE, bundle, 0x20)]);
  writeU32LE(out, 8, out.length);
  return out;
}

/** Drops an earlier bundle chunk (re-export) and returns the GLB without it, header length fixed. */
export function withoutGlbBundle(glb: Uint8Array): Uint8Array {
  const { chunks } = readGlb(glb);
  const kept = chunks.filter((c) => c.type !== CHUNK_BUNDLE).map((c) => glb.subarray(c.start, c.start + c.size));
  const out = concatBytes([glb.subarray(0, 12), ...kept]);
  writeU32LE(out, 8, out.length);
  return out;
}
