// The animatic: renders every frame of the cut through its shot camera (main thread, the viewport's
// scene graph) and streams the frames to the encoder worker (WebCodecs + mediabunny). Progress is
// reported per frame; aborting the signal stops rendering, cancels the encoder and rejects with AbortError.
import type { Project } from '../../core/document';
import { rateRational, frameToTimecode, supportsDropFrame } from '../../core/timeline';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { FrameRenderer } from '../../viewport/render/frameRenderer';
import { whenViewportReady } from '../../viewport/render/liveViewport';
import { drawSlate, drawLayerLabels } from '../../viewport/render/slate';
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
  /** multisampled edges like the viewport (default); off is faster on software GL */
  antialias?: boolean;
  /** text burned in at the top while an effect layer is live, e.g. "AI-GENERATED · PENDING REVIEW" */
  layerLabels?: Readonly<Record<string, string | null>>;
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

export interface AnimaticFile {
  bytes: Uint8Array;
  mime: string;
  container: 'mp4' | 'webm';
  codec: 'avc' | 'vp9';
  frames: number;
  width: number;
  height: number;
  fps: { num: number; den: number };
  timings: { renderMs: number; totalMs: number };
}

const MAX_IN_FLIGHT = 4;
const abortError = () => new DOMException('animatic export cancelled', 'AbortError');
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

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
  const plan = planAnimatic(project, sceneId, { shotIds: opts.shotIds, cameraId: opts.cameraId });
  const fps = rateRational(project.settings.fps);
  const bitrate = opts.bitrate ?? Math.round(8e6 * ((width * height) / (1920 * 1080)) * (fps.num / fps.den / 24));
  const live = await whenViewportReady();
  // the viewport would redraw the same scene every vsync while we render 1080p frames on the same
  // (often software) GPU: pause it for the export and resume afterwards
  const savedLoop = live.frameloop;
  live.setFrameloop('never');

  // selection colours are editor feedback, not part of the picture
  const savedSelection = editorStore.getState().selection;
  if (savedSelection.length) {
    editorStore.getState().select([]);
    await nextFrame();
    await nextFrame();
  }

  const worker = new Worker(new URL('./encoder.worker.ts', import.meta.url), { type: 'module' });
  const renderer = new FrameRenderer(width, height, opts.antialias ?? true);
  const labelled = Object.entries(opts.layerLabels ?? {}).filter((e): e is [string, string] => !!e[1]);
  // every frame goes through a 2D canvas: measured here (software GL), a VideoFrame from a 2D canvas
  // encodes ~1.5× faster than one taken straight from the WebGL canvas, and burn-ins draw on it anyway
  const slate = new OffscreenCanvas(width, height);
  const slateCtx = slate.getContext('2d');
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
  const send = (m: ToEncoder, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const waitFor = async (cond: () => boolean) => {
    while (!cond()) {
      if (failure) throw failure;
      if (signal?.aborted) throw abortError();
      await new Promise<void>((r) => {
        waiter = r;
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
    if (failure) throw failure;
  };
  const report = (phase: AnimaticProgress['phase'], rendered: number) => onProgress?.({ phase, rendered, encoded, total: plan.length });

  let renderMs = 0;
  try {
    send({ type: 'start', width, height, fpsNum: fps.num, fpsDen: fps.den, prefer: opts.prefer ?? 'auto', bitrate, keyFrameIntervalS: 2 });
    await waitFor(() => started !== null);
    const usPerFrame = (1e6 * fps.den) / fps.num;
    for (const f of plan) {
      if (signal?.aborted) throw abortError();
      const r0 = performance.now();
      const { camera, evaluated } = renderer.render(project, sceneId, f.sceneFrame, f.cameraId, opts.hiddenObjectIds);
      let source: OffscreenCanvas = renderer.canvas;
      if (slateCtx) {
        slateCtx.drawImage(renderer.canvas, 0, 0);
        const live = labelled.filter(([id]) => evaluated.activeLayerIds.includes(id)).map(([, text]) => text);
        if (live.length) drawLayerLabels(slateCtx, width, height, live);
        if (opts.burnIn) drawSlate(slateCtx, width, height, {
          shot: f.shot?.number ?? '—',
          take: f.shot?.take ?? 1,
          lens: lensLabel(project, sceneId, f, camera.lens.focalLengthMm),
          timecode: frameToTimecode(f.sceneFrame, project.settings.fps, { dropFrame: supportsDropFrame(project.settings.fps) }),
          shotFrame: f.shotFrame,
          shotLength: f.shotLength,
        });
        source = slate;
      }
      const frame = new VideoFrame(source, { timestamp: Math.round(f.index * usPerFrame), duration: Math.round(usPerFrame) });
      renderMs += performance.now() - r0;
      send({ type: 'frame', index: f.index, frame }, [frame]);
      report('render', f.index + 1);
      // let the UI breathe (progress bar, Cancel) between frames, and respect encoder backpressure
      await new Promise((r) => setTimeout(r, 0));
      await waitFor(() => f.index + 1 - encoded <= MAX_IN_FLIGHT);
    }
    report('finalize', plan.length);
    await waitFor(() => encoded === plan.length);
    send({ type: 'finish' });
    await waitFor(() => done !== null);
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
      timings: { renderMs, totalMs: performance.now() - t0 },
    };
  } catch (err) {
    if ((err as Error).name === 'AbortError' && !failure) {
      send({ type: 'cancel' });
      // give the worker a moment to drop its encoder cleanly; terminate regardless below
      await Promise.race([waitFor(() => cancelled).catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
    }
    throw err;
  } finally {
    worker.terminate();
    renderer.dispose();
    FrameRenderer.restoreViewport();
    live.setFrameloop(savedLoop);
    if (savedSelection.length) editorStore.getState().select(savedSelection);
  }
}

/** The animatic file bytes (MP4/H.264, or WebM/VP9 where H.264 is unavailable). */
export async function renderAnimatic(project: Project, opts: AnimaticOptions = {}, hooks: AnimaticHooks = {}): Promise<Uint8Array> {
  return (await renderAnimaticFile(project, opts, hooks)).bytes;
}
