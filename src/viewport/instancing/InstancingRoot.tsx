// Mounts one InstancePool inside the Canvas and hands it to the object renderers below it. A renderer
// without a pool (rendered outside this root) draws its stand-ins itself, as plain meshes.
// Before every render of the scene, whoever renders it (the viewport, look-through, a still or an animatic
// frame), the pool lays its buffers out for that render's camera; only the editor camera may use the
// simplified meshes.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { InstancePool } from './instancePool';
import { registerTestHook } from '../../testHook';
import { viewportQuality } from '../performance/viewportQuality';
import { onBeforeSceneRender } from '../performance/beforeSceneRender';
import { editorStore } from '../../store/editorStore';

const PoolContext = createContext<InstancePool | null>(null);

export function useInstancePool(): InstancePool | null {
  return useContext(PoolContext);
}

export function InstancingRoot({ children }: { children: ReactNode }) {
  const pool = useMemo(() => new InstancePool(viewportQuality), []);
  const scene = useThree((s) => s.scene);
  // buckets empty themselves as their stand-ins unmount, so the pool needs no teardown of its own
  useEffect(() => registerTestHook('instancing', pool), [pool]);
  useEffect(() => onBeforeSceneRender(scene, (gl, s, camera) => pool.prepare(gl, s, camera)), [scene, pool]);
  // the perspective view's camera is the editor's; the look-through camera makes the picture
  useFrame(({ camera, viewport }) => {
    pool.lodCamera = editorStore.getState().viewMode === 'perspective' ? camera : null;
    // the adaptive resolution lowers the editor view's pixel ratio below this while the camera moves
    pool.fullPixelRatio = viewport.initialDpr;
  });
  return (
    <PoolContext.Provider value={pool}>
      <primitive object={pool.root} />
      {children}
    </PoolContext.Provider>
  );
}
