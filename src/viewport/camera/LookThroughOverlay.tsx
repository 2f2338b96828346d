// The viewfinder drawn over the look-through picture: letterbox matte, frame guides, HUD and the
// operator's toggles. Its frame rect comes from the same letterboxRect the projection uses.
import { useEffect, useMemo, useRef, useState } from 'react';
import { guideGeometry, letterboxRect, parseAspect, type GuideSettings } from '../../core/lens';
import { useProject } from '../../store/projectStore';
import { editorStore, useEditor } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import type { Camera } from '../../core/document';
import { getEvaluatedCamera } from './evaluatedCamera';
import { cameraInWorld } from './worldCamera';
import { hudFields } from './hudText';
import { useLookThroughSettings, lookThroughSettings } from './lookThroughSettings';
import { observeSize } from './domOverlay';

function usePlayheadFrame(): number {
  const [frame, setFrame] = useState(playhead.frame);
  useEffect(() => {
    let raf = 0;
    const off = playhead.subscribe(() => {
      if (!raf) raf = requestAnimationFrame(() => ((raf = 0), setFrame(playhead.frame)));
    });
    return () => {
      off();
      cancelAnimationFrame(raf);
    };
  }, []);
  return frame;
}

export function LookThroughOverlay() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  useEffect(() => (ref.current ? observeSize(ref.current, (w, h) => setSize([w, h])) : undefined), []);
  const frame = usePlayheadFrame();
  const camId = useEditor((s) => s.lookThroughCameraId);
  const project = useProject((s) => s.project);
  const sceneId = useProject((s) => s.activeSceneId);
  // an evaluator may build a new object per call: evaluate outside the store selector
  const cam = useMemo(() => {
    const c = camId ? getEvaluatedCamera(project, sceneId, camId, frame) : null;
    return c ? cameraInWorld(c) : null;
  }, [project, sceneId, camId, frame]);
  const settings = useLookThroughSettings((s) => s);
  const [w, h] = size;
  return (
    <div ref={ref} style={{ position: 'absolute', inset: 0 }} data-testid="look-through">
      {cam && w > 0 && h > 0 ? <Viewfinder cam={cam} w={w} h={h} guides={settings.guides} matte={settings.matteOpacity} hud={settings.hud} /> : null}
      <Controls />
    </div>
  );
}

function Viewfinder({ cam, w, h, guides, matte, hud }: { cam: Camera; w: number; h: number; guides: GuideSettings; matte: number; hud: boolean }) {
  const r = letterboxRect(cam.deliveryAspect, w / h);
  const fx = r.x * w, fy = r.y * h, fw = r.width * w, fh = r.height * h;
  const g = guideGeometry(guides, cam.deliveryAspect);
  const bar = (style: React.CSSProperties) => <div style={{ position: 'absolute', background: `rgba(0,0,0,${matte})`, ...style }} />;
  return (
    <>
      {bar({ left: 0, top: 0, width: w, height: fy })}
      {bar({ left: 0, top: fy + fh, width: w, height: h - fy - fh })}
      {bar({ left: 0, top: fy, width: fx, height: fh })}
      {bar({ left: fx + fw, top: fy, width: w - fx - fw, height: fh })}
      <svg
        data-testid="look-through-frame"
        data-frame={[fx, fy, fw, fh].map((v) => v.toFixed(2)).join(',')}
        style={{ position: 'absolute', left: fx, top: fy, width: fw, height: fh, overflow: 'visible' }}
        viewBox={`0 0 ${fw} ${fh}`}
      >
        <rect x={0} y={0} width={fw} height={fh} fill="none" stroke="rgba(255,255,255,0.35)" strokeWidth={1} />
        {g.lines.map((l, i) => (
          <line key={i} x1={l.segment.x1 * fw} y1={l.segment.y1 * fh} x2={l.segment.x2 * fw} y2={l.segment.y2 * fh} stroke="rgba(255,255,255,0.55)" strokeWidth={1} />
        ))}
        {g.rects.map((q, i) => (
          <g key={i}>
            <rect x={q.rect.x * fw} y={q.rect.y * fh} width={q.rect.width * fw} height={q.rect.height * fh} fill="none" stroke={q.kind === 'custom' ? 'rgba(255,176,32,0.8)' : 'rgba(255,255,255,0.5)'} strokeDasharray="6 4" />
            <text x={q.rect.x * fw + 4} y={q.rect.y * fh + 12} fill="rgba(255,255,255,0.7)" fontSize={10}>{q.label}</text>
          </g>
        ))}
      </svg>
      {hud ? <Hud cam={cam} /> : null}
    </>
  );
}

function Hud({ cam }: { cam: Camera }) {
  const fields = hudFields(cam);
  return (
    <div
      data-testid="look-through-hud"
      style={{ position: 'absolute', left: 8, bottom: 6, right: 8, display: 'flex', flexWrap: 'wrap', gap: '2px 14px', font: '11px ui-monospace, monospace', color: '#e8e8e8', textShadow: '0 0 3px #000' }}
    >
      <span style={{ color: '#ffb020' }}>{cam.name}</span>
      {fields.map((f) => (
        <span key={f.key} data-hud={f.key}>
          <span style={{ color: '#9aa3ad' }}>{f.label} </span>
          {f.value}
        </span>
      ))}
    </div>
  );
}

function Controls() {
  const s = useLookThroughSettings((x) => x);
  // select stable references from the store; derive lists outside the selector
  const objects = useProject((p) => p.project.scenes[p.activeSceneId]?.objects);
  const shotMap = useProject((p) => p.project.scenes[p.activeSceneId]?.shots);
  const cameras = useMemo(() => Object.values(objects ?? {}).filter((o): o is Camera => o.type === 'camera'), [objects]);
  const shots = shotMap ?? {};
  const camId = useEditor((x) => x.lookThroughCameraId);
  const [custom, setCustom] = useState(s.guides.customAspect ? String(s.guides.customAspect) : '');
  const tog = (key: 'thirds' | 'centre' | 'actionSafe' | 'titleSafe', label: string) => (
    <label>
      <input type="checkbox" checked={s.guides[key]} onChange={(e) => lookThroughSettings.getState().setGuides({ [key]: e.target.checked })} /> {label}
    </label>
  );
  const shotLabel = (id: string) => {
    const nums = Object.values(shots).filter((x) => x.cameraId === id).map((x) => x.number);
    return nums.length ? ` (shot ${nums.join(', ')})` : '';
  };
  return (
    <div
      className="look-through-controls"
      style={{ position: 'absolute', top: 6, left: 8, right: 8, display: 'flex', flexWrap: 'nowrap', whiteSpace: 'nowrap', gap: 8, alignItems: 'center', pointerEvents: 'auto', font: '11px system-ui', color: '#ddd', textShadow: '0 0 3px #000' }}
    >
      <select data-testid="look-through-camera" value={camId ?? ''} onChange={(e) => editorStore.getState().setViewMode('lookThrough', e.target.value)}>
        {cameras.map((c) => (
          <option key={c.id} value={c.id}>{c.name}{shotLabel(c.id)}</option>
        ))}
      </select>
      {/* one line in the matte above the frame: the guides and display options open as menus */}
      <details className="lt-menu">
        <summary>Guides</summary>
        <div className="lt-menu-body">
          {tog('thirds', 'Thirds')}
          {tog('centre', 'Centre')}
          {tog('actionSafe', 'Action safe')}
          {tog('titleSafe', 'Title safe')}
          <label title="An extra frame line, e.g. 1.85 inside 2.39">
            Frame line{' '}
            <input
              style={{ width: 54 }}
              value={custom}
              placeholder="1.85"
              onChange={(e) => setCustom(e.target.value)}
              onBlur={() => {
                if (!custom.trim()) return lookThroughSettings.getState().setGuides({ customAspect: null });
                const r = parseAspect(custom);
                if (r.ok) lookThroughSettings.getState().setGuides({ customAspect: r.value });
                else editorStore.getState().notify('error', r.error);
              }}
            />
          </label>
          <label title="An extra safe area, percent of the frame">
            Safe %{' '}
            <input
              style={{ width: 40 }}
              type="number"
              min={1}
              max={100}
              value={s.guides.customSafePercent ?? ''}
              onChange={(e) => {
                const v = e.target.value === '' ? null : Number(e.target.value);
                if (v === null || (v > 0 && v <= 100)) lookThroughSettings.getState().setGuides({ customSafePercent: v });
                else editorStore.getState().notify('error', `safe area: ${e.target.value}% is outside 1–100`);
              }}
            />
          </label>
        </div>
      </details>
      <label>
        <input type="checkbox" data-testid="dof-preview" checked={s.dofPreview} onChange={(e) => s.set({ dofPreview: e.target.checked })} /> DOF
      </label>
      <details className="lt-menu">
        <summary>Display</summary>
        <div className="lt-menu-body">
          <label>
            <input type="checkbox" checked={s.focusZone} onChange={(e) => s.set({ focusZone: e.target.checked })} /> Focus zone
          </label>
          <label>
            <input type="checkbox" checked={s.hud} onChange={(e) => s.set({ hud: e.target.checked })} /> HUD
          </label>
          <label>
            Matte <input type="range" min={0} max={1} step={0.05} value={s.matteOpacity} onChange={(e) => s.set({ matteOpacity: Number(e.target.value) })} />
          </label>
        </div>
      </details>
      <button onClick={() => editorStore.getState().setViewMode('perspective')}>Exit look-through</button>
    </div>
  );
}
