// PNG container: walk chunks, check CRCs, build iTXt (XMP) and our private bundle chunk, splice them in.
// Spec: PNG (Third Edition) §5 chunk layout, §11.3.3.4 iTXt; XMP Part 3 §1.1.5 (keyword "XML:com.adobe.xmp").
import { ascii, concatBytes, fromUtf8, readU32BE, utf8, writeU32BE } from './bindBytes';

export const PNG_SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
/** ancillary (p), private (r), reserved bit clear (V), safe-to-copy (s): decoders skip it. */
export const PNG_BUNDLE_CHUNK = 'prVs';
export const XMP_KEYWORD = 'XML:com.adobe.xmp';

export interface PngChunk {
  type: string;
  /** offset of the chunk's length field in the file */
  start: number;
  /** total bytes: length + type + data + crc */
  size: number;
  data: Uint8Array;
  crcOk: boolean;
}

let crcTable: Uint32Array | null = null;
function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42), over the given views in order. */
export function crc32(...views: Uint8Array[]): number {
  const t = table();
  let c = 0xffffffff;
  for (const v of views) for (let i = 0; i < v.length; i++) c = (t[(c ^ (v[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((v, i) => bytes[i] === v);
}

/** Walks every chunk. Throws with the offset on a truncated or malformed file. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new Error('not a PNG file (bad signature)');
  const chunks: PngChunk[] = [];
  let o = 8;
  while (o < bytes.length) {
    if (o + 12 > bytes.length) throw new Error(`PNG truncated: chunk header at byte ${o}`);
    const len = readU32BE(bytes, o);
    if (len > 0x7fffffff || o + 12 + len > bytes.length) throw new Error(`PNG truncated: chunk at byte ${o} runs past the end`);
    const type = ascii(bytes, o + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`PNG malformed: bad chunk type at byte ${o}`);
    const typeAndData = bytes.subarray(o + 4, o + 8 + len);
    const crc = readU32BE(bytes, o + 8 + len);
    chunks.push({ type, start: o, size: 12 + len, data: bytes.subarray(o + 8, o + 8 + len), crcOk: crc32(typeAndData) === crc });
    o += 12 + len;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR') throw new Error('PNG malformed: first chunk is not IHDR');
  if (chunks[chunks.length - 1]?.type !== 'IEND') throw new Error('PNG truncated: no IEND chunk');
  if (o !== bytes.length) throw new Error(`PNG has ${bytes.length - o} bytes after IEND`);
  return chunks;
}

export function buildPngChunk(type: string, data: Uint8Array): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`bad PNG chunk type ${type}`);
  const out = new Uint8Array(12 + data.length);
  writeU32BE(out, 0, data.length);
  out.set(utf8(type), 4);
  out.set(data, 8);
  writeU32BE(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Uncompressed iTXt with empty language tag and translated keyword, as XMP Part 3 asks. */
export function buildITxt(keyword: string, text: string): Uint8Array {
  const kw = utf8(keyword);
  if (kw.length < 1 || kw.length > 79) throw new Error('iTXt keyword must be 1–79 bytes');
  const body = concatBytes([kw, new Uint8Array([0, 0, 0, 0, 0]), utf8(text)]);
  return buildPngChunk('iTXt', body);
}

export function parseITxt(data: Uint8Array): { keyword: string; compressed: boolean; text: string } {
  const z = data.indexOf(0);
  if (z < 1) throw new Error('iTXt without keyword');
  const keyword = ascii(data, 0, z);
  const compressed = data[z + 1] === 1;
  const langEnd = data.indexOf(0, z + 3);
  if (langEnd < 0) throw new Error('iTXt malformed (language tag)');
  const transEnd = data.indexOf(0, langEnd + 1);
  if (transEnd < 0) throw new Error('iTXt malformed (translated keyword)');
  return { keyword, compressed, text: compressed ? '' : fromUtf8(data.subarray(transEnd + 1)) };
}

export function isXmpChunk(c: PngChunk): boolean {
  if (c.type !== 'iTXt') return false;
  const z = c.data.indexOf(0);
  return z === XMP_KEYWORD.length && ascii(c.data, 0, z) === XMP_KEYWORD;
}

/**
 * Rebuilds the PNG with our XMP iTXt right after IHDR (replacing any earlier XMP packet and any earlier
 * bundle chunk, so a re-export does not stack packets). Every other chunk is copied byte for byte.
 * Returns the file and where the bundle chunk will go (just before IEND).
 */
export function withPngXmp(png: Uint8Array, xmp: string): { bytes: Uint8Array; bundleAt: number } {
  const chunks = readPngChunks(png);
  const out: Uint8Array[] = [PNG_SIGNATURE];
  for (const c of chunks) {
    if (c.type === PNG_BUNDLE_CHUNK || isXmpChunk(c) || c.type === 'IEND') continue;
    out.push(png.subarray(c.start, c.start + c.size));
    if (c.type === 'IHDR') out.push(buildITxt(XMP_KEYWORD, xmp));
  }
  const body = concatBytes(out);
  const iend = buildPngChunk('IEND', new Uint8Array(0));
  return { bytes: concatBytes([body, iend]), bundleAt: body.length };
}

/** Inserts the bundle chunk at `at` (a chunk boundary, as returned by withPngXmp). */
export function insertPngBundle(png: Uint8Array, at: number, bundle: Uint8Array): Uint8Array {
  return concatBytes([png.subarray(0, at), buildPngChunk(PNG_BUNDLE_CHUNK, bundle), png.subarray(at)]);
}

/** Human name for a chunk in a mismatch message. */
export function describePngChunk(type: string): string {
  if (type === 'IDAT') return 'pixel data';
  if (type === 'IHDR') return 'image header';
  if (type === 'iTXt') return 'text/XMP';
  if (type === 'PLTE') return 'palette';
  return 'chunk';
}
