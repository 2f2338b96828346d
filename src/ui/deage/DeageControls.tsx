// The de-age controls: years younger, per-region strengths, tone, jaw tightening, and the model slot
// (the procedural graph, or any installed or brought model whose card fits the FRAN-style contract).
import type { DeageParams } from '../../effects/deage/params';
import type { ModelCard } from '../../effects/runtime/modelCard';

const REGION_LABELS: [keyof DeageParams['strength'], string][] = [
  ['skin', 'Skin texture'],
  ['forehead', 'Forehead'],
  ['crowsFeet', "Crow's feet"],
  ['underEye', 'Under-eye'],
  ['nasolabial', 'Nasolabial'],
  ['jowl', 'Jowl'],
];

function Slider(props: { label: string; value: number; min: number; max: number; step: number; unit?: string; testId?: string; onChange(v: number): void }) {
  return (
    <label className="field deage-slider">
      <span className="field-label">{props.label}</span>
      <input type="range" min={props.min} max={props.max} step={props.step} value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(Number(e.target.value))} />
      <span className="mono">
        {props.value}
        {props.unit ?? ''}
      </span>
    </label>
  );
}

export function DeageControls({ params, onChange, models }: { params: DeageParams; onChange(p: DeageParams): void; models: { id: string; label: string; card: ModelCard | null }[] }) {
  const set = (patch: Partial<DeageParams>) => onChange({ ...params, ...patch });
  return (
    <div className="deage-controls">
      <Slider label="Years younger" value={params.yearsYounger} min={0} max={30} step={1} unit=" y" testId="deage-years" onChange={(v) => set({ yearsYounger: v })} />
      {REGION_LABELS.map(([key, label]) => (
        <Slider key={key} label={label} value={params.strength[key]} min={0} max={1} step={0.05} onChange={(v) => set({ strength: { ...params.strength, [key]: v } })} />
      ))}
      <Slider label="Tone evening" value={params.tone} min={0} max={1} step={0.05} onChange={(v) => set({ tone: v })} />
      <Slider label="Jaw tightening" value={params.jawTighten} min={0} max={1} step={0.05} onChange={(v) => set({ jawTighten: v })} />
      <label className="field">
        <span className="field-label">Model</span>
        <select value={params.model} onChange={(e) => set({ model: e.target.value })} data-testid="deage-model">
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {params.model !== 'deage-procedural' && (
        <label className="field">
          <span className="field-label">Actor's age in the plate</span>
          <input
            type="number"
            min={1}
            max={100}
            placeholder="required"
            value={params.sourceAge ?? ''}
            onChange={(e) => set({ sourceAge: e.target.value === '' ? null : Math.min(100, Math.max(1, Number(e.target.value))) })}
          />
        </label>
      )}
    </div>
  );
}
