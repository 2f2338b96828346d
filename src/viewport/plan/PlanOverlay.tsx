// The plan's DOM layer: a 2D canvas with the wedges, marks and measurement (drawPlan), and the
// plan tools: measure, snap, fit, export PNG or a PDF floor-plan sheet, and the measured distance in metres and feet.
import { useEffect, useRef, useState } from 'react';
import { formatDistance } from '../../core/lens';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { drawPlan } from './drawPlan';
import { fitView } from './planGeometry';
import { planState, usePlanState } from './planState';
import { currentPlanModel, exportPlanPdfToFile, exportPlanToFile, fitPoints } from './planService';

export function PlanOverlay() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = usePlanState((s) => s.view);
  const measurement = usePlanState((s) => s.measurement);
  const measuring = usePlanState((s) => s.measuring);
  const snapOn = usePlanState((s) => s.snap);
  const paper = usePlanState((s) => s.paper);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const a = projectStore.subscribe(() => setRevision((r) => r + 1));
    const b = playhead.subscribe(() => setRevision((r) => r + 1));
    return () => {
      a();
      b();
    };
  }, []);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !view) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(view.width * dpr);
    c.height = Math.round(view.height * dpr);
    const g = c.getContext('2d');
    const model = currentPlanModel();
    if (!g || !model) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, view.width, view.height);
    drawPlan(g, view, model, measurement);
  }, [view, measurement, revision]);
  const fit = () => {
    const v = planState.getState().view;
    if (v) planState.getState().setView(fitView(fitPoints(), v.width, v.height));
  };
  return (
    <>
      <canvas ref={canvas} data-testid="plan-marks" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }} />
      <div style={{ position: 'absolute', top: 6, left: 8, display: 'flex', gap: 6, alignItems: 'center', pointerEvents: 'auto', font: '12px system-ui', color: '#eee' }}>
        <button data-testid="plan-measure" className={measuring ? 'on' : ''} onClick={() => {
            // measuring clicks must not grab the move gizmo of a selected object
            if (!measuring) editorStore.getState().select([]);
            planState.getState().setMeasuring(!measuring);
          }} title="Click two points to measure; Esc clears">
          Measure
        </button>
        <label>
          <input type="checkbox" checked={snapOn} onChange={(e) => planState.getState().setSnap(e.target.checked)} /> Snap to cameras/actors
        </label>
        <button onClick={fit}>Fit</button>
        <button data-testid="plan-export" onClick={() => void exportPlanToFile()}>Export PNG</button>
        <button data-testid="plan-export-pdf" onClick={() => void exportPlanPdfToFile()} title="A printable floor-plan sheet: scale bars in m and ft, title block">
          Export PDF
        </button>
        <select aria-label="Paper" data-testid="plan-paper" value={paper} onChange={(e) => planState.getState().setPaper(e.target.value as 'A4' | 'Letter')}>
          <option value="A4">A4</option>
          <option value="Letter">Letter</option>
        </select>
        <span style={{ color: '#bbb', textShadow: '0 0 3px #000' }}>wheel: zoom · drag: pan (right-drag with a selection)</span>
        <span data-testid="plan-distance" style={{ background: 'rgba(0,0,0,0.6)', padding: '2px 6px' }}>
          {measurement?.distanceM != null
            ? formatDistance(measurement.distanceM)
            : measuring
              ? measurement
                ? 'click the second point'
                : 'click the first point'
              : ''}
        </span>
      </div>
    </>
  );
}
