// Wires the camera feature into the app's registries: `[` / `]` shortcuts and the toolbar's
// look-through button. Imported once from the inspector section registry.
import { shortcuts } from '../shortcuts';
import { toolbarItems } from '../Toolbar';
import { stepCameraLens } from './lensCommands';
import { cameraToCurrentView, currentViewToCamera } from './viewCommands';
import { LookThroughButton } from './LookThroughButton';

let done = false;
export function registerCameraFeature(): void {
  if (done) return;
  done = true;
  const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
  shortcuts.push(
    { keys: '[', description: 'Previous (wider) lens in the camera’s set', run: (e) => plain(e) && e.code === 'BracketLeft' && stepCameraLens(-1) },
    { keys: ']', description: 'Next (longer) lens in the camera’s set', run: (e) => plain(e) && e.code === 'BracketRight' && stepCameraLens(1) },
    { keys: 'Shift+C', description: 'Camera to current view (selected or looked-through camera)', run: (e) => plain(e) && e.shiftKey && e.code === 'KeyC' && cameraToCurrentView() },
    { keys: 'Shift+V', description: 'Current view to camera', run: (e) => plain(e) && e.shiftKey && e.code === 'KeyV' && currentViewToCamera() },
  );
  toolbarItems.push({ id: 'look-through', Component: LookThroughButton });
}
