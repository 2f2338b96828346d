// The runtime's Web Worker: inference never blocks the UI thread. Messages carry plain typed arrays;
// outputs are transferred back, not copied.
import * as ort from 'onnxruntime-web';
import type { GpuLike } from './backend';
import { RuntimeEngine } from './engine';
import { toWire } from './errors';
import { loadInstalled, memoryNow } from './host';
import type { Request, Response } from './protocol';

const engine = new RuntimeEngine({
  ort,
  gpu: ((self.navigator as Navigator & { gpu?: GpuLike }).gpu ?? null) as GpuLike | null,
  crossOriginIsolated: self.crossOriginIsolated === true,
  hardwareConcurrency: self.navigator.hardwareConcurrency || 1,
  loadInstalled,
  memoryNow,
});

const controllers = new Map<number, AbortController>();
const post = (msg: Response, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

async function handle(req: Exclude<Request, { type: 'cancel' }>, signal: AbortSignal): Promise<unknown> {
  switch (req.type) {
    case 'run':
      return engine.run(req.model, req.feeds, {
        ...req.options,
        signal,
        onProgress: (progress) => post({ id: req.id, type: 'progress', progress }),
      });
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

self.onmessage = (ev: MessageEvent<Request>) => {
  const req = ev.data;
  if (req.type === 'cancel') {
    controllers.get(req.target)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(req.id, controller);
  handle(req, controller.signal)
    .then((value) => {
      const transfer = new Set<ArrayBuffer>();
      if (req.type === 'run') {
        for (const t of Object.values((value as { outputs: Record<string, { data: ArrayBufferView }> }).outputs)) {
          // a SharedArrayBuffer (wasm heap view) cannot be transferred; it is copied instead
          if (t.data.buffer instanceof ArrayBuffer) transfer.add(t.data.buffer);
        }
      }
      post({ id: req.id, type: 'result', value }, [...transfer]);
    })
    .catch((e: unknown) => post({ id: req.id, type: 'error', error: toWire(e) }))
    .finally(() => controllers.delete(req.id));
};
