// The runtime's Web Worker: inference never blocks the UI thread. Messages carry plain typed arrays;
// outputs are transferred back, not copied.
import * as ort from 'onnxruntime-web';
import type { GpuLike } from './backend';
import { RuntimeEngine } from './engine';
import { toWire } from './errors';
import { loadInstalled, memoryNow } from './host';
import type { Request, Response } from './protocol';
import type { Progress, RunResult } from './types';
import { createJobDispatcher, type JobContext } from './workerJobs';

const engine = new RuntimeEngine({
  ort,
  gpu: ((self.navigator as Navigator & { gpu?: GpuLike }).gpu ?? null) as GpuLike | null,
  crossOriginIsolated: self.crossOriginIsolated === true,
  hardwareConcurrency: self.navigator.hardwareConcurrency || 1,
  loadInstalled,
  memoryNow,
});

type Job = Exclude<Request, { type: 'cancel' }>;

async function handle(req: Job, { signal, progress }: JobContext<Progress>): Promise<unknown> {
  switch (req.type) {
    case 'run':
      return engine.run(req.model, req.feeds, { ...req.options, signal, onProgress: progress });
    case 'testVectors':
      return engine.testVectors(req.model, { backend: req.backend, signal });
    case 'status':
      return engine.status();
    case 'validate':
      return engine.validate(req.card, req.bytes);
    case 'forceDeviceLoss':
      return engine.forceDeviceLoss();
    case 'armDeviceLoss':
      return engine.armDeviceLoss(req.afterSteps);
  }
}

/** A run's output buffers move to the UI thread; a SharedArrayBuffer (wasm heap view) cannot, so it is copied. */
function outputBuffers(value: unknown): Transferable[] {
  const transfer = new Set<ArrayBuffer>();
  for (const t of Object.values((value as RunResult).outputs)) {
    if (t.data.buffer instanceof ArrayBuffer) transfer.add(t.data.buffer);
  }
  return [...transfer];
}

// the engine queues inference itself; status and validate answer while a long job runs
const jobs = createJobDispatcher<Request, Response, Progress, unknown>(
  {
    cancelTarget: (req) => (req.type === 'cancel' ? req.target : null),
    jobId: (req) => req.id,
    run: (req, ctx) => handle(req as Job, ctx),
    progress: (id, progress) => ({ id, type: 'progress', progress }),
    result: (req, value) => ({ message: { id: req.id, type: 'result', value }, transfer: req.type === 'run' ? outputBuffers(value) : [] }),
    error: (req, e) => ({ id: req.id, type: 'error', error: toWire(e) }),
  },
  (msg, transfer) => (self as unknown as Worker).postMessage(msg, transfer),
);

self.onmessage = (ev: MessageEvent<Request>) => jobs.receive(ev.data);
