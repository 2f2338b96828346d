// Effect runtime: every installed model on every backend the browser offers (median of N inference runs,
// inputs from the model's own largest test vector), side by side with the backend the runtime picks by
// itself. The choice must never be the slower backend; a wrong choice fails the bench.
import type { BenchContext, BenchRow } from './types';
import { openApp } from '../e2e/harness';

/** A backend that cannot finish one run inside this is recorded as "over budget", i.e. slower than that. */
const BUDGET_MS = 90_000;

interface ModelBench {
  id: string;
  medians: Record<string, number | null>;
  overBudget: Record<string, boolean>;
  errors: Record<string, string>;
  chosen: string;
  fallbackReason: string | null;
  runs: Record<string, number>;
  /** the last run's measured memory on each backend (wasmHeapBytes, webgpuBufferPeakBytes) */
  memory: Record<string, { wasmHeapBytes: number | null; webgpuBufferPeakBytes: number | null }>;
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

function memoryNote(m: ModelBench['memory'][string] | undefined): string {
  if (!m) return '';
  const parts = [m.wasmHeapBytes !== null && `wasm heap ${mib(m.wasmHeapBytes)}`, m.webgpuBufferPeakBytes !== null && `GPU buffers peak ${mib(m.webgpuBufferPeakBytes)}`].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

export default async function runtimeBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1280, height: 720 } });
  app.page.on('console', (m) => {
    if (m.text().startsWith('[bench]')) process.stderr.write(`  ${m.text()}\n`);
  });
  try {
    const results = (await app.page.evaluate(
      async ({ n, budget }) => {
        const h = (globalThis as any).__previs.runtime;
        const out: any[] = [];
        const status = await h.runtime.status();
        const backends = ['wasm', ...(status.adapter.available ? ['webgpu'] : [])];
        for (const entry of h.installedModels()) {
          if (!entry.card) continue;
          const card = entry.card;
          if (!card.testVectors.length) continue;
          const feeds = await h.testFeeds(card.id);
          const res = { id: card.id, medians: {} as any, overBudget: {} as any, errors: {} as any, chosen: '', fallbackReason: null, runs: {} as any, memory: {} as any };
          // the choice is made before this model has been timed on either backend: adapter policy, not hindsight
          const auto = await h.runtime.run(card.id, feeds);
          res.chosen = auto.report.backend;
          res.fallbackReason = auto.report.fallbackReason;
          for (const backend of backends) {
            try {
              console.log(`[bench] ${card.id} on ${backend}…`);
              // cancelling a run stuck inside ORT terminates the worker: the budget is a hard limit
              const warm = await h.runtime.run(card.id, feeds, { backend, signal: backend === 'webgpu' ? AbortSignal.timeout(budget) : undefined });
              // a backend that needs many seconds per run (software WebGPU) gets fewer repeats
              const reps = warm.report.timingsMs.run > 4000 ? 1 : n;
              const times: number[] = [];
              for (let i = 0; i < reps; i++) {
                const { report } = await h.runtime.run(card.id, feeds, { backend });
                times.push(report.timingsMs.run);
                res.memory[backend] = report.memory;
              }
              times.sort((a, b) => a - b);
              res.medians[backend] = times[Math.floor(times.length / 2)];
              res.runs[backend] = reps;
              console.log(`[bench] ${card.id} on ${backend}: ${res.medians[backend].toFixed(1)} ms`);
            } catch (e) {
              const over = (e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError';
              res.medians[backend] = over ? budget : null;
              res.overBudget[backend] = over;
              res.errors[backend] = over ? `over the ${budget / 1000} s budget (cut off)` : String((e as Error).message).slice(0, 160);
              console.log(`[bench] ${card.id} on ${backend}: ${res.errors[backend]}`);
            }
          }
          out.push(res);
        }
        return { out, status };
      },
      { n: ctx.quick ? 3 : 7, budget: BUDGET_MS },
    )) as { out: ModelBench[]; status: { adapter: { architecture: string; isFallbackAdapter: boolean }; threads: number } };

    const rows: BenchRow[] = [];
    const wrong: string[] = [];
    for (const m of results.out) {
      const wasm = m.medians.wasm ?? null;
      for (const [backend, median] of Object.entries(m.medians)) {
        rows.push({
          variant: `${m.id} ${backend}${backend === m.chosen ? ' (chosen)' : ''}`,
          metric: m.overBudget[backend] ? 'one run' : `median run of ${m.runs[backend] ?? 0}`,
          value: median ?? NaN,
          unit: 'ms',
          ratio: median !== null && wasm ? median / wasm : undefined,
          goal: 'chosen = fastest',
          note: m.errors[backend] ?? `${backend === 'webgpu' ? `adapter ${results.status.adapter.architecture}${results.status.adapter.isFallbackAdapter ? ' (fallback)' : ''}` : `${results.status.threads} threads`}${memoryNote(m.memory[backend])}`,
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
