// The de-age worker: decodes the plate, tracks the face and runs the pipeline frame by frame with its own
// runtime engine (same validation, backend choice and reports as the effect runtime's worker), so neither
// inference nor the per-pixel work ever blocks the UI.
import * as ort from 'onnxruntime-web';
import type { GpuLike } from '../runtime/backend';
import { RuntimeEngine } from '../runtime/engine';
import { loadInstalled, memoryNow } from '../runtime/host';
import { createJobDispatcher } from '../runtime/workerJobs';
import { decodeStill, openVideo } from '../plates/decode';
import { runtimeRunner } from './runtimeRunner';
import { CancelledError, runDeageJob, usesLearned } from './job';
import type { DeageBench, DeageJob, DeageOutput, DeageRequest, DeageResponse } from './protocol';
import type { Raster } from '../plates/png';

const engine = new RuntimeEngine({
  ort,
  gpu: ((self.navigator as Navigator & { gpu?: GpuLike }).gpu ?? null) as GpuLike | null,
  crossOriginIsolated: self.crossOriginIsolated === true,
  hardwareConcurrency: self.navigator.hardwareConcurrency || 1,
  loadInstalled,
  memoryNow,
});

type OnProgress = (fraction: number, message: string) => void;

async function run(job: DeageJob, signal: AbortSignal, onProgress: OnProgress) {
  const runner = runtimeRunner(engine, job.backend);
  onProgress(0, 'decoding the plate');
  const range = job.frameRange;
  let frames: AsyncIterable<Raster> | Iterable<Raster>;
  let frameCount = 1;
  let dispose = () => {};
  if (job.plate.mediaKind === 'image') {
    frames = [await decodeStill(job.plate.name, job.plate.bytes, job.plate.mime)];
  } else {
    const video = await openVideo(job.plate.name, job.plate.bytes);
    const start = Math.max(0, range?.start ?? 0);
    const end = Math.min(video.frameCount, range?.end ?? video.frameCount);
    frameCount = Math.max(0, end - start);
    frames = video.frames(start, end);
    dispose = () => video.dispose();
  }
  try {
    const learned = usesLearned(job.params)
      ? job.learned
        ? { model: job.learned, card: job.learned.card }
        : job.installedCard
          ? { model: job.params.model, card: job.installedCard }
          : null
      : null;
    if (usesLearned(job.params) && !learned) throw new Error(`model "${job.params.model}" is neither installed nor brought with a card`);
    return await runDeageJob(runner, {
      frames,
      frameCount,
      fps: job.plate.fps,
      params: job.params,
      learned,
      signal,
      video: job.plate.mediaKind === 'video',
      onProgress,
    });
  } finally {
    dispose();
  }
}

async function bench(b: DeageBench, signal: AbortSignal, onProgress: OnProgress) {
  const runner = runtimeRunner(engine, b.backend);
  const frame: Raster = { width: b.raster.width, height: b.raster.height, data: b.raster.data };
  return runDeageJob(runner, {
    frames: Array.from({ length: b.frames }, () => frame),
    frameCount: b.frames,
    fps: 24,
    params: b.params,
    learned: null,
    signal,
    video: true,
    onProgress,
  });
}

type Progress = { fraction: number; message: string };

const jobs = createJobDispatcher<DeageRequest, DeageResponse, Progress, DeageOutput>(
  {
    cancelTarget: (req) => (req.type === 'cancel' ? req.id : null),
    jobId: (req) => req.id,
    run: (req, { signal, progress }) => {
      const onProgress = (fraction: number, message: string) => progress({ fraction, message });
      if (req.type === 'bench') return bench(req.bench, signal, onProgress);
      if (req.type === 'run') return run(req.job, signal, onProgress);
      throw new Error(`unknown de-age request "${req.type}"`);
    },
    progress: (id, p) => ({ id, type: 'progress', ...p }),
    result: (req, output) => ({
      message: { id: req.id, type: 'result', output },
      transfer: [output.bytes.buffer as ArrayBuffer, output.maskBytes.buffer as ArrayBuffer],
    }),
    error: (req, e, aborted) => ({ id: req.id, type: 'error', message: (e as Error).message, cancelled: e instanceof CancelledError || aborted }),
  },
  (msg, transfer) => (self as unknown as Worker).postMessage(msg, transfer),
);

self.onmessage = (ev: MessageEvent<DeageRequest>) => jobs.receive(ev.data);
