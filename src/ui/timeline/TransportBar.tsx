// Transport controls and the timecode read-out. The read-out follows the playhead by writing the DOM
// directly from a playhead subscription: playback never re-renders React.
import { useEffect, useRef, useState } from 'react';
import { playhead } from '../../store/playhead';
import { projectStore, useProject } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { setSettings } from '../../core/document';
import { RATE_CHOICES, frameToTimecode, rateChoiceOf, usesDropFrame } from '../../core/timeline';
import { transport, playRange, type TransportState } from './transport';

export function useTransportState(): TransportState {
  const [s, set] = useState(transport.getState());
  useEffect(() => transport.subscribe(set), []);
  return s;
}

function Readout() {
  const tcRef = useRef<HTMLSpanElement>(null);
  const frameRef = useRef<HTMLInputElement>(null);
  const fps = useProject((s) => s.project.settings.fps);
  const dropFrame = useProject((s) => usesDropFrame(s.project.settings));
  useEffect(() => {
    const write = (f: number) => {
      if (tcRef.current) tcRef.current.textContent = frameToTimecode(f, fps, { dropFrame });
      if (frameRef.current && document.activeElement !== frameRef.current) frameRef.current.value = String(f);
    };
    write(playhead.frame);
    return playhead.subscribe(write);
  }, [fps, dropFrame]);
  return (
    <>
      <span className="tc" data-testid="timecode" ref={tcRef} title={dropFrame ? 'drop-frame timecode' : 'non-drop timecode'} />
      <input
        ref={frameRef}
        type="number"
        aria-label="Frame"
        data-testid="frame-input"
        defaultValue={playhead.frame}
        onKeyDown={(e) => {
          if (e.key === 'Enter') transport.seek(Number((e.target as HTMLInputElement).value));
        }}
        onBlur={(e) => transport.seek(Number(e.target.value))}
      />
    </>
  );
}

function RangeField({ label, field }: { label: string; field: 'frameIn' | 'frameOut' }) {
  const value = useProject((s) => s.project.settings[field]);
  return (
    <label>
      {label}
      <input
        type="number"
        key={value}
        defaultValue={value}
        onBlur={(e) => {
          const v = Math.round(Number(e.target.value));
          const s = projectStore.getState().project.settings;
          const next = { ...s, [field]: v };
          if (!Number.isFinite(v) || v < 0 || next.frameOut <= next.frameIn) {
            editorStore.getState().notify('error', `Range: out (${next.frameOut}) must be after in (${next.frameIn}), both whole frames ≥ 0`);
            e.target.value = String(value);
            return;
          }
          projectStore.getState().execute(`Set ${label.toLowerCase()} point`, setSettings({ [field]: v }));
        }}
      />
    </label>
  );
}

export function TransportBar() {
  const s = useTransportState();
  const choice = useProject((st) => rateChoiceOf(st.project.settings));
  const speed = s.playing ? `${s.rate > 0 ? '' : '−'}${Math.abs(s.rate)}×` : '';
  return (
    <div className="transport">
      <button title="First frame (Home)" onClick={() => transport.seek(playRange().in)}>|◀◀</button>
      <button title="Previous frame (←)" onClick={() => transport.step(-1)}>◀|</button>
      <button title="Play backwards (J)" onClick={() => transport.shuttle('J')}>◀</button>
      <button data-testid="play" className={s.playing ? 'on' : ''} title="Play / pause (Space)" onClick={() => transport.toggle()}>
        {s.playing ? '⏸' : '▶'}
      </button>
      <button title="Next frame (→)" onClick={() => transport.step(1)}>|▶</button>
      <button title="Last frame (End)" onClick={() => transport.seek(playRange().out - 1)}>▶▶|</button>
      <span className="mono" style={{ minWidth: 28 }}>{speed}</span>
      <Readout />
      <label>
        fps
        <select
          value={choice.key}
          data-testid="fps"
          title="Project frame rate; DF / NDF: drop-frame or non-drop timecode"
          onChange={(e) => {
            const c = RATE_CHOICES.find((r) => r.key === e.target.value);
            if (c) projectStore.getState().execute('Set frame rate', setSettings({ fps: c.fps, dropFrame: c.dropFrame }));
          }}
        >
          {RATE_CHOICES.map((r) => (
            <option key={r.key} value={r.key}>{r.label}</option>
          ))}
        </select>
      </label>
      <RangeField label="In" field="frameIn" />
      <RangeField label="Out" field="frameOut" />
      <label><input type="checkbox" checked={s.loop} onChange={(e) => transport.setLoop(e.target.checked)} />loop</label>
      <label title="Show every frame even if playback falls behind real time">
        <input type="checkbox" checked={s.everyFrame} data-testid="every-frame" onChange={(e) => transport.setEveryFrame(e.target.checked)} />every frame
      </label>
      {s.range ? (
        <button title="Play the whole project range" onClick={() => transport.setRange(null)}>range {s.range.in}–{s.range.out} ✕</button>
      ) : null}
    </div>
  );
}
