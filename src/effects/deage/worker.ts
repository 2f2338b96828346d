// The de-age worker: decodes the plate, tracks the face and runs the pipeline frame by frame with its own
// runtime engine (same validation, backend choice and reports as the effect runtime's worker), so neither
// inference nor the per-pixel work ever blocks the UI.
import * as ort from 'onnxruntime-web';
import type { GpuLike } from '../runtime/backend';
import { RuntimeEngine } from '../runtime/engine';
import { loadInstalled, memoryNow } from '../runtime/host';
import { decodeStill, openVideo } from '../plates/decode';
import { runtimeRunner } from './runtimeRunner';
import { CancelledError, runDeageJob, usesLearned } from './job';
import type { DeageBench, DeageJob, DeageRequest, DeageResponse } from './protocol';
import type { Raster } from '../plates/png';

const engine = new RuntimeEngine({
  ort,
  gpu: ((self.navigator as Navigator & { gpu?: GpuLike }).gpu ?? null) as GpuLike | null,
  crossOriginIsolated: self.crossOriginIsolated === true,
  hardwareConcurrency: self.navigator.hardwareConcurrency || 1,
  loadInstalled,
  memoryNow,
});

const post = (msg: DeageResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);
const controllers = new Map<number, AbortController>();

async function run(id: number, job: DeageJob, signal: AbortSignal) {
  const runner = runtimeRunner(engine, job.backend);
  post({ id, type: 'progress', fraction: 0, message: 'decoding the plate' });
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
      onProgress: (fraction, message) => post({ id, type: 'progress', fraction, message }),
    });
  } finally {
    dispose();
  }
}

async function bench(id: number, b: DeageBench, signal: AbortSignal) {
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
    onProgress: (fraction, message) => post({ id, type: 'progress', fraction, message }),
  });
}

self.onmessage = (ev: MessageEvent<DeageRequest>) => {
  const req = ev.data;
  if (req.type === 'cancel') {
    controllers.get(req.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(req.id, controller);
  (req.type === 'bench' ? bench(req.id, req.bench, controller.signal) : run(req.id, req.job, controller.signal))
    .then((output) => post({ id: req.id, type: 'result', output }, [output.bytes.buffer as ArrayBuffer, output.maskBytes.buffer as ArrayBuffer]))
    .catch((e: unknown) => post({ id: req.id, type: 'error', message: (e as Error).message, cancelled: e instanceof CancelledError || controller.signal.aborted }))
    .finally(() => controllers.delete(req.id));
};
