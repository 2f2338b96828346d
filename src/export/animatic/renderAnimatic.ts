// The animatic: renders every frame of the cut through its shot camera (main thread, the viewport's
// scene graph) and streams the frames to the encoder worker (WebCodecs + mediabunny), which encodes frame N
// while frame N+1 renders (a bounded queue of frames in flight). Progress is reported per frame; aborting
// the signal stops rendering, cancels the encoder and rejects with AbortError. Editor feedback (selection
// tint, gizmo) is kept out of the frames by the frame renderer, so the selection is left alone.
import type { Project } from '../../core/document';
import { rateRational, frameToTimecode, usesDropFrame } from '../../core/timeline';
import { projectStore } from '../../store/projectStore';
import { FrameRenderer } from '../../viewport/render/frameRenderer';
import { whenViewportReady } from '../../viewport/render/liveViewport';
import { seekPlates } from '../../viewport/plates/plateScreen';
import { poseFramesAt } from '../../viewport/render/framePosers';
import { drawSlate } from '../../viewport/render/slate';
import { burnDisclosureLabels, previewLabeller } from '../../viewport/labels/burnIn';
import { planAnimatic, type PlannedFrame } from './plan';
import type { FromEncoder, ToEncoder } from './protocol';

export interface AnimaticOptions {
  /** default: the scene open in the viewport */
  sceneId?: string;
  width?: number;
  height?: number;
  /** burn in shot, take, lens and timecode */
  burnIn?: boolean;
  prefer?: 'auto' | 'avc' | 'vp9';
  /** bits per second; default scales with picture size and rate (8 Mbit/s at 1080p24) */
  bitrate?: number;
  shotIds?: string[];
  /** camera for a scene without shots */
  cameraId?: string;
  /** objects that must not be drawn (effect layers the export gate refused) */
  hiddenObjectIds?: readonly string[];
  /** multisampled edges; default as the viewport draws them (off on software GL, where MSAA costs ~4×) */
  antialias?: boolean;
  /** redraw shadow maps only in frames where a light or a caster moved (default true; same pixels) */
  reuseShadows?: boolean;
  /**
   * how a rendered frame reaches the encoder: 'canvas2d' copies it onto a 2D canvas first (where burn-ins
   * are drawn anyway), 'direct' makes the VideoFrame from the WebGL canvas when nothing is burnt in.
   * Default 'canvas2d' (measured faster on software GL; see tests/bench/animatic.bench.ts)
   */
  capture?: 'canvas2d' | 'direct';
  /**
   * 'viewport' (default): draw with the paused viewport's renderer when its MSAA matches (its shaders are
   * compiled already; its canvas shows the frames meanwhile); 'own': a fresh WebGL context for the export
   */
  context?: 'viewport' | 'own';
  /** frames rendered ahead of the encoder (default 4); 1 renders and encodes strictly in turn */
  maxInFlight?: number;
  /** profiling: wait for the GL to finish each frame before capturing it, to time the two apart (slower) */
  syncTimings?: boolean;
}

export interface AnimaticProgress {
  phase: 'render' | 'finalize';
  /** frames rendered / encoded so far */
  rendered: number;
  encoded: number;
  total: number;
}

export interface AnimaticHooks {
  onProgress?: (p: AnimaticProgress) => void;
  signal?: AbortSignal;
}

export interface AnimaticTimings {
  /** main thread: posing the scene and issuing the GL draw calls */
  submitMs: number;
  /** main thread: waiting for the GL frame and copying it into a VideoFrame (burn-ins included) */
  captureMs: number;
  /** of captureMs, with syncTimings: waiting for the GL to finish drawing the frame */
  gpuMs: number;
  /** wall time of the first frame (context start-up and shader compilation show here) */
  firstFrameMs: number;
  /** main thread: waiting on the encoder (its queue was full) and finalising the file */
  encoderWaitMs: number;
  /** submit + capture: the render share */
  renderMs: number;
  totalMs: number;
  /** frames whose shadow maps were redrawn (the rest reused the previous frame's) */
  shadowRedraws: number;
  antialias: boolean;
  /** drawn with the viewport's renderer rather than a fresh context */
  viewportContext: boolean;
}

export interface AnimaticFile {
  bytes: Uint8Array;
  mime: string;
  container: 'mp4' | 'webm';
  codec: 'avc' | 'vp9';
  frames: number;
  width: number;
  height: number;
  fps: { num: number; den: number };
  timings: AnimaticTimings;
}

const DEFAULT_IN_FLIGHT = 4;
const abortError = () => new DOMException('animatic export cancelled', 'AbortError');
// a task boundary without setTimeout's 4 ms clamp (nested timers are clamped after five levels, which at
// 1080p would be a fifth of the frame budget)
const yieldChannel = new MessageChannel();
const yieldQueue: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yieldQueue.shift()?.();
const yieldTask = () =>
  new Promise<void>((r) => {
    yieldQueue.push(r);
    yieldChannel.port2.postMessage(0);
  });

function lensLabel(p: Project, sceneId: string, f: PlannedFrame, focal: number): string {
  const cam = p.scenes[sceneId]?.objects[f.cameraId];
  const ana = cam?.type === 'camera' && cam.lens.kind === 'anamorphic' ? ` ${cam.lens.squeeze}×A` : '';
  return `${Math.round(focal * 10) / 10}mm${ana}`;
}

/** Renders and encodes the animatic; resolves with the file and what it holds. */
export async function renderAnimaticFile(project: Project, opts: AnimaticOptions = {}, hooks: AnimaticHooks = {}): Promise<AnimaticFile> {
  const t0 = performance.now();
  const { signal, onProgress } = hooks;
  if (signal?.aborted) throw abortError();
  const sceneId = opts.sceneId ?? projectStore.getState().activeSceneId;
  const width = opts.width ?? 1920;
  const height = opts.height ?? 1080;
  if (width % 2 || height % 2) throw new Error(`animatic size ${width}×${height}: width and height must be even for H.264/VP9`);
  const maxInFlight = Math.max(1, Math.floor(opts.maxInFlight ?? DEFAULT_IN_FLIGHT));
  const plan = planAnimatic(project, sceneId, { shotIds: opts.shotIds, cameraId: opts.cameraId });
  const fps = rateRational(project.settings.fps);
  const bitrate = opts.bitrate ?? Math.round(8e6 * ((width * height) / (1920 * 1080)) * (fps.num / fps.den / 24));
  const live = await whenViewportReady();
  // the viewport would redraw the same scene every vsync while we render 1080p frames on the same
  // (often software) GPU: pause it for the export and resume afterwards
  const savedLoop = live.frameloop;
  live.setFrameloop('never');

  const worker = new Worker(new URL('./encoder.worker.ts', import.meta.url), { type: 'module' });
  const renderer = new FrameRenderer(width, height, { antialias: opts.antialias, reuseShadows: opts.reuseShadows, borrowViewport: opts.context !== 'own' });
  // every preview render carries the disclosure label of each unapproved generated layer it shows
  const labelsFor = previewLabeller(project, sceneId, opts.hiddenObjectIds);
  const capture = opts.capture ?? 'canvas2d';
  let encoded = 0;
  let failure: Error | null = null;
  let waiter: (() => void) | null = null;
  let started: { container: 'mp4' | 'webm'; codec: 'avc' | 'vp9' } | null = null;
  let done: { bytes: ArrayBuffer; mime: string; frames: number } | null = null;
  let cancelled = false;
  const wake = () => {
    const w = waiter;
    waiter = null;
    w?.();
  };
  worker.onmessage = (e: MessageEvent<FromEncoder>) => {
    const m = e.data;
    if (m.type === 'started') started = m;
    else if (m.type === 'encoded') encoded++;
    else if (m.type === 'done') done = m;
    else if (m.type === 'cancelled') cancelled = true;
    else if (m.type === 'error') failure = new Error(`encoder: ${m.message}`);
    wake();
  };
  worker.onerror = (e) => {
    failure = new Error(`encoder worker failed: ${e.message}`);
    wake();
  };
  signal?.addEventListener('abort', wake);
  const send = (m: ToEncoder, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const waitFor = async (cond: () => boolean) => {
    while (!cond()) {
      if (failure) throw failure;
      if (signal?.aborted) throw abortError();
      await new Promise<void>((r) => (waiter = r));
    }
    if (failure) throw failure;
  };
  const report = (phase: AnimaticProgress['phase'], rendered: number) => onProgress?.({ phase, rendered, encoded, total: plan.length });

  const t = { submitMs: 0, captureMs: 0, gpuMs: 0, encoderWaitMs: 0, firstFrameMs: 0 };
  const gl = renderer.renderer.getContext();
  const px = new Uint8Array(4);
  try {
    send({ type: 'start', width, height, fpsNum: fps.num, fpsDen: fps.den, prefer: opts.prefer ?? 'auto', bitrate, keyFrameIntervalS: 2 });
    // the first frame renders while the encoder starts
    let startWait = 0;
    const usPerFrame = (1e6 * fps.den) / fps.num;
    const dropFrame = usesDropFrame(project.settings);
    for (const f of plan) {
      if (signal?.aborted) throw abortError();
      // video plates put this frame's picture on their screens before it is drawn
      await seekPlates(project, sceneId, f.sceneFrame);
      // baked effect layers (collapse fragments, debris) pose for this frame, not the playhead's
      await poseFramesAt(f.sceneFrame, opts.hiddenObjectIds);
      const r0 = performance.now();
      const { camera, evaluated, rect } = renderer.render(project, sceneId, f.sceneFrame, f.cameraId, opts.hiddenObjectIds);
      const labels = labelsFor(evaluated.activeLayerIds, renderer.camera, rect);
      const r1 = performance.now();
      if (opts.syncTimings) {
        // one pixel read back waits for every queued draw of the frame
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        t.gpuMs += performance.now() - r1;
      }
      let source: OffscreenCanvas | HTMLCanvasElement = renderer.canvas;
      if (capture === 'canvas2d' || labels.length || opts.burnIn) {
        source = renderer.compose((g) => {
          if (labels.length) burnDisclosureLabels(g, width, height, labels);
          if (opts.burnIn) {
            drawSlate(g, width, height, {
              shot: f.shot?.number ?? '—',
              take: f.shot?.take ?? 1,
              lens: lensLabel(project, sceneId, f, camera.lens.focalLengthMm),
              timecode: frameToTimecode(f.sceneFrame, project.settings.fps, { dropFrame }),
              shotFrame: f.shotFrame,
              shotLength: f.shotLength,
            });
          }
        });
      }
      const frame = new VideoFrame(source, { timestamp: Math.round(f.index * usPerFrame), duration: Math.round(usPerFrame) });
      const r2 = performance.now();
      t.submitMs += r1 - r0;
      t.captureMs += r2 - r1;
      if (f.index === 0) {
        const w0 = performance.now();
        await waitFor(() => started !== null);
        startWait = performance.now() - w0;
      }
      send({ type: 'frame', index: f.index, frame }, [frame]);
      report('render', f.index + 1);
      // let the UI breathe (progress bar, Cancel) between frames, and respect encoder backpressure
      const w0 = performance.now();
      await yieldTask();
      await waitFor(() => f.index + 1 - encoded < maxInFlight);
      t.encoderWaitMs += performance.now() - w0;
      if (f.index === 0) t.firstFrameMs = performance.now() - t0;
    }
    t.encoderWaitMs += startWait;
    report('finalize', plan.length);
    const w0 = performance.now();
    await waitFor(() => encoded === plan.length);
    send({ type: 'finish' });
    await waitFor(() => done !== null);
    t.encoderWaitMs += performance.now() - w0;
    const d = done as unknown as { bytes: ArrayBuffer; mime: string; frames: number };
    const s = started as unknown as { container: 'mp4' | 'webm'; codec: 'avc' | 'vp9' };
    report('finalize', plan.length);
    return {
      bytes: new Uint8Array(d.bytes),
      mime: d.mime,
      container: s.container,
      codec: s.codec,
      frames: d.frames,
      width,
      height,
      fps,
      timings: {
        ...t,
        renderMs: t.submitMs + t.captureMs,
        totalMs: performance.now() - t0,
        shadowRedraws: renderer.stats.shadowRedraws,
        antialias: renderer.antialias,
        viewportContext: renderer.borrowsViewport,
      },
    };
  } catch (err) {
    if ((err as Error).name === 'AbortError' && !failure) {
      send({ type: 'cancel' });
      // give the worker a moment to drop its encoder cleanly; terminate regardless below
      await Promise.race([waitFor(() => cancelled).catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
    }
    throw err;
  } finally {
    signal?.removeEventListener('abort', wake);
    worker.terminate();
    renderer.dispose();
    FrameRenderer.restoreViewport();
    live.setFrameloop(savedLoop);
    live.invalidate();
  }
}

/** The animatic file bytes (MP4/H.264, or WebM/VP9 where H.264 is unavailable). */
export async function renderAnimatic(project: Project, opts: AnimaticOptions = {}, hooks: AnimaticHooks = {}): Promise<Uint8Array> {
  return (await renderAnimaticFile(project, opts, hooks)).bytes;
}
