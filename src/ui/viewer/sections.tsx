// Inspector sections of the viewer: a plate opens big (zoom to 1:1 and beyond, frame step); any effect layer
// lists its takes (active take, each take's review state, purge).
import type { EffectLayer, Plate, SceneObject } from '../../core/document';
import { platePicture } from './pictures';
import { viewerStore } from './viewerStore';
import { TakeList } from './TakeList';

export function PlateViewSection({ object }: { object: SceneObject; sceneId: string }) {
  const plate = object as Plate;
  return (
    <button
      onClick={() => viewerStore.getState().open({ title: `Plate ${plate.name}`, a: platePicture(plate), b: null, frameCount: plate.mediaKind === 'video' ? plate.frameCount : 1, frame: 0 })}
      data-testid="plate-view-big"
    >
      View plate big…
    </button>
  );
}

export function LayerTakesSection({ object, sceneId }: { object: SceneObject; sceneId: string }) {
  const layer = object as EffectLayer;
  return <TakeList sceneId={sceneId} layer={layer} frameCount={(t) => (t.frameRange ? Math.max(1, t.frameRange.end - t.frameRange.start) : 1)} />;
}
