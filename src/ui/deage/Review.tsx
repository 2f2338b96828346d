// Review aids for a de-age layer: a before/after wipe (drag the line), side by side, a mask overlay, and for
// video a flicker view (|frame − previous frame| ×8 for before and after, side by side). On video the review
// follows the playhead (the frame the viewport shows), and its frame slider moves the playhead.
import { useEffect, useRef, useState } from 'react';
import type { EffectLayer, Plate } from '../../core/document';
import { exactFps } from '../../core/timeline';
import { useProject } from '../../store/projectStore';
import { playhead } from '../../store/playhead';
import { plateFrameAt, sceneFrameOf } from '../../effects/plates/timing';
import { maskFrame, outputFrame, plateFrame } from './reviewData';
import type { Raster } from '../../effects/plates/png';

export type ReviewMode = 'wipe' | 'side' | 'flicker';

interface Frames {
  before: Raster;
  after: Raster;
  mask: Raster | null;
  prevBefore: Raster | null;
  prevAfter: Raster | null;
  /** the layer frame these are */
  frame: number;
}

function diff(a: Raster, b: Raster, gain: number): ImageData {
  const out = new ImageData(a.width, a.height);
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) out.data[i + c] = Math.min(255, Math.abs(a.data[i + c]! - b.data[i + c]!) * gain);
    out.data[i + 3] = 255;
  }
  return out;
}

function draw(canvas: HTMLCanvasElement, f: Frames, mode: ReviewMode, wipe: number, showMask: boolean) {
  const { width: w, height: h } = f.before;
  const side = mode !== 'wipe';
  canvas.width = side ? 2 * w : w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const img = (r: Raster) => new ImageData(new Uint8ClampedArray(r.data), r.width, r.height);
  if (mode === 'flicker') {
    if (!f.prevBefore || !f.prevAfter) {
      ctx.fillStyle = '#111';
      ctx.fillRect(0, 0, canvas.width, h);
      return;
    }
    ctx.putImageData(diff(f.before, f.prevBefore, 8), 0, 0);
    ctx.putImageData(diff(f.after, f.prevAfter, 8), w, 0);
    return;
  }
  if (mode === 'side') {
    ctx.putImageData(img(f.before), 0, 0);
    ctx.putImageData(img(f.after), w, 0);
  } else {
    const split = Math.round(wipe * w);
    ctx.putImageData(img(f.after), 0, 0);
    // before on the left of the line, after on the right
    if (split > 0) ctx.putImageData(img(f.before), 0, 0, 0, 0, split, h);
  }
  if (showMask && f.mask) {
    const m = f.mask;
    const tint = new ImageData(w, h);
    for (let i = 0; i < m.data.length; i += 4) {
      tint.data[i] = 255;
      tint.data[i + 1] = 60;
      tint.data[i + 2] = 160;
      tint.data[i + 3] = m.data[i]! * 0.45;
    }
    const overlay = new OffscreenCanvas(w, h);
    overlay.getContext('2d')!.putImageData(tint, 0, 0);
    ctx.drawImage(overlay, 0, 0);
    if (side) ctx.drawImage(overlay, w, 0);
  }
  if (mode === 'wipe') {
    ctx.fillStyle = '#ffb020';
    ctx.fillRect(Math.round(wipe * w) - 1, 0, 2, h);
  }
}

/** The playhead as a scene frame, refreshed at most every `ms` while playing (every change when parked). */
function usePlayheadFrame(ms = 250): number {
  const [frame, setFrame] = useState(playhead.frame);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = playhead.subscribe((f) => {
      if (!playhead.playing) return setFrame(f);
      if (timer) return;
      const wait = Math.max(0, last + ms - performance.now());
      timer = setTimeout(() => {
        timer = null;
        last = performance.now();
        setFrame(playhead.frame);
      }, wait);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [ms]);
  return frame;
}

export function Review({ plate, layer }: { plate: Plate; layer: EffectLayer }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [mode, setMode] = useState<ReviewMode>('wipe');
  const [showMask, setShowMask] = useState(false);
  const sceneFps = exactFps(useProject((s) => s.project.settings.fps));
  const rangeStart = layer.frameRange?.start ?? 0;
  const frameCount = layer.frameRange ? layer.frameRange.end - layer.frameRange.start : 1;
  // the layer frame under the playhead; outside the range the nearest end is shown (and said)
  const atPlate = plateFrameAt(plate, usePlayheadFrame(), sceneFps);
  const inRange = atPlate >= rangeStart && atPlate < rangeStart + frameCount;
  const frame = Math.min(frameCount - 1, Math.max(0, atPlate - rangeStart));
  const setFrame = (k: number) => playhead.set(sceneFrameOf(plate, rangeStart + k, sceneFps));
  const [frames, setFrames] = useState<Frames | null>(null);
  const [error, setError] = useState<string | null>(null);
  const bounds = (layer.params as { bounds?: number[] }).bounds;
  const [wipe, setWipeRaw] = useState(0.5);
  // kept to the 4 decimals data-wipe shows, so a reader of data-wipe computes the very split that was drawn
  const setWipe = (v: number) => setWipeRaw(Math.round(v * 1e4) / 1e4);
  const outHash = layer.output?.assetId ?? null;
  const maskHash = (layer.params as { maskAssetId?: string }).maskAssetId ?? null;

  useEffect(() => {
    if (!outHash) return;
    let live = true;
    const src = rangeStart + frame;
    (async () => {
      const [before, after, mask] = await Promise.all([
        plateFrame(plate.assetId, src),
        outputFrame(outHash, frame, { hash: plate.assetId, frame: src }),
        maskHash ? maskFrame(maskHash, frame) : Promise.resolve(null),
      ]);
      const prev = mode === 'flicker' && frame > 0 ? await Promise.all([plateFrame(plate.assetId, src - 1), outputFrame(outHash, frame - 1, { hash: plate.assetId, frame: src - 1 })]) : null;
      if (live) setFrames({ before, after, mask, prevBefore: prev?.[0] ?? null, prevAfter: prev?.[1] ?? null, frame });
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [plate.assetId, outHash, maskHash, frame, mode, rangeStart]);

  useEffect(() => {
    if (frames && canvas.current) draw(canvas.current, frames, mode, wipe, showMask);
  }, [frames, mode, wipe, showMask]);

  // start the wipe on the face, where the change is
  useEffect(() => {
    if (bounds && bounds.length === 4) setWipe(Math.min(0.95, Math.max(0.05, (bounds[0]! + bounds[2]!) / 2 / plate.widthPx)));
  }, [layer.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onPointer = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (mode !== 'wipe' || !(e.buttons & 1)) return;
    const r = e.currentTarget.getBoundingClientRect();
    setWipe(Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)));
  };

  if (error) return <div className="notice error">Review failed: {error}</div>;
  return (
    <div className="deage-review" data-testid="deage-review" data-mode={mode} data-wipe={wipe.toFixed(4)} data-ready={frames ? 'yes' : 'no'} data-frame={frames?.frame ?? -1}>
      <div className="row">
        {(['wipe', 'side', 'flicker'] as const).map((m) => (
          <button key={m} className={mode === m ? 'active' : ''} disabled={m === 'flicker' && frameCount < 2} onClick={() => setMode(m)} data-testid={`review-${m}`}>
            {m === 'wipe' ? 'Wipe' : m === 'side' ? 'Side by side' : 'Flicker'}
          </button>
        ))}
        <label>
          <input type="checkbox" checked={showMask} onChange={(e) => setShowMask(e.target.checked)} data-testid="review-mask" /> mask
        </label>
      </div>
      {frameCount > 1 && (
        <label className="row">
          frame <input type="range" min={0} max={frameCount - 1} value={frame} onChange={(e) => setFrame(Number(e.target.value))} data-testid="review-frame" /> {frame + 1}/{frameCount}
          {!inRange && <span className="dim"> · the playhead is outside the de-aged range</span>}
        </label>
      )}
      <canvas ref={canvas} className="deage-canvas" data-testid="deage-canvas" onPointerDown={onPointer} onPointerMove={onPointer} />
      <div className="dim">{mode === 'wipe' ? 'left of the line: plate · right: de-aged' : mode === 'side' ? 'left: plate · right: de-aged' : 'frame-to-frame change ×8 · left: plate · right: de-aged'}</div>
    </div>
  );
}
