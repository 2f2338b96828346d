// Models a project's effect layers name (by id + sha256) that this browser has neither installed nor been
// brought: the layer's output stays, but re-running it needs the model file back.
import type { Project } from '../../core/document';
import type { ModelRef } from '../../core/document/schema';
import { installedModels } from '../../effects/runtime/registry';

export interface MissingModel {
  ref: ModelRef;
  /** names of the layers that use it */
  layers: string[];
}

export function missingModels(project: Project, known: ReadonlySet<string>): MissingModel[] {
  const missing = new Map<string, MissingModel>();
  for (const sceneId of project.sceneOrder) {
    const scene = project.scenes[sceneId];
    if (!scene) continue;
    for (const o of Object.values(scene.objects)) {
      if (o.type !== 'effectLayer') continue;
      for (const ref of o.models) {
        if (known.has(ref.sha256)) continue;
        const hit = missing.get(ref.sha256) ?? { ref, layers: [] };
        if (!hit.layers.includes(o.name)) hit.layers.push(o.name);
        missing.set(ref.sha256, hit);
      }
    }
  }
  return [...missing.values()];
}

export function installedShas(): string[] {
  return installedModels().flatMap((e) => (e.card ? [e.card.sha256] : []));
}

export function describeMissing(m: MissingModel): string {
  const layers = m.layers.length > 2 ? `${m.layers.slice(0, 2).join(', ')} +${m.layers.length - 2}` : m.layers.join(', ');
  return `model "${m.ref.id}" v${m.ref.version} (sha256 ${m.ref.sha256.slice(0, 12)}…) used by ${layers} is not in this browser: import its .onnx and card in the Models panel to re-run`;
}
