// De-age ms per frame at 512², 1080p and 4K, on WASM and on WebGPU, side by side, in Chromium. Each size is
// the public-domain astronaut portrait scaled to the frame height (a medium close-up), run as a short clip:
// the face is detected on frame 1 and tracked after, so the steady-state frames are what a shot costs.
// Goal (issue 7): 1080p ≤ 500 ms per frame on WASM with 2 threads. At 1080p on WASM the same de-aged frame
// is also saved each way the effect has stored frames (full PNGs before; patches of the changed pixels now),
// interleaved in one run, so the rows compare save time and size directly.
// Issue 15 added age cues beyond smoothing (colour cues, mesh warp, edge protection): the 1080p WASM frame is
// also timed with those cues switched off — the previous pipeline — interleaved with the current one.
import { readFileSync } from 'node:fs';
import type { BenchContext, BenchRow } from './types';
import { openApp } from '../e2e/harness';

const SIZES: [string, number, number][] = [
  ['512²', 512, 512],
  ['1080p', 1920, 1080],
  ['4K', 3840, 2160],
];

interface Timing {
  /** median over the tracked frames of track + prepare + model + composite (the effect itself) */
  effectMs: number;
  medianMs: number;
  firstMs: number;
  stages: Record<string, number>;
  backends: string[];
  storage: { scheme: string; medianMs: number; bytes: number }[] | null;
}

export default async function deageBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1280, height: 800 } });
  const frames = ctx.quick ? 4 : 6;
  const png = readFileSync('tests/fixtures/faces/astronaut.png').toString('base64');
  const rows: BenchRow[] = [];
  let base: number | null = null;
  try {
    // warm-up on the face itself at 512²: ORT compiles its wasm, the sessions are created once per worker, and
    // the effect's own JavaScript is compiled by the JIT — a plain grey frame finds no face and warmed none of
    // it, so the first variant timed (the current pipeline) paid that and the previous one, right after, did not
    await app.page.evaluate(async (png) => {
      const hook = (globalThis as any).__previs.deage;
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const data = g.getImageData(0, 0, bmp.width, bmp.height).data;
      // both pipelines, several frames each: a function the JIT has seen in only a few frames is not yet at full
      // speed (three frames still left the current pipeline's first 1080p frames 1.5–3× slow)
      const raster = { width: bmp.width, height: bmp.height, data };
      for (const cues of [hook.DEFAULT_PARAMS.cues, { contrast: 0, lips: 0, warmth: 0, shape: 0 }])
        await hook.benchDeage({ raster, frames: 8, params: { ...hook.DEFAULT_PARAMS, cues }, backend: 'wasm' }).catch(() => undefined);
    }, png);
    const variants: { backend: 'wasm' | 'webgpu'; size: (typeof SIZES)[number]; previous: boolean }[] = [];
    for (const backend of ['wasm', 'webgpu'] as const)
      for (const size of SIZES) {
        variants.push({ backend, size, previous: false });
        // the previous pipeline right after the current one, same frame, same warm worker
        if (backend === 'wasm' && size[0] === '1080p') variants.push({ backend, size, previous: true });
      }
    let current1080: number | null = null;
    for (const { backend, size, previous } of variants) {
      {
        const [label, w, h] = size;
        if (backend === 'webgpu' && ctx.quick && label !== '512²') continue;
        let t: Timing;
        try {
          t = await app.page.evaluate(
            async ({ png, w, h, backend, frames, capMs, storage, previous }) => {
              const hook = (globalThis as any).__previs.deage;
              const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
              const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
              const canvas = new OffscreenCanvas(w, h);
              const g = canvas.getContext('2d')!;
              g.fillStyle = '#7a7d80';
              g.fillRect(0, 0, w, h);
              const s = h / bmp.height;
              g.drawImage(bmp, (w - bmp.width * s) / 2, 0, bmp.width * s, h);
              const data = g.getImageData(0, 0, w, h).data;
              const params = previous ? { ...hook.DEFAULT_PARAMS, cues: { contrast: 0, lips: 0, warmth: 0, shape: 0 } } : { ...hook.DEFAULT_PARAMS };
              // a software WebGPU adapter can take minutes per frame: cap each variant and say so
              const stop = new AbortController();
              const timer = setTimeout(() => stop.abort(), capMs);
              let out: any;
              try {
                out = await hook.benchDeage({ raster: { width: w, height: h, data }, frames, params, backend }, stop.signal);
              } catch (e) {
                throw new Error(stop.signal.aborted ? `did not finish ${frames} frames within ${capMs / 1000} s` : (e as Error).message);
              } finally {
                clearTimeout(timer);
              }
              const steady = out.perFrameMs.slice(1).sort((a: number, b: number) => a - b);
              const n = out.frames;
              const stages: Record<string, number> = {};
              for (const [k, v] of Object.entries(out.stageMs as Record<string, number>)) stages[k] = v / n;
              const effect = (out.effectMs as number[]).slice(1).sort((a: number, b: number) => a - b);
              // frame 0 of the output is this frame de-aged: time each way of saving it
              const saved = storage ? hook.encodeBench({ width: w, height: h, data }, out, storage) : null;
              return {
                effectMs: effect[Math.floor(effect.length / 2)] ?? out.effectMs[0],
                medianMs: steady[Math.floor(steady.length / 2)] ?? out.perFrameMs[0],
                firstMs: out.perFrameMs[0],
                stages,
                backends: [...new Set(out.reports.flatMap((r: any) => r.backendsUsed))] as string[],
                storage: saved,
              };
            },
            { png, w, h, backend, frames, capMs: ctx.quick ? 120_000 : 300_000, storage: backend === 'wasm' && label === '1080p' && !previous ? (ctx.quick ? 3 : 7) : 0, previous },
          );
        } catch (e) {
          rows.push({ variant: `${label} ${backend}${previous ? ' previous pipeline' : ''}`, metric: 'ms/frame', value: NaN, unit: 'ms', note: `failed: ${(e as Error).message.slice(0, 120)}` });
          continue;
        }
        if (backend === 'wasm' && label === '512²') base = t.effectMs;
        if (previous) {
          rows.push({
            variant: `${label} ${backend} previous pipeline (no age cues)`,
            metric: 'effect ms/frame (tracked)',
            value: t.effectMs,
            unit: 'ms',
            ratio: current1080 ? current1080 / t.effectMs : undefined,
            note: `ratio = current ÷ previous at 1080p WASM; ran on ${t.backends.join('+')}`,
          });
          continue;
        }
        if (backend === 'wasm' && label === '1080p') current1080 = t.effectMs;
        const stages = Object.entries(t.stages)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ');
        rows.push({
          variant: `${label} ${backend}`,
          metric: 'effect ms/frame (tracked)',
          value: t.effectMs,
          unit: 'ms',
          ratio: base ? t.effectMs / base : undefined,
          goal: label === '1080p' && backend === 'wasm' ? '≤ 500 ms' : undefined,
          note: `with saving (patches) ${t.medianMs.toFixed(0)} ms; first frame (detect) ${t.firstMs.toFixed(0)} ms; mean per stage: ${stages}; ran on ${t.backends.join('+')}`,
        });
        const before = t.storage?.[0];
        for (const row of t.storage ?? []) {
          rows.push({
            variant: `${label} save: ${row.scheme}`,
            metric: 'save ms/frame',
            value: row.medianMs,
            unit: 'ms',
            ratio: before ? row.medianMs / before.medianMs : undefined,
            note: `${(row.bytes / 1024).toFixed(0)} KiB per frame (output + mask); same de-aged frame for every scheme`,
          });
        }
      }
    }
  } finally {
    await app.close();
  }
  return rows;
}
