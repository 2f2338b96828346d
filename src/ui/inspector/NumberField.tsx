// A numeric field with units. Typing commits one step; dragging the label scrubs the value as ONE
// undo step (a gesture), like a slider sweep.
import { useEffect, useRef, useState } from 'react';
import { projectStore } from '../../store/projectStore';
import type { Edit } from '../../core/document';

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
  edit(v: number): Edit;
}

export function NumberField({ label, value, unit, step = 0.1, min = -Infinity, max = Infinity, display = 1, digits = 3, testId, edit }: Props) {
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
    <label className="field">
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
