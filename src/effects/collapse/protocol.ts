// Messages between the editor and the collapse worker.
import type { CollapseJob, CollapseStats } from './pipeline';

export type CollapseStage = 'fracture' | 'glue' | 'simulate' | 'bake';

export type WorkerRequest = { type: 'run'; id: number; job: CollapseJob } | { type: 'cancel'; id: number };

export type WorkerResponse =
  | { type: 'progress'; id: number; stage: CollapseStage; fraction: number }
  | { type: 'done'; id: number; bytes: Uint8Array; hash: string; stats: CollapseStats }
  | { type: 'error'; id: number; name: string; message: string };

/** Overall progress 0–1 from a stage's own fraction (the simulation is most of the time). */
export function overallProgress(stage: CollapseStage, fraction: number): number {
  const span: Record<CollapseStage, [number, number]> = { fracture: [0, 0.1], glue: [0.1, 0.15], simulate: [0.15, 0.97], bake: [0.97, 1] };
  const [a, b] = span[stage];
  return a + (b - a) * Math.min(1, Math.max(0, fraction));
}
