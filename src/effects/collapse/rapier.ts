// Rapier from node_modules (the compat build inlines its wasm, so it loads the same way in Node, the browser
// and workers, with no network).
import RAPIER from '@dimforge/rapier3d-compat';

let ready: Promise<typeof RAPIER> | null = null;

export function loadRapier(): Promise<typeof RAPIER> {
  ready ??= RAPIER.init().then(() => RAPIER);
  return ready;
}
