// The model import under way, if any: which file, how far its checks have got, and how to cancel it.
import { createStore } from 'zustand/vanilla';

export interface ImportUnderWay {
  name: string;
  stage: string;
  fraction: number;
  cancel(): void;
}

export const importProgress = createStore<{ active: ImportUnderWay | null }>()(() => ({ active: null }));
