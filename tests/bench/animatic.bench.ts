// Animatic export speed: wall time to render + encode one shot of the demo, as a multiple of the shot's
// running time (goal ≥ 2× real time at 1080p). Every variant runs in the same page, one after the other,
// so the ratios hold on a shared, noisy machine:
//   - "before": a fresh WebGL context, MSAA on and shadow maps redrawn every frame (last session's default),
//   - the speed-ups one by one: MSAA off (as the viewport on software GL), shadow maps reused when no
//     caster moved, then the viewport's own (paused) renderer instead of a fresh context (no context
//     start-up, no shader compilation: the first frame is where that shows),
//   - the new default, also strictly serial (render, then wait for the encode) and with the VideoFrame made
//     straight from the WebGL canvas instead of through a 2D canvas,
//   - the new default with the burn-in slate, and the 1280×720 draft size.
// Rows: speed (× real time), render share (main thread GL submit + frame capture), shadow-map redraws.
import type { BenchContext, BenchRow } from './types';
import { openApp } from '../e2e/harness';

interface Run {
  frames: number;
  totalMs: number;
  renderMs: number;
  submitMs: number;
  captureMs: number;
  encoderWaitMs: number;
  firstFrameMs: number;
  shadowRedraws: number;
  antialias: boolean;
  viewportContext: boolean;
  codec: string;
  bytes: number;
}

interface Variant {
  name: string;
  width: number;
  height: number;
  burnIn?: boolean;
  antialias?: boolean;
  reuseShadows?: boolean;
  capture?: 'canvas2d' | 'direct';
  maxInFlight?: number;
  context?: 'viewport' | 'own';
}

const HD = { width: 1920, height: 1080 };
const VARIANTS: Variant[] = [
  { name: '1080p before (own context, MSAA, shadows every frame)', ...HD, context: 'own', antialias: true, reuseShadows: false },
  { name: '1080p own context, MSAA off', ...HD, context: 'own', antialias: false, reuseShadows: false },
  { name: '1080p own context, MSAA off, shadows reused', ...HD, context: 'own', antialias: false },
  { name: '1080p default (viewport context, MSAA as viewport, shadows reused)', ...HD },
  { name: '1080p default, serial (1 in flight)', ...HD, maxInFlight: 1 },
  { name: '1080p default, direct VideoFrame', ...HD, capture: 'direct' },
  { name: '1080p default + burn-in slate', ...HD, burnIn: true },
  { name: '720p draft', width: 1280, height: 720 },
];

export default async function animaticBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1100, height: 760 } });
  const frames = ctx.quick ? 12 : 48;
  try {
    const run = (v: Variant) =>
      app.page.evaluate(
        async ([v, frames]) => {
          const h = (globalThis as any).__previs;
          const s = h.projectStore.getState();
          const p = s.project;
          const scene = p.scenes[s.activeSceneId];
          const first = scene.shots[scene.shotOrder[0]];
          // the demo's first shot, trimmed to the bench length
          const shot = { ...first, out: first.in + frames };
          const q = { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...scene, shots: { [shot.id]: shot }, shotOrder: [shot.id] } } };
          const { name: _name, ...opts } = v;
          const f = await h.animatic.renderAnimaticFile(q, { burnIn: false, ...opts });
          return {
            frames: f.frames,
            ...f.timings,
            codec: `${f.container}/${f.codec}`,
            bytes: f.bytes.length,
          } as Run;
        },
        [v, frames] as const,
      );
    const fps = 24;
    const shotSeconds = frames / fps;
    // warm-up: shader compilation and encoder start-up are paid once per export, not per frame
    await run({ name: 'warm-up', width: 640, height: 360 });
    const results: [Variant, Run][] = [];
    for (const v of VARIANTS) {
      process.stderr.write(`  animatic: ${v.name}…\n`);
      results.push([v, await run(v)]);
    }
    const speed = (r: Run) => shotSeconds / (r.totalMs / 1000);
    const base = results[0]![1];
    const rows: BenchRow[] = [];
    for (const [v, r] of results) {
      rows.push(
        {
          variant: v.name,
          metric: 'speed vs real time',
          value: speed(r),
          unit: '× real time',
          ratio: speed(r) / speed(base),
          goal: v.width === 1920 ? '≥ 2×' : undefined,
          note: `${r.frames} fr in ${(r.totalMs / 1000).toFixed(2)} s (first ${(r.firstFrameMs / 1000).toFixed(1)} s, then ${((r.totalMs - r.firstFrameMs) / (r.frames - 1)).toFixed(0)} ms/fr), ${r.codec}, ${(r.bytes / 1024).toFixed(0)} KB, MSAA ${r.antialias ? 'on' : 'off'}, ${r.viewportContext ? 'viewport' : 'own'} context`,
        },
        {
          variant: v.name,
          metric: 'render share',
          value: (100 * r.renderMs) / r.totalMs,
          unit: '%',
          note: `submit ${(r.submitMs / r.frames).toFixed(0)} ms/fr, capture ${(r.captureMs / r.frames).toFixed(0)} ms/fr, encoder wait ${(r.encoderWaitMs / r.frames).toFixed(0)} ms/fr`,
        },
        { variant: v.name, metric: 'shadow-map redraws', value: r.shadowRedraws, unit: 'frames', note: `of ${r.frames}` },
      );
    }
    return rows;
  } finally {
    await app.close();
  }
}
