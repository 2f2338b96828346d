// Inside the viewport Canvas: applies the timeline to the live objects. It re-evaluates only when the
// playhead frame or the document changes, so a gizmo drag (which moves refs without touching either) is
// never fought, and React never re-renders for playback.
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Project } from '../../core/document';
import { evaluateScene, evaluateObject } from '../../core/timeline';
import { projectStore } from '../../store/projectStore';
import { playhead } from '../../store/playhead';
import { objectRefs } from '../objectRefs';
import { applyEvaluated, liveEvaluation } from './applyEvaluated';
import { setLiveViewport } from './liveViewport';
import { setCameraEvaluator } from '../camera/evaluatedCamera';
import { registerTestHook } from '../../testHook';

// look-through, HUD and plan views ask getEvaluatedCamera; from now on they see animated cameras
setCameraEvaluator((project, sceneId, cameraId, frame) => {
  const o = evaluateObject(project, sceneId, cameraId, frame);
  return o && o.type === 'camera' ? o : null;
});

/** Counters the e2e test reads to prove playback does not re-render React. */
export const animationStats = { applies: 0, driverRenders: 0, dopeSheetRenders: 0, lastFrame: -1 };
registerTestHook('animation', animationStats);

export function ViewportAnimation() {
  animationStats.driverRenders++;
  const get = useThree((s) => s.get);
  useEffect(() => {
    setLiveViewport(get);
    return () => setLiveViewport(null);
  }, [get]);
  const last = useRef<{ project: Project | null; sceneId: string; frame: number; written: Set<string>; refCount: number }>({
    project: null,
    sceneId: '',
    frame: NaN,
    written: new Set(),
    refCount: -1,
  });
  // priority 0 but declared before look-through (priority 1) renders: objects are posed first
  useFrame(() => {
    const { project, activeSceneId } = projectStore.getState();
    const frame = playhead.frame;
    const l = last.current;
    // objects mounted since the last apply (an undo re-creating one) need their pose too
    if (l.project === project && l.sceneId === activeSceneId && l.frame === frame && l.refCount === objectRefs.size) return;
    if (!project.scenes[activeSceneId]) return;
    const e = evaluateScene(project, activeSceneId, frame);
    l.written = applyEvaluated(objectRefs, e, l.sceneId === activeSceneId ? l.written : new Set(), project.scenes[activeSceneId]!.objects);
    l.project = project;
    l.sceneId = activeSceneId;
    l.frame = frame;
    l.refCount = objectRefs.size;
    liveEvaluation.current = e;
    animationStats.applies++;
    animationStats.lastFrame = frame;
  });
  return null;
}
