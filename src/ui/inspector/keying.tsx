// Animation in the inspector: fields show the selected object as it is at the playhead, an edit of a keyed
// property becomes a key there (auto-key, see core/timeline/autoKey), and each animatable field carries a
// key diamond: hollow = not animated, half = animated between keys, filled = on a key at this frame.
// Clicking the diamond keys the shown value, or removes the key at this frame.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { autoKey, keyState, toggleKeyAt, type KeyState } from '../../core/timeline';
import type { Edit } from '../../core/document';
import { projectStore, useActiveScene } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { transport } from '../timeline/transport';

interface InspectorKeying {
  objectId: string;
  frame: number;
}

const KeyingContext = createContext<InspectorKeying | null>(null);

export function KeyingProvider({ objectId, frame, children }: InspectorKeying & { children: ReactNode }) {
  return <KeyingContext.Provider value={{ objectId, frame }}>{children}</KeyingContext.Provider>;
}

/** Inside the inspector: the object being edited and the frame its fields show. */
export const useKeying = () => useContext(KeyingContext);

/**
 * The frame the inspector shows: follows scrubbing and stepping, but holds still during playback (a panel
 * of fields re-rendering 24 times a second is wasted work) and catches up when playback stops.
 */
export function useInspectorFrame(): number {
  const [frame, setFrame] = useState(playhead.frame);
  useEffect(() => {
    const offHead = playhead.subscribe((f) => {
      if (!playhead.playing) setFrame(f);
    });
    const offTransport = transport.subscribe((s) => {
      if (!s.playing) setFrame(playhead.frame);
    });
    return () => {
      offHead();
      offTransport();
    };
  }, []);
  return frame;
}

/** An edit from the inspector: keyed properties it changes are keyed at the playhead (one undo step). */
export const withAutoKey = (edit: Edit): Edit => autoKey(edit, projectStore.getState().activeSceneId, playhead.frame);

export function executeAutoKey(label: string, edit: Edit): void {
  try {
    projectStore.getState().execute(label, withAutoKey(edit));
  } catch (err) {
    editorStore.getState().notify('error', `${label}: ${(err as Error).message}`);
  }
}

const STATE_TITLE: Record<KeyState, string> = {
  static: 'Not animated — click to key this value at the playhead',
  animated: 'Animated — edits key the playhead frame; click to key the shown value here',
  onKey: 'Key at this frame — edits replace it; click to remove the key',
};

/** The current key state of one property of the inspected object (null outside the inspector). */
export function useKeyState(property: string | undefined): KeyState | null {
  const k = useKeying();
  const scene = useActiveScene();
  if (!k || !property) return null;
  return keyState(scene, k.objectId, property, k.frame);
}

export function KeyDiamond({ property }: { property: string }) {
  const k = useKeying();
  const state = useKeyState(property);
  if (!k || !state) return null;
  const toggle = () => {
    const { project, activeSceneId } = projectStore.getState();
    const label = state === 'onKey' ? 'Delete key' : 'Set key';
    try {
      projectStore.getState().execute(label, toggleKeyAt(project, activeSceneId, k.objectId, property, playhead.frame));
    } catch (err) {
      editorStore.getState().notify('error', `${label}: ${(err as Error).message}`);
    }
  };
  // a span, not a <button>: fields are <label>s, and a label hands its clicks to its first button, so a
  // click on the field's name would toggle the key
  return (
    <span
      role="button"
      tabIndex={0}
      className={`key-diamond ${state}`}
      data-testid={`key-diamond-${property}`}
      data-state={state}
      aria-label={`${STATE_TITLE[state]} (${property})`}
      title={STATE_TITLE[state]}
      // keep the diamond from starting a scrub of the label it sits in
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        toggle();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        e.stopPropagation();
        toggle();
      }}
    />
  );
}
