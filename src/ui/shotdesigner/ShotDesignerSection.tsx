// The Shot Designer (inspector, on a camera): the grammar's fields as controls. They are written as words
// (core/shotgrammar compose), shown as chips, and either re-frame this camera or make a new shot; both are one
// undo step and go through the same solver as the command bar.
import { useMemo, useState } from 'react';
import type { Camera, SceneObject } from '../../core/document';
import { composeWords, EMPTY_FIELDS, SIDE_AZIMUTH_DEG, SIZE_NAMES, ANGLE_LABEL, cameraLensSet, type DesignerFields, type SizeCode, type AngleCode, type SideCode } from '../../core/shotgrammar';
import { useActiveScene } from '../../store/projectStore';
import { applyWords, previewWords, reframeCamera } from './shotWords';
import './shotDesigner.css';

const SIZES = Object.keys(SIZE_NAMES).filter((s) => s !== 'INSERT') as SizeCode[];

export function ShotDesignerSection({ object }: { object: SceneObject; sceneId: string }) {
  const cam = object as Camera;
  const scene = useActiveScene();
  const actors = Object.values(scene.objects).filter((o) => o.type === 'actor');
  const props = Object.values(scene.objects).filter((o) => o.type === 'setPiece' || o.type === 'building' || o.type === 'asset');
  const [f, setF] = useState<DesignerFields>(() => ({ ...EMPTY_FIELDS, subject: actors[0]?.name ?? '', other: actors[1]?.name ?? '' }));
  const words = composeWords(f);
  const preview = useMemo(() => previewWords(words), [words, scene]);
  const made = Object.values(scene.shots).find((s) => s.cameraId === cam.id && s.description);
  const set = <K extends keyof DesignerFields>(k: K, v: DesignerFields[K]) => setF((x) => ({ ...x, [k]: v }));
  const lensSet = cameraLensSet(cam);
  const subjects = f.framing === 'insert' ? props : actors;
  return (
    <div className="shot-designer" data-testid="shot-designer">
      {made ? <div className="words" title="the words this camera's shot was made from">“{made.description}”</div> : null}
      <label className="field"><span className="field-label">Framing</span>
        <select aria-label="Framing" value={f.framing} onChange={(e) => set('framing', e.target.value as DesignerFields['framing'])}>
          <option value="single">single</option><option value="two">two-shot</option><option value="ots">over the shoulder</option>
          <option value="pov">POV</option><option value="insert">insert</option>
        </select>
      </label>
      {f.framing !== 'insert' && f.framing !== 'pov' ? (
        <label className="field"><span className="field-label">Size</span>
          <select aria-label="Size" value={f.size} onChange={(e) => set('size', e.target.value as SizeCode)}>
            {SIZES.map((s) => <option key={s} value={s}>{s} · {SIZE_NAMES[s]}</option>)}
          </select>
        </label>
      ) : null}
      <label className="field"><span className="field-label">{f.framing === 'ots' ? 'Onto' : f.framing === 'pov' ? 'POV of' : 'Subject'}</span>
        <select aria-label="Subject" value={f.subject} onChange={(e) => set('subject', e.target.value)}>
          {subjects.map((a) => <option key={a.id} value={a.name}>{a.name}</option>)}
        </select>
      </label>
      {f.framing === 'two' || f.framing === 'ots' || f.framing === 'pov' ? (
        <label className="field"><span className="field-label">{f.framing === 'ots' ? 'Over' : f.framing === 'pov' ? 'Looking at' : 'And'}</span>
          <select aria-label="Other actor" value={f.other} onChange={(e) => set('other', e.target.value)}>
            {f.framing === 'pov' ? <option value="">(ahead)</option> : null}
            {actors.map((a) => <option key={a.id} value={a.name}>{a.name}</option>)}
          </select>
        </label>
      ) : null}
      <label className="field"><span className="field-label">Angle</span>
        <select aria-label="Angle" value={f.angle} onChange={(e) => set('angle', e.target.value as AngleCode | '')}>
          <option value="">eye level (default)</option>
          {(Object.keys(ANGLE_LABEL) as AngleCode[]).map((a) => <option key={a} value={a}>{ANGLE_LABEL[a]}</option>)}
        </select>
      </label>
      {f.framing !== 'pov' && f.framing !== 'ots' ? (
        <label className="field"><span className="field-label">Side</span>
          <select aria-label="Side" value={f.side} onChange={(e) => set('side', e.target.value as SideCode | '')}>
            <option value="">front (default)</option>
            {(Object.keys(SIDE_AZIMUTH_DEG) as SideCode[]).map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      ) : null}
      <label className="field"><span className="field-label">Lens</span>
        <select aria-label="Lens" value={f.lensMm ?? f.lensName} onChange={(e) => {
          const v = e.target.value;
          setF((x) => ({ ...x, lensMm: /^\d/.test(v) ? Number(v) : null, lensName: /^\d/.test(v) ? '' : (v as DesignerFields['lensName']) }));
        }}>
          <option value="">by size (default)</option>
          <option value="wide">wide</option><option value="normal">normal</option><option value="long">long</option>
          {lensSet.focalLengthsMm.map((mm) => <option key={mm} value={mm}>{mm} mm · {lensSet.name}</option>)}
        </select>
      </label>
      <label className="field"><span className="field-label">Height</span>
        <input aria-label="Camera height" type="number" step={0.05} min={0.05} placeholder="from framing" value={f.heightM ?? ''} onChange={(e) => set('heightM', e.target.value === '' ? null : Number(e.target.value))} /> m
      </label>
      <label className="field"><span className="field-label">Dutch</span>
        <input aria-label="Dutch angle" type="number" step={1} min={0} max={89} value={f.dutchDeg ?? ''} placeholder="0" onChange={(e) => set('dutchDeg', e.target.value === '' || Number(e.target.value) === 0 ? null : Number(e.target.value))} /> °
      </label>
      <div className="words" data-testid="shot-designer-words">{words}</div>
      <div className="chips">
        {preview.ok ? preview.chips.map((c, i) => <span key={i} className={`chip chip-${c.kind}`}>{c.label}</span>) : <span className="shot-command-error">{preview.error}</span>}
      </div>
      <div className="row">
        <button disabled={!preview.ok} onClick={() => reframeCamera(cam.id, words)} title="Move and aim this camera, set its lens and focus (one undo step)">Re-frame this camera</button>
        <button disabled={!preview.ok} onClick={() => applyWords(words)} title="A new camera and shot from these fields (one undo step)">New shot</button>
      </div>
    </div>
  );
}
