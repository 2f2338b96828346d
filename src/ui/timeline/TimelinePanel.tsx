// The timeline panel (bottom): transport, the dope sheet or the curve editor (one selected key shared by
// both), and the selected key's interpolation.
import { useState } from 'react';
import { projectStore, useProject } from '../../store/projectStore';
import { channelId, numericChannels, EASE_PRESETS, presetOf, setKeyInterpolation, deleteKey, setKey, evaluateScene, type EasePreset } from '../../core/timeline';
import type { Keyframe } from '../../core/document';
import { TransportBar } from './TransportBar';
import { DopeSheet, resolveKey, type KeyRef } from './DopeSheet';
import { CurveEditor, curveStats } from './CurveEditor';
import { installTimelineShortcuts } from './timelineShortcuts';
import './timeline.css';
import { registerTestHook } from '../../testHook';
import { transport } from './transport';

installTimelineShortcuts();
// the e2e test and the CLI drive the transport and key edits the same way the buttons do
registerTestHook('timeline', { transport, setKey, evaluateScene, curveStats });

function KeyDetails({ k, onClear }: { k: KeyRef; onClear(): void }) {
  // subscribe to the document so the details follow undo/redo
  useProject((s) => s.project);
  const found = resolveKey(k);
  if (!found) return <div className="key-details">No key selected.</div>;
  const { track, key } = found;
  const sceneId = projectStore.getState().activeSceneId;
  const set = (interp: Keyframe['interp'], ease?: Keyframe['ease']) =>
    projectStore.getState().execute('Change interpolation', setKeyInterpolation(sceneId, track.id, key.frame, interp, ease));
  const preset = presetOf(key.ease);
  return (
    <div className="key-details" data-testid="key-details">
      <span>Key at frame {key.frame}</span>
      <select value={key.interp} aria-label="Interpolation" onChange={(e) => set(e.target.value as Keyframe['interp'])}>
        <option value="step">step</option>
        <option value="linear">linear</option>
        <option value="bezier">bezier</option>
      </select>
      {key.interp === 'bezier' ? (
        <select
          value={preset ?? 'custom'}
          aria-label="Ease"
          onChange={(e) => {
            const h = EASE_PRESETS[e.target.value as EasePreset];
            if (h) set('bezier', [h[0], h[1], h[2], h[3]]);
          }}
        >
          {Object.keys(EASE_PRESETS).map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
          {preset ? null : <option value="custom">custom</option>}
        </select>
      ) : null}
      <button
        onClick={() => {
          projectStore.getState().execute('Delete key', deleteKey(sceneId, track.id, key.frame));
          onClear();
        }}
      >
        Delete key
      </button>
    </div>
  );
}

export function TimelinePanel() {
  const [selectedKey, setSelectedKey] = useState<KeyRef | null>(null);
  const [view, setView] = useState<'dope' | 'curves'>('dope');
  const [channel, setChannel] = useState<string | null>(null);
  const showCurve = (trackId: string) => {
    const { project, activeSceneId } = projectStore.getState();
    const c = numericChannels(project.scenes[activeSceneId]!).find((x) => x.trackId === trackId);
    if (!c) return;
    setChannel(channelId(c));
    setView('curves');
  };
  return (
    <div className="timeline" data-testid="timeline">
      <TransportBar />
      <div className="timeline-views" role="tablist">
        <button role="tab" aria-selected={view === 'dope'} className={view === 'dope' ? 'on' : ''} data-testid="view-dope" onClick={() => setView('dope')}>Dope sheet</button>
        <button role="tab" aria-selected={view === 'curves'} className={view === 'curves' ? 'on' : ''} data-testid="view-curves" onClick={() => setView('curves')}>Curves</button>
      </div>
      {view === 'dope' ? (
        <DopeSheet selectedKey={selectedKey} onSelectKey={setSelectedKey} onShowCurve={showCurve} />
      ) : (
        <CurveEditor selectedKey={selectedKey} onSelectKey={setSelectedKey} picked={channel} onPick={setChannel} />
      )}
      {selectedKey ? <KeyDetails k={selectedKey} onClear={() => setSelectedKey(null)} /> : <div className="key-details">Click a key to edit it; drag to move; Delete removes it. ◆ keys the current value.</div>}
    </div>
  );
}
