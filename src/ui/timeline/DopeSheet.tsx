// The dope sheet: a ruler with shot bands (scrub by dragging), one lane per keyed property with its keys
// (click selects and jumps, drag moves, Delete removes — each one undo step), lanes for the selected
// object's unkeyed properties (◆ keys the current value), and a bar per effect layer over its frame range.
import { useEffect, useRef, useState, type PointerEvent as RPointerEvent, type ReactElement } from 'react';
import { playhead } from '../../store/playhead';
import { projectStore, useActiveScene, useProject } from '../../store/projectStore';
import { editorStore, useEditor } from '../../store/editorStore';
import { ANIMATABLE, timelineRows, keyCurrentValue, moveKey, deleteKey, orderedShots, keyMarkers } from '../../core/timeline';
import type { Edit } from '../../core/document';
import { transport } from './transport';
import { animationStats } from '../../viewport/render/ViewportAnimation';

export interface KeyRef {
  trackId: string;
  frame: number;
}

function run(label: string, make: () => Edit): boolean {
  try {
    projectStore.getState().execute(label, make());
    return true;
  } catch (err) {
    editorStore.getState().notify('error', `${label}: ${(err as Error).message}`);
    return false;
  }
}

export function keyProperty(objectId: string, property: string): boolean {
  const { project, activeSceneId } = projectStore.getState();
  return run('Set key', () => keyCurrentValue(project, activeSceneId, objectId, property, playhead.frame));
}

const PROPERTY_LABEL = new Map(Object.values(ANIMATABLE).flat().map((p) => [p.path, p.label]));

export function DopeSheet({
  selectedKey,
  onSelectKey,
  onShowCurve,
}: {
  selectedKey: KeyRef | null;
  onSelectKey(k: KeyRef | null): void;
  /** opens the track in the curve editor (number and vector tracks; a pose has no curve) */
  onShowCurve?(trackId: string): void;
}) {
  animationStats.dopeSheetRenders++;
  const scene = useActiveScene();
  const { frameIn, frameOut } = useProject((s) => s.project.settings);
  const selection = useEditor((s) => s.selection);
  const span = Math.max(1, frameOut - frameIn);
  const pct = (f: number) => `${((f - frameIn) / span) * 100}%`;
  const lanes = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ trackId: string; from: number; to: number; moved: boolean } | null>(null);

  useEffect(() => {
    const place = (f: number) => {
      if (head.current) head.current.style.left = `${((f - frameIn) / span) * 100}%`;
    };
    place(playhead.frame);
    return playhead.subscribe(place);
  }, [frameIn, span]);

  const frameAt = (clientX: number) => {
    const r = lanes.current!.getBoundingClientRect();
    return Math.round(frameIn + ((clientX - r.left) / Math.max(1, r.width)) * span);
  };

  const scrub = (e: RPointerEvent<HTMLDivElement>) => {
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
    transport.seek(frameAt(e.clientX));
  };

  const rows = timelineRows(scene);
  const keyed = new Set(rows.flatMap((r) => (r.kind === 'property' ? [`${r.objectId}|${r.property}`] : [])));
  const extra = selection.flatMap((id) => {
    const o = scene.objects[id];
    if (!o) return [];
    return ANIMATABLE[o.type].filter((p) => !keyed.has(`${id}|${p.path}`)).map((p) => ({ objectId: id, objectName: o.name, property: p.path }));
  });

  const tickStep = [1, 5, 10, 24, 50, 100, 250, 500, 1000].find((s) => span / s <= 12) ?? 2000;
  const ticks: number[] = [];
  for (let f = Math.ceil(frameIn / tickStep) * tickStep; f < frameOut; f += tickStep) ticks.push(f);

  const labels: ReactElement[] = [<div key="ruler" className="dope-label obj">frames</div>];
  const laneEls: ReactElement[] = [
    <div
      key="ruler"
      className="dope-lane ruler"
      data-testid="ruler"
      onPointerDown={scrub}
      onPointerMove={(e) => e.buttons & 1 && transport.seek(frameAt(e.clientX))}
    >
      {ticks.map((f) => (
        <div key={f} className="dope-tick" style={{ left: pct(f) }}>{f}</div>
      ))}
      {orderedShots(scene).map((s) => (
        <div key={s.id} className="dope-shot" style={{ left: pct(s.in), width: `${((s.out - s.in) / span) * 100}%` }} title={`${s.number} ${s.name}`}>
          {s.number}
        </div>
      ))}
    </div>,
  ];

  for (const r of rows) {
    if (r.kind === 'property') {
      const track = scene.tracks[r.trackId];
      labels.push(
        <div key={r.trackId} className="dope-label" title={`${r.objectName} · ${r.property}`}>
          <button title="Key the current value at the playhead" onClick={() => keyProperty(r.objectId, r.property)}>◆</button>
          {onShowCurve && r.property !== 'pose' ? (
            <button title="Edit this curve" data-testid={`curve-of-${r.trackId}`} onClick={() => onShowCurve(r.trackId)}>∿</button>
          ) : null}
          <span className="obj">{r.objectName}</span> {PROPERTY_LABEL.get(r.property) ?? r.property}
        </div>,
      );
      laneEls.push(
        <div key={r.trackId} className="dope-lane" data-track={r.trackId} onPointerDown={scrub}>
          {keyMarkers(track?.keys ?? [], frameIn, frameOut).map((k) => {
            const dragging = drag && drag.trackId === r.trackId && drag.from === k.frame;
            const f = dragging ? drag.to : k.frame;
            const sel = selectedKey?.trackId === r.trackId && selectedKey.frame === k.frame;
            return (
              <button
                key={k.frame}
                className={`dope-key ${k.interp}${sel ? ' sel' : ''}${dragging ? ' dragging' : ''}`}
                style={{ left: pct(f) }}
                data-frame={k.frame}
                aria-label={`Key at frame ${k.frame}`}
                title={`frame ${k.frame} · ${k.interp}`}
                onPointerDown={(e) => {
                  e.stopPropagation();
                  (e.target as HTMLElement).setPointerCapture(e.pointerId);
                  setDrag({ trackId: r.trackId, from: k.frame, to: k.frame, moved: false });
                }}
                onPointerMove={(e) => {
                  if (!drag || drag.from !== k.frame || drag.trackId !== r.trackId) return;
                  const to = Math.max(frameIn, Math.min(frameOut - 1, frameAt(e.clientX)));
                  if (to !== drag.to) setDrag({ ...drag, to, moved: true });
                }}
                onPointerUp={() => {
                  const d = drag;
                  setDrag(null);
                  if (!d) return;
                  const sceneId = projectStore.getState().activeSceneId;
                  if (d.moved && d.to !== d.from) {
                    if (run('Move key', () => moveKey(sceneId, d.trackId, d.from, d.to))) onSelectKey({ trackId: d.trackId, frame: d.to });
                  } else {
                    onSelectKey({ trackId: d.trackId, frame: d.from });
                    transport.seek(d.from);
                  }
                }}
                onKeyDown={(e) => {
                  if (e.key !== 'Delete' && e.key !== 'Backspace') return;
                  // keep the app's Delete (remove selected objects) from firing too
                  e.stopPropagation();
                  e.preventDefault();
                  const sceneId = projectStore.getState().activeSceneId;
                  if (run('Delete key', () => deleteKey(sceneId, r.trackId, k.frame))) onSelectKey(null);
                }}
              />
            );
          })}
        </div>,
      );
    } else {
      labels.push(
        <div key={r.objectId} className="dope-label" title={`effect layer ${r.effect} (${r.status})`}>
          <span className="obj">layer</span> {r.objectName}
        </div>,
      );
      const start = r.start ?? frameIn;
      const end = r.end ?? frameOut;
      laneEls.push(
        <div key={r.objectId} className="dope-lane" onPointerDown={scrub}>
          <div className="dope-layer" style={{ left: pct(start), width: `${(Math.max(0, end - start) / span) * 100}%` }}>
            {r.effect} · {r.status}
          </div>
        </div>,
      );
    }
  }
  for (const x of extra) {
    labels.push(
      <div key={`${x.objectId}|${x.property}`} className="dope-label" title="not keyed yet">
        <button
          data-testid={`key-${x.property}`}
          title="Key the current value at the playhead"
          onClick={() => keyProperty(x.objectId, x.property)}
        >
          ◆
        </button>
        <span className="obj">{x.objectName}</span> {PROPERTY_LABEL.get(x.property) ?? x.property}
      </div>,
    );
    laneEls.push(<div key={`${x.objectId}|${x.property}`} className="dope-lane" onPointerDown={scrub} />);
  }

  return (
    <div className="dope" data-testid="dope-sheet">
      <div>{labels}</div>
      <div ref={lanes} style={{ position: 'relative' }}>
        {laneEls}
        <div ref={head} className="dope-playhead" />
      </div>
    </div>
  );
}

/** The selected key's track, if it still exists (after undo it may not). */
export function resolveKey(k: KeyRef | null) {
  if (!k) return null;
  const { project, activeSceneId } = projectStore.getState();
  const t = project.scenes[activeSceneId]?.tracks[k.trackId];
  const key = t?.keys.find((x) => x.frame === k.frame);
  return t && key ? { track: t, key } : null;
}
