// The main 3D view: the evaluated scene, ground and grid, navigation, selection gizmo, and whatever
// features register as viewport extensions (look-through, plan view, labels, effect playback).
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { editorStore } from '../store/editorStore';
import { useActiveScene, useProject } from '../store/projectStore';
import { SceneObjects } from './SceneObjects';
import { GroundGrid } from './GroundGrid';
import { SelectionGizmo } from './SelectionGizmo';
import { Navigation } from './Navigation';
import { viewportExtensions } from './renderers';
import { frameStats } from './frameStats';
import { registerTestHook } from '../testHook';
import { probeGl } from './glProbe';
import { InstancingRoot } from './instancing/InstancingRoot';
import { KeptFrame } from './performance/KeptFrame';
import { ViewportPerformance, viewportPerformance } from './performance/ViewportPerformance';

function FrameProbe() {
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  useEffect(() => registerTestHook('viewport', { get }), [get]);
  useEffect(() => {
    const ctx = gl.getContext();
    const kind = typeof WebGL2RenderingContext !== 'undefined' && ctx instanceof WebGL2RenderingContext ? 'WebGL2' : 'WebGL';
    frameStats.renderer = probeGl().software ? `${kind} (software)` : kind;
  }, [gl]);
  useFrame((_, dt) => frameStats.record(dt * 1000));
  return null;
}

function DefaultLights() {
  const scene = useActiveScene();
  const hasSun = Object.values(scene.objects).some((o) => o.type === 'light' && o.kind === 'sun');
  return (
    <>
      <hemisphereLight args={[scene.environment.skyColour, scene.environment.groundColour, 1.2]} />
      {hasSun ? null : <directionalLight position={[20, 30, 15]} intensity={2} castShadow />}
    </>
  );
}

export function Viewport() {
  // the sky colour only: an edit elsewhere need not re-render the Canvas
  const sky = useProject((s) => s.project.scenes[s.activeSceneId]!.environment.skyColour);
  const software = probeGl().software;
  return (
    <div className="viewport" data-testid="viewport">
      <Canvas
        shadows
        // R3F puts this back whenever the Canvas re-renders: the adaptive resolution's current ratio, so a
        // re-render while the camera moves keeps it lowered
        dpr={viewportPerformance.pixelRatio}
        camera={{ position: [26, 16, 36], fov: 45, near: 0.05, far: 5000 }}
        gl={{ preserveDrawingBuffer: true, antialias: !software }}
        onPointerMissed={(e) => {
          if (e.type === 'click' && !e.shiftKey) editorStore.getState().select([]);
        }}
      >
        <color attach="background" args={[sky]} />
        <FrameProbe />
        <ViewportPerformance />
        <DefaultLights />
        <GroundGrid />
        <InstancingRoot>
          <SceneObjects />
          <KeptFrame />
        </InstancingRoot>
        <SelectionGizmo />
        <Navigation />
        {viewportExtensions.map(({ id, Component }) => (
          <Component key={id} />
        ))}
      </Canvas>
    </div>
  );
}
