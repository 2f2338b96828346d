// A plain PNG decoder/encoder for Node (tests, CLI, benches) where createImageBitmap does not exist.
// The browser decodes plates with createImageBitmap; both produce the same RGBA8 raster.
import { unzlibSync, zlibSync } from 'fflate';
import { concatBytes } from '../../core/export/bindBytes';
import { buildPngChunk, PNG_SIGNATURE } from '../../core/export/pngChunks';

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

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Uint8Array, maxPixels = 16384 * 16384): Raster {
  if (!isPng(bytes)) throw new PlateDecodeError('not a PNG file (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let palette: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= bytes.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const body = bytes.subarray(pos + 8, pos + 8 + len);
    if (body.length !== len) throw new PlateDecodeError(`PNG is truncated inside its ${type} chunk`);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      depth = body[8]!;
      colour = body[9]!;
      if (body[12] !== 0) throw new PlateDecodeError('interlaced PNG is not supported; re-save it without interlacing');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!width || !height) throw new PlateDecodeError('PNG has no image header');
  if (width * height > maxPixels) throw new PlateDecodeError(`PNG is ${width}×${height}, larger than the limit`);
  if (depth !== 8 && depth !== 16 && !(colour === 3 && depth <= 8)) {
    throw new PlateDecodeError(`PNG bit depth ${depth} with colour type ${colour} is not supported`);
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour];
  if (!channels) throw new PlateDecodeError(`PNG colour type ${colour} is unknown`);
  const total = idat.reduce((a, c) => a + c.length, 0);
  const packed = new Uint8Array(total);
  let o = 0;
  for (const c of idat) {
    packed.set(c, o);
    o += c.length;
  }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(packed);
  } catch {
    throw new PlateDecodeError('PNG image data is corrupt (inflate failed)');
  }
  const bitsPerPixel = channels * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  if (raw.length < height * (stride + 1)) throw new PlateDecodeError('PNG image data is shorter than its header says');
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev ? prev[x]! : 0;
      const c = prev && x >= bpp ? prev[x - bpp]! : 0;
      const v = src[x]!;
      let r: number;
      if (filter === 0) r = v;
      else if (filter === 1) r = v + a;
      else if (filter === 2) r = v + b;
      else if (filter === 3) r = v + ((a + b) >> 1);
      else if (filter === 4) r = v + paeth(a, b, c);
      else throw new PlateDecodeError(`PNG row ${y} has unknown filter ${filter}`);
      row[x] = r & 255;
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  const sample = (y: number, i: number): number => {
    // i-th sample of the row, scaled to 8 bits
    if (depth === 16) return pixels[y * stride + 2 * i]!;
    if (depth === 8) return pixels[y * stride + i]!;
    const perByte = 8 / depth;
    const byte = pixels[y * stride + Math.floor(i / perByte)]!;
    const shift = 8 - depth * ((i % perByte) + 1);
    return (byte >> shift) & ((1 << depth) - 1);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = (y * width + x) * 4;
      if (colour === 3) {
        const idx = sample(y, x);
        if (!palette || idx * 3 + 2 >= palette.length) throw new PlateDecodeError('PNG palette index out of range');
        data[d] = palette[idx * 3]!;
        data[d + 1] = palette[idx * 3 + 1]!;
        data[d + 2] = palette[idx * 3 + 2]!;
        data[d + 3] = trns && idx < trns.length ? trns[idx]! : 255;
      } else {
        const s = (k: number) => sample(y, x * channels + k);
        const grey = colour === 0 || colour === 4;
        data[d] = s(0);
        data[d + 1] = grey ? s(0) : s(1);
        data[d + 2] = grey ? s(0) : s(2);
        data[d + 3] = colour === 4 ? s(1) : colour === 6 ? s(3) : 255;
      }
    }
  }
  return { width, height, data };
}

/** RGBA8 → PNG (filter 0). Used to write reviewable outputs from Node tests and benches. */
export function encodePng(r: Raster, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const stride = r.width * 4;
  const raw = new Uint8Array(r.height * (stride + 1));
  for (let y = 0; y < r.height; y++) raw.set(r.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, r.width);
  hv.setUint32(4, r.height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return concatBytes([
    PNG_SIGNATURE,
    buildPngChunk('IHDR', ihdr),
    buildPngChunk('IDAT', zlibSync(raw, { level })),
    buildPngChunk('IEND', new Uint8Array(0)),
  ]);
}
