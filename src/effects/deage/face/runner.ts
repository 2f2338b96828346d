// What the face analysis and the de-age pipeline need from a model runtime: run one model on float tensors.
// In the app and in Node tests this is the effect runtime (RuntimeEngine: card check, backend choice, run
// report, tiling); the adapter is runtimeRunner.ts. Keeping the pipeline on this small interface keeps it
// pure and testable.
import type { ModelCard } from '../../runtime/modelCard';

export interface TensorData {
  data: Float32Array;
  dims: number[];
}

/** an installed model id, or a model brought by the user (card + bytes) */
export type ModelSpec = string | { card: ModelCard; bytes: Uint8Array };

export interface RunnerOptions {
  tiled?: boolean;
  signal?: AbortSignal;
}

export interface ModelRunner {
  run(model: ModelSpec, feeds: Record<string, TensorData>, options?: RunnerOptions): Promise<Record<string, TensorData>>;
}

export const modelName = (m: ModelSpec) => (typeof m === 'string' ? m : m.card.id);

export function output(out: Record<string, TensorData>, name: string, model: ModelSpec): TensorData {
  const t = out[name];
  if (!t) throw new Error(`model ${modelName(model)} returned no output "${name}" (got ${Object.keys(out).join(', ')})`);
  return t;
}
