// Reading a still (PNG or JPEG, judged by its bytes) into the RGBA raster the de-age pipeline takes, in Node,
// where the browser's createImageBitmap does not exist.
import jpeg from 'jpeg-js';
import { decodePng, isPng, type Raster } from '../effects/plates/png';
import { PLATE_LIMITS } from '../effects/plates/sniff';

export class StillReadError extends Error {}

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

export function decodeStillBytes(name: string, bytes: Uint8Array): Raster {
  try {
    if (isPng(bytes)) return decodePng(bytes, PLATE_LIMITS.maxSide * PLATE_LIMITS.maxSide);
    if (isJpeg(bytes)) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: (PLATE_LIMITS.maxSide * PLATE_LIMITS.maxSide) / 1e6, maxMemoryUsageInMB: 1024 });
      return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength) };
    }
  } catch (e) {
    throw new StillReadError(`${name} could not be decoded: ${(e as Error).message}`);
  }
  throw new StillReadError(`${name} is neither a PNG nor a JPEG (judged by its first bytes)`);
}
