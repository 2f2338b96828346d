// Plan view: an orthographic camera straight down over the set, pan (drag) and zoom (wheel), the
// measuring tool, and the overlay with camera wedges and actor marks.
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrthographicCamera } from 'three';
import { useEditor, editorStore } from '../../store/editorStore';
import { projectStore } from '../../store/projectStore';
import { formatDistance } from '../../core/lens';
import { EDITOR_ONLY_LAYER } from '../camera/layers';
import { useDomOverlay } from '../camera/domOverlay';
import { fitView, planDistance, screenToPlan, snap, snapTargets, zoomAt, type P2 } from './planGeometry';
import { planState } from './planState';
import { renderPlanPdf, renderPlanPng } from './planExport';
import { planSheetCameras, planShotLabel } from './planSheetInfo';
import { playhead } from '../../store/playhead';
import { getEvaluatedCamera } from '../camera/evaluatedCamera';
import { cameraInWorld } from '../camera/worldCamera';
import { PlanOverlay } from './PlanOverlay';
import { currentPlanModel, fitPoints, planExporter } from './planService';

export function PlanViewExtension() {
  const active = useEditor((s) => s.viewMode === 'plan');
  return active ? <ActivePlan /> : null;
}

function ActivePlan() {
  const set = useThree((s) => s.set);
  const getState = useThree((s) => s.get);
  const gl = useThree((s) => s.gl);
  const size = useThree((s) => s.size);
  const saved = useRef<ReturnType<typeof getState>['camera'] | null>(null);
  const cam = useMemo(() => {
    const c = new OrthographicCamera(-1, 1, 1, -1, 0.1, 4000);
    (c as OrthographicCamera & { manual?: boolean }).manual = true;
    c.rotation.set(-Math.PI / 2, 0, 0);
    c.layers.enable(EDITOR_ONLY_LAYER);
    return c;
  }, []);

  useEffect(() => {
    // read now, not at render: a view being left (plan ↔ look-through) restores its camera in its cleanup first
    saved.current = getState().camera;
    set({ camera: cam });
    return () => {
      if (saved.current) set({ camera: saved.current });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cam, set]);

  // keep the view sized to the canvas; fit the set the first time
  useEffect(() => {
    const st = planState.getState();
    if (!st.view) {
      st.setView(fitView(fitPoints(), size.width, size.height));
    } else if (st.view.width !== size.width || st.view.height !== size.height) {
      st.setView({ ...st.view, width: size.width, height: size.height });
    }
  }, [size.width, size.height]);

  useEffect(() => {
    planExporter.exportPng = () => {
      const v = planState.getState().view;
      const m = currentPlanModel();
      if (!v || !m) return Promise.reject(new Error('nothing to export'));
      const { project, activeSceneId } = projectStore.getState();
      return renderPlanPng(gl, v, m, planState.getState().measurement, {
        project: project.name,
        scene: project.scenes[activeSceneId]?.name ?? '',
        date: new Date().toISOString().slice(0, 10),
      });
    };
    planExporter.exportPdf = () => {
      const v = planState.getState().view;
      const m = currentPlanModel();
      const { project, activeSceneId } = projectStore.getState();
      const scene = project.scenes[activeSceneId];
      if (!v || !m || !scene) return Promise.reject(new Error('nothing to export'));
      const frame = playhead.frame;
      return renderPlanPdf(gl, v, m, planState.getState().measurement, {
        title: {
          project: project.name,
          scene: scene.name,
          shot: planShotLabel(scene, frame),
          date: new Date().toISOString().slice(0, 10),
          author: project.settings.author || undefined,
        },
        cameras: planSheetCameras(scene, (c) => cameraInWorld(getEvaluatedCamera(project, activeSceneId, c.id, frame) ?? c)),
        paper: planState.getState().paper,
      });
    };
    return () => {
      planExporter.exportPng = null;
      planExporter.exportPdf = null;
    };
  }, [gl]);

  usePlanInput(gl.domElement);
  useDomOverlay(PlanOverlay, 'plan-overlay');

  useFrame(() => {
    const v = planState.getState().view;
    if (!v) return;
    cam.left = (-v.width / 2) * v.metresPerPx;
    cam.right = (v.width / 2) * v.metresPerPx;
    cam.top = (v.height / 2) * v.metresPerPx;
    cam.bottom = (-v.height / 2) * v.metresPerPx;
    cam.position.set(v.centre[0], 1000, v.centre[1]);
    cam.updateProjectionMatrix();
    cam.updateMatrixWorld();
  });
  return null;
}

function usePlanInput(el: HTMLCanvasElement) {
  useEffect(() => {
    let drag: { x: number; y: number; centre: P2 } | null = null;
    const local = (e: MouseEvent): P2 => {
      const r = el.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    const onWheel = (e: WheelEvent) => {
      const v = planState.getState().view;
      if (!v) return;
      e.preventDefault();
      planState.getState().setView(zoomAt(v, local(e), Math.exp(e.deltaY * 0.0015)));
    };
    const onDown = (e: PointerEvent) => {
      const st = planState.getState();
      const v = st.view;
      if (!v) return;
      if (st.measuring && e.button === 0) {
        // a measuring click is not a selection click
        e.stopPropagation();
        const m = currentPlanModel();
        let p = screenToPlan(v, local(e));
        if (st.snap && m) p = snap(p, snapTargets(m), 12 * v.metresPerPx).at;
        const cur = st.measurement;
        if (!cur || cur.b) st.setMeasurement({ a: p, b: null, distanceM: null });
        else {
          const d = planDistance(cur.a, p);
          st.setMeasurement({ a: cur.a, b: p, distanceM: d });
          editorStore.getState().notify('info', `Measured ${formatDistance(d)}`);
        }
        return;
      }
      // left-drag pans only when nothing is selected: with a selection the move gizmo owns left-drag
      // (blocking in plan), so panning is on the middle or right button
      if (e.button === 0 && editorStore.getState().selection.length > 0) return;
      drag = { x: e.clientX, y: e.clientY, centre: v.centre };
      el.setPointerCapture(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      const v = planState.getState().view;
      if (!drag || !v) return;
      const dx = (e.clientX - drag.x) * v.metresPerPx;
      const dy = (e.clientY - drag.y) * v.metresPerPx;
      planState.getState().setView({ ...v, centre: [drag.centre[0] - dx, drag.centre[1] - dy] });
    };
    const onUp = () => (drag = null);
    const onMenu = (e: MouseEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      if (planState.getState().measuring) e.stopPropagation();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.code === 'Escape') planState.getState().setMeasurement(null);
    };
    // one signal takes every listener down with the effect
    const off = new AbortController();
    el.addEventListener('wheel', onWheel, { passive: false, signal: off.signal });
    el.addEventListener('pointerdown', onDown, { signal: off.signal });
    el.addEventListener('pointermove', onMove, { signal: off.signal });
    el.addEventListener('pointerup', onUp, { signal: off.signal });
    el.addEventListener('contextmenu', onMenu, { signal: off.signal });
    el.addEventListener('click', onClick, { signal: off.signal });
    window.addEventListener('keydown', onKey, { signal: off.signal });
    return () => {
      off.abort();
    };
  }, [el]);
}
