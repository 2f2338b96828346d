// Runs the glTF file checks in a worker with progress and cancel; where there are no workers (unit tests in Node)
// the same checks run inline. A refusal arrives as a ModelFileError with the checks' one sentence.
import { inspectModelFile, ModelFileError } from '../../core/geometry';
import type { ModelCheckRequest, ModelCheckResponse, ModelFacts } from './modelCheckProtocol';

export interface CheckOptions {
  signal?: AbortSignal;
  onProgress?(stage: string, fraction: number): void;
}

export const importCancelled = () => Object.assign(new Error('import cancelled'), { name: 'AbortError' });

export function checkModel(bytes: Uint8Array, name: string, opts: CheckOptions = {}): Promise<ModelFacts> {
  if (typeof Worker === 'undefined') {
    const { json: _json, bytes: _bytes, ...facts } = inspectModelFile(bytes, name, opts.onProgress);
    return Promise.resolve(facts);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./modelCheck.worker.ts', import.meta.url), { type: 'module', name: 'model-check' });
    const finish = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(importCancelled());
    };
    worker.onmessage = (e: MessageEvent<ModelCheckResponse>) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.stage, m.fraction);
      else {
        finish();
        if (m.type === 'done') resolve(m.info);
        else reject(new ModelFileError(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish();
      reject(new ModelFileError(`${name} could not be checked (the check stopped unexpectedly)`));
    };
    if (opts.signal?.aborted) return abort();
    opts.signal?.addEventListener('abort', abort);
    // a copy goes to the worker: the caller keeps its bytes for storing and drawing
    worker.postMessage({ bytes: bytes.slice(), name } satisfies ModelCheckRequest);
  });
}
