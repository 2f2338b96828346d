// A collapse layer's takes and its big view: frames of the shot that shows it, rendered through the shot's
// camera without the layer (A) and with its active take (B), over the whole window.
import type { EffectLayer } from '../../../core/document';
import { projectStore, useProject } from '../../../store/projectStore';
import { editorStore } from '../../../store/editorStore';
import { TakeList } from '../../../ui/viewer/TakeList';
import { viewerStore } from '../../../ui/viewer/viewerStore';
import { renderPicture, shotFor } from '../../../ui/viewer/pictures';
import { playhead } from '../../../store/playhead';

export function CollapseTakes({ sceneId, layer }: { sceneId: string; layer: EffectLayer }) {
  const hasShot = useProject((s) => s.project.scenes[sceneId]?.shotOrder.length ?? 0) > 0;
  const viewBig = () => {
    const project = projectStore.getState().project;
    const shotId = shotFor(project, sceneId, layer);
    if (!shotId) return editorStore.getState().notify('error', 'Add a shot that shows the collapse: its frames are rendered through the shot camera');
    const start = layer.frameRange?.start ?? 0;
    const count = layer.frameRange ? layer.frameRange.end - layer.frameRange.start + 1 : 1;
    const take = layer.activeTake ?? layer.runCount;
    viewerStore.getState().open({
      title: `${layer.name}: without it against take ${take}`,
      a: renderPicture(project, sceneId, shotId, layer, false, 'without the collapse'),
      b: renderPicture(project, sceneId, shotId, layer, true, `take ${take}`),
      frameCount: count,
      frame: Math.min(count - 1, Math.max(0, playhead.frame - start)),
      onFrame: (i) => playhead.set(start + i),
    });
  };
  return (
    <>
      <button onClick={viewBig} disabled={!hasShot} data-testid="collapse-view-big" title={hasShot ? 'Rendered frames through the shot camera, without and with the collapse' : 'Add a shot first: frames are rendered through its camera'}>
        View big…
      </button>
      <TakeList sceneId={sceneId} layer={layer} frameCount={() => count(layer)} />
    </>
  );
}

const count = (l: EffectLayer) => (l.frameRange ? l.frameRange.end - l.frameRange.start + 1 : 1);
