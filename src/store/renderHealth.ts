// Which parts of the editor failed to draw the current project. While any has, autosave holds its last good write:
// a project that just broke a panel must not replace the copy that still opens.
import { createStore } from 'zustand/vanilla';

export const renderHealth = createStore<{ failing: Record<string, string> }>()(() => ({ failing: {} }));

export function reportRenderFailure(part: string, message: string): void {
  renderHealth.setState((s) => ({ failing: { ...s.failing, [part]: message } }));
}

export function clearRenderFailure(part: string): void {
  if (!Object.prototype.hasOwnProperty.call(renderHealth.getState().failing, part)) return;
  renderHealth.setState((s) => {
    const failing = { ...s.failing };
    delete failing[part];
    return { failing };
  });
}

/** The first failing part and its reason, or null when everything drew. */
export function firstRenderFailure(): [string, string] | null {
  const entries = Object.entries(renderHealth.getState().failing);
  return entries[0] ?? null;
}
