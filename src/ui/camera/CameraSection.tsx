// Inspector section for a camera: body (sensor), lens set and focal length, squeeze, stop, focus,
// delivery aspect, background plate, and the derived numbers (FOV, depth of field). Every change is one undo step.
import { useEffect, useState } from 'react';
import type { Camera } from '../../core/document';
import {
  SENSOR_PRESETS,
  LENS_SETS,
  DELIVERY_ASPECTS,
  lensSet,
  namedAspect,
  parseAspect,
  cameraFieldOfView,
  circleOfConfusionMm,
  depthOfField,
  formatDistance,
  formatFocalLength,
} from '../../core/lens';
import { projectStore, useProject } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { NumberField } from '../inspector/NumberField';
import { KeyDiamond, executeAutoKey } from '../inspector/keying';
import { AimField } from './AimField';
import { editCamera, setBodyPreset, setCustomBody, setLens, setLensSet, stepCameraLens } from './lensCommands';

const SQUEEZES = [1.3, 1.5, 1.8, 2];

export function CameraSection({ object: c, sceneId }: { object: Camera; sceneId: string }) {
  // auto-keyed: a keyed focal length, stop or focus gets a key at the playhead
  const exec = executeAutoKey;
  const set = lensSet(c.lens.lensSetId);
  const fov = cameraFieldOfView(c);
  const coc = circleOfConfusionMm(c.body);
  const dof = depthOfField(c.lens.focalLengthMm, c.lens.tStop, c.lens.focusDistanceM, coc);
  const fmt = (m: number) => (Number.isFinite(m) ? `${m.toFixed(2)} m` : '∞');
  const primeValues = set?.kind === 'prime' ? [...new Set([...set.focalLengthsMm, c.lens.focalLengthMm])].sort((a, b) => a - b) : null;
  return (
    <div className="camera-section" data-testid="camera-section">
      <label className="field">
        <span className="field-label">Body</span>
        <select
          data-testid="camera-body"
          value={c.body.sensorPresetId ?? ''}
          onChange={(e) => {
            const edit = setBodyPreset(sceneId, c.id, e.target.value);
            if (edit) exec(`Body ${e.target.selectedOptions[0]?.text ?? ''}`, edit);
          }}
        >
          <option value="">Custom…</option>
          {SENSOR_PRESETS.map((s) => (
            <option key={s.id} value={s.id} title={s.source}>{s.name}</option>
          ))}
        </select>
      </label>
      <NumberField label="Sensor W" unit="mm" min={1} max={100} step={0.01} digits={2} value={c.body.sensorWidthMm} edit={(v) => setCustomBody(sceneId, c.id, v, c.body.sensorHeightMm)} />
      <NumberField label="Sensor H" unit="mm" min={1} max={100} step={0.01} digits={2} value={c.body.sensorHeightMm} edit={(v) => setCustomBody(sceneId, c.id, c.body.sensorWidthMm, v)} />
      <label className="field">
        <span className="field-label">Lens set</span>
        <select data-testid="camera-lens-set" value={c.lens.lensSetId ?? ''} onChange={(e) => exec('Lens set', setLensSet(sceneId, c.id, e.target.value || null))}>
          <option value="">None</option>
          {LENS_SETS.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      {primeValues ? (
        <label className="field">
          <span className="field-label"><KeyDiamond property="lens.focalLengthMm" />Focal length</span>
          <select
            data-testid="camera-focal"
            value={c.lens.focalLengthMm}
            onChange={(e) => exec(`Lens ${e.target.value} mm`, setLens(sceneId, c.id, { focalLengthMm: Number(e.target.value) }))}
          >
            {primeValues.map((f) => (
              <option key={f} value={f}>{formatFocalLength(f)}</option>
            ))}
          </select>
        </label>
      ) : (
        <NumberField
          label="Focal length"
          unit="mm"
          testId="camera-focal"
          channel="lens.focalLengthMm"
          min={set ? set.focalLengthsMm[0] : 1}
          max={set ? set.focalLengthsMm[set.focalLengthsMm.length - 1] : 2000}
          step={0.5}
          digits={2}
          value={c.lens.focalLengthMm}
          edit={(v) => setLens(sceneId, c.id, { focalLengthMm: v })}
        />
      )}
      <div className="row">
        <button title="Previous lens in the set  [" onClick={() => selectAnd(c.id, () => stepCameraLens(-1))}>[ wider</button>{' '}
        <button title="Next lens in the set  ]" onClick={() => selectAnd(c.id, () => stepCameraLens(1))}>longer ]</button>
      </div>
      <label className="field">
        <span className="field-label">Optics</span>
        <select
          data-testid="camera-squeeze"
          value={c.lens.kind === 'anamorphic' ? String(c.lens.squeeze) : '1'}
          onChange={(e) => {
            const sq = Number(e.target.value);
            exec(sq > 1 ? `Anamorphic ${sq}×` : 'Spherical', setLens(sceneId, c.id, { kind: sq > 1 ? 'anamorphic' : 'spherical', squeeze: sq }));
          }}
        >
          <option value="1">Spherical</option>
          {SQUEEZES.map((s) => (
            <option key={s} value={String(s)}>{s}× anamorphic</option>
          ))}
        </select>
      </label>
      <NumberField label="T-stop" channel="lens.tStop" min={0.5} max={64} step={0.05} digits={1} value={c.lens.tStop} edit={(v) => setLens(sceneId, c.id, { tStop: v })} />
      <NumberField label="Focus" unit="m" testId="camera-focus" channel="lens.focusDistanceM" min={0.05} max={100000} step={0.02} digits={2} value={c.lens.focusDistanceM} edit={(v) => setLens(sceneId, c.id, { focusDistanceM: v })} />
      <AimField c={c} sceneId={sceneId} />
      <AspectField c={c} sceneId={sceneId} />
      <BackgroundPlateField c={c} sceneId={sceneId} />
      <div className="row mono" data-testid="camera-readout">
        FOV {fov.horizontalDeg.toFixed(2)}° × {fov.verticalDeg.toFixed(2)}° · image {fov.area.desqueezedWidthMm.toFixed(2)} × {fov.area.heightMm.toFixed(2)} mm
        <br />
        Focus {formatDistance(c.lens.focusDistanceM)} · DOF {fmt(dof.nearM)} – {fmt(dof.farM)} · hyperfocal {fmt(dof.hyperfocalM)} · CoC {coc.toFixed(3)} mm
      </div>
      <div className="row">
        <button data-testid="camera-look-through" onClick={() => editorStore.getState().setViewMode('lookThrough', c.id)}>Look through</button>
      </div>
    </div>
  );
}

function selectAnd(id: string, fn: () => void) {
  const ed = editorStore.getState();
  if (!ed.selection.includes(id)) ed.select([id]);
  fn();
}

/** The plate shown behind the set when looking through this camera (and in its stills and animatics). */
function BackgroundPlateField({ c, sceneId }: { c: Camera; sceneId: string }) {
  const objects = useProject((s) => s.project.scenes[sceneId]?.objects);
  const plates = Object.values(objects ?? {}).filter((o) => o.type === 'plate');
  const set = (id: string | null) => {
    if (id === c.backgroundPlateId) return;
    const name = plates.find((p) => p.id === id)?.name;
    projectStore.getState().execute(name ? `Background plate ${name}` : 'No background plate', editCamera(sceneId, c.id, (x) => ({ ...x, backgroundPlateId: id })));
  };
  return (
    <label className="field">
      <span className="field-label">Background plate</span>
      <select data-testid="camera-background-plate" value={c.backgroundPlateId ?? ''} onChange={(e) => set(e.target.value || null)}>
        <option value="">None</option>
        {plates.map((p) => (
          <option key={p.id} value={p.id}>{p.name}</option>
        ))}
      </select>
    </label>
  );
}

function AspectField({ c, sceneId }: { c: Camera; sceneId: string }) {
  const named = namedAspect(c.deliveryAspect);
  const [custom, setCustom] = useState(named ? '' : String(c.deliveryAspect));
  useEffect(() => setCustom(named ? '' : String(c.deliveryAspect)), [c.deliveryAspect, named]);
  const exec = projectStore.getState().execute;
  const setAspect = (v: number) => exec(`Aspect ${v.toFixed(2)}`, editCamera(sceneId, c.id, (x) => ({ ...x, deliveryAspect: v })));
  return (
    <>
      <label className="field">
        <span className="field-label">Aspect</span>
        <select
          data-testid="camera-aspect"
          value={named?.id ?? 'custom'}
          onChange={(e) => {
            const a = DELIVERY_ASPECTS.find((x) => x.id === e.target.value);
            if (a) setAspect(a.value);
            else setCustom(String(Number(c.deliveryAspect.toFixed(3))));
          }}
        >
          {DELIVERY_ASPECTS.map((a) => (
            <option key={a.id} value={a.id}>{a.label}</option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {!named || custom ? (
        <label className="field">
          <span className="field-label">Custom</span>
          <input
            data-testid="camera-aspect-custom"
            value={custom}
            placeholder="2.2:1"
            onChange={(e) => setCustom(e.target.value)}
            onBlur={() => {
              if (!custom.trim()) return;
              const r = parseAspect(custom);
              if (!r.ok) return editorStore.getState().notify('error', r.error);
              if (r.value !== c.deliveryAspect) setAspect(r.value);
            }}
          />
        </label>
      ) : null}
    </>
  );
}
