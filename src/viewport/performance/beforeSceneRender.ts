// Several parts of the viewport must act once world matrices are current and before any pass draws (the
// instance pool lays out its buffers, the shadow cache decides whether the maps are stale). three offers one
// hook there, scene.onBeforeRender; this shares it, in registration order.
// Contract: what a hook does to the picture depends only on the camera and on state the picture fingerprint
// already reads (instance buffers and their versions, lights): an animatic may then skip a held frame although
// the scene carries this hook (render/pictureFingerprint.ts asks `isSharedSceneHook`).
import type { Camera, Scene, WebGLRenderer } from 'three';

export type BeforeSceneRender = (renderer: WebGLRenderer, scene: Scene, camera: Camera) => void;

const hooks = new WeakMap<Scene, BeforeSceneRender[]>();
const wrappers = new WeakSet<object>();

/** Whether `fn` is the scene hook this module installed (and nothing else's hook runs inside it). */
export function isSharedSceneHook(fn: unknown, noop: unknown): boolean {
  return typeof fn === 'function' && wrappers.has(fn) && (fn as { own?: unknown }).own === noop;
}

/** Runs `fn` before every render of `scene` (by any renderer, any camera); returns its removal. */
export function onBeforeSceneRender(scene: Scene, fn: BeforeSceneRender): () => void {
  let list = hooks.get(scene);
  if (!list) {
    const own = scene.onBeforeRender;
    const l: BeforeSceneRender[] = [];
    list = l;
    hooks.set(scene, l);
    // three calls a scene's hook with (renderer, scene, camera, renderTarget)
    const wrapper = Object.assign(
      (...args: Parameters<Scene['onBeforeRender']>) => {
        own.apply(scene, args);
        for (const h of l) h(args[0], scene, args[2]);
      },
      { own },
    );
    wrappers.add(wrapper);
    scene.onBeforeRender = wrapper;
  }
  list.push(fn);
  return () => {
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
}
