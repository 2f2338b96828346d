// Models the user brought this session (card + bytes, validated). Kept in memory only: they are not part of
// the scene document, and a reload asks for the files again.
import { create } from 'zustand';
import type { ModelCard } from '../../effects/runtime/modelCard';

export interface ByoModel {
  card: ModelCard;
  bytes: Uint8Array;
  fileName: string;
  warnings: string[];
}

interface ByoState {
  models: ByoModel[];
  add(m: ByoModel): void;
  remove(id: string): void;
}

export const useByoModels = create<ByoState>((set) => ({
  models: [],
  add: (m) => set((s) => ({ models: [...s.models.filter((x) => x.card.sha256 !== m.card.sha256), m] })),
  remove: (id) => set((s) => ({ models: s.models.filter((x) => x.card.id !== id) })),
}));
