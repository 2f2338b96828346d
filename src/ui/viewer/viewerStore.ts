// Which pictures the big viewer shows, if it is open. Any panel opens it with two pictures (before/after, take
// against take) or one (a plate); the viewer itself (BigViewer.tsx) is mounted once, over the whole window.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Raster } from '../../effects/plates/png';

export type ViewerMode = 'wipe' | 'side' | 'ab' | 'diff';

/** One side of a comparison: a name for people and its frames, decoded or rendered on demand. */
export interface ViewerPicture {
  label: string;
  frame(i: number): Promise<Raster>;
}

export interface ViewerRequest {
  title: string;
  a: ViewerPicture;
  /** null: one picture (a plate); the comparison modes are off */
  b: ViewerPicture | null;
  frameCount: number;
  frame: number;
  /** told of every frame step (e.g. to move the playhead with it) */
  onFrame?: (i: number) => void;
  mode?: ViewerMode;
}

interface ViewerState {
  request: ViewerRequest | null;
  /** counts openings: a new request starts a fresh viewer even with the same title */
  opened: number;
  open(r: ViewerRequest): void;
  close(): void;
}

export const viewerStore = createStore<ViewerState>((set) => ({
  request: null,
  opened: 0,
  open: (request) => set((s) => ({ request, opened: s.opened + 1 })),
  close: () => set({ request: null }),
}));

export const useViewer = <T,>(sel: (s: ViewerState) => T): T => useStore(viewerStore, sel);
