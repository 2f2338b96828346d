// The big viewer's maths, pure so it is tested in Node: where a source pixel lands in the viewer (zoom and pan),
// zooming about the cursor, fitting, the wipe and side-by-side split, and the difference image.
// Units: canvas pixels (device pixels). screen = offset + zoom × source. At 1:1 and above the offset is kept
// whole, so every source pixel covers exactly zoom × zoom canvas pixels (nearest neighbour, no blur).

export interface View {
  /** canvas pixels per source pixel */
  zoom: number;
  /** canvas position of the source's top-left corner */
  ox: number;
  oy: number;
}

export const MIN_ZOOM = 1 / 32;
export const MAX_ZOOM = 64;
/** the steps the zoom buttons and keys go through */
export const ZOOM_STEPS = [1 / 8, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** At 1:1 and above the image sits on whole canvas pixels; below it, anywhere. */
export function snap(v: View): View {
  return v.zoom >= 1 ? { zoom: v.zoom, ox: Math.round(v.ox), oy: Math.round(v.oy) } : v;
}

/** The whole source inside a box of w × h canvas pixels, centred. */
export function fitView(srcW: number, srcH: number, w: number, h: number): View {
  if (srcW <= 0 || srcH <= 0 || w <= 0 || h <= 0) return { zoom: 1, ox: 0, oy: 0 };
  const zoom = clampZoom(Math.min(w / srcW, h / srcH));
  return snap({ zoom, ox: (w - srcW * zoom) / 2, oy: (h - srcH * zoom) / 2 });
}

/** A given zoom with the source centred in the box (1:1, 2×…). */
export function centredView(srcW: number, srcH: number, w: number, h: number, zoom: number): View {
  const z = clampZoom(zoom);
  return snap({ zoom: z, ox: (w - srcW * z) / 2, oy: (h - srcH * z) / 2 });
}

/** Zooms to `zoom` keeping the source point under canvas point (ax, ay) where it is. */
export function zoomAbout(v: View, zoom: number, ax: number, ay: number): View {
  const z = clampZoom(zoom);
  const sx = (ax - v.ox) / v.zoom;
  const sy = (ay - v.oy) / v.zoom;
  return snap({ zoom: z, ox: ax - sx * z, oy: ay - sy * z });
}

/** The next zoom step in or out from `zoom`. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > zoom * 1.0001) ?? MAX_ZOOM;
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i--) if (ZOOM_STEPS[i]! < zoom / 1.0001) return ZOOM_STEPS[i]!;
  return MIN_ZOOM;
}

export function pan(v: View, dx: number, dy: number): View {
  return snap({ zoom: v.zoom, ox: v.ox + dx, oy: v.oy + dy });
}

/** The source pixel under canvas point (x, y), or null off the image. */
export function sourcePixelAt(v: View, x: number, y: number, srcW: number, srcH: number): { x: number; y: number } | null {
  const sx = Math.floor((x - v.ox) / v.zoom);
  const sy = Math.floor((y - v.oy) / v.zoom);
  return sx >= 0 && sy >= 0 && sx < srcW && sy < srcH ? { x: sx, y: sy } : null;
}

/** The canvas rectangle source pixel (sx, sy) covers. */
export function pixelRect(v: View, sx: number, sy: number): { x: number; y: number; w: number; h: number } {
  return { x: v.ox + sx * v.zoom, y: v.oy + sy * v.zoom, w: v.zoom, h: v.zoom };
}

/** The zoom as people say it: "1:1", "4:1", "1:2", or a percentage between steps. */
export function zoomLabel(zoom: number): string {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  if (zoom >= 1 && near(zoom, Math.round(zoom))) return `${Math.round(zoom)}:1`;
  if (zoom < 1 && near(1 / zoom, Math.round(1 / zoom))) return `1:${Math.round(1 / zoom)}`;
  return `${Math.round(zoom * 100)} %`;
}

/** The wipe line's canvas x for a wipe position (0…1 of the box width). */
export const wipeX = (wipe: number, w: number): number => Math.round(Math.min(1, Math.max(0, wipe)) * w);

/** Which picture canvas column x shows in a wipe: A left of the line, B from it on. */
export const wipeSideAt = (x: number, wipe: number, w: number): 'a' | 'b' => (x < wipeX(wipe, w) ? 'a' : 'b');

/** Side by side: two halves of a w-wide box, each showing the same view of its picture. */
export function sideHalves(w: number): { a: { x: number; w: number }; b: { x: number; w: number } } {
  const half = Math.floor(w / 2);
  return { a: { x: 0, w: half }, b: { x: half, w: w - half } };
}

export interface DifferenceStats {
  /** largest absolute channel difference, 0…255 */
  max: number;
  /** share of pixels where any channel differs */
  changed: number;
}

/**
 * |A − B| per channel, multiplied by `gain` (clamped to 255), opaque. Pictures of different sizes are refused:
 * a difference of unaligned pictures would be a lie.
 */
export function difference(a: { width: number; height: number; data: ArrayLike<number> }, b: { width: number; height: number; data: ArrayLike<number> }, gain: number): { data: Uint8ClampedArray; stats: DifferenceStats } {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`the pictures differ in size (${a.width}×${a.height} and ${b.width}×${b.height}); a difference needs the same size`);
  }
  const n = a.width * a.height;
  const out = new Uint8ClampedArray(n * 4);
  let max = 0;
  let changed = 0;
  for (let p = 0; p < n; p++) {
    let any = false;
    for (let c = 0; c < 3; c++) {
      const i = p * 4 + c;
      const d = Math.abs(a.data[i]! - b.data[i]!);
      if (d > max) max = d;
      if (d) any = true;
      out[i] = d * gain;
    }
    out[p * 4 + 3] = 255;
    if (any) changed++;
  }
  return { data: out, stats: { max, changed: n ? changed / n : 0 } };
}

/** Next frame index for a step of `by` frames, held inside 0…count−1. */
export const stepFrame = (frame: number, by: number, count: number): number => Math.min(Math.max(0, count - 1), Math.max(0, frame + by));
