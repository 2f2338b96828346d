// PNG → RGB for build-time fixtures, through the app's fast-png decoder (alpha dropped, as the models take RGB).
import { decodePng as decodeRgba } from '../../src/effects/plates/png';

export interface RgbImage {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, rows top to bottom */
  rgb: Uint8Array;
}

export function decodePng(file: Uint8Array): RgbImage {
  const { width, height, data } = decodeRgba(file);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(data.subarray(i * 4, i * 4 + 3), i * 3);
  return { width, height, rgb };
}
