// Inspector sections for the fields of each object type, with units.
import type { Actor, Building, EffectLayer, Light, SceneObject, SetPiece } from '../../core/document';
import { updateObject } from '../../core/document';
import { projectStore } from '../../store/projectStore';
import { NumberField } from './NumberField';
import { KeyDiamond } from './keying';

type P<T> = { object: T; sceneId: string };
const upd = <T extends SceneObject>(sceneId: string, id: string, fn: (o: T) => T) => updateObject<T>(sceneId, id, fn);

export function ColourField({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type="color" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function SetPieceSection({ object: o, sceneId }: P<SetPiece>) {
  const axes = ['Width', 'Height', 'Depth'] as const;
  return (
    <>
      <div className="row">Shape: {o.shape}</div>
      {axes.map((a, i) => (
        <NumberField
          key={a}
          label={a}
          unit="m"
          min={0.01}
          value={o.size[i]!}
          edit={(v) => upd<SetPiece>(sceneId, o.id, (x) => ({ ...x, size: x.size.map((s, j) => (j === i ? v : s)) as SetPiece['size'] }))}
        />
      ))}
      <ColourField
        label="Colour"
        value={o.colour}
        onChange={(c) => projectStore.getState().execute('Set colour', upd<SetPiece>(sceneId, o.id, (x) => ({ ...x, colour: c })))}
      />
    </>
  );
}

export function BuildingSection({ object: o, sceneId }: P<Building>) {
  const u = (fn: (b: Building) => Building) => upd<Building>(sceneId, o.id, fn);
  return (
    <>
      <NumberField label="Width" unit="m" min={1} value={o.footprint.width} edit={(v) => u((b) => ({ ...b, footprint: { ...b.footprint, width: v } }))} />
      <NumberField label="Depth" unit="m" min={1} value={o.footprint.depth} edit={(v) => u((b) => ({ ...b, footprint: { ...b.footprint, depth: v } }))} />
      <NumberField label="Floors" step={0.05} min={1} max={200} digits={0} value={o.floors} edit={(v) => u((b) => ({ ...b, floors: Math.round(v) }))} />
      <NumberField label="Floor height" unit="m" min={2} max={20} value={o.floorHeight} edit={(v) => u((b) => ({ ...b, floorHeight: v }))} />
      <NumberField label="Bays X" step={0.05} min={1} max={100} digits={0} value={o.bays.x} edit={(v) => u((b) => ({ ...b, bays: { ...b.bays, x: Math.round(v) } }))} />
      <NumberField label="Bays Z" step={0.05} min={1} max={100} digits={0} value={o.bays.z} edit={(v) => u((b) => ({ ...b, bays: { ...b.bays, z: Math.round(v) } }))} />
      <NumberField label="Windows" unit="%" display={100} digits={0} min={0} max={0.95} step={0.005} value={o.windowRatio} edit={(v) => u((b) => ({ ...b, windowRatio: v }))} />
      <div className="row">Material: {o.material} · Roof: {o.roof}</div>
    </>
  );
}

export function ActorSection({ object: o, sceneId }: P<Actor>) {
  return (
    <>
      <div className="row" data-testid="actor-pose-row"><KeyDiamond property="pose" />Build: {o.build} · Pose: {o.posePreset ?? 'custom'}</div>
      <NumberField label="Height" unit="cm" step={0.5} min={40} max={260} digits={1} value={o.heightCm} edit={(v) => upd<Actor>(sceneId, o.id, (a) => ({ ...a, heightCm: v }))} />
    </>
  );
}

export function LightSection({ object: o, sceneId }: P<Light>) {
  return (
    <>
      <div className="row">Kind: {o.kind}</div>
      <NumberField label="Intensity" channel="intensity" min={0} value={o.intensity} edit={(v) => upd<Light>(sceneId, o.id, (l) => ({ ...l, intensity: v }))} />
      {o.kind === 'sun' ? (
        <NumberField label="Time of day" channel="timeOfDay" unit="h" min={0} max={24} step={0.02} digits={2} value={o.timeOfDay ?? 12} edit={(v) => upd<Light>(sceneId, o.id, (l) => ({ ...l, timeOfDay: v }))} />
      ) : null}
    </>
  );
}

export function EffectLayerSection({ object: o }: P<EffectLayer>) {
  return (
    <>
      <div className="row">Effect: {o.effect} · status {o.status} · seed {o.seed}</div>
      <div className="row mono">output {o.output ? o.output.contentHash.slice(0, 16) + '…' : 'none'}</div>
      {o.runReport ? <div className="row">Backend: {o.runReport.backend}</div> : null}
    </>
  );
}
