// Global keyboard shortcuts. Features add their own entries (timeline: Space/J/K/L; lens: [ ]).
import { projectStore } from '../store/projectStore';
import { editorStore } from '../store/editorStore';
import { removeObjects, duplicateObjects } from '../core/document';
import { viewportCommands } from '../viewport/viewportCommands';

export interface Shortcut {
  keys: string;
  description: string;
  /** return true when handled */
  run(e: KeyboardEvent): boolean;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const flying = () => editorStore.getState().navMode === 'fly';

export const shortcuts: Shortcut[] = [
  { keys: 'Ctrl/Cmd+Z', description: 'Undo', run: (e) => (mod(e) && !e.shiftKey && e.code === 'KeyZ' ? (projectStore.getState().undo(), true) : false) },
  {
    keys: 'Shift+Ctrl/Cmd+Z, Ctrl+Y',
    description: 'Redo',
    run: (e) => (mod(e) && ((e.shiftKey && e.code === 'KeyZ') || e.code === 'KeyY') ? (projectStore.getState().redo(), true) : false),
  },
  { keys: 'W', description: 'Move tool', run: (e) => (!mod(e) && !flying() && e.code === 'KeyW' ? (editorStore.getState().setTransformMode('translate'), true) : false) },
  { keys: 'E', description: 'Rotate tool', run: (e) => (!mod(e) && !flying() && e.code === 'KeyE' ? (editorStore.getState().setTransformMode('rotate'), true) : false) },
  { keys: 'R', description: 'Scale tool', run: (e) => (!mod(e) && !flying() && e.code === 'KeyR' ? (editorStore.getState().setTransformMode('scale'), true) : false) },
  { keys: 'F', description: 'Frame selection', run: (e) => (!mod(e) && !flying() && e.code === 'KeyF' ? (viewportCommands.frameSelection(), true) : false) },
  {
    keys: 'Delete / Backspace',
    description: 'Delete selection',
    run: (e) => {
      if (e.code !== 'Delete' && e.code !== 'Backspace') return false;
      const ids = editorStore.getState().selection;
      if (!ids.length) return false;
      const { activeSceneId, execute } = projectStore.getState();
      execute(`Delete ${ids.length} object${ids.length > 1 ? 's' : ''}`, removeObjects(activeSceneId, ids));
      editorStore.getState().select([]);
      return true;
    },
  },
  {
    keys: 'Ctrl/Cmd+D',
    description: 'Duplicate selection',
    run: (e) => {
      if (!mod(e) || e.code !== 'KeyD') return false;
      const ids = editorStore.getState().selection;
      if (!ids.length) return false;
      const { activeSceneId, execute } = projectStore.getState();
      const { edit, newIds } = duplicateObjects(activeSceneId, ids);
      execute('Duplicate', edit);
      editorStore.getState().select(newIds);
      return true;
    },
  },
  { keys: 'Esc', description: 'Clear selection', run: (e) => (e.code === 'Escape' ? (editorStore.getState().select([]), true) : false) },
];

function typingInField(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (typingInField(e)) return;
    for (const s of shortcuts) {
      if (s.run(e)) {
        e.preventDefault();
        return;
      }
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
