// Binds the one project store to a shared Yjs document. The store stays the app's interface: commands and
// gestures change it as ever, and every change is written to the doc as one transaction of this binding's
// origin. Changes from anyone else (and my own shared undo) are read back into the store. Undo is per
// person: a Y.UndoManager that tracks only this binding's origin, so my Ctrl+Z never takes back your edit.
// The ledger is outside the undo scope: once an entry is shared it stays (ledgerOrder.ts merges forks).
// Remote edits are applied as patches of only what they changed (docPatch.ts), gathered until the next frame:
// twenty people editing at once cost each client one store update per frame, not one per edit.
import * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import type { Project } from '../core/document';
import type { ProjectState, SharedHistory } from '../store/projectStore';
import { DocPatcher } from './docPatch';
import { isEmptyDoc, ProjectReader, roots, writeProjectDiff } from './projectDoc';

export interface StoreBinding {
  readonly doc: Y.Doc;
  readonly undoManager: Y.UndoManager;
  /** this binding's transaction origin (providers and tests tell local from remote by it) */
  readonly origin: object;
  /** the last problem reading the shared doc (a client wrote something invalid), or null */
  readonly problem: string | null;
  /** Applies the remote edits gathered for the next frame now. */
  flush(): void;
  /** Stops syncing; the store keeps the project as it is, with a fresh local history. */
  detach(): void;
}

/** When gathered remote edits reach the store: 'frame' (the next animation frame, or a moment in Node) or at once. */
export type ApplySchedule = 'frame' | 'sync';

const FRAME_MS = 16;

/**
 * The next frame when the page is shown; otherwise a frame's worth of time (a hidden tab gets no frames and must
 * still keep up; Node clients, the load test's, batch like a browser would).
 */
function nextFrame(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (visible && typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(once);
    setTimeout(once, 6 * FRAME_MS);
  } else setTimeout(once, FRAME_MS);
}

export interface BindOptions {
  /** called when the shared doc holds a project that does not validate; the store keeps its last good one */
  onProblem?(message: string): void;
  /** called when the store moves to another project (open, new): the binding has detached itself */
  onDetached?(): void;
  /** false when joining someone else's project: an empty doc is then an error, never filled from the store */
  seed?: boolean;
  /** default 'frame' */
  apply?: ApplySchedule;
}

/**
 * Binds `store` to `doc`. An empty doc is seeded from the store (moving a project onto a server); a doc
 * that holds a project replaces the store's (joining one).
 */
export function bindStore(store: StoreApi<ProjectState>, doc: Y.Doc, opts: BindOptions = {}): StoreBinding {
  const origin = { binding: 'local' };
  let problem: string | null = null;
  let applying = false;
  let last: Project;

  if (isEmptyDoc(doc)) {
    if (opts.seed === false) throw new Error('the shared project is empty: there is no such project on the server');
    last = store.getState().project;
    // the seed is not anyone's undoable edit
    doc.transact(() => writeProjectDiff(doc, null, last), { binding: 'seed' });
  } else {
    const reader = new ProjectReader(doc);
    const r = reader.read()!;
    reader.destroy();
    if (!r.ok) throw new Error(`the shared project cannot be opened: ${r.error}`);
    last = r.project;
    store.getState().load(r.project);
  }
  const projectId = last.id;

  const r = roots(doc);
  const undoManager = new Y.UndoManager([r.meta, r.scenes, r.assets], {
    trackedOrigins: new Set([origin]),
    // steps are closed by the store (execute / endGesture), not by a timer: a slow drag stays one step
    captureTimeout: 2 ** 31 - 1,
  });

  const shared: SharedHistory = {
    beginStep: () => undoManager.stopCapturing(),
    endStep: () => undoManager.stopCapturing(),
    undo: () => undoManager.undo() !== null,
    redo: () => undoManager.redo() !== null,
    cancel() {
      if (undoManager.undo() !== null) undoManager.redoStack.pop();
    },
  };
  store.getState().attachShared(shared);

  const unsubscribe = store.subscribe((s) => {
    if (applying || s.project === last) return;
    if (s.project.id !== projectId) {
      // another project was opened in this window: this one stays on the server as it is
      detach();
      opts.onDetached?.();
      return;
    }
    const before = last;
    last = s.project;
    doc.transact(() => writeProjectDiff(doc, before, s.project), origin);
  });

  const patcher = new DocPatcher(doc);
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (detached || !patcher.dirty) return;
    // the store's own edits since the last flush are in `last` and in the doc alike
    const res = patcher.apply(last);
    if (!res.ok) {
      problem = res.error;
      opts.onProblem?.(res.error);
      return;
    }
    problem = null;
    if (res.value === last) return;
    last = res.value;
    applying = true;
    try {
      store.getState().applyShared(res.value);
    } finally {
      applying = false;
    }
  };
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === origin || tr.changed.size === 0) return;
    patcher.note(tr);
    // my own undo and redo show at once, as a local edit does
    if (opts.apply === 'sync' || tr.origin === undoManager) flush();
    else if (!scheduled) {
      scheduled = true;
      nextFrame(flush);
    }
  };
  doc.on('afterTransaction', onTransaction);

  let detached = false;
  function detach(): void {
    if (detached) return;
    detached = true;
    unsubscribe();
    doc.off('afterTransaction', onTransaction);
    undoManager.destroy();
    if (store.getState().shared === shared) store.getState().attachShared(null);
  }

  return {
    doc,
    undoManager,
    origin,
    flush,
    get problem() {
      return problem;
    },
    detach,
  };
}
