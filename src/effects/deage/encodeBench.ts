// Times the ways a de-aged frame can be stored, on one real de-aged frame, side by side in one run (for
// tests/bench/deage.bench.ts): what the effect wrote before patches (a full PNG of the output and of the
// mask at deflate level 2, zipped), what it writes now for video (patches), and now for stills (a full PNG
// at level 1 plus the mask's box). Runs wherever it is called (the bench calls it on the page's thread).
import { zipSync } from 'fflate';
import { decodePng, encodePng, type Raster } from '../plates/png';
import { applyPatch, framePatch, maskPatch, PatchWriter, readPatches } from './patches';

export interface EncodeTiming {
  scheme: string;
  medianMs: number;
  bytes: number;
}

function maskRaster(mask: Uint8Array, w: number, h: number): Raster {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < mask.length; i++) {
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = mask[i]!;
    data[4 * i + 3] = 255;
  }
  return { width: w, height: h, data };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `before` is the plate frame; `stored` a bench run's output (patches) whose frame 0 is that frame de-aged. */
export function encodeBench(before: Raster, stored: { bytes: Uint8Array; maskBytes: Uint8Array }, repeats = 3): EncodeTiming[] {
  const out = readPatches(stored.bytes);
  const rect = out.index.frames[0];
  const png = out.png(0);
  if (!rect || !png) throw new Error('the bench output changed nothing on frame 0');
  const after = applyPatch(before, rect, decodePng(png));
  const masks = readPatches(stored.maskBytes);
  const mrect = masks.index.frames[0];
  const mpng = masks.png(0);
  const { width: w, height: h } = before;
  const mask = new Uint8Array(w * h);
  if (mrect && mpng) {
    const m = decodePng(mpng);
    for (let y = 0; y < mrect.h; y++) for (let x = 0; x < mrect.w; x++) mask[(mrect.y + y) * w + mrect.x + x] = m.data[(y * mrect.w + x) * 4]!;
  }
  const schemes: [string, () => number][] = [
    [
      'before: full PNG (level 2) of output and mask, zipped',
      () => {
        const f = encodePng(after, 2);
        const m = encodePng(maskRaster(mask, w, h), 2);
        return zipSync({ 'frame_00000.png': f }, { level: 0 }).length + zipSync({ 'mask_00000.png': m }, { level: 0 }).length;
      },
    ],
    [
      'now, video: patch of changed pixels + mask box (PNG level 1)',
      () => {
        const p = new PatchWriter(w, h, 'over-plate');
        p.add(framePatch(before, after));
        const m = new PatchWriter(w, h, 'over-black');
        m.add(maskPatch(mask, w, h));
        return p.finish().length + m.finish().length;
      },
    ],
    [
      'now, still: full PNG (level 1) + mask box',
      () => {
        const f = encodePng(after, 1);
        const m = new PatchWriter(w, h, 'over-black');
        m.add(maskPatch(mask, w, h));
        return f.length + m.finish().length;
      },
    ],
  ];
  const times = schemes.map(() => [] as number[]);
  const sizes = schemes.map(() => 0);
  // interleaved, so a busy machine slows every scheme alike
  for (let r = 0; r < repeats; r++)
    schemes.forEach(([, run], i) => {
      const t0 = performance.now();
      sizes[i] = run();
      times[i]!.push(performance.now() - t0);
    });
  return schemes.map(([scheme], i) => ({ scheme, medianMs: median(times[i]!), bytes: sizes[i]! }));
}
