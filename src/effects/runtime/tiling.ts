// Runs a fixed-size model over a larger image in overlapping tiles and blends them back with feathered weights,
// as the model card's tiling rules say. A band of overlap/4 at each inner tile edge gets weight zero, so a
// model whose receptive field stays inside that band leaves no seam at all; the rest of the overlap is a
// linear ramp. Pure: no ORT, no DOM; the caller supplies `runTile`.
import type { Tiling } from './modelCard';
import type { Feeds, TensorData } from './types';

type TiledRules = Extract<Tiling, { mode: 'tiled' }>;

export interface TileOrigin {
  y: number;
  x: number;
}

/** Tile origins along one axis: every `tile - overlap`, the last one flush with the end. */
export function axisOrigins(size: number, tile: number, overlap: number): number[] {
  if (size <= tile) return [0];
  const stride = tile - overlap;
  const out: number[] = [];
  for (let p = 0; p + tile < size; p += stride) out.push(p);
  out.push(size - tile);
  return out;
}

export function planTiles(height: number, width: number, rules: TiledRules): TileOrigin[] {
  const ys = axisOrigins(height, rules.tile[0], rules.overlap);
  const xs = axisOrigins(width, rules.tile[1], rules.overlap);
  return ys.flatMap((y) => xs.map((x) => ({ y, x })));
}

/** Weight of a pixel `d` pixels from an inner tile edge (an edge that has a neighbour). */
export function featherWeight(d: number, overlap: number): number {
  const guard = Math.floor(overlap / 4);
  const ramp = overlap - 2 * guard;
  if (d < guard) return 0;
  if (ramp <= 0) return 1;
  return Math.min(1, (d - guard + 0.5) / ramp);
}

function padIndex(i: number, size: number, pad: TiledRules['pad']): number {
  if (i >= 0 && i < size) return i;
  if (pad === 'zero') return -1;
  if (pad === 'edge') return Math.min(size - 1, Math.max(0, i));
  // reflect without repeating the edge pixel, as numpy's 'reflect'
  const period = 2 * (size - 1) || 1;
  let m = ((i % period) + period) % period;
  if (m >= size) m = period - m;
  return m;
}

/** Crops (and pads) an NCHW float tensor to one tile. */
export function cropTile(t: TensorData, origin: TileOrigin, th: number, tw: number, pad: TiledRules['pad']): TensorData {
  const [n = 1, c = 1, h = 1, w = 1] = t.dims;
  const src = t.data as Float32Array;
  const out = new Float32Array(n * c * th * tw);
  for (let p = 0; p < n * c; p++) {
    for (let y = 0; y < th; y++) {
      const sy = padIndex(origin.y + y, h, pad);
      for (let x = 0; x < tw; x++) {
        const sx = padIndex(origin.x + x, w, pad);
        out[(p * th + y) * tw + x] = sy < 0 || sx < 0 ? 0 : src[(p * h + sy) * w + sx]!;
      }
    }
  }
  return { dtype: 'float32', dims: [n, c, th, tw], data: out };
}

export interface TiledJob {
  tiles: TileOrigin[];
  height: number;
  width: number;
}

export function tiledJob(feeds: Feeds, rules: TiledRules): TiledJob {
  const image = feeds[rules.imageInput];
  if (!image) throw new Error(`tiling: the card's imageInput "${rules.imageInput}" is not among the feeds`);
  if (image.dims.length !== 4 || image.dtype !== 'float32') {
    throw new Error(`tiling: "${rules.imageInput}" must be a float32 NCHW tensor, got ${image.dtype} [${image.dims.join(', ')}]`);
  }
  const height = image.dims[2]!;
  const width = image.dims[3]!;
  return { tiles: planTiles(height, width, rules), height, width };
}

/** The feeds for one tile: every NCHW input the size of the image is cropped alike; others pass through. */
export function tileFeeds(feeds: Feeds, job: TiledJob, origin: TileOrigin, rules: TiledRules): Feeds {
  const out: Feeds = {};
  for (const [name, t] of Object.entries(feeds)) {
    const spatial = t.dims.length === 4 && t.dims[2] === job.height && t.dims[3] === job.width && t.dtype === 'float32';
    out[name] = spatial ? cropTile(t, origin, rules.tile[0], rules.tile[1], rules.pad) : t;
  }
  return out;
}

/** Accumulates tile outputs into full-size outputs with feathered weights. */
export class TileBlender {
  private readonly sums = new Map<string, { acc: Float32Array; dims: number[] }>();
  private readonly weights: Float32Array;

  constructor(
    private readonly job: TiledJob,
    private readonly rules: TiledRules,
  ) {
    this.weights = new Float32Array(job.height * job.width);
  }

  private tileWeight(origin: TileOrigin, y: number, x: number): number {
    const [th, tw] = this.rules.tile;
    const { overlap } = this.rules;
    const inner = (lo: boolean, at: number, size: number, limit: number) => (lo ? at > 0 : at + size < limit);
    let w = 1;
    if (inner(true, origin.y, th, this.job.height)) w = Math.min(w, featherWeight(y, overlap));
    if (inner(false, origin.y, th, this.job.height)) w = Math.min(w, featherWeight(th - 1 - y, overlap));
    if (inner(true, origin.x, tw, this.job.width)) w = Math.min(w, featherWeight(x, overlap));
    if (inner(false, origin.x, tw, this.job.width)) w = Math.min(w, featherWeight(tw - 1 - x, overlap));
    return w;
  }

  add(origin: TileOrigin, outputs: Record<string, TensorData>): void {
    const [th, tw] = this.rules.tile;
    const { height: H, width: W } = this.job;
    for (let y = 0; y < th && origin.y + y < H; y++) {
      for (let x = 0; x < tw && origin.x + x < W; x++) this.weights[(origin.y + y) * W + origin.x + x]! += this.tileWeight(origin, y, x);
    }
    for (const [name, t] of Object.entries(outputs)) {
      if (t.dims.length !== 4 || t.dims[2] !== th || t.dims[3] !== tw || t.dtype !== 'float32') {
        throw new Error(`tiling: output "${name}" [${t.dims.join(', ')}] is not a float32 NCHW tile of ${th}×${tw}`);
      }
      const planes = t.dims[0]! * t.dims[1]!;
      let entry = this.sums.get(name);
      if (!entry) {
        entry = { acc: new Float32Array(planes * H * W), dims: [t.dims[0]!, t.dims[1]!, H, W] };
        this.sums.set(name, entry);
      }
      const src = t.data as Float32Array;
      for (let y = 0; y < th && origin.y + y < H; y++) {
        for (let x = 0; x < tw && origin.x + x < W; x++) {
          const w = this.tileWeight(origin, y, x);
          if (w === 0) continue;
          const pix = (origin.y + y) * W + origin.x + x;
          for (let p = 0; p < planes; p++) entry.acc[p * H * W + pix]! += w * src[(p * th + y) * tw + x]!;
        }
      }
    }
  }

  finish(): Record<string, TensorData> {
    const out: Record<string, TensorData> = {};
    const plane = this.job.height * this.job.width;
    for (const [name, { acc, dims }] of this.sums) {
      for (let i = 0; i < acc.length; i++) {
        const w = this.weights[i % plane]!;
        acc[i] = w > 0 ? acc[i]! / w : 0;
      }
      out[name] = { dtype: 'float32', dims, data: acc };
    }
    return out;
  }
}
