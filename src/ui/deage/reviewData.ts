// Frames for review, as rasters decoded on demand from the asset store: the plate ("before"), a de-age
// layer's output over it ("after") and its mask. Stills are one frame. A video plate decodes frame-exact
// through the shared clip cache; a de-aged clip is patches drawn over the plate frame (patches.ts), so
// "after" is built exactly as the viewport shows it. Outputs from before patches (zips of full frames) load too.
import { getAssetBytes } from '../../store/assets';
import { decodeStill } from '../../effects/plates/decode';
import { sniffPlate } from '../../effects/plates/sniff';
import { clipOf } from '../../effects/plates/clipCache';
import { drawOutputFrame, outputFrame as storedFrame } from '../../effects/deage/patchFrames';
import { isPatches, readPatches } from '../../effects/deage/patches';
import type { Raster } from '../../effects/plates/png';

async function bytesOf(hash: string): Promise<Uint8Array> {
  const b = await getAssetBytes(hash);
  if (!b) throw new Error(`asset ${hash.slice(0, 12)}… is missing from this browser's store`);
  return b;
}

function canvas(w: number, h: number): OffscreenCanvasRenderingContext2D {
  const g = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('this browser gives no 2D canvas');
  return g;
}

const rasterOf = (g: OffscreenCanvasRenderingContext2D): Raster => {
  const { width, height } = g.canvas;
  return { width, height, data: g.getImageData(0, 0, width, height).data };
};

/** Frame `i` of a plate asset (a still: any i gives its one frame). */
export async function plateFrame(hash: string, i: number): Promise<Raster> {
  const bytes = await bytesOf(hash);
  const s = sniffPlate(bytes);
  if (s?.mediaKind === 'image') return decodeStill('frame', bytes, s.mime);
  if (s?.mediaKind === 'video') return (await clipOf(hash)).raster(i);
  throw new Error(`asset ${hash.slice(0, 12)}… is not a plate`);
}

/** Frame `i` of a layer output (a PNG still, or patches over plate frame `plateIndex` of `plateHash`). */
export async function outputFrame(outHash: string, i: number, plate: { hash: string; frame: number }): Promise<Raster> {
  const bytes = await bytesOf(outHash);
  const s = sniffPlate(bytes);
  if (s?.mediaKind === 'image') return decodeStill('output', bytes, s.mime);
  const base = await plateFrame(plate.hash, plate.frame);
  const g = canvas(base.width, base.height);
  g.putImageData(new ImageData(new Uint8ClampedArray(base.data), base.width, base.height), 0, 0);
  await drawOutputFrame(g, outHash, i, 'frame');
  return rasterOf(g);
}

/** Frame `i` of a mask (patches over black, or the PNG / zip a still or an older run stored). */
export async function maskFrame(hash: string, i: number): Promise<Raster> {
  const bytes = await bytesOf(hash);
  const s = sniffPlate(bytes);
  if (s?.mediaKind === 'image') return decodeStill('mask', bytes, s.mime);
  // an older run's zip of full-frame masks
  if (!isPatches(bytes)) return legacyMask(hash, i);
  const { width: w, height: h } = readPatches(bytes).index;
  const g = canvas(w, h);
  g.fillStyle = '#000';
  g.fillRect(0, 0, w, h);
  await drawOutputFrame(g, hash, i, 'mask');
  return rasterOf(g);
}

async function legacyMask(hash: string, i: number): Promise<Raster> {
  const f = await storedFrame(hash, i, 'mask');
  if (!f) throw new Error(`the mask has no frame ${i}`);
  const g = canvas(f.bitmap.width, f.bitmap.height);
  g.drawImage(f.bitmap, 0, 0);
  return rasterOf(g);
}

/** Frame `i` of any asset the review shows: a plate, a PNG output, or a mask. For tests and older callers. */
export async function assetFrame(hash: string, i: number, kind: 'frame' | 'mask' = 'frame'): Promise<Raster> {
  return kind === 'mask' ? maskFrame(hash, i) : plateFrame(hash, i);
}

export function toImageData(r: Raster): ImageData {
  return new ImageData(new Uint8ClampedArray(r.data), r.width, r.height);
}
