// A handle on the viewport's R3F state (scene graph, renderer), captured by the timeline's viewport
// extension, so that stills and animatics render the very scene graph the user sees.
import type { RootState } from '@react-three/fiber';

let getter: (() => RootState) | null = null;
const waiters = new Set<() => void>();

export function setLiveViewport(get: (() => RootState) | null): void {
  getter = get;
  if (get) for (const w of waiters) w();
  waiters.clear();
}

export function liveViewport(): RootState | null {
  return getter ? getter() : null;
}

/** Resolves once the viewport has mounted (immediately if it has). */
export function whenViewportReady(): Promise<RootState> {
  if (getter) return Promise.resolve(getter());
  return new Promise((resolve) => waiters.add(() => resolve(getter!())));
}
