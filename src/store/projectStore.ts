// The one store that holds the document. Every edit goes through execute() or a gesture, so undo covers it.
// Per-frame values (playhead, drag previews) never live here: see playhead.ts and refs in the viewport.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Project, Scene } from '../core/document';
import { newProject } from '../core/document';
import type { Edit } from '../core/document';
import { emptyHistory, openMark, record, redoStep, squashMark, undoStep, type HistoryState } from './history';

/**
 * Undo shared with other people (a studio server): the shared document's per-person undo does the work and
 * this store's history keeps only the step labels. Steps are bracketed so each execute or gesture is one step.
 */
export interface SharedHistory {
  beginStep(): void;
  endStep(): void;
  /** false when there was nothing of mine to undo / redo */
  undo(): boolean;
  redo(): boolean;
  /** reverts the open gesture's changes (mine only) */
  cancel(): void;
}

export interface ProjectState {
  project: Project;
  activeSceneId: string;
  history: HistoryState;
  /** bumps on every change of the document, for autosave */
  revision: number;
  /** One undoable step. */
  execute(label: string, edit: Edit): void;
  /** Opens a gesture; later updates are squashed into one step by endGesture. */
  beginGesture(label: string): void;
  updateGesture(edit: Edit): void;
  endGesture(): void;
  cancelGesture(): void;
  undo(): void;
  redo(): void;
  /** Replaces the document (open, new, restore). Not an undo step; clears history. */
  load(project: Project): void;
  setActiveScene(id: string): void;
  /** set while the project is bound to a shared document (studio server) */
  shared: SharedHistory | null;
  attachShared(h: SharedHistory | null): void;
  /** Someone else's edit (or my shared undo) arriving from the shared document: not a step of my history. */
  applyShared(project: Project): void;
}

function touch(p: Project): Project {
  return { ...p, modifiedAt: new Date().toISOString() };
}

export function createProjectStore(initial: Project = newProject()) {
  return createStore<ProjectState>()((set, get) => ({
    project: initial,
    activeSceneId: initial.sceneOrder[0]!,
    history: emptyHistory(),
    revision: 0,
    execute(label, edit) {
      const { project, history } = get();
      if (history.mark) {
        // an edit during a gesture joins the gesture rather than splitting it
        get().updateGesture(edit);
        return;
      }
      const next = edit(project);
      if (next === project) return;
      const after = touch(next);
      const shared = get().shared;
      shared?.beginStep();
      set({ project: after, history: record(history, label, project, after), revision: get().revision + 1 });
      shared?.endStep();
    },
    beginGesture(label) {
      const { history, project } = get();
      if (history.mark) get().endGesture();
      get().shared?.beginStep();
      set({ history: openMark(get().history, label, project) });
    },
    updateGesture(edit) {
      const { project, history } = get();
      if (!history.mark) {
        get().execute('edit', edit);
        return;
      }
      const next = edit(project);
      if (next !== project) set({ project: touch(next), revision: get().revision + 1 });
    },
    endGesture() {
      const { history, project } = get();
      if (!history.mark) return;
      set({ history: squashMark(history, project) });
      get().shared?.endStep();
    },
    cancelGesture() {
      const { history } = get();
      if (!history.mark) return;
      const shared = get().shared;
      if (shared) {
        // going back to the snapshot would also take back what others did meanwhile: revert only mine
        set({ history: { ...history, mark: null } });
        shared.cancel();
        return;
      }
      set({ project: history.mark.before, history: { ...history, mark: null }, revision: get().revision + 1 });
    },
    undo() {
      if (get().history.mark) get().endGesture();
      const shared = get().shared;
      if (shared) {
        const h = get().history;
        const step = h.past[h.past.length - 1];
        if (shared.undo() && step) set({ history: { past: h.past.slice(0, -1), future: [step, ...h.future], mark: null } });
        return;
      }
      const r = undoStep(get().history);
      if (r) set({ project: r.project, history: r.history, revision: get().revision + 1, ...keepScene(get(), r.project) });
    },
    redo() {
      const shared = get().shared;
      if (shared) {
        const h = get().history;
        const step = h.future[0];
        if (shared.redo() && step) set({ history: { past: [...h.past, step], future: h.future.slice(1), mark: null } });
        return;
      }
      const r = redoStep(get().history);
      if (r) set({ project: r.project, history: r.history, revision: get().revision + 1, ...keepScene(get(), r.project) });
    },
    load(project) {
      set({ project, activeSceneId: project.sceneOrder[0]!, history: emptyHistory(), revision: get().revision + 1 });
    },
    setActiveScene(id) {
      if (get().project.scenes[id]) set({ activeSceneId: id });
    },
    shared: null,
    attachShared(h) {
      // the snapshots recorded so far do not know about other people's edits: start a fresh history
      set({ shared: h, history: emptyHistory() });
    },
    applyShared(project) {
      if (project === get().project) return;
      set({ project, revision: get().revision + 1, ...keepScene(get(), project) });
    },
  }));
}

function keepScene(s: ProjectState, p: Project): Partial<ProjectState> {
  return p.scenes[s.activeSceneId] ? {} : { activeSceneId: p.sceneOrder[0]! };
}

export const projectStore = createProjectStore();

export function useProject<T>(selector: (s: ProjectState) => T): T {
  return useStore(projectStore, selector);
}

export function useActiveScene(): Scene {
  return useStore(projectStore, (s) => s.project.scenes[s.activeSceneId]!);
}

/** Convenience for non-React code: the active scene id and an execute bound to it. */
export function activeSceneId(): string {
  return projectStore.getState().activeSceneId;
}
