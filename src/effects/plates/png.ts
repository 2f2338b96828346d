// PNG decoding/encoding for Node (tests, CLI, benches, model builds) where createImageBitmap does not exist,
// through fast-png; the browser decodes plates with createImageBitmap. Both give the same RGBA8 raster.
import { decode, encode, convertIndexedToRgb } from 'fast-png';
import { PNG_SIGNATURE } from '../../core/export/pngChunks';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row-major, no padding */
  data: Uint8ClampedArray;
}

export class PlateDecodeError extends Error {}

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function decodePng(bytes: Uint8Array, maxPixels = 16384 * 16384): Raster {
  if (!isPng(bytes)) throw new PlateDecodeError('not a PNG file (bad signature)');
  // IHDR is the first chunk (PNG §5.6): check the size before the decoder allocates for it
  if (bytes.length >= 24) {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const w = v.getUint32(16), h = v.getUint32(20);
    if (w * h > maxPixels) throw new PlateDecodeError(`PNG is ${w}×${h}, larger than the limit`);
  }
  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch (e) {
    throw new PlateDecodeError(`PNG could not be decoded: ${(e as Error).message}`);
  }
  const { width, height, channels, depth } = png;
  const data = new Uint8ClampedArray(width * height * 4);
  if (png.palette) {
    // indexed: fast-png expands the palette (and tRNS) to RGB or RGBA
    const rgb = convertIndexedToRgb(png);
    const k = rgb.length / (width * height);
    for (let i = 0, d = 0; d < data.length; i += k, d += 4) {
      data[d] = rgb[i]!;
      data[d + 1] = rgb[i + 1]!;
      data[d + 2] = rgb[i + 2]!;
      data[d + 3] = k === 4 ? rgb[i + 3]! : 255;
    }
    return { width, height, data };
  }
  if (depth !== 8 && depth !== 16) throw new PlateDecodeError(`PNG bit depth ${depth} with ${channels} channel(s) is not supported`);
  const src = png.data;
  const shift = depth === 16 ? 8 : 0;
  for (let p = 0, d = 0; d < data.length; p += channels, d += 4) {
    const s = (c: number) => src[p + c]! >> shift;
    const grey = channels <= 2;
    data[d] = s(0);
    data[d + 1] = grey ? s(0) : s(1);
    data[d + 2] = grey ? s(0) : s(2);
    data[d + 3] = channels === 2 ? s(1) : channels === 4 ? s(3) : 255;
  }
  return { width, height, data };
}

/** RGBA8 → PNG. Used to write reviewable outputs from Node tests and benches. */
export function encodePng(r: Raster, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  return encode({ width: r.width, height: r.height, data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength), depth: 8, channels: 4 }, { zlib: { level } });
}
