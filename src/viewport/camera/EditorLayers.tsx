// The editor's own views (perspective, plan) see the editor-only layer (camera bodies, frusta, marks)
// and can click things on it; the look-through camera sees layer 0 only.
import { useFrame } from '@react-three/fiber';
import { editorStore } from '../../store/editorStore';
import { EDITOR_ONLY_LAYER } from './layers';

export function EditorLayers() {
  useFrame((state) => {
    state.raycaster.layers.enable(EDITOR_ONLY_LAYER);
    if (editorStore.getState().viewMode !== 'lookThrough') state.camera.layers.enable(EDITOR_ONLY_LAYER);
  });
  return null;
}
