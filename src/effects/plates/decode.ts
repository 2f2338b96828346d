// Decoding plates in the browser (main thread or worker): stills with createImageBitmap, video frame-exact
// through VideoClip (mediabunny on WebCodecs). Frames come out as RGBA8 rasters, the same shape the Node PNG decoder gives.
import type { Raster } from './png';
import { PlateImportError, checkPlateSize, type Sniffed } from './sniff';


type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function rasterOf(source: CanvasImageSource, width: number, height: number): Raster {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
  if (!ctx) throw new PlateImportError('this browser cannot read pixels back (no 2D canvas)');
  ctx.drawImage(source, 0, 0, width, height);
  const img = ctx.getImageData(0, 0, width, height);
  return { width, height, data: img.data };
}

export async function decodeStill(name: string, bytes: Uint8Array, mime: string): Promise<Raster> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch (e) {
    throw new PlateImportError(`${name} could not be decoded as ${mime}: the file is damaged or truncated (${(e as Error).message})`);
  }
  try {
    checkPlateSize(name, bitmap.width, bitmap.height, 1);
    return rasterOf(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

export interface VideoPlate {
  width: number;
  height: number;
  frameCount: number;
  fps: number;
  /** frames in presentation order, [start, end) by index */
  frames(start?: number, end?: number): AsyncGenerator<Raster>;
  dispose(): void;
}

export async function openVideo(name: string, bytes: Uint8Array): Promise<VideoPlate> {
  // mediabunny loads with the first video plate, not with the page
  const { VideoClip } = await import('./clip');
  const clip = await VideoClip.open(name, bytes);
  return {
    width: clip.width,
    height: clip.height,
    frameCount: clip.frameCount,
    fps: clip.fps,
    // starts at the key frame before `start`, not at the head of the file
    frames: (start = 0, end = clip.frameCount) => clip.rasters(start, end),
    dispose: () => clip.dispose(),
  };
}

export async function firstFrame(name: string, bytes: Uint8Array, sniffed: Sniffed): Promise<{ raster: Raster; frameCount: number; fps: number }> {
  if (sniffed.mediaKind === 'image') return { raster: await decodeStill(name, bytes, sniffed.mime), frameCount: 1, fps: 24 };
  const video = await openVideo(name, bytes);
  try {
    for await (const raster of video.frames(0, 1)) return { raster, frameCount: video.frameCount, fps: video.fps };
    throw new PlateImportError(`${name}: the first frame could not be decoded`);
  } finally {
    video.dispose();
  }
}
