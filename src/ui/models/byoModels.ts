// Models the user brought (card + bytes, validated). They live in this browser's IndexedDB (byoLibrary.ts)
// and are checked again on every load; they are not part of the scene document, which names them by
// id + sha256 only.
import { create } from 'zustand';
import type { ModelCard } from '../../effects/runtime/modelCard';

export interface ByoModel {
  card: ModelCard;
  bytes: Uint8Array;
  fileName: string;
  warnings: string[];
  /** saved in this browser; false when it could only be kept for this session (the reason is in saveError) */
  persisted: boolean;
  saveError?: string;
}

/** A stored model that failed its checks on load: listed with the reasons so the user can remove it. */
export interface RefusedStoredModel {
  sha256: string;
  fileName: string;
  id: string | null;
  errors: string[];
}

interface ByoState {
  models: ByoModel[];
  refused: RefusedStoredModel[];
  /** the stored models have been read and checked ('failed': the storage could not be read; see restoreError) */
  restore: 'idle' | 'loading' | 'ready' | 'failed';
  restoreError: string | null;
  add(m: ByoModel): void;
  /** forgets a model (brought or refused) by the sha256 of its file */
  remove(sha256: string): void;
}

export const useByoModels = create<ByoState>((set) => ({
  models: [],
  refused: [],
  restore: 'idle',
  restoreError: null,
  add: (m) => set((s) => ({ models: [...s.models.filter((x) => x.card.sha256 !== m.card.sha256), m] })),
  remove: (sha256) =>
    set((s) => ({ models: s.models.filter((x) => x.card.sha256 !== sha256), refused: s.refused.filter((x) => x.sha256 !== sha256) })),
}));
