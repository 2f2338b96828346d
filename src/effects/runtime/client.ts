// The UI thread's handle on the runtime worker. Cancel asks the worker to stop between steps; if a single
// long inference does not yield in time, the worker is terminated and a fresh one starts on the next job.
import { abortError, fromWire } from './errors';
import type { Request, Response } from './protocol';
import { ReportFeed } from './reportFeed';
import type { ModelCheck } from './validate';
import type { BackendRequest, Feeds, ModelInput, RunOptions, RunResult, Runtime, RuntimeStatus, TestVectorResult } from './types';

const HARD_CANCEL_MS = 1500;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Pending = { resolve(v: unknown): void; reject(e: Error): void; onProgress?: RunOptions['onProgress'] };

export class RuntimeClient implements Runtime {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  readonly reports = new ReportFeed();

  constructor(private readonly spawn: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.onmessage = (ev: MessageEvent<Response>) => {
      const msg = ev.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress?.(msg.progress);
      else {
        this.pending.delete(msg.id);
        if (msg.type === 'result') p.resolve(msg.value);
        else p.reject(fromWire(msg.error));
      }
    };
    w.onerror = (ev) => this.crash(new Error(`runtime worker failed: ${ev.message || 'unknown error'}`));
    this.worker = w;
    return w;
  }

  private crash(error: Error, cancelled?: number): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, p] of this.pending) {
      p.reject(cancelled === undefined || id === cancelled ? error : new Error('runtime worker restarted to cancel another job'));
    }
    this.pending.clear();
  }

  private call<T>(req: DistributiveOmit<Request, 'id'>, signal?: AbortSignal, onProgress?: RunOptions['onProgress']): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    const worker = this.ensure();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage({ ...req, id } as Request);
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.pending.has(id)) return;
          worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies Request);
          setTimeout(() => {
            // still running: the inference is inside one ORT call that cannot be interrupted
            if (this.pending.has(id) && this.worker === worker) this.crash(abortError(), id);
          }, HARD_CANCEL_MS);
        },
        { once: true },
      );
    });
  }

  run(model: ModelInput, feeds: Feeds, options: RunOptions = {}): Promise<RunResult> {
    return this.call<RunResult>({ type: 'run', model, feeds, options: { backend: options.backend, tiled: options.tiled } }, options.signal, options.onProgress).then((r) => {
      this.reports.emit(r.report);
      return r;
    });
  }

  testVectors(model: ModelInput, options: { backend?: BackendRequest; signal?: AbortSignal } = {}): Promise<TestVectorResult[]> {
    return this.call({ type: 'testVectors', model, backend: options.backend }, options.signal);
  }

  status(): Promise<RuntimeStatus> {
    return this.call({ type: 'status' });
  }

  validate(card: unknown, bytes: Uint8Array): Promise<{ wasm: ModelCheck; webgpu: ModelCheck }> {
    return this.call({ type: 'validate', card, bytes });
  }

  forceDeviceLoss(): Promise<boolean> {
    return this.call({ type: 'forceDeviceLoss' });
  }

  armDeviceLoss(afterSteps: number): Promise<void> {
    return this.call({ type: 'armDeviceLoss', afterSteps });
  }
}
