// Plan-view editor state: the view (pan/zoom), the measuring tool and its last measurement.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { P2, PlanView } from './planGeometry';

export interface Measurement {
  a: P2;
  b: P2 | null;
  distanceM: number | null;
}

export interface PlanState {
  view: PlanView | null;
  measuring: boolean;
  snap: boolean;
  measurement: Measurement | null;
  /** paper for the PDF sheet */
  paper: 'A4' | 'Letter';
  setView(v: PlanView): void;
  setMeasuring(on: boolean): void;
  setSnap(on: boolean): void;
  setMeasurement(m: Measurement | null): void;
  setPaper(p: 'A4' | 'Letter'): void;
}

export const planState = createStore<PlanState>()((set) => ({
  view: null,
  measuring: false,
  snap: true,
  measurement: null,
  paper: 'A4',
  setView: (view) => set({ view }),
  setMeasuring: (measuring) => set({ measuring, measurement: null }),
  setSnap: (snap) => set({ snap }),
  setMeasurement: (measurement) => set({ measurement }),
  setPaper: (paper) => set({ paper }),
}));

export function usePlanState<T>(sel: (s: PlanState) => T): T {
  return useStore(planState, sel);
}
