// Editor state that is not part of the document and not undoable: selection, tool, view mode.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type TransformMode = 'translate' | 'rotate' | 'scale';
export type ViewMode = 'perspective' | 'lookThrough' | 'plan';
export type NavMode = 'orbit' | 'fly';

export interface EditorState {
  selection: string[];
  transformMode: TransformMode;
  viewMode: ViewMode;
  lookThroughCameraId: string | null;
  navMode: NavMode;
  /** a message the UI shows until dismissed (errors are never swallowed) */
  notices: { id: number; level: 'error' | 'warning' | 'info'; text: string }[];
  select(ids: string[]): void;
  toggleSelect(id: string): void;
  setTransformMode(m: TransformMode): void;
  setNavMode(m: NavMode): void;
  setViewMode(m: ViewMode, cameraId?: string | null): void;
  notify(level: 'error' | 'warning' | 'info', text: string): void;
  dismiss(id: number): void;
}

let noticeSeq = 0;
export const editorStore = createStore<EditorState>()((set, get) => ({
  selection: [],
  transformMode: 'translate',
  viewMode: 'perspective',
  lookThroughCameraId: null,
  navMode: 'orbit',
  notices: [],
  select: (ids) => set({ selection: ids }),
  toggleSelect: (id) => {
    const sel = get().selection;
    set({ selection: sel.includes(id) ? sel.filter((s) => s !== id) : [...sel, id] });
  },
  setTransformMode: (m) => set({ transformMode: m }),
  setNavMode: (m) => set({ navMode: m }),
  setViewMode: (m, cameraId) =>
    set({ viewMode: m, lookThroughCameraId: cameraId === undefined ? get().lookThroughCameraId : cameraId }),
  notify: (level, text) => set({ notices: [...get().notices, { id: ++noticeSeq, level, text }].slice(-8) }),
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, selector);
}
