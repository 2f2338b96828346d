// Mounts one InstancePool inside the Canvas and hands it to the object renderers below it. A renderer
// without a pool (rendered outside this root) draws its stand-ins itself, as plain meshes.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';
import { Vector3 } from 'three';
import { InstancePool } from './instancePool';
import { registerTestHook } from '../../testHook';

const PoolContext = createContext<InstancePool | null>(null);

export function useInstancePool(): InstancePool | null {
  return useContext(PoolContext);
}

export function InstancingRoot({ children }: { children: ReactNode }) {
  const pool = useMemo(() => new InstancePool(), []);
  // buckets empty themselves as their stand-ins unmount, so the pool needs no teardown of its own
  useEffect(() => registerTestHook('instancing', pool), [pool]);
  // nearest instances first, so the depth test spares the shading of those hidden behind them
  const eye = useMemo(() => new Vector3(), []);
  useFrame(({ camera }) => pool.sortFrom(camera.getWorldPosition(eye)));
  return (
    <PoolContext.Provider value={pool}>
      <primitive object={pool.root} />
      {children}
    </PoolContext.Provider>
  );
}
