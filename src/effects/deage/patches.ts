// How a de-aged clip is stored: per frame, only the pixels the effect changed, as a PNG of their bounding
// box whose alpha is 255 where the output differs from the plate and 0 where it does not. Playback draws
// the patch over the plate's own frame, so everything outside the change is the plate itself, bit for bit,
// and a 1080p frame costs a face-sized PNG instead of a full one. The frames sit in a plain zip (stored,
// not deflated again) with an index; the asset's hash is the hash of this zip. Pure: worker, Node, browser.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { encodePng, type Raster } from '../plates/png';
import { markedBox, type MarkedBox } from '../plates/markedBox';

export const PATCHES_MIME = 'application/vnd.previs.frame-patches+zip';
const INDEX = 'patches.json';
const FORMAT = 'previs.frame-patches';

export interface PatchRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PatchIndex {
  format: typeof FORMAT;
  version: 1;
  /** 'over-plate': alpha marks changed pixels; 'over-black': a mask, black outside its box */
  base: 'over-plate' | 'over-black';
  width: number;
  height: number;
  /** one entry per frame; null when nothing changed in that frame */
  frames: (PatchRect | null)[];
}

export const patchName = (i: number) => `p_${String(i).padStart(5, '0')}.png`;

function crop(src: Raster, r: PatchRect): Uint8ClampedArray {
  const out = new Uint8ClampedArray(r.w * r.h * 4);
  for (let y = 0; y < r.h; y++) out.set(src.data.subarray(((r.y + y) * src.width + r.x) * 4, ((r.y + y) * src.width + r.x + r.w) * 4), y * r.w * 4);
  return out;
}

/** The box of pixels where `after` differs from `before` (RGBA compared), or null when none do. */
export function changedRect(before: Raster, after: Raster): PatchRect | null {
  const { width: w, height: h } = before;
  const a = new Uint32Array(before.data.buffer, before.data.byteOffset, w * h);
  const b = new Uint32Array(after.data.buffer, after.data.byteOffset, w * h);
  return asRect(markedBox(w, h, (i) => a[i] !== b[i]));
}

const asRect = (box: MarkedBox | null): PatchRect | null => (box ? { x: box.x0, y: box.y0, w: box.x1 - box.x0 + 1, h: box.y1 - box.y0 + 1 } : null);

/** A frame's patch: the changed box of `after`, alpha 0 (and black) where it equals `before`. */
export function framePatch(before: Raster, after: Raster): { rect: PatchRect; raster: Raster } | null {
  const rect = changedRect(before, after);
  if (!rect) return null;
  const data = crop(after, rect);
  const base = crop(before, rect);
  const d = new Uint32Array(data.buffer);
  const s = new Uint32Array(base.buffer);
  for (let i = 0; i < d.length; i++) if (d[i] === s[i]) d[i] = 0;
  return { rect, raster: { width: rect.w, height: rect.h, data } };
}

/** A mask's patch: the box of its non-zero pixels as opaque grey. */
export function maskPatch(mask: Uint8Array, width: number, height: number): { rect: PatchRect; raster: Raster } | null {
  const rect = asRect(markedBox(width, height, (i) => mask[i] !== 0));
  if (!rect) return null;
  const data = new Uint8ClampedArray(rect.w * rect.h * 4);
  for (let y = 0; y < rect.h; y++)
    for (let x = 0; x < rect.w; x++) {
      const v = mask[(rect.y + y) * width + rect.x + x]!;
      const o = (y * rect.w + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = v;
      data[o + 3] = 255;
    }
  return { rect, raster: { width: rect.w, height: rect.h, data } };
}

/** Collects frame patches and packs them. PNG deflate level 1: the patch is written once per run. */
export class PatchWriter {
  private readonly files: Record<string, Uint8Array> = {};
  private readonly frames: (PatchRect | null)[] = [];

  constructor(private readonly width: number, private readonly height: number, private readonly base: PatchIndex['base'], private readonly level: 0 | 1 | 2 | 6 = 1) {}

  add(patch: { rect: PatchRect; raster: Raster } | null): void {
    const i = this.frames.length;
    this.frames.push(patch?.rect ?? null);
    if (patch) this.files[patchName(i)] = encodePng(patch.raster, this.level);
  }

  get count(): number {
    return this.frames.length;
  }

  finish(): Uint8Array {
    const index: PatchIndex = { format: FORMAT, version: 1, base: this.base, width: this.width, height: this.height, frames: this.frames };
    // the PNGs are deflated already: store them, so packing costs a copy
    return zipSync({ [INDEX]: strToU8(JSON.stringify(index)), ...this.files }, { level: 0 });
  }
}

export interface PatchReader {
  index: PatchIndex;
  /** the PNG of frame i's patch, or null when that frame changed nothing */
  png(i: number): Uint8Array | null;
}

export class PatchFormatError extends Error {}

export function isPatches(bytes: Uint8Array): boolean {
  // a zip whose first entry is the index (fflate writes entries in insertion order)
  return bytes.length > 30 && bytes[0] === 0x50 && bytes[1] === 0x4b && strFromU8(bytes.subarray(30, 30 + INDEX.length)) === INDEX;
}

export function readPatches(bytes: Uint8Array): PatchReader {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new PatchFormatError(`the de-age output is not a readable patch file (${(e as Error).message})`);
  }
  const raw = files[INDEX];
  if (!raw) throw new PatchFormatError('the de-age output has no patches.json');
  const index = JSON.parse(strFromU8(raw)) as PatchIndex;
  if (index.format !== FORMAT || index.version !== 1) throw new PatchFormatError(`unknown patch format ${index.format} v${index.version}`);
  return {
    index,
    png: (i) => (index.frames[i] ? (files[patchName(i)] ?? null) : null),
  };
}

/** `base` with a decoded patch drawn over it (alpha 0 keeps the base pixel). For Node; the browser draws. */
export function applyPatch(base: Raster, rect: PatchRect, patch: Raster): Raster {
  const data = new Uint8ClampedArray(base.data);
  for (let y = 0; y < rect.h; y++)
    for (let x = 0; x < rect.w; x++) {
      const s = (y * rect.w + x) * 4;
      if (patch.data[s + 3] === 0) continue;
      const d = ((rect.y + y) * base.width + rect.x + x) * 4;
      data[d] = patch.data[s]!;
      data[d + 1] = patch.data[s + 1]!;
      data[d + 2] = patch.data[s + 2]!;
      data[d + 3] = patch.data[s + 3]!;
    }
  return { width: base.width, height: base.height, data };
}
