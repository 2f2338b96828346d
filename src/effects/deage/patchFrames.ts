// De-aged frames in the browser: a layer's stored patches (patches.ts) decoded to bitmaps and drawn over
// the plate's frame. Also reads the zip-of-full-frames outputs written before patches existed, so older
// projects still play. Readers and recent patch bitmaps are cached by asset hash and frame.
import { unzipSync } from 'fflate';
import { getAssetBytes } from '../../store/assets';
import { isPatches, readPatches, type PatchRect, type PatchReader } from './patches';

type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

interface Stored {
  kind: 'patches' | 'legacy-zip';
  patches: PatchReader | null;
  files: Record<string, Uint8Array> | null;
}

const readers = new Map<string, Promise<Stored>>();
const bitmaps = new Map<string, Promise<{ bitmap: ImageBitmap; rect: PatchRect | null } | null>>();
const KEEP_READERS = 4;
const KEEP_BITMAPS = 48;

function lru<V>(m: Map<string, V>, key: string, make: () => V, keep: number, drop?: (v: V) => void): V {
  const hit = m.get(key);
  if (hit !== undefined) {
    m.delete(key);
    m.set(key, hit);
    return hit;
  }
  const v = make();
  m.set(key, v);
  while (m.size > keep) {
    const [k, old] = m.entries().next().value as [string, V];
    m.delete(k);
    drop?.(old);
  }
  return v;
}

function stored(hash: string): Promise<Stored> {
  return lru(readers, hash, async (): Promise<Stored> => {
    const bytes = await getAssetBytes(hash);
    if (!bytes) throw new Error(`de-age output ${hash.slice(0, 12)}… is not in this browser's store`);
    if (isPatches(bytes)) return { kind: 'patches', patches: readPatches(bytes), files: null };
    return { kind: 'legacy-zip', patches: null, files: unzipSync(bytes) };
  }, KEEP_READERS);
}

const decode = (png: Uint8Array) => createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'default' });

/** Frame `i` of a stored output (or mask, `legacyPrefix` 'mask'): its bitmap and where it goes (null rect = whole frame). */
export function outputFrame(hash: string, i: number, legacyPrefix: 'frame' | 'mask' = 'frame'): Promise<{ bitmap: ImageBitmap; rect: PatchRect | null } | null> {
  return lru(
    bitmaps,
    `${hash}:${i}:${legacyPrefix}`,
    async () => {
      const s = await stored(hash);
      if (s.patches) {
        const png = s.patches.png(i);
        const rect = s.patches.index.frames[i];
        if (i < 0 || i >= s.patches.index.frames.length) throw new Error(`the de-age output has no frame ${i}`);
        return png && rect ? { bitmap: await decode(png), rect } : null;
      }
      const name = `${legacyPrefix}_${String(i).padStart(5, '0')}.png`;
      const png = s.files?.[name];
      if (!png) throw new Error(`the de-age output has no ${name}`);
      return { bitmap: await decode(png), rect: null };
    },
    KEEP_BITMAPS,
    (p) => void p.then((v) => v?.bitmap.close(), () => undefined),
  );
}

/** Draws frame `i` of a stored output over whatever `g` holds (the plate frame, or black for a mask). */
export async function drawOutputFrame(g: Ctx2D, hash: string, i: number, legacyPrefix: 'frame' | 'mask' = 'frame'): Promise<void> {
  const f = await outputFrame(hash, i, legacyPrefix);
  if (!f) return;
  if (f.rect) g.drawImage(f.bitmap, f.rect.x, f.rect.y);
  else g.drawImage(f.bitmap, 0, 0);
}

/** How many frames a stored output holds. */
export async function outputFrameCount(hash: string): Promise<number> {
  const s = await stored(hash);
  if (s.patches) return s.patches.index.frames.length;
  return Object.keys(s.files ?? {}).filter((n) => n.startsWith('frame_')).length;
}
