// Inspector sections for set pieces (steps, wall openings), buildings (roof, material, structure read-out)
// and lights (colour, shadows, cone, panel size, sun position).
import { useMemo } from 'react';
import { updateObject, type Building, type Light, type SceneObject, type SetPiece } from '../../core/document';
import { buildingParams, generateBuilding, estimateBuildingTriangles, sunAt } from '../../core/geometry';
import { projectStore } from '../../store/projectStore';
import { NumberField } from '../inspector/NumberField';
import { ColourField } from '../inspector/basicSections';

type P = { object: SceneObject; sceneId: string };
const DEG = 180 / Math.PI;

export function SetPieceShapeSection({ object, sceneId }: P) {
  const o = object as SetPiece;
  const u = (fn: (s: SetPiece) => SetPiece) => updateObject<SetPiece>(sceneId, o.id, fn);
  const run = (label: string, fn: (s: SetPiece) => SetPiece) => projectStore.getState().execute(label, u(fn));
  const openings = o.openings ?? [];
  return (
    <>
      <label className="field">
        <span className="field-label">Shape</span>
        <select value={o.shape} onChange={(e) => run('Set shape', (s) => ({ ...s, shape: e.target.value as SetPiece['shape'] }))}>
          {(['box', 'cylinder', 'plane', 'stairs', 'wall'] as const).map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
      {o.shape === 'stairs' ? (
        <NumberField label="Steps" digits={0} step={0.05} min={1} max={200} value={o.steps ?? 8} edit={(v) => u((s) => ({ ...s, steps: Math.round(v) }))} />
      ) : null}
      {o.shape === 'wall' ? (
        <>
          {openings.map((op, i) => (
            <fieldset key={i} style={{ border: '1px solid #444', margin: '4px 0', padding: 4 }}>
              <legend>Opening {i + 1}</legend>
              {(['offset', 'sill', 'width', 'height'] as const).map((k) => (
                <NumberField key={k} label={k[0]!.toUpperCase() + k.slice(1)} unit="m" min={k === 'offset' ? -1000 : k === 'sill' ? 0 : 0.05} value={op[k]}
                  edit={(v) => u((s) => ({ ...s, openings: (s.openings ?? []).map((x, j) => (j === i ? { ...x, [k]: v } : x)) }))} />
              ))}
              <button onClick={() => run('Remove opening', (s) => ({ ...s, openings: (s.openings ?? []).filter((_, j) => j !== i) }))}>Remove</button>
            </fieldset>
          ))}
          <button
            disabled={openings.length >= 64}
            onClick={() => run('Add opening', (s) => ({ ...s, openings: [...(s.openings ?? []), { offset: 0, sill: 0.9, width: 1, height: 1.2 }] }))}
          >
            Add opening
          </button>
        </>
      ) : null}
    </>
  );
}

export function BuildingStructureSection({ object, sceneId }: P) {
  const o = object as Building;
  const run = (label: string, fn: (b: Building) => Building) => projectStore.getState().execute(label, updateObject<Building>(sceneId, o.id, fn));
  const params = buildingParams(o);
  const key = JSON.stringify(params);
  const stats = useMemo(() => {
    try {
      const g = generateBuilding(params);
      return { ok: true as const, g };
    } catch (e) {
      return { ok: false as const, error: (e as Error).message };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <>
      <label className="field">
        <span className="field-label">Roof</span>
        <select data-testid="building-roof" value={o.roof} onChange={(e) => run('Set roof', (b) => ({ ...b, roof: e.target.value as Building['roof'] }))}>
          <option value="flat">Flat</option>
          <option value="gable">Gable</option>
          <option value="hip">Hip</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Material</span>
        <select value={o.material} onChange={(e) => run('Set material', (b) => ({ ...b, material: e.target.value as Building['material'] }))}>
          {(['concrete', 'brick', 'glass', 'steel'] as const).map((m) => (
            <option key={m} value={m}>{m}</option>
          ))}
        </select>
      </label>
      <ColourField label="Colour" value={o.colour} onChange={(c) => run('Set colour', (b) => ({ ...b, colour: c }))} />
      {stats.ok ? (
        <div className="row small" data-testid="building-stats">
          {stats.g.height.toFixed(1)} m tall · {stats.g.volumes.total.toFixed(1)} m³ of structure ·{' '}
          {stats.g.elements.filter((e) => e.kind !== 'glass').length} pieces · {(stats.g.mesh.indices.length / 3).toLocaleString('en')} triangles
          {stats.g.window ? ` · windows ${stats.g.window.width.toFixed(2)} × ${stats.g.window.height.toFixed(2)} m` : ''}
        </div>
      ) : (
        <div className="row error">
          {stats.error} (≈{estimateBuildingTriangles(params).toLocaleString('en')} triangles)
        </div>
      )}
    </>
  );
}

export function LightSettingsSection({ object, sceneId }: P) {
  const o = object as Light;
  const u = (fn: (l: Light) => Light) => updateObject<Light>(sceneId, o.id, fn);
  const run = (label: string, fn: (l: Light) => Light) => projectStore.getState().execute(label, u(fn));
  const sun = o.kind === 'sun' ? sunAt(o.timeOfDay ?? 12) : null;
  return (
    <>
      <label className="field">
        <span className="field-label">Kind</span>
        <select value={o.kind} onChange={(e) => run('Set light kind', (l) => ({ ...l, kind: e.target.value as Light['kind'] }))}>
          <option value="sun">Sun</option>
          <option value="spot">Spot</option>
          <option value="point">Point</option>
          <option value="area">Area</option>
        </select>
      </label>
      <ColourField label="Colour" value={o.colour} onChange={(c) => run('Set light colour', (l) => ({ ...l, colour: c }))} />
      <label className="field">
        <span className="field-label">Shadows</span>
        <input type="checkbox" checked={o.castShadow} onChange={(e) => run(e.target.checked ? 'Cast shadows' : 'No shadows', (l) => ({ ...l, castShadow: e.target.checked }))} />
      </label>
      {o.kind === 'spot' ? (
        <NumberField label="Cone" unit="°" display={DEG} digits={1} step={0.005} min={0.01} max={Math.PI / 2} value={o.angle ?? 0.5} edit={(v) => u((l) => ({ ...l, angle: v }))} />
      ) : null}
      {o.kind === 'area' ? (
        <>
          <NumberField label="Panel width" unit="m" min={0.05} max={1000} value={o.width ?? 2} edit={(v) => u((l) => ({ ...l, width: v }))} />
          <NumberField label="Panel height" unit="m" min={0.05} max={1000} value={o.height ?? 1} edit={(v) => u((l) => ({ ...l, height: v }))} />
        </>
      ) : null}
      {sun ? (
        <div className="row small" data-testid="sun-readout">
          Sun {sun.elevationDeg.toFixed(1)}° up, bearing {sun.azimuthDeg.toFixed(0)}° {sun.daylight === 0 ? '(night)' : ''} · rotate the sun about Y to set north
        </div>
      ) : null}
    </>
  );
}
