// Animatic export at 1080p: the serial pipeline (before issue 18: every frame drawn, then copied on the main
// thread through a 2D canvas) against the overlapped one (held frames reused, asynchronous read-back, burn-ins
// and row flips in the encoder worker), side by side in one page so the ratio holds on a shared, noisy machine.
//   - the demo's cut (the whole cut: 168 frames, 72 of them moving; --quick: 48 frames of it, 18 moving, from
//     shot 1's dolly settling through the cut to shot 2): speed in × real time and new/old (goal ≥ 4×);
//   - shot 1's push-in, where every frame moves (nothing to reuse): the draw-bound ratio;
//   - a per-frame breakdown (evaluate, draw, read-back, encode) of both, stages timed one after another
//     (syncTimings) over moving frames, so the next bottleneck is visible;
//   - the half-size draft of the cut against the full-quality overlapped export.
import type { BenchContext, BenchRow } from './types';
import { openApp } from '../e2e/harness';

interface Run {
  frames: number;
  totalMs: number;
  evaluateMs: number;
  submitMs: number;
  captureMs: number;
  gpuMs: number;
  readbackMs: number;
  encodeMs: number;
  composeMs: number;
  encoderWaitMs: number;
  firstFrameMs: number;
  drawnFrames: number;
  reusedFrames: number;
  shadowRedraws: number;
  pipeline: string;
  codec: string;
  bytes: number;
  width: number;
  height: number;
}

/** A stretch of a shot: index into the demo's shot order, and scene frames [from, to). */
type Segment = [shot: number, from: number, to: number];

const CUT_FULL: Segment[] = [
  [0, 0, 96],
  [1, 96, 168],
];
const CUT_QUICK: Segment[] = [
  [0, 54, 96],
  [1, 96, 102],
];

export default async function animaticBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1100, height: 760 } });
  const cut = ctx.quick ? CUT_QUICK : CUT_FULL;
  const push: Segment[] = [[0, 0, ctx.quick ? 12 : 24]];
  const profile: Segment[] = [[0, 0, 8]];
  try {
    const run = (name: string, segments: Segment[], opts: Record<string, unknown>) => {
      process.stderr.write(`  animatic: ${name}…\n`);
      return app.page.evaluate(
        async ([segments, opts]) => {
          const h = (globalThis as any).__previs;
          const s = h.projectStore.getState();
          const p = s.project;
          const scene = p.scenes[s.activeSceneId];
          const shots: Record<string, unknown> = {};
          const order: string[] = [];
          for (const [i, from, to] of segments) {
            const id = scene.shotOrder[i];
            shots[id] = { ...scene.shots[id], in: from, out: to };
            order.push(id);
          }
          const q = { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...scene, shots, shotOrder: order } } };
          const f = await h.animatic.renderAnimaticFile(q, { burnIn: true, ...opts });
          return { frames: f.frames, ...f.timings, codec: `${f.container}/${f.codec}`, bytes: f.bytes.length, width: f.width, height: f.height } as Run;
        },
        [segments, opts] as const,
      );
    };
    const HD = { width: 1920, height: 1080 };
    // shader compilation and encoder start-up are paid once per page, not per export
    await run('warm-up (serial)', [[0, 0, 4]], { width: 640, height: 360, pipeline: 'serial' });
    await run('warm-up (overlapped)', [[0, 0, 4]], { width: 640, height: 360 });
    const cutOld = await run('cut, serial', cut, { ...HD, pipeline: 'serial' });
    const cutNew = await run('cut, overlapped', cut, HD);
    const pushOld = await run('push-in, serial', push, { ...HD, pipeline: 'serial' });
    const pushNew = await run('push-in, overlapped', push, HD);
    const profOld = await run('breakdown, serial', profile, { ...HD, pipeline: 'serial', syncTimings: true });
    const profNew = await run('breakdown, overlapped', profile, { ...HD, syncTimings: true });
    const draft = await run('cut, draft', cut, { ...HD, draft: true });

    const fps = 24;
    const speed = (r: Run) => r.frames / fps / (r.totalMs / 1000);
    const per = (ms: number, r: Run) => ms / r.frames;
    const describe = (r: Run) =>
      `${r.frames} fr ${r.width}×${r.height} in ${(r.totalMs / 1000).toFixed(1)} s (${(r.totalMs / r.frames).toFixed(0)} ms/fr), drawn ${r.drawnFrames}, reused ${r.reusedFrames}, shadow redraws ${r.shadowRedraws}, ${r.codec}, ${(r.bytes / 1024).toFixed(0)} KB`;
    const cutFrames = cut.reduce((n, [, a, b]) => n + b - a, 0);
    const rows: BenchRow[] = [];
    const speedRows = (label: string, old: Run, neu: Run, goal?: string) => {
      rows.push(
        { variant: `${label}: serial (old)`, metric: 'speed vs real time', value: speed(old), unit: '× real time', ratio: 1, note: describe(old) },
        { variant: `${label}: overlapped (new)`, metric: 'speed vs real time', value: speed(neu), unit: '× real time', ratio: speed(neu) / speed(old), goal, note: describe(neu) },
      );
    };
    speedRows(`1080p demo cut (${cutFrames} fr)`, cutOld, cutNew, '≥ 4× the old');
    speedRows('1080p push-in (every frame moves)', pushOld, pushNew);
    rows.push({
      variant: `draft (half size) demo cut`,
      metric: 'speed vs real time',
      value: speed(draft),
      unit: '× real time',
      ratio: speed(draft) / speed(cutNew),
      note: `ratio vs the full-quality overlapped cut; ${describe(draft)}`,
    });
    // stages one after another (syncTimings), per frame, over 8 moving frames
    const stages = (r: Run) => ({
      evaluate: per(r.evaluateMs, r),
      draw: per(r.submitMs + r.gpuMs, r),
      // serial: the 2D-canvas copy and VideoFrame on the main thread; overlapped: PBO read + worker flip/burn-in
      'read-back': r.pipeline === 'serial' ? per(r.captureMs - r.gpuMs, r) : per(r.readbackMs + r.composeMs, r),
      encode: per(r.encodeMs, r),
    });
    const so = stages(profOld);
    const sn = stages(profNew);
    for (const k of Object.keys(so) as (keyof typeof so)[]) {
      rows.push(
        { variant: 'breakdown, serial (old)', metric: k, value: so[k], unit: 'ms/frame', note: 'stages timed one after another, 8 moving 1080p frames' },
        { variant: 'breakdown, overlapped (new)', metric: k, value: sn[k], unit: 'ms/frame', ratio: so[k] ? sn[k] / so[k] : undefined, note: 'ratio new/old (lower is faster)' },
      );
    }
    // the same stages as they fell in the throughput runs of the cut (overlapping, so they do not add up)
    for (const [name, r] of [
      ['cut, serial (old)', cutOld],
      ['cut, overlapped (new)', cutNew],
    ] as const) {
      rows.push({
        variant: name,
        metric: 'main thread per frame',
        value: per(r.evaluateMs + r.submitMs + r.captureMs + r.readbackMs, r),
        unit: 'ms/frame',
        note: `evaluate ${per(r.evaluateMs, r).toFixed(1)}, submit ${per(r.submitMs, r).toFixed(1)}, capture ${per(r.captureMs, r).toFixed(0)}, read-back ${per(r.readbackMs, r).toFixed(1)}, waiting ${per(r.encoderWaitMs, r).toFixed(0)}; worker: encode ${per(r.encodeMs, r).toFixed(0)}, flip+burn-in ${per(r.composeMs, r).toFixed(1)} ms/fr`,
      });
    }
    return rows;
  } finally {
    await app.close();
  }
}
