// Timeline keys, added to the app's shortcut list: Space play/pause, J/K/L shuttle, ←/→ one frame
// (Shift: ten), Home/End to the range ends, ↑/↓ to the previous/next key.
import { shortcuts, type Shortcut } from '../shortcuts';
import { playhead } from '../../store/playhead';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { keyFrames } from '../../core/timeline';
import { transport, playRange } from './transport';

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const flying = () => editorStore.getState().navMode === 'fly';

function jumpKey(dir: 1 | -1): boolean {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  if (!scene) return false;
  const sel = editorStore.getState().selection[0];
  const frames = keyFrames(scene, sel && scene.objects[sel] ? sel : undefined);
  const f = playhead.frame;
  const target = dir > 0 ? frames.find((k) => k > f) : [...frames].reverse().find((k) => k < f);
  if (target === undefined) return false;
  transport.step(target - f);
  return true;
}

export const timelineShortcuts: Shortcut[] = [
  { keys: 'Space', description: 'Play / pause', run: (e) => (plain(e) && e.code === 'Space' && !flying() ? (transport.toggle(), true) : false) },
  { keys: 'J', description: 'Play backwards (again: faster)', run: (e) => (plain(e) && e.code === 'KeyJ' && !flying() ? (transport.shuttle('J'), true) : false) },
  { keys: 'K', description: 'Stop', run: (e) => (plain(e) && e.code === 'KeyK' && !flying() ? (transport.shuttle('K'), true) : false) },
  { keys: 'L', description: 'Play forwards (again: faster)', run: (e) => (plain(e) && e.code === 'KeyL' && !flying() ? (transport.shuttle('L'), true) : false) },
  {
    keys: '← / →',
    description: 'Previous / next frame (Shift: 10 frames)',
    run: (e) => {
      if (!plain(e) || flying() || (e.code !== 'ArrowLeft' && e.code !== 'ArrowRight')) return false;
      transport.step((e.code === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 10 : 1));
      return true;
    },
  },
  {
    keys: 'Home / End',
    description: 'First / last frame of the range',
    run: (e) => {
      if (!plain(e) || (e.code !== 'Home' && e.code !== 'End')) return false;
      const r = playRange();
      transport.seek(e.code === 'Home' ? r.in : r.out - 1);
      return true;
    },
  },
  {
    keys: '↑ / ↓',
    description: 'Previous / next key',
    run: (e) => (plain(e) && !flying() && (e.code === 'ArrowUp' || e.code === 'ArrowDown') ? jumpKey(e.code === 'ArrowDown' ? 1 : -1) : false),
  },
];

let installed = false;
/** Adds the timeline keys once (module load of the timeline panel calls this). */
export function installTimelineShortcuts(): void {
  if (installed) return;
  installed = true;
  shortcuts.push(...timelineShortcuts);
}
