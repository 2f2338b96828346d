// The service worker (vite-plugin-pwa / Workbox): registered from the bundle (the CSP allows no inline
// script). When a new build has been fetched it waits; the toolbar offers "Reload to update", so no one
// loses a half-made edit to a surprise reload.
import { useSyncExternalStore } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { registerTestHook } from '../testHook';

let needRefresh = false;
let offlineReady = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
let update: ((reload?: boolean) => Promise<void>) | null = null;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh = true;
      emit();
    },
    onOfflineReady() {
      offlineReady = true;
      emit();
    },
    onRegisterError(e: unknown) {
      console.warn('service worker not registered: the app works, but not offline', e);
    },
  });
}

export function applyUpdate(): void {
  void update?.(true);
}

export function useAppUpdate(): { needRefresh: boolean; offlineReady: boolean } {
  const snap = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (needRefresh ? 2 : 0) + (offlineReady ? 1 : 0),
  );
  return { needRefresh: (snap & 2) !== 0, offlineReady: (snap & 1) !== 0 };
}

/** For the e2e test and the About dialog: is this page controlled by the service worker, with everything cached? */
export function offlineState(): { controlled: boolean; offlineReady: boolean } {
  return { controlled: !!navigator.serviceWorker?.controller, offlineReady };
}

registerTestHook('pwa', { offlineState });
