// Hands the still and animatic renderers to the export pipeline (src/ui/export), which gates effect
// layers and embeds disclosures afterwards. Loaded by that pipeline's module discovery. Both renderers
// burn in the label of every drawn layer that is not approved, from the ledger itself (the same
// disclosure the gate read), so `r.labels` needs no second path.
import { registerExportRenderers } from '../../ui/export/renderers';
import { renderShotStill } from './renderShotStill';
import { renderAnimaticFile } from './renderAnimatic';

function hiddenLayers(project: Parameters<typeof renderShotStill>[0], sceneId: string, allowed: readonly string[]): string[] {
  const ok = new Set(allowed);
  return Object.values(project.scenes[sceneId]?.objects ?? {})
    .filter((o) => o.type === 'effectLayer' && !ok.has(o.id))
    .map((o) => o.id);
}

registerExportRenderers({
  still: (r) =>
    renderShotStill(r.project, r.shotId, r.frame, {
      sceneId: r.sceneId,
      width: r.width,
      height: r.height,
      hiddenIds: hiddenLayers(r.project, r.sceneId, r.allowedLayerIds),
    }),
  animatic: async (r) => {
    const file = await renderAnimaticFile(
      r.project,
      {
        sceneId: r.sceneId,
        shotIds: [...r.shotIds],
        width: r.width,
        height: r.height,
        draft: r.draft,
        hiddenObjectIds: hiddenLayers(r.project, r.sceneId, r.allowedLayerIds),
      },
      { signal: r.signal, onProgress: (p) => r.onProgress?.(p.total ? (p.rendered + p.encoded) / (2 * p.total) : 0) },
    );
    return { bytes: file.bytes, mime: file.mime };
  },
});
