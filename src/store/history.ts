// Undo history over immutable project snapshots (structural sharing keeps each step small).
// A gesture (drag, slider sweep) opens a mark; updates inside it replace the present without new steps;
// closing it squashes everything since the mark into ONE step, cancelling bails back to the mark.
import type { Project } from '../core/document';

export interface HistoryStep {
  label: string;
  before: Project;
  after: Project;
}

export interface HistoryState {
  past: HistoryStep[];
  future: HistoryStep[];
  /** open gesture: the project when it started */
  mark: { label: string; before: Project } | null;
}

export const MAX_HISTORY = 500;

export const emptyHistory = (): HistoryState => ({ past: [], future: [], mark: null });

export function record(h: HistoryState, label: string, before: Project, after: Project): HistoryState {
  if (before === after) return h;
  const past = [...h.past, { label, before, after }];
  if (past.length > MAX_HISTORY) past.splice(0, past.length - MAX_HISTORY);
  return { past, future: [], mark: h.mark };
}

export function openMark(h: HistoryState, label: string, present: Project): HistoryState {
  return { ...h, mark: { label, before: present } };
}

export function squashMark(h: HistoryState, present: Project): HistoryState {
  if (!h.mark) return h;
  const closed = { ...h, mark: null };
  return record(closed, h.mark.label, h.mark.before, present);
}

export function undoStep(h: HistoryState): { history: HistoryState; project: Project } | null {
  const step = h.past[h.past.length - 1];
  if (!step) return null;
  return { history: { past: h.past.slice(0, -1), future: [step, ...h.future], mark: null }, project: step.before };
}

export function redoStep(h: HistoryState): { history: HistoryState; project: Project } | null {
  const step = h.future[0];
  if (!step) return null;
  return { history: { past: [...h.past, step], future: h.future.slice(1), mark: null }, project: step.after };
}
