// Inside the viewport Canvas: the shadow cache (maps redrawn only when a light or a caster changed) and the
// adaptive resolution of the editor camera. The instance pool's culling and level of detail live with the
// pool (instancing/InstancingRoot).
import { useEffect, useMemo } from 'react';
import { Vector2 } from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { editorStore } from '../../store/editorStore';
import { ShadowFingerprint } from '../render/shadowCasters';
import { registerTestHook } from '../../testHook';
import { viewportQuality } from './viewportQuality';
import { onBeforeSceneRender } from './beforeSceneRender';
import { adaptivePixelRatio, poseMoved } from './adaptiveResolution';

/** Live counters for the status of the viewport, the tests and the bench. */
export const viewportPerformance = {
  /** renders of the viewport's scene through its current camera, and how many redrew the shadow maps */
  renders: 0,
  shadowRedraws: 0,
  /** editor-view frames not drawn because nothing in the picture changed (KeptFrame) */
  keptFrames: 0,
  /** the resolution is lowered (the editor camera is moving) */
  lowered: false,
  pixelRatio: 1,
};
registerTestHook('viewportPerformance', viewportPerformance);

export function ViewportPerformance() {
  const scene = useThree((s) => s.scene);
  const get = useThree((s) => s.get);
  const fingerprint = useMemo(() => new ShadowFingerprint(), []);
  const buffer = useMemo(() => ({ now: new Vector2(), last: new Vector2() }), []);

  useEffect(
    () =>
      onBeforeSceneRender(scene, (gl, _scene, camera) => {
        const state = get();
        // renders by others (a still's own renderer, an animatic frame's camera) keep their own shadow policy
        if (gl !== state.gl || camera !== state.camera) return;
        viewportPerformance.renders++;
        const sm = gl.shadowMap;
        if (!viewportQuality.reuseShadows) {
          sm.autoUpdate = true;
          fingerprint.reset();
          if (sm.enabled) viewportPerformance.shadowRedraws++;
          return;
        }
        sm.autoUpdate = false;
        // never clear a request made elsewhere (a borrowed renderer handing the viewport back asks for one)
        if (fingerprint.changed(scene)) sm.needsUpdate = true;
        // measured on software GL (SwiftShader through ANGLE): after the drawing buffer is resized (the adaptive
        // resolution coming back, a window resize) a reused map shades some prop edges differently from a
        // freshly drawn one; one redraw per resize keeps the picture exact (cause not found)
        gl.getDrawingBufferSize(buffer.now);
        if (!buffer.now.equals(buffer.last)) {
          buffer.last.copy(buffer.now);
          sm.needsUpdate = true;
        }
        if (sm.needsUpdate && sm.enabled) viewportPerformance.shadowRedraws++;
      }),
    [scene, get, fingerprint],
  );
  useEffect(() => () => void (get().gl.shadowMap.autoUpdate = true), [get]);

  const pose = useMemo(() => new Float64Array(7).fill(NaN), []);
  const last = useMemo(() => ({ moveAt: -Infinity, ratio: NaN }), []);
  useFrame((state) => {
    const { camera, viewport, setDpr } = state;
    const moved = poseMoved(pose, camera.position, camera.quaternion);
    const full = viewport.initialDpr;
    const r = adaptivePixelRatio({
      enabled: viewportQuality.adaptiveResolution,
      editorView: editorStore.getState().viewMode === 'perspective',
      moved,
      now: performance.now(),
      lastMoveAt: last.moveAt,
      restMs: viewportQuality.restMs,
      fullRatio: full,
      movingScale: viewportQuality.movingScale,
    });
    last.moveAt = r.lastMoveAt;
    // on a change of this decision, or while the camera moves: a pixel ratio someone else sets is theirs until
    // the camera moves (R3F puts the Canvas's own dpr back whenever the viewport re-renders, e.g. on an edit)
    if (viewport.dpr !== r.ratio && (r.ratio !== last.ratio || moved)) setDpr(r.ratio);
    last.ratio = r.ratio;
    viewportPerformance.lowered = r.ratio < full;
    viewportPerformance.pixelRatio = r.ratio;
  });
  return null;
}
