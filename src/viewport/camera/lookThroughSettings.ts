// Viewfinder preferences: which guides, DOF preview, HUD, matte. Editor state, not document, not undoable.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { DEFAULT_GUIDES, type GuideSettings } from '../../core/lens';

export interface LookThroughSettings {
  guides: GuideSettings;
  dofPreview: boolean;
  /** tint what lies within the depth of field (focus-zone view) */
  focusZone: boolean;
  hud: boolean;
  /** letterbox matte opacity, 0 (see the surround) .. 1 (black bars) */
  matteOpacity: number;
  set(patch: Partial<Omit<LookThroughSettings, 'set' | 'setGuides'>>): void;
  setGuides(patch: Partial<GuideSettings>): void;
}

export const lookThroughSettings = createStore<LookThroughSettings>()((set, get) => ({
  guides: DEFAULT_GUIDES,
  dofPreview: true,
  focusZone: false,
  hud: true,
  matteOpacity: 1,
  set: (patch) => set(patch),
  setGuides: (patch) => set({ guides: { ...get().guides, ...patch } }),
}));

export function useLookThroughSettings<T>(sel: (s: LookThroughSettings) => T): T {
  return useStore(lookThroughSettings, sel);
}
