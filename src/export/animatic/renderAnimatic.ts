// The animatic: renders every frame of the cut through its shot camera (main thread, the viewport's scene
// graph) and streams the frames to the encoder worker (WebCodecs + mediabunny). Two pipelines: 'overlapped'
// (default; overlappedFrames.ts: held frames reused, asynchronous read-back, burn-ins in the worker) and
// 'serial' (serialFrames.ts, the pipeline before issue 18, kept so the bench and a test can compare them).
// Progress is reported per frame; aborting the signal stops rendering, cancels the encoder and rejects with
// AbortError. Editor feedback (selection tint, gizmo) is kept out of the frames by the frame renderer.
import type { Project } from '../../core/document';
import { rateRational } from '../../core/timeline';
import { projectStore } from '../../store/projectStore';
import { FrameRenderer } from '../../viewport/render/frameRenderer';
import { whenViewportReady } from '../../viewport/render/liveViewport';
import { previewLabeller } from '../../viewport/labels/burnIn';
import { planAnimatic } from './plan';
import { EncoderLink, abortError } from './encoderLink';
import { slateMaker, type FrameJob, type StageTimings } from './frameJob';
import { serialFrames } from './serialFrames';
import { overlappedFrames } from './overlappedFrames';

export interface AnimaticOptions {
  /** default: the scene open in the viewport */
  sceneId?: string;
  width?: number;
  height?: number;
  /** burn in shot, take, lens and timecode */
  burnIn?: boolean;
  /**
   * a draft for quick cuts: half the width and height (a quarter of the pixels to draw), the slate always
   * burnt in with DRAFT in its middle, and DRAFT in the file's title and comment
   */
  draft?: boolean;
  /**
   * 'overlapped' (default): held frames are not redrawn, frames are read back asynchronously while the next
   * one draws, burn-ins are drawn by the encoder worker. 'serial': the pipeline before issue 18 (every frame
   * drawn, then copied on the main thread), kept to compare against
   */
  pipeline?: 'overlapped' | 'serial';
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
   * the serial pipeline only: how a rendered frame reaches the encoder: 'canvas2d' copies it onto a 2D canvas
   * first (where burn-ins are drawn anyway), 'direct' makes the VideoFrame from the WebGL canvas when nothing
   * is burnt in. Default 'canvas2d' (measured faster on software GL)
   */
  capture?: 'canvas2d' | 'direct';
  /**
   * 'viewport' (default): draw with the paused viewport's renderer when its MSAA matches (its shaders are
   * compiled already; its canvas shows the frames meanwhile); 'own': a fresh WebGL context for the export
   */
  context?: 'viewport' | 'own';
  /** frames rendered ahead of the encoder (default 4); 1 renders and encodes strictly in turn */
  maxInFlight?: number;
  /** testing: keep these frames (indices) as handed to the encoder, RGBA top row first (AnimaticFile.captured) */
  captureFrames?: number[];
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

export interface AnimaticTimings extends StageTimings {
  /** evaluate + submit + capture + read-back: the main thread's render share */
  renderMs: number;
  /** encoder worker: encoder busy time, and time turning read-back rows up and burning in */
  encodeMs: number;
  composeMs: number;
  totalMs: number;
  /** frames whose shadow maps were redrawn (the rest reused the previous frame's) */
  shadowRedraws: number;
  /** frames drawn, and frames whose picture repeated the previous one (not drawn, not read back) */
  drawnFrames: number;
  reusedFrames: number;
  pipeline: 'overlapped' | 'serial';
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
  draft: boolean;
  timings: AnimaticTimings;
  /** the frames asked for with captureFrames, as handed to the encoder (RGBA, width × height) */
  captured: Record<number, Uint8Array>;
}

const DEFAULT_IN_FLIGHT = 4;

/** The picture size of an export: as asked (default 1920×1080), halved and kept even for a draft. */
export function animaticSize(opts: Pick<AnimaticOptions, 'width' | 'height' | 'draft'>): { width: number; height: number } {
  const w = opts.width ?? 1920;
  const h = opts.height ?? 1080;
  if (!opts.draft) return { width: w, height: h };
  return { width: Math.max(16, 2 * Math.round(w / 4)), height: Math.max(16, 2 * Math.round(h / 4)) };
}

/** Renders and encodes the animatic; resolves with the file and what it holds. */
export async function renderAnimaticFile(project: Project, opts: AnimaticOptions = {}, hooks: AnimaticHooks = {}): Promise<AnimaticFile> {
  const t0 = performance.now();
  const { signal, onProgress } = hooks;
  if (signal?.aborted) throw abortError();
  const sceneId = opts.sceneId ?? projectStore.getState().activeSceneId;
  const draft = !!opts.draft;
  const { width, height } = animaticSize(opts);
  if (width % 2 || height % 2) throw new Error(`animatic size ${width}×${height}: width and height must be even for H.264/VP9`);
  const pipeline = opts.pipeline ?? 'overlapped';
  if (pipeline !== 'overlapped' && pipeline !== 'serial') throw new Error(`unknown animatic pipeline "${pipeline as string}" (use overlapped or serial)`);
  const maxInFlight = Math.max(1, Math.floor(opts.maxInFlight ?? DEFAULT_IN_FLIGHT));
  const plan = planAnimatic(project, sceneId, { shotIds: opts.shotIds, cameraId: opts.cameraId });
  const fps = rateRational(project.settings.fps);
  const bitrate = opts.bitrate ?? Math.round(8e6 * ((width * height) / (1920 * 1080)) * (fps.num / fps.den / 24));
  const live = await whenViewportReady();
  // the viewport would redraw the same scene every vsync while we render 1080p frames on the same
  // (often software) GPU: pause it for the export and resume afterwards
  const savedLoop = live.frameloop;
  live.setFrameloop('never');

  const link = new EncoderLink(signal);
  const renderer = new FrameRenderer(width, height, { antialias: opts.antialias, reuseShadows: opts.reuseShadows, borrowViewport: opts.context !== 'own' });
  const t: StageTimings = { evaluateMs: 0, submitMs: 0, captureMs: 0, gpuMs: 0, readbackMs: 0, encoderWaitMs: 0, firstFrameMs: 0 };
  const slate = slateMaker(project, sceneId, draft ? 'DRAFT' : undefined);
  const job: FrameJob = {
    project,
    sceneId,
    plan,
    width,
    height,
    usPerFrame: (1e6 * fps.den) / fps.num,
    renderer,
    link,
    hiddenObjectIds: opts.hiddenObjectIds,
    maxInFlight,
    syncTimings: !!opts.syncTimings,
    // every preview render carries the disclosure label of each unapproved generated layer it shows
    labelsFor: previewLabeller(project, sceneId, opts.hiddenObjectIds),
    // a draft always says so on every frame
    slateFor: opts.burnIn || draft ? slate : () => null,
    signal,
    t,
    t0,
    report: (rendered) => onProgress?.({ phase: 'render', rendered, encoded: link.encoded, total: plan.length }),
  };
  try {
    const tags = draft
      ? { title: `DRAFT animatic — ${project.name}`, comment: `DRAFT: half resolution (${width}×${height}) for quick cuts; not for review or delivery` }
      : undefined;
    link.send({ type: 'start', width, height, fpsNum: fps.num, fpsDen: fps.den, prefer: opts.prefer ?? 'auto', bitrate, keyFrameIntervalS: 2, tags, captureIndices: opts.captureFrames });
    if (pipeline === 'serial') await serialFrames(job, opts.capture ?? 'canvas2d');
    else await overlappedFrames(job);
    onProgress?.({ phase: 'finalize', rendered: plan.length, encoded: link.encoded, total: plan.length });
    const w0 = performance.now();
    await link.waitFor(() => link.encoded === plan.length);
    link.send({ type: 'finish' });
    await link.waitFor(() => link.done !== null);
    t.encoderWaitMs += performance.now() - w0;
    const d = link.done!;
    const s = link.started!;
    onProgress?.({ phase: 'finalize', rendered: plan.length, encoded: link.encoded, total: plan.length });
    return {
      bytes: new Uint8Array(d.bytes),
      mime: d.mime,
      container: s.container,
      codec: s.codec,
      frames: d.frames,
      width,
      height,
      fps,
      draft,
      captured: Object.fromEntries(link.captured),
      timings: {
        ...t,
        renderMs: t.evaluateMs + t.submitMs + t.captureMs + t.readbackMs,
        encodeMs: d.stats.encodeMs,
        composeMs: d.stats.composeMs,
        totalMs: performance.now() - t0,
        shadowRedraws: renderer.stats.shadowRedraws,
        drawnFrames: renderer.stats.frames,
        reusedFrames: renderer.stats.reused,
        pipeline,
        antialias: renderer.antialias,
        viewportContext: renderer.borrowsViewport,
      },
    };
  } catch (err) {
    // give the worker a moment to drop its encoder cleanly; terminated regardless below
    if ((err as Error).name === 'AbortError' && !link.failure) await link.cancel();
    throw err;
  } finally {
    link.close();
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
