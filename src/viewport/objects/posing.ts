// Which actor joint is being posed in the viewport (editor state, not part of the document, not undoable).
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { JointName } from '../../core/rig';

export interface PosingState {
  actorId: string | null;
  joint: JointName | null;
  pick(actorId: string | null, joint: JointName | null): void;
}

export const posingStore = createStore<PosingState>()((set) => ({
  actorId: null,
  joint: null,
  pick: (actorId, joint) => set({ actorId, joint: actorId ? joint : null }),
}));

export function usePosing<T>(selector: (s: PosingState) => T): T {
  return useStore(posingStore, selector);
}
