// Animatic export speed: wall time to render + encode one shot of the demo, as a multiple of the shot's
// running time (goal ≥ 2× real time at 1080p). Variants in the same page and run: 1080p with and without
// the burn-in slate, and 720p; the render share tells whether the software WebGL or the encoder bounds it.
import type { BenchContext, BenchRow } from './types';
import { openApp } from '../e2e/harness';

interface Run {
  frames: number;
  totalMs: number;
  renderMs: number;
  codec: string;
  bytes: number;
}

export default async function animaticBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1100, height: 760 } });
  const frames = ctx.quick ? 24 : 96;
  try {
    const run = (width: number, height: number, burnIn: boolean, antialias = true) =>
      app.page.evaluate(
        async ([width, height, burnIn, frames, antialias]) => {
          const h = (globalThis as any).__previs;
          const s = h.projectStore.getState();
          const p = s.project;
          const scene = p.scenes[s.activeSceneId];
          const first = scene.shots[scene.shotOrder[0]];
          // the demo's first shot, trimmed to the bench length
          const shot = { ...first, out: first.in + frames };
          const q = { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...scene, shots: { [shot.id]: shot }, shotOrder: [shot.id] } } };
          const f = await h.animatic.renderAnimaticFile(q, { width, height, burnIn, antialias });
          return { frames: f.frames, totalMs: f.timings.totalMs, renderMs: f.timings.renderMs, codec: `${f.container}/${f.codec}`, bytes: f.bytes.length } as Run;
        },
        [width, height, burnIn, frames, antialias] as const,
      );
    const fps = 24;
    const shotSeconds = frames / fps;
    // warm-up: shader compilation and encoder start-up are paid once per export, not per frame
    await run(640, 360, false);
    const hd = await run(1920, 1080, false);
    const hdSlate = await run(1920, 1080, true);
    const sd = await run(1280, 720, false);
    const noAa = await run(1920, 1080, false, false);
    const speed = (r: Run) => shotSeconds / (r.totalMs / 1000);
    const row = (variant: string, r: Run): BenchRow[] => [
      {
        variant,
        metric: 'speed vs real time',
        value: speed(r),
        unit: '× real time',
        ratio: speed(r) / speed(hd),
        goal: variant.startsWith('1920×1080 ') ? '≥ 2×' : undefined,
        note: `${r.frames} fr in ${(r.totalMs / 1000).toFixed(2)} s, ${r.codec}, ${(r.bytes / 1024).toFixed(0)} KB`,
      },
      { variant, metric: 'render share', value: (100 * r.renderMs) / r.totalMs, unit: '%', note: 'main-thread WebGL render + VideoFrame capture' },
    ];
    return [...row('1920×1080 H.264', hd), ...row('1920×1080 + burn-in', hdSlate), ...row('1280×720', sd), ...row('1920×1080 no MSAA', noAa)];
  } finally {
    await app.close();
  }
}
