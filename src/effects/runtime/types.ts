// The shapes that cross the runtime's boundary (and the worker's postMessage): plain typed arrays, no ORT objects.
import type { ModelCard, TensorDType } from './modelCard';
import type { Backend } from './opSupport';
import type { ModelCheck } from './validate';

export type { Backend };

export type TensorArray = Float32Array | Int32Array | BigInt64Array | Uint8Array;

export interface TensorData {
  dtype: TensorDType;
  dims: number[];
  data: TensorArray;
}

export type Feeds = Record<string, TensorData>;

/** A model named by its installed id, or brought by the user as card + bytes. */
/** an installed model's id, or a model given as card + bytes (validated on every job); `loadFile` serves the
 * card's file test inputs where the caller has them (Node tools only: a function never crosses to a worker) */
export type ModelInput = string | { card: ModelCard; bytes: Uint8Array; loadFile?: (relative: string) => Promise<Uint8Array> };

export type BackendRequest = 'auto' | Backend;

export interface Progress {
  /** 0..1 over the whole job */
  fraction: number;
  stage: 'load' | 'verify' | 'session' | 'run' | 'tile' | 'fallback' | 'done';
  message: string;
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** 'auto' picks by the adapter; forcing 'webgpu' runs there even on a software adapter (tests, bench) */
  backend?: BackendRequest;
  /** run the card's tiling rules (overlap + feathered blend) instead of one whole-image pass */
  tiled?: boolean;
}

export interface AdapterReport {
  available: boolean;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  /** why there is no usable adapter, when there is none */
  reason: string | null;
}

/** What one job did. `toDocumentRunReport` turns it into the persisted RunReport of the scene document. */
export interface RuntimeRunReport {
  /** the backend that produced the outputs */
  backend: Backend;
  /** every backend the job touched, in order (['webgpu', 'wasm'] after a device loss) */
  backendsUsed: Backend[];
  adapter: AdapterReport | null;
  fallbackReason: string | null;
  timingsMs: { load: number; verify: number; session: number; run: number; total: number };
  /** ORT's own memory for the job: wasmHeapBytes + webgpuBufferPeakBytes, of those measured; null if neither was */
  peakMemoryBytes: number | null;
  /** each measure named for what it is; null where this platform cannot measure it */
  memory: RunMemory;
  /** bytes of the model plus every input and output tensor: a floor on what the job needed */
  tensorBytes: number;
  threads: number;
  modelId: string;
  modelSha256: string;
  ortVersion: string;
  tiles: number;
  startedAt: string;
}

export interface RunMemory {
  /** byteLength of ORT's WebAssembly heap after the job; a wasm heap only grows, so this is its high-water
   * mark since ORT started in this worker (or Node process) */
  wasmHeapBytes: number | null;
  /** peak bytes of the GPUBuffers ORT held on its WebGPU device during the job; null when no step ran there */
  webgpuBufferPeakBytes: number | null;
  /** peak resident set size of the Node process during the job (Node only) */
  processRssPeakBytes: number | null;
}

export interface RunResult {
  outputs: Record<string, TensorData>;
  report: RuntimeRunReport;
}

export interface TestVectorResult {
  name: string;
  pass: boolean;
  failures: string[];
  backend: Backend;
  ms: number;
}

export interface InstalledModel {
  card: ModelCard;
  url: string;
}

export interface RuntimeStatus {
  adapter: AdapterReport;
  chosen: Backend;
  fallbackReason: string | null;
  crossOriginIsolated: boolean;
  threads: number;
  webgpuLost: string | null;
  cachedSessions: number;
}

export interface Runtime {
  run(model: ModelInput, feeds: Feeds, options?: RunOptions): Promise<RunResult>;
  testVectors(model: ModelInput, options?: { backend?: BackendRequest; signal?: AbortSignal }): Promise<TestVectorResult[]>;
  status(): Promise<RuntimeStatus>;
  /** test hook: destroys the WebGPU device the runtime holds, as a driver reset would */
  forceDeviceLoss(): Promise<boolean>;
  /** test hook: the next WebGPU job loses its device after this many steps (tiles or runs) */
  armDeviceLoss(afterSteps: number): Promise<void>;
  /** bring-your-own checks for both backends, off the UI thread (hashing and parsing a big model takes a while) */
  validate(card: unknown, bytes: Uint8Array): Promise<{ wasm: ModelCheck; webgpu: ModelCheck }>;
  /** reports of finished jobs, newest first, and a way to hear about the next ones */
  readonly reports: { recent: readonly RuntimeRunReport[]; subscribe(l: (r: RuntimeRunReport) => void): () => void };
}
