// Effect runtime: every installed model on every backend the browser offers (median of N inference runs,
// inputs from the model's own largest test vector), side by side with the backend the runtime picks by
// itself. The choice must never be the slower backend; a wrong choice fails the bench.
import type { BenchContext, BenchRow } from './types';
import { openApp } from '../e2e/harness';

interface ModelBench {
  id: string;
  medians: Record<string, number | null>;
  errors: Record<string, string>;
  chosen: string;
  fallbackReason: string | null;
  runs: Record<string, number>;
}

export default async function runtimeBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1280, height: 720 } });
  try {
    const results = (await app.page.evaluate(
      async ({ n }) => {
        const h = (globalThis as any).__previs.runtime;
        const out: any[] = [];
        const status = await h.runtime.status();
        const backends = ['wasm', ...(status.adapter.available ? ['webgpu'] : [])];
        for (const entry of h.installedModels()) {
          if (!entry.card) continue;
          const card = entry.card;
          if (!card.testVectors.length) continue;
          const feeds = await h.testFeeds(card.id);
          const res = { id: card.id, medians: {} as any, errors: {} as any, chosen: '', fallbackReason: null, runs: {} as any };
          for (const backend of backends) {
            try {
              const warm = await h.runtime.run(card.id, feeds, { backend });
              // a backend that needs many seconds per run (software WebGPU) gets fewer repeats
              const reps = warm.report.timingsMs.run > 4000 ? 1 : n;
              const times: number[] = [];
              for (let i = 0; i < reps; i++) times.push((await h.runtime.run(card.id, feeds, { backend })).report.timingsMs.run);
              times.sort((a, b) => a - b);
              res.medians[backend] = times[Math.floor(times.length / 2)];
              res.runs[backend] = reps;
            } catch (e) {
              res.medians[backend] = null;
              res.errors[backend] = String((e as Error).message).slice(0, 160);
            }
          }
          const auto = await h.runtime.run(card.id, feeds);
          res.chosen = auto.report.backend;
          res.fallbackReason = auto.report.fallbackReason;
          out.push(res);
        }
        return { out, status };
      },
      { n: ctx.quick ? 3 : 7 },
    )) as { out: ModelBench[]; status: { adapter: { architecture: string; isFallbackAdapter: boolean }; threads: number } };

    const rows: BenchRow[] = [];
    const wrong: string[] = [];
    for (const m of results.out) {
      const wasm = m.medians.wasm ?? null;
      for (const [backend, median] of Object.entries(m.medians)) {
        rows.push({
          variant: `${m.id} ${backend}${backend === m.chosen ? ' (chosen)' : ''}`,
          metric: `median run of ${m.runs[backend] ?? 0}`,
          value: median ?? NaN,
          unit: 'ms',
          ratio: median !== null && wasm ? median / wasm : undefined,
          goal: 'chosen = fastest',
          note: m.errors[backend] ?? (backend === 'webgpu' ? `adapter ${results.status.adapter.architecture}${results.status.adapter.isFallbackAdapter ? ' (fallback)' : ''}` : `${results.status.threads} threads`),
        });
      }
      const usable = Object.entries(m.medians).filter((e): e is [string, number] => e[1] !== null);
      const fastest = usable.sort((a, b) => a[1] - b[1])[0];
      // within 10 % is a tie on a shared, noisy machine
      if (fastest && m.chosen !== fastest[0] && (m.medians[m.chosen] ?? Infinity) > fastest[1] * 1.1) {
        wrong.push(`${m.id}: runtime chose ${m.chosen} (${m.medians[m.chosen]} ms) but ${fastest[0]} took ${fastest[1]} ms`);
      }
    }
    if (wrong.length) throw new Error(`the runtime picked the slower backend:\n${wrong.join('\n')}`);
    return rows;
  } finally {
    await app.close();
  }
}
