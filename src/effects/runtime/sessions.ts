// ORT sessions, cached by (model sha256, backend, optimisation level), and the conversion between ORT tensors
// and the plain typed arrays the rest of the app passes around.
import type * as Ort from 'onnxruntime-web';
import { watchOrtStart } from './memoryProbe';
import type { ModelCard } from './modelCard';
import type { Backend, Feeds, TensorData } from './types';

export type OrtModule = typeof Ort;
type OptLevel = 'disabled' | 'basic' | 'extended' | 'all';

const MAX_SESSIONS = 8;

export class SessionCache {
  private readonly sessions = new Map<string, Promise<Ort.InferenceSession>>();

  constructor(private readonly ort: OrtModule) {}

  get size(): number {
    return this.sessions.size;
  }

  get(card: ModelCard, bytes: Uint8Array, backend: Backend, optLevel: OptLevel): Promise<Ort.InferenceSession> {
    const key = `${card.sha256}|${backend}|${optLevel}`;
    const hit = this.sessions.get(key);
    if (hit) {
      // refresh its place for LRU
      this.sessions.delete(key);
      this.sessions.set(key, hit);
      return hit;
    }
    // the first creation starts ORT's wasm: watching it finds the heap the reports measure
    const created = watchOrtStart(() =>
      this.ort.InferenceSession.create(bytes, {
        executionProviders: [backend],
        graphOptimizationLevel: optLevel,
        logSeverityLevel: 3,
      }),
    );
    // a failed creation must not poison the cache
    created.catch(() => this.sessions.delete(key));
    this.sessions.set(key, created);
    while (this.sessions.size > MAX_SESSIONS) {
      const [oldestKey, oldest] = this.sessions.entries().next().value as [string, Promise<Ort.InferenceSession>];
      this.sessions.delete(oldestKey);
      void oldest.then((s) => s.release()).catch(() => undefined);
    }
    return created;
  }

  /** Drops every session of one backend (after a WebGPU device loss they are all dead). */
  dropBackend(backend: Backend): void {
    for (const key of [...this.sessions.keys()]) {
      if (key.split('|')[1] === backend) this.sessions.delete(key);
    }
  }
}

export function toOrtFeeds(ort: OrtModule, feeds: Feeds): Record<string, Ort.Tensor> {
  const out: Record<string, Ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) {
    out[name] = new ort.Tensor(t.dtype === 'float16' ? 'float16' : t.dtype, t.data as Float32Array, t.dims);
  }
  return out;
}

export function fromOrtOutputs(outputs: Record<string, Ort.Tensor>): Record<string, TensorData> {
  const out: Record<string, TensorData> = {};
  for (const [name, t] of Object.entries(outputs)) {
    out[name] = { dtype: t.type as TensorData['dtype'], dims: [...t.dims], data: t.data as TensorData['data'] };
  }
  return out;
}

export function tensorBytes(ts: Record<string, TensorData>): number {
  return Object.values(ts).reduce((a, t) => a + t.data.byteLength, 0);
}
