// Frames for review: the plate ("before") and a de-age layer's output and mask ("after"), as ImageData,
// decoded on demand from the asset store. Stills are one frame; video plates and zipped bakes are per frame.
import { unzipSync } from 'fflate';
import { getAssetBytes } from '../../store/assets';
import { decodeStill, openVideo } from '../../effects/plates/decode';
import { sniffPlate } from '../../effects/plates/sniff';
import type { Raster } from '../../effects/plates/png';

async function bytesOf(hash: string): Promise<Uint8Array> {
  const b = await getAssetBytes(hash);
  if (!b) throw new Error(`asset ${hash.slice(0, 12)}… is missing from this browser's store`);
  return b;
}

const frameName = (prefix: string, i: number) => `${prefix}_${String(i).padStart(5, '0')}.png`;

/** Frame `i` of an asset: a still (any i), a video, or a zip of `frame_`/`mask_` PNGs. */
export async function assetFrame(hash: string, i: number, zipPrefix: 'frame' | 'mask' = 'frame'): Promise<Raster> {
  const bytes = await bytesOf(hash);
  const s = sniffPlate(bytes);
  if (s?.mediaKind === 'image') return decodeStill('frame', bytes, s.mime);
  if (s?.mediaKind === 'video') {
    const video = await openVideo('plate', bytes);
    try {
      for await (const r of video.frames(i, i + 1)) return r;
      throw new Error(`the plate has no frame ${i}`);
    } finally {
      video.dispose();
    }
  }
  const name = frameName(zipPrefix, i);
  const files = unzipSync(bytes, { filter: (f) => f.name === name });
  const png = files[name];
  if (!png) throw new Error(`the bake has no ${name}`);
  return decodeStill(name, png, 'image/png');
}

export function toImageData(r: Raster): ImageData {
  return new ImageData(new Uint8ClampedArray(r.data), r.width, r.height);
}
