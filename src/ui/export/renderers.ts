// Where the exporter gets its pixels. The animatic module renders stills and animatics and registers them from
// its registerForExport.ts, found at build time through import.meta.glob (so this folder builds whether or not
// it exists). Without it, a still is rendered by the fallback from the document scene graph.
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
  /** half size, DRAFT in the slate and the file's title */
  draft?: boolean;
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

// renderers announce themselves from a `registerForExport.ts` next to them; loading it registers them
const registrations = import.meta.glob('../../export/*/registerForExport.ts');

export async function resolveRenderers(): Promise<Required<Pick<ExportRenderers, 'still'>> & Pick<ExportRenderers, 'animatic'>> {
  for (const load of Object.values(registrations)) await load();
  const still = registered.still ?? (await import('./fallbackStill')).renderStillFromGraph;
  const animatic = registered.animatic;
  return { still, animatic };
}
