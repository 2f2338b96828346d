// Several parts of the viewport must act once world matrices are current and before any pass draws (the
// instance pool lays out its buffers, the shadow cache decides whether the maps are stale). three offers one
// hook there, scene.onBeforeRender; this shares it, in registration order.
import type { Camera, Scene, WebGLRenderer } from 'three';

export type BeforeSceneRender = (renderer: WebGLRenderer, scene: Scene, camera: Camera) => void;

const hooks = new WeakMap<Scene, BeforeSceneRender[]>();

/** Runs `fn` before every render of `scene` (by any renderer, any camera); returns its removal. */
export function onBeforeSceneRender(scene: Scene, fn: BeforeSceneRender): () => void {
  let list = hooks.get(scene);
  if (!list) {
    const own = scene.onBeforeRender;
    const l: BeforeSceneRender[] = [];
    list = l;
    hooks.set(scene, l);
    // three calls a scene's hook with (renderer, scene, camera, renderTarget)
    scene.onBeforeRender = (...args: Parameters<Scene['onBeforeRender']>) => {
      own.apply(scene, args);
      for (const h of l) h(args[0], scene, args[2]);
    };
  }
  list.push(fn);
  return () => {
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
}
