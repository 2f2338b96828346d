// Mounts the shot command bar as a DOM layer over the viewport canvas (a viewport extension).
import { useDomOverlay } from '../../viewport/camera/domOverlay';
import { ShotCommandBar } from './ShotCommandBar';

export function CommandBarLayer() {
  useDomOverlay(ShotCommandBar, 'shot-command-layer');
  return null;
}
