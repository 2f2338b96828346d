// The big viewer: an effect result or a plate over the whole window. Before/after wipe (drag the line), side by
// side, A/B toggle, and the amplified difference; zoom from fit to 1:1 and beyond (nearest neighbour, so each
// source pixel is a clean square), pan by dragging, frame step on clips. Keys: ← → frame, A / B / Space picture,
// F fit, 1 2 4 zoom, + − step, W S T D modes, Esc close.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Raster } from '../../effects/plates/png';
import { centredView, difference, fitView, pan, sideHalves, sourcePixelAt, stepFrame, stepZoom, wipeX, zoomAbout, zoomLabel, type DifferenceStats, type View } from './viewMath';
import { useViewer, viewerStore, type ViewerMode, type ViewerRequest } from './viewerStore';
import './viewer.css';

interface Loaded {
  frame: number;
  a: Raster;
  b: Raster | null;
  bitmaps: { a: OffscreenCanvas; b: OffscreenCanvas | null };
}

const GAINS = [1, 4, 16, 64] as const;

function toCanvas(r: { width: number; height: number; data: ArrayLike<number> }): OffscreenCanvas {
  const c = new OffscreenCanvas(r.width, r.height);
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(r.data as ArrayLike<number>), r.width, r.height), 0, 0);
  return c;
}

/** Draws `pic` with view `v` inside the columns [x, x + w) of the canvas (the view is relative to x). */
function drawPicture(g: CanvasRenderingContext2D, pic: OffscreenCanvas, v: View, x: number, w: number, h: number) {
  g.save();
  g.beginPath();
  g.rect(x, 0, w, h);
  g.clip();
  // nearest neighbour from 1:1 up: a source pixel stays one flat square; smoothed when shrinking
  g.imageSmoothingEnabled = v.zoom < 1;
  g.setTransform(v.zoom, 0, 0, v.zoom, x + v.ox, v.oy);
  g.drawImage(pic, 0, 0);
  g.restore();
}

export function BigViewer() {
  const req = useViewer((s) => s.request);
  const opened = useViewer((s) => s.opened);
  if (!req) return null;
  return <ViewerBody key={opened} req={req} />;
}

function ViewerBody({ req }: { req: ViewerRequest }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [mode, setMode] = useState<ViewerMode>(req.b ? (req.mode ?? 'wipe') : 'ab');
  const [show, setShow] = useState<'a' | 'b'>(req.b ? 'b' : 'a');
  const [wipe, setWipe] = useState(0.5);
  const [gain, setGain] = useState<(typeof GAINS)[number]>(16);
  const [frame, setFrameRaw] = useState(Math.min(Math.max(0, req.frame), Math.max(0, req.frameCount - 1)));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [fitted, setFitted] = useState(true);
  const [diff, setDiff] = useState<{ pic: OffscreenCanvas; stats: DifferenceStats } | { error: string } | null>(null);
  const [probe, setProbe] = useState<string>('');
  const close = () => viewerStore.getState().close();
  const setFrame = useCallback(
    (i: number) => {
      setFrameRaw(i);
      req.onFrame?.(i);
    },
    [req],
  );

  // the box each picture is fitted to: the whole canvas, or half of it side by side
  const boxW = mode === 'side' ? sideHalves(size.w).a.w : size.w;
  const src = loaded?.a ?? null;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const dpr = window.devicePixelRatio || 1;
      setSize({ w: Math.max(1, Math.round(el.clientWidth * dpr)), h: Math.max(1, Math.round(el.clientHeight * dpr)) });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // load the frame's pictures (decoded or rendered on demand)
  useEffect(() => {
    let live = true;
    setError(null);
    (async () => {
      const a = await req.a.frame(frame);
      const b = req.b ? await req.b.frame(frame) : null;
      if (live) setLoaded({ frame, a, b, bitmaps: { a: toCanvas(a), b: b ? toCanvas(b) : null } });
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [req, frame]);

  useEffect(() => {
    if (!loaded?.b || mode !== 'diff') return setDiff(null);
    try {
      const d = difference(loaded.a, loaded.b, gain);
      setDiff({ pic: toCanvas({ width: loaded.a.width, height: loaded.a.height, data: d.data }), stats: d.stats });
    } catch (e) {
      setDiff({ error: (e as Error).message });
    }
  }, [loaded, mode, gain]);

  // keep the picture fitted until the user zooms or pans
  useEffect(() => {
    if (src && (fitted || !view) && boxW > 0) setView(fitView(src.width, src.height, boxW, size.h));
  }, [src?.width, src?.height, boxW, size.h, fitted]); // eslint-disable-line react-hooks/exhaustive-deps

  const zoomTo = (z: number | 'fit', anchor?: { x: number; y: number }) => {
    if (!src) return;
    if (z === 'fit') {
      setFitted(true);
      return setView(fitView(src.width, src.height, boxW, size.h));
    }
    setFitted(false);
    setView((v) => (anchor && v ? zoomAbout(v, z, anchor.x, anchor.y) : centredView(src.width, src.height, boxW, size.h, z)));
  };

  // draw
  useEffect(() => {
    const c = canvas.current;
    if (!c || !loaded || !view) return;
    if (c.width !== size.w) c.width = size.w;
    if (c.height !== size.h) c.height = size.h;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = '#16171a';
    g.fillRect(0, 0, size.w, size.h);
    const { a, b } = loaded.bitmaps;
    if (mode === 'ab' || !b) drawPicture(g, show === 'a' || !b ? a : b, view, 0, size.w, size.h);
    else if (mode === 'side') {
      const halves = sideHalves(size.w);
      drawPicture(g, a, view, halves.a.x, halves.a.w, size.h);
      drawPicture(g, b, view, halves.b.x, halves.b.w, size.h);
      g.fillStyle = '#000';
      g.fillRect(halves.b.x - 1, 0, 2, size.h);
    } else if (mode === 'diff') {
      if (diff && 'pic' in diff) drawPicture(g, diff.pic, view, 0, size.w, size.h);
    } else {
      const x = wipeX(wipe, size.w);
      drawPicture(g, a, view, 0, x, size.h);
      drawPicture(g, b, view, x, size.w - x, size.h);
      g.fillStyle = '#ffb020';
      g.fillRect(x - 1, 0, 2, size.h);
    }
  }, [loaded, view, mode, show, wipe, diff, size]);

  // keys: the viewer has the keyboard while it is open
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
      const k = e.key;
      let used = true;
      if (k === 'Escape') close();
      else if (k === 'ArrowLeft') setFrame(stepFrame(frame, e.shiftKey ? -10 : -1, req.frameCount));
      else if (k === 'ArrowRight') setFrame(stepFrame(frame, e.shiftKey ? 10 : 1, req.frameCount));
      else if (k === 'a' || k === 'A') setShow('a');
      else if ((k === 'b' || k === 'B') && req.b) setShow('b');
      else if (k === ' ' && req.b) setShow((s) => (s === 'a' ? 'b' : 'a'));
      else if (k === 'f' || k === 'F') zoomTo('fit');
      else if (k === '1' || k === '2' || k === '4') zoomTo(Number(k));
      else if (k === '+' || k === '=') zoomTo(stepZoom(view?.zoom ?? 1, 1), { x: boxW / 2, y: size.h / 2 });
      else if (k === '-') zoomTo(stepZoom(view?.zoom ?? 1, -1), { x: boxW / 2, y: size.h / 2 });
      else if (req.b && (k === 'w' || k === 's' || k === 't' || k === 'd')) setMode(({ w: 'wipe', s: 'side', t: 'ab', d: 'diff' } as const)[k]);
      else used = false;
      if (used) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  });

  const toCanvasPx = (e: { clientX: number; clientY: number }) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * size.w) / r.width, y: ((e.clientY - r.top) * size.h) / r.height };
  };
  const drag = useRef<{ kind: 'pan' | 'wipe'; x: number; y: number } | null>(null);
  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const p = toCanvasPx(e);
    const onLine = mode === 'wipe' && req.b && Math.abs(p.x - wipeX(wipe, size.w)) <= 8 * (window.devicePixelRatio || 1);
    drag.current = { kind: onLine && e.button === 0 ? 'wipe' : 'pan', x: p.x, y: p.y };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const p = toCanvasPx(e);
    const d = drag.current;
    if (d?.kind === 'wipe') setWipe(Math.round(Math.min(1, Math.max(0, p.x / size.w)) * 1e4) / 1e4);
    else if (d) {
      setFitted(false);
      setView((v) => (v ? pan(v, p.x - d.x, p.y - d.y) : v));
      drag.current = { ...d, x: p.x, y: p.y };
    }
    if (view && loaded) {
      const local = mode === 'side' && p.x >= sideHalves(size.w).b.x ? p.x - sideHalves(size.w).b.x : p.x;
      const px = sourcePixelAt(view, local, p.y, loaded.a.width, loaded.a.height);
      if (!px) return setProbe('');
      const at = (r: Raster) => [...r.data.subarray((px.y * r.width + px.x) * 4, (px.y * r.width + px.x) * 4 + 3)].join(' ');
      setProbe(`x ${px.x} y ${px.y} · A ${at(loaded.a)}${loaded.b && loaded.b.width === loaded.a.width ? ` · B ${at(loaded.b)}` : ''}`);
    }
  };
  const onWheel = (e: React.WheelEvent<HTMLCanvasElement>) => {
    if (!view) return;
    const p = toCanvasPx(e);
    const local = mode === 'side' && p.x >= sideHalves(size.w).b.x ? p.x - sideHalves(size.w).b.x : p.x;
    zoomTo(stepZoom(view.zoom, e.deltaY < 0 ? 1 : -1), { x: local, y: p.y });
  };

  const names = { a: req.a.label, b: req.b?.label ?? '' };
  const caption =
    !req.b ? names.a
    : mode === 'wipe' ? `left of the line: ${names.a} · right: ${names.b}`
    : mode === 'side' ? `left: ${names.a} · right: ${names.b}`
    : mode === 'ab' ? `showing ${show.toUpperCase()}: ${show === 'a' ? names.a : names.b} (A / B / Space)`
    : diff && 'stats' in diff ? `|${names.a} − ${names.b}| ×${gain} · largest difference ${diff.stats.max} levels · ${(diff.stats.changed * 100).toFixed(1)} % of pixels changed`
    : diff && 'error' in diff ? diff.error
    : '';
  return (
    <div className="big-viewer" role="dialog" aria-label={req.title} data-testid="big-viewer">
      <div className="big-viewer-bar">
        <strong className="big-viewer-title">{req.title}</strong>
        {req.b && (
          <span className="group">
            {(['wipe', 'side', 'ab', 'diff'] as const).map((m) => (
              <button key={m} className={mode === m ? 'active' : ''} onClick={() => setMode(m)} data-testid={`viewer-${m}`}>
                {{ wipe: 'Wipe', side: 'Side by side', ab: 'A/B', diff: 'Difference' }[m]}
              </button>
            ))}
            {mode === 'ab' && (
              <button onClick={() => setShow((s) => (s === 'a' ? 'b' : 'a'))} data-testid="viewer-toggle">
                {show === 'a' ? 'A → B' : 'B → A'}
              </button>
            )}
            {mode === 'diff' && (
              <select value={gain} onChange={(e) => setGain(Number(e.target.value) as (typeof GAINS)[number])} aria-label="difference gain" data-testid="viewer-gain">
                {GAINS.map((g) => (
                  <option key={g} value={g}>
                    ×{g}
                  </option>
                ))}
              </select>
            )}
          </span>
        )}
        <span className="group">
          <button onClick={() => zoomTo('fit')} className={fitted ? 'active' : ''} data-testid="viewer-fit">
            Fit
          </button>
          {[1, 2, 4].map((z) => (
            <button key={z} onClick={() => zoomTo(z)} className={!fitted && view?.zoom === z ? 'active' : ''} data-testid={`viewer-zoom-${z}`}>
              {z}:1
            </button>
          ))}
          <span className="mono" data-testid="viewer-zoom">{view ? zoomLabel(view.zoom) : ''}</span>
        </span>
        {req.frameCount > 1 && (
          <span className="group">
            <button onClick={() => setFrame(stepFrame(frame, -1, req.frameCount))} aria-label="previous frame" data-testid="viewer-prev">
              ◀
            </button>
            <span className="mono" data-testid="viewer-frame">
              {frame + 1}/{req.frameCount}
            </span>
            <button onClick={() => setFrame(stepFrame(frame, 1, req.frameCount))} aria-label="next frame" data-testid="viewer-next">
              ▶
            </button>
          </span>
        )}
        <button className="big-viewer-close" onClick={close} data-testid="viewer-close" title="Close (Esc)">
          Close
        </button>
      </div>
      <div className="big-viewer-stage" ref={box}>
        {error ? (
          <div className="notice error">The viewer could not show this frame: {error}</div>
        ) : (
          <canvas
            ref={canvas}
            data-testid="viewer-canvas"
            data-ready={loaded && loaded.frame === frame && view ? 'yes' : 'no'}
            data-mode={mode}
            data-show={show}
            data-frame={loaded?.frame ?? -1}
            data-zoom={view?.zoom ?? 0}
            data-ox={view?.ox ?? 0}
            data-oy={view?.oy ?? 0}
            data-wipe={wipe.toFixed(4)}
            data-src={src ? `${src.width}x${src.height}` : ''}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={() => (drag.current = null)}
            onWheel={onWheel}
            style={{ cursor: mode === 'wipe' && req.b ? 'col-resize' : 'grab' }}
          />
        )}
      </div>
      <div className="big-viewer-foot dim">
        <span data-testid="viewer-caption">{caption}</span>
        <span className="mono">{probe}</span>
      </div>
    </div>
  );
}
