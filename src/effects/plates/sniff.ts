// What kind of plate a file is, judged by its bytes (never by its name alone), and whether it is small
// enough to take in. Pure: used by the import path in the browser and by unit tests.
export type PlateFormat = 'png' | 'jpeg' | 'webp' | 'mp4' | 'webm';

export interface Sniffed {
  format: PlateFormat;
  mediaKind: 'image' | 'video';
  mime: string;
}

/** Limits: a 16-bit 8K still or a few minutes of 4K footage; beyond that a plate belongs in an online edit. */
export const PLATE_LIMITS = {
  imageBytes: 200 * 1024 * 1024,
  videoBytes: 1024 * 1024 * 1024,
  maxSide: 8192,
  maxFrames: 20_000,
} as const;

export class PlateImportError extends Error {}

const MIME: Record<PlateFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

export function sniffPlate(bytes: Uint8Array): Sniffed | null {
  let format: PlateFormat | null = null;
  if (bytes.length >= 8 && [137, 80, 78, 71, 13, 10, 26, 10].every((v, i) => bytes[i] === v)) format = 'png';
  else if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) format = 'jpeg';
  else if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') format = 'webp';
  else if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') format = 'mp4';
  else if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) format = 'webm';
  if (!format) return null;
  return { format, mediaKind: format === 'mp4' || format === 'webm' ? 'video' : 'image', mime: MIME[format] };
}

/** Throws a PlateImportError that says what is wrong with the file, in words a user can act on. */
export function checkPlateFile(name: string, bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) throw new PlateImportError(`${name} is empty`);
  const s = sniffPlate(bytes);
  if (!s) {
    throw new PlateImportError(`${name} is not a PNG, JPEG, WebP, MP4 or WebM file (its first bytes do not match any of them)`);
  }
  const limit = s.mediaKind === 'image' ? PLATE_LIMITS.imageBytes : PLATE_LIMITS.videoBytes;
  if (bytes.length > limit) {
    throw new PlateImportError(`${name} is ${(bytes.length / 2 ** 20).toFixed(0)} MiB; ${s.mediaKind} plates are limited to ${limit / 2 ** 20} MiB`);
  }
  return s;
}

export function checkPlateSize(name: string, width: number, height: number, frames: number): void {
  if (!(width >= 1 && height >= 1)) throw new PlateImportError(`${name} has no picture (size ${width}×${height})`);
  if (width > PLATE_LIMITS.maxSide || height > PLATE_LIMITS.maxSide) {
    throw new PlateImportError(`${name} is ${width}×${height}; plates are limited to ${PLATE_LIMITS.maxSide} pixels a side`);
  }
  if (frames > PLATE_LIMITS.maxFrames) throw new PlateImportError(`${name} has ${frames} frames; plates are limited to ${PLATE_LIMITS.maxFrames}`);
}
