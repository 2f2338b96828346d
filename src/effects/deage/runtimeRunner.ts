// Adapts the effect runtime (getRuntime(), or a RuntimeEngine in the de-age worker) to the pipeline's
// ModelRunner, and keeps every run report so the effect layer can record what ran where.
import type { BackendRequest, Runtime, RuntimeRunReport } from '../runtime/types';
import type { ModelRunner, TensorData } from './face/runner';

export interface RecordingRunner extends ModelRunner {
  reports: RuntimeRunReport[];
}

export function runtimeRunner(runtime: Runtime, backend: BackendRequest = 'auto'): RecordingRunner {
  const reports: RuntimeRunReport[] = [];
  return {
    reports,
    async run(model, feeds, options = {}) {
      const wire: Record<string, { dtype: 'float32'; dims: number[]; data: Float32Array }> = {};
      for (const [k, v] of Object.entries(feeds)) wire[k] = { dtype: 'float32', dims: v.dims, data: v.data };
      const { outputs, report } = await runtime.run(model, wire, { backend, tiled: options.tiled, signal: options.signal });
      reports.push(report);
      const out: Record<string, TensorData> = {};
      for (const [k, v] of Object.entries(outputs)) {
        if (!(v.data instanceof Float32Array)) throw new Error(`model output "${k}" is ${v.dtype}, the de-age pipeline reads float32`);
        out[k] = { data: v.data, dims: v.dims };
      }
      return out;
    },
  };
}

/** Sum of the runs' timings by model, for the layer's run report. */
export function summarizeReports(reports: RuntimeRunReport[]): { backend: string; perModelMs: Record<string, number>; fallbackReason: string | null } {
  const perModelMs: Record<string, number> = {};
  for (const r of reports) perModelMs[r.modelId] = (perModelMs[r.modelId] ?? 0) + r.timingsMs.total;
  const backends = [...new Set(reports.flatMap((r) => r.backendsUsed))];
  return { backend: backends.join('+') || 'none', perModelMs, fallbackReason: reports.find((r) => r.fallbackReason)?.fallbackReason ?? null };
}
