// The curve editor: one numeric channel (a number track, or one axis of a vector track) drawn through the
// same evaluator the viewport uses, its keys as points to drag in time and value (one undo step per drag),
// interpolation per key from the buttons or a right-click menu, frame-all, wheel zoom (Shift: values).
// The playhead line moves by a DOM write from a playhead subscription: playback never re-renders React.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as RPointerEvent } from 'react';
import { projectStore, useActiveScene } from '../../store/projectStore';
import { editorStore, useEditor } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import {
  EASE_PRESETS,
  channelId,
  channelValue,
  deleteKey,
  dragKeyEdit,
  frameAll,
  keyMarkers,
  numericChannels,
  presetOf,
  sampleChannel,
  setKeyInterpolation,
  type Channel,
  type EasePreset,
  type KeyDrag,
} from '../../core/timeline';
import type { Edit, Keyframe } from '../../core/document';
import { transport } from './transport';
import { frameAtX, gridLines, valueAtY, xOf, yOf, zoomView, type CurveView } from './curveView';
import type { KeyRef } from './DopeSheet';

/** React renders of the curve editor, read by the e2e test to prove playback does not re-render it. */
export const curveStats = { renders: 0 };

const INTERPS: { label: string; interp: Keyframe['interp']; ease?: EasePreset }[] = [
  { label: 'Step', interp: 'step' },
  { label: 'Linear', interp: 'linear' },
  { label: 'Ease', interp: 'bezier', ease: 'ease' },
  { label: 'Ease in', interp: 'bezier', ease: 'easeIn' },
  { label: 'Ease out', interp: 'bezier', ease: 'easeOut' },
  { label: 'Ease in-out', interp: 'bezier', ease: 'easeInOut' },
  { label: 'Dolly settle', interp: 'bezier', ease: 'dollySettle' },
];

function run(label: string, edit: Edit) {
  try {
    projectStore.getState().execute(label, edit);
  } catch (err) {
    editorStore.getState().notify('error', `${label}: ${(err as Error).message}`);
  }
}

/** Which channel to show: the one picked, else the selected key's track, else the selected object's first. */
function pickChannel(channels: Channel[], picked: string | null, selectedKey: KeyRef | null, selection: readonly string[]): Channel | null {
  return (
    channels.find((c) => channelId(c) === picked) ??
    channels.find((c) => c.trackId === selectedKey?.trackId) ??
    channels.find((c) => selection.includes(c.objectId)) ??
    channels[0] ??
    null
  );
}

interface Props {
  selectedKey: KeyRef | null;
  onSelectKey(k: KeyRef | null): void;
  /** the channel picked (channelId), kept by the panel so the dope sheet's ∿ can open one */
  picked: string | null;
  onPick(id: string): void;
}

export function CurveEditor({ selectedKey, onSelectKey, picked, onPick }: Props) {
  curveStats.renders++;
  const scene = useActiveScene();
  const selection = useEditor((s) => s.selection);
  const channels = useMemo(() => numericChannels(scene), [scene]);
  const channel = pickChannel(channels, picked, selectedKey, selection);
  const track = channel ? scene.tracks[channel.trackId] : undefined;
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const head = useRef<SVGLineElement>(null);
  const [size, setSize] = useState({ width: 600, height: 160 });
  const [bounds, setBounds] = useState(() => ({ f0: 0, f1: 48, v0: 0, v1: 1 }));
  const [menu, setMenu] = useState<{ x: number; y: number; frame: number } | null>(null);
  const drag = useRef<{ d: KeyDrag; moved: boolean; to: number } | null>(null);
  const view: CurveView = { ...bounds, ...size };
  const viewRef = useRef(view);
  viewRef.current = view;

  const shown = !!track;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setSize({ width: Math.max(50, el.clientWidth), height: Math.max(50, el.clientHeight) });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [shown]);

  // frame-all when the channel changes (not when its keys change: a drag must not move the view under the pointer)
  const cid = channel ? channelId(channel) : '';
  useEffect(() => {
    const t = channel && projectStore.getState().project.scenes[projectStore.getState().activeSceneId]?.tracks[channel.trackId];
    if (t) setBounds(frameAll(t, channel.component));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cid]);

  useEffect(() => {
    const place = (f: number) => {
      const x = String(xOf(viewRef.current, f));
      head.current?.setAttribute('x1', x);
      head.current?.setAttribute('x2', x);
    };
    place(playhead.frame);
    return playhead.subscribe(place);
  }, [bounds, size]);

  if (!channel || !track) {
    return <div className="curves empty" data-testid="curve-editor">No numeric channel is keyed yet: key a position, lens or light value (◆) to edit its curve.</div>;
  }

  const local = (e: { clientX: number; clientY: number }) => {
    const r = svg.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const samples = sampleChannel(track, channel.component, view.f0, view.f1, Math.min(800, Math.max(60, Math.round(view.width / 2))));
  const d = samples.map(([f, v], i) => `${i ? 'L' : 'M'}${xOf(view, f).toFixed(1)},${yOf(view, v).toFixed(1)}`).join('');
  const selFrame = selectedKey?.trackId === track.id ? selectedKey.frame : null;
  const selKey = track.keys.find((k) => k.frame === selFrame);
  const setInterp = (frame: number, i: (typeof INTERPS)[number]) => {
    const h = i.ease ? EASE_PRESETS[i.ease] : undefined;
    run(`Key ${i.label.toLowerCase()}`, setKeyInterpolation(projectStore.getState().activeSceneId, track.id, frame, i.interp, h ? [h[0], h[1], h[2], h[3]] : undefined));
  };
  const isCurrent = (k: Keyframe, i: (typeof INTERPS)[number]) => k.interp === i.interp && (!i.ease || presetOf(k.ease) === i.ease);

  const onKeyDown = (k: Keyframe) => (e: RPointerEvent<SVGCircleElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    // capture on the plot, not the point: the point is redrawn (and may be re-created) as the key moves
    svg.current!.setPointerCapture(e.pointerId);
    setMenu(null);
    onSelectKey({ trackId: track.id, frame: k.frame });
    drag.current = { d: { sceneId: projectStore.getState().activeSceneId, trackId: track.id, component: channel.component, original: track.keys, from: k.frame }, moved: false, to: k.frame };
    projectStore.getState().beginGesture('Move key');
  };
  const onKeyMove = (e: RPointerEvent<SVGSVGElement>) => {
    const g = drag.current;
    if (!g) return;
    const p = local(e);
    const to = Math.round(frameAtX(view, p.x));
    g.moved = true;
    g.to = to;
    try {
      projectStore.getState().updateGesture(dragKeyEdit(g.d, to, valueAtY(view, p.y)));
    } catch (err) {
      editorStore.getState().notify('error', `Move key: ${(err as Error).message}`);
    }
  };
  const onKeyUp = () => {
    const g = drag.current;
    if (!g) return;
    drag.current = null;
    projectStore.getState().endGesture();
    onSelectKey({ trackId: g.d.trackId, frame: g.moved ? g.to : g.d.from });
    if (!g.moved) transport.seek(g.d.from);
  };

  const frames = gridLines(view.f0, view.f1, Math.max(2, Math.round(view.width / 70)));
  const values = gridLines(view.v0, view.v1, 4);
  return (
    <div className="curves" data-testid="curve-editor">
      <div className="curves-bar">
        <select aria-label="Channel" data-testid="curve-channel" value={channelId(channel)} onChange={(e) => onPick(e.target.value)}>
          {channels.map((c) => (
            <option key={channelId(c)} value={channelId(c)}>{c.label}</option>
          ))}
        </select>
        <button data-testid="curve-frame-all" title="Frame all keys" onClick={() => setBounds(frameAll(track, channel.component))}>Frame all</button>
        <span className="curves-sep" />
        {INTERPS.map((i) => (
          <button
            key={i.label}
            disabled={!selKey}
            className={selKey && isCurrent(selKey, i) ? 'on' : ''}
            data-testid={`curve-interp-${i.ease ?? i.interp}`}
            title={selKey ? `Set the selected key (frame ${selKey.frame}) to ${i.label.toLowerCase()}` : 'Select a key first'}
            onClick={() => selKey && setInterp(selKey.frame, i)}
          >
            {i.label}
          </button>
        ))}
        <span className="curves-read">{selKey ? `key ${selKey.frame} · ${channelValue(selKey.value, channel.component).toFixed(3)}` : ''}</span>
      </div>
      <div ref={box} className="curves-plot">
        <svg
          ref={svg}
          width={view.width}
          height={view.height}
          data-testid="curve-plot"
          data-f0={view.f0}
          data-f1={view.f1}
          data-v0={view.v0}
          data-v1={view.v1}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            setMenu(null);
            (e.target as Element).setPointerCapture(e.pointerId);
            transport.seek(Math.round(frameAtX(view, local(e).x)));
          }}
          onPointerMove={(e) => {
            if (drag.current) onKeyMove(e);
            else if (e.buttons & 1) transport.seek(Math.round(frameAtX(view, local(e).x)));
          }}
          onPointerUp={onKeyUp}
          onPointerCancel={() => {
            if (!drag.current) return;
            drag.current = null;
            projectStore.getState().cancelGesture();
          }}
          onWheel={(e) => {
            const p = local(e);
            const z = zoomView(view, e.deltaY > 0 ? 1.15 : 1 / 1.15, frameAtX(view, p.x), valueAtY(view, p.y), { time: !e.shiftKey, value: e.shiftKey });
            setBounds({ f0: z.f0, f1: z.f1, v0: z.v0, v1: z.v1 });
          }}
          onContextMenu={(e) => e.preventDefault()}
        >
          {frames.map((f) => (
            <g key={`f${f}`} className="curves-grid">
              <line x1={xOf(view, f)} x2={xOf(view, f)} y1={0} y2={view.height} />
              <text x={xOf(view, f) + 2} y={view.height - 3}>{f}</text>
            </g>
          ))}
          {values.map((v) => (
            <g key={`v${v}`} className="curves-grid">
              <line x1={0} x2={view.width} y1={yOf(view, v)} y2={yOf(view, v)} />
              <text x={2} y={yOf(view, v) - 2}>{+v.toFixed(4)}</text>
            </g>
          ))}
          <path className="curves-line" d={d} data-testid="curve-path" />
          {keyMarkers(track.keys, view.f0, view.f1).map((k) => (
            <circle
              key={k.frame}
              className={`curves-key ${k.interp}${k.frame === selFrame ? ' sel' : ''}`}
              cx={xOf(view, k.frame)}
              cy={yOf(view, channelValue(k.value, channel.component))}
              r={5}
              data-frame={k.frame}
              aria-label={`Key at frame ${k.frame}`}
              onPointerDown={onKeyDown(k)}
              onContextMenu={(e) => {
                e.preventDefault();
                e.stopPropagation();
                onSelectKey({ trackId: track.id, frame: k.frame });
                const r = box.current!.getBoundingClientRect();
                setMenu({ x: e.clientX - r.left, y: e.clientY - r.top, frame: k.frame });
              }}
            >
              <title>{`frame ${k.frame} · ${k.interp}${k.interp === 'bezier' ? ` ${presetOf(k.ease) ?? 'custom'}` : ''}`}</title>
            </circle>
          ))}
          <line ref={head} className="curves-playhead" y1={0} y2={view.height} />
        </svg>
        {menu ? (
          <div className="curves-menu" role="menu" data-testid="curve-menu" style={{ left: menu.x, top: menu.y }}>
            {INTERPS.map((i) => (
              <button key={i.label} role="menuitem" onClick={() => (setInterp(menu.frame, i), setMenu(null))}>{i.label}</button>
            ))}
            <button
              role="menuitem"
              onClick={() => {
                run('Delete key', deleteKey(projectStore.getState().activeSceneId, track.id, menu.frame));
                setMenu(null);
                onSelectKey(null);
              }}
            >
              Delete key
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
