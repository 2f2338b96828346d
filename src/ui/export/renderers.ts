// Where the exporter gets its pixels. The timeline/animatic module renders stills and animatics; it is found at
// build time through import.meta.glob (so this folder builds whether or not it exists yet) or registered
// explicitly. A still can always be rendered by the fallback below, from the document scene graph.
import type { Project } from '../../core/document/schema';

export interface StillRequest {
  project: Project;
  sceneId: string;
  shotId: string;
  frame: number;
  width: number;
  height: number;
  /** the gate's allowed layers; others must not be drawn */
  allowedLayerIds: readonly string[];
  /** on-screen label per layer ("AI-GENERATED · PENDING REVIEW"), null when approved */
  labels: Readonly<Record<string, string | null>>;
}

export interface AnimaticRequest {
  project: Project;
  sceneId: string;
  shotIds: readonly string[];
  width: number;
  height: number;
  allowedLayerIds: readonly string[];
  labels: Readonly<Record<string, string | null>>;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface ExportRenderers {
  still?: (r: StillRequest) => Promise<Uint8Array>;
  animatic?: (r: AnimaticRequest) => Promise<{ bytes: Uint8Array; mime: string }>;
}

const registered: ExportRenderers = {};

export function registerExportRenderers(r: ExportRenderers): void {
  Object.assign(registered, r);
}

type AnyFn = (...args: unknown[]) => Promise<unknown>;
const animaticModules = import.meta.glob(['../../export/animatic/*.ts', '!../../export/animatic/*.worker.ts', '!../../export/animatic/*.test.ts']);

async function discovered(): Promise<{ still?: AnyFn; animatic?: AnyFn }> {
  const out: { still?: AnyFn; animatic?: AnyFn } = {};
  for (const load of Object.values(animaticModules)) {
    const m = (await load()) as Record<string, unknown>;
    if (typeof m.renderShotStill === 'function') out.still = m.renderShotStill as AnyFn;
    if (typeof m.renderAnimatic === 'function') out.animatic = m.renderAnimatic as AnyFn;
  }
  return out;
}

export async function resolveRenderers(): Promise<Required<Pick<ExportRenderers, 'still'>> & Pick<ExportRenderers, 'animatic'>> {
  const found = await discovered();
  const still = registered.still ?? (found.still as ExportRenderers['still']) ?? (await import('./fallbackStill')).renderStillFromGraph;
  const animatic = registered.animatic ?? (found.animatic as ExportRenderers['animatic']);
  return { still, animatic };
}
