// A numeric field with units. Typing commits one step; dragging the label scrubs the value as ONE
// undo step (a gesture), like a slider sweep. Inside the inspector every edit is auto-keyed (a keyed
// property gets a key at the playhead), and a field that names its animatable `channel` shows a key diamond.
import { useEffect, useRef, useState } from 'react';
import { projectStore } from '../../store/projectStore';
import type { Edit } from '../../core/document';
import { KeyDiamond, useKeyState, useKeying, withAutoKey } from './keying';

interface Props {
  label: string;
  value: number;
  unit?: string;
  step?: number;
  min?: number;
  max?: number;
  /** shown value = stored × display (e.g. radians shown as degrees) */
  display?: number;
  digits?: number;
  testId?: string;
  /** the animatable property path this field drives ("lens.focalLengthMm"), for its key diamond */
  channel?: string;
  /** false: colour the field by its key state but leave the diamond to a heading (vector rows X/Y/Z) */
  diamond?: boolean;
  edit(v: number): Edit;
}

export function NumberField({ label, value, unit, step = 0.1, min = -Infinity, max = Infinity, display = 1, digits = 3, testId, channel, diamond = true, edit: plainEdit }: Props) {
  const inInspector = useKeying() !== null;
  const keyed = useKeyState(channel);
  const edit = (v: number): Edit => (inInspector ? withAutoKey(plainEdit(v)) : plainEdit(v));
  const shown = +(value * display).toFixed(digits);
  const [text, setText] = useState(String(shown));
  const drag = useRef<{ x: number; start: number } | null>(null);
  useEffect(() => setText(String(shown)), [shown]);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const commit = () => {
    const v = Number(text);
    if (!Number.isFinite(v)) return setText(String(shown));
    const stored = clamp(v / display);
    if (stored !== value) projectStore.getState().execute(`Set ${label}`, edit(stored));
  };
  return (
    <label className={`field${keyed ? ` keyed-${keyed}` : ''}`}>
      <span
        className="field-label scrub"
        onPointerDown={(e) => {
          (e.target as HTMLElement).setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, start: value };
          projectStore.getState().beginGesture(`Set ${label}`);
        }}
        onPointerMove={(e) => {
          if (!drag.current) return;
          const v = clamp(drag.current.start + ((e.clientX - drag.current.x) * step) / display);
          projectStore.getState().updateGesture(edit(v));
        }}
        onPointerUp={() => {
          if (!drag.current) return;
          drag.current = null;
          projectStore.getState().endGesture();
        }}
      >
        {channel && diamond ? <KeyDiamond property={channel} /> : null}
        {label}
      </span>
      <input
        data-testid={testId}
        value={text}
        inputMode="decimal"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setText(String(shown));
        }}
      />
      {unit ? <span className="unit">{unit}</span> : null}
    </label>
  );
}
