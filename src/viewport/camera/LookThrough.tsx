// Look-through: the viewport becomes the chosen camera. Its transform and lens are read every frame from
// getEvaluatedCamera (document value now, animated values once the timeline installs its evaluator),
// applied with applyLens, and the picture optionally goes through the DOF preview pass.
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { PerspectiveCamera } from 'three';
import { useEditor, editorStore } from '../../store/editorStore';
import { projectStore } from '../../store/projectStore';
import { playhead } from '../../store/playhead';
import { cameraFieldOfView, circleOfConfusionMm, type CameraProjection } from '../../core/lens';
import { applyLens, applyCameraTransform } from './applyLens';
import { getEvaluatedCamera } from './evaluatedCamera';
import { cameraInWorld } from './worldCamera';
import { resolveLookThroughCamera } from './resolveCamera';
import { lookThroughSettings } from './lookThroughSettings';
import { DofPass } from './DofPass';
import { useDomOverlay } from './domOverlay';
import { LookThroughOverlay } from './LookThroughOverlay';
import { registerTestHook } from '../../testHook';
import { withBackdrop, clearBackdropLive } from '../plates/backdrop';
import { ndcRect } from '../plates/backdropFit';
import { ShotCameraPilot } from './ShotCameraPilot';

/** The live look-through state, for the HUD and tests (per-frame data: a plain object, not React state). */
export const lookThroughLive: { cameraId: string | null; projection: CameraProjection | null; viewport: [number, number] } = {
  cameraId: null,
  projection: null,
  viewport: [0, 0],
};
registerTestHook('lookThrough', lookThroughLive);

export function LookThroughView() {
  const active = useEditor((s) => s.viewMode === 'lookThrough');
  return active ? <ActiveLookThrough /> : null;
}

function ActiveLookThrough() {
  const set = useThree((s) => s.set);
  const getState = useThree((s) => s.get);
  const cam = useMemo(() => {
    const c = new PerspectiveCamera(40, 1, 0.05, 5000);
    // R3F must not reset the aspect on resize; applyLens owns it
    (c as PerspectiveCamera & { manual?: boolean }).manual = true;
    c.layers.set(0);
    return c;
  }, []);
  const saved = useRef<ReturnType<typeof getState>['camera'] | null>(null);
  const dof = useMemo(() => new DofPass(), []);

  useEffect(() => {
    const { project, activeSceneId } = projectStore.getState();
    const scene = project.scenes[activeSceneId];
    const ed = editorStore.getState();
    const chosen = scene ? resolveLookThroughCamera(scene, ed.lookThroughCameraId, ed.selection) : null;
    if (!chosen) {
      ed.notify('error', 'Look through: this scene has no camera. Add one from Add → Camera.');
      ed.setViewMode('perspective');
      return;
    }
    if (chosen.id !== ed.lookThroughCameraId) ed.setViewMode('lookThrough', chosen.id);
    // read now, not at render: a view being left (plan ↔ look-through) restores its camera in its cleanup first
    saved.current = getState().camera;
    set({ camera: cam });
    return () => {
      if (saved.current) set({ camera: saved.current });
      lookThroughLive.cameraId = null;
      lookThroughLive.projection = null;
      clearBackdropLive();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cam, set]);

  useEffect(() => () => dof.dispose(), [dof]);
  useDomOverlay(LookThroughOverlay, 'look-through-overlay');

  // priority 1: this callback renders the frame itself (R3F stops its own render while one exists)
  useFrame((state) => {
    const { project, activeSceneId } = projectStore.getState();
    const id = editorStore.getState().lookThroughCameraId;
    const evaluated = id ? getEvaluatedCamera(project, activeSceneId, id, playhead.frame) : null;
    const c = evaluated ? cameraInWorld(evaluated) : null;
    const { width, height } = state.size;
    if (!c || width === 0 || height === 0) {
      state.gl.render(state.scene, state.camera);
      return;
    }
    applyCameraTransform(cam, c.transform);
    const p = applyLens(cam, c, width / height);
    lookThroughLive.cameraId = c.id;
    lookThroughLive.projection = p;
    lookThroughLive.viewport = [width, height];
    const settings = lookThroughSettings.getState();
    // the camera's background plate (if it names one) fills the letterbox opening behind the set
    withBackdrop(state.scene, project, activeSceneId, c.id, p.deliveryAspect, ndcRect(p.frame), () => {
      if (settings.dofPreview) {
        const area = cameraFieldOfView(c).area;
        const frameHeightPx = p.frame.height * height;
        dof.render(state.gl, state.scene, cam, {
          focalLengthMm: c.lens.focalLengthMm,
          stop: c.lens.tStop,
          focusDistanceM: c.lens.focusDistanceM,
          imageHeightMm: area.heightMm,
          frameHeightPx,
          showFocus: settings.focusZone,
          cocPx: (circleOfConfusionMm(c.body) / area.heightMm) * frameHeightPx,
        });
      } else {
        state.gl.render(state.scene, cam);
      }
    }, true);
  }, 1);
  // looking through, the view's gestures move the shot camera itself
  return <ShotCameraPilot />;
}
