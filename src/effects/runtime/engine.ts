// The runtime's core, the same in a browser worker and in Node: validate the model, choose the backend, run
// one job at a time with progress and cancel, fall back to WASM when the WebGPU device is lost mid-job.
// The host (worker.ts, node.ts) supplies ORT, navigator.gpu and the installed models.
import { chooseBackend, probeAdapter, type GpuDeviceLike, type GpuLike } from './backend';
import { abortError, DeviceLostError, FeedError, ModelRefusedError } from './errors';
import type { ModelCard } from './modelCard';
import { GpuBufferMeter, ortWasmHeapBytes } from './memoryProbe';
import { useSameOriginOrtFiles } from './ortAssets';
import { ReportFeed } from './reportFeed';
import { SessionCache, fromOrtOutputs, tensorBytes, toOrtFeeds, type OrtModule } from './sessions';
import { checkVector, vectorFeeds, type FileLoader } from './testVectors';
import { TileBlender, tiledJob, tileFeeds, type TileOrigin } from './tiling';
import type {
  AdapterReport,
  Backend,
  BackendRequest,
  Feeds,
  ModelInput,
  Progress,
  RunMemory,
  RunOptions,
  RunResult,
  Runtime,
  RuntimeRunReport,
  RuntimeStatus,
  TensorData,
  TestVectorResult,
} from './types';
import { validateModel, type ModelCheck } from './validate';

export interface ModelSource {
  card: ModelCard;
  bytes: Uint8Array;
  /** reads files the card's test vectors point at, relative to the card */
  loadFile?: FileLoader;
}

export interface EngineHost {
  ort: OrtModule;
  gpu: GpuLike | null;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  loadInstalled(id: string): Promise<ModelSource>;
  /** Node's resident set size; null (or absent) where the platform has no such figure */
  memoryNow?(): number | null;
}

const now = () => globalThis.performance.now();

export function checkFeeds(card: ModelCard, feeds: Feeds, tiled: boolean): void {
  for (const spec of card.inputs) {
    const t = feeds[spec.name];
    if (!t) throw new FeedError(`model "${card.id}" needs input "${spec.name}"`);
    if (t.dtype !== spec.dtype) throw new FeedError(`input "${spec.name}": ${t.dtype} given, the card says ${spec.dtype}`);
    if (t.dims.length !== spec.shape.length) {
      throw new FeedError(`input "${spec.name}": rank ${t.dims.length} given, the card says [${spec.shape.join(', ')}]`);
    }
    const count = t.dims.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new FeedError(`input "${spec.name}": dims [${t.dims.join(', ')}] but ${t.data.length} values`);
    spec.shape.forEach((d, k) => {
      // a tiled job feeds the whole image; the spatial axes are cut to the tile later
      if (tiled && k >= 2) return;
      if (typeof d === 'number' && t.dims[k] !== d) {
        throw new FeedError(`input "${spec.name}": axis ${k} is ${t.dims[k]}, the card fixes it at ${d}`);
      }
    });
  }
  for (const name of Object.keys(feeds)) {
    if (!card.inputs.some((s) => s.name === name)) throw new FeedError(`model "${card.id}" has no input "${name}"`);
  }
}

export class RuntimeEngine implements Runtime {
  private adapterProbe: ReturnType<typeof probeAdapter> | null = null;
  private readonly sessions: SessionCache;
  private readonly installed = new Map<string, Promise<{ source: ModelSource; check: ModelCheck }>>();
  private webgpuLost: string | null = null;
  private device: GpuDeviceLike | null = null;
  private deviceLost: Promise<string> | null = null;
  private armedLoss: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** fastest run seen per (model, input size) and backend: once both are known, 'auto' follows the numbers */
  private readonly measured = new Map<string, Partial<Record<Backend, number>>>();
  private readonly gpuBuffers = new GpuBufferMeter();
  readonly threads: number;
  readonly reports = new ReportFeed();

  constructor(private readonly host: EngineHost) {
    this.sessions = new SessionCache(host.ort);
    // threads need SharedArrayBuffer, which needs cross-origin isolation
    this.threads = host.crossOriginIsolated ? Math.max(1, host.hardwareConcurrency) : 1;
    host.ort.env.wasm.numThreads = this.threads;
    useSameOriginOrtFiles(host.ort);
    host.ort.env.logLevel = 'error';
  }

  private adapter(): Promise<AdapterReport> {
    this.adapterProbe ??= probeAdapter(this.host.gpu).then((probe) => {
      // hand ORT the adapter we judged, so the report describes the one it uses; the device ORT asks it for
      // counts its buffers
      if (probe.adapter) {
        this.gpuBuffers.meter(probe.adapter);
        (this.host.ort.env.webgpu as { adapter: unknown }).adapter = probe.adapter;
      }
      return probe;
    });
    return this.adapterProbe.then((p) => p.report);
  }

  /** Jobs run one at a time: ORT sessions are not re-entrant and two jobs would fight over the cores. */
  private enqueue<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const next = this.queue.then(() => {
      if (signal?.aborted) throw abortError();
      return job();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async resolve(model: ModelInput): Promise<{ source: ModelSource; check: ModelCheck }> {
    if (typeof model !== 'string') {
      // brought by the user: validated (and hashed) on every job, nothing trusted from last time
      const check = await validateModel(model.card, model.bytes, 'wasm');
      return { source: { card: model.card, bytes: model.bytes, loadFile: model.loadFile }, check };
    }
    let entry = this.installed.get(model);
    if (!entry) {
      entry = this.host.loadInstalled(model).then(async (source) => ({
        source,
        check: await validateModel(source.card, source.bytes, 'wasm'),
      }));
      entry.catch(() => this.installed.delete(model));
      this.installed.set(model, entry);
    }
    return entry;
  }

  private async attachDevice(): Promise<void> {
    if (this.device) return;
    const device = (await this.host.ort.env.webgpu.device) as unknown as GpuDeviceLike;
    this.device = device;
    this.deviceLost = device.lost.then((info) => {
      this.webgpuLost ??= `${info.reason || 'unknown'}${info.message ? `: ${info.message}` : ''}`;
      this.sessions.dropBackend('webgpu');
      return this.webgpuLost;
    });
  }

  private optLevel(card: ModelCard, backend: Backend, adapter: AdapterReport) {
    const declared = card.graphOptimization?.[backend];
    if (declared) return declared;
    // SwiftShader runs fused Gemm very slowly; unfused graphs are the safe default on a software adapter
    return backend === 'webgpu' && adapter.isFallbackAdapter ? 'disabled' : 'all';
  }

  private async session(source: ModelSource, backend: Backend, adapter: AdapterReport) {
    const s = await this.sessions.get(source.card, source.bytes, backend, this.optLevel(source.card, backend, adapter));
    if (backend === 'webgpu') await this.attachDevice();
    return s;
  }

  private async step(source: ModelSource, backend: Backend, adapter: AdapterReport, feeds: Feeds): Promise<Record<string, TensorData>> {
    const session = await this.session(source, backend, adapter);
    const ortFeeds = toOrtFeeds(this.host.ort, feeds);
    if (backend === 'wasm') return fromOrtOutputs(await session.run(ortFeeds));
    if (this.webgpuLost) throw new DeviceLostError(this.webgpuLost);
    const lost = this.deviceLost!.then((why) => {
      throw new DeviceLostError(why);
    });
    const running = session.run(ortFeeds);
    // whichever of the two loses the race must not surface later as an unhandled rejection
    lost.catch(() => undefined);
    running.catch(() => undefined);
    try {
      return fromOrtOutputs(await Promise.race([running, lost]));
    } catch (e) {
      if (this.webgpuLost) throw new DeviceLostError(this.webgpuLost);
      throw e;
    }
  }

  /** With both backends timed on this machine for this model and input size, 'auto' takes the faster one. */
  private measuredChoice(key: string, request: BackendRequest, adapter: AdapterReport) {
    const seen = this.measured.get(key);
    if (request !== 'auto' || !seen || seen.wasm === undefined || seen.webgpu === undefined) return null;
    if (this.webgpuLost || !adapter.available) return null;
    const backend: Backend = seen.webgpu < seen.wasm ? 'webgpu' : 'wasm';
    const times = `measured here: wasm ${seen.wasm.toFixed(1)} ms, webgpu ${seen.webgpu.toFixed(1)} ms`;
    return { backend, fallbackReason: backend === 'wasm' ? `${times}; WASM is faster for this model` : null };
  }

  run(model: ModelInput, feeds: Feeds, options: RunOptions = {}): Promise<RunResult> {
    return this.enqueue(() => this.runNow(model, feeds, options), options.signal);
  }

  private async runNow(model: ModelInput, feeds: Feeds, options: RunOptions): Promise<RunResult> {
    const { signal } = options;
    const startedAt = new Date().toISOString();
    const t0 = now();
    let peak = this.host.memoryNow?.() ?? null;
    this.gpuBuffers.startJob();
    const sample = () => {
      const m = this.host.memoryNow?.() ?? null;
      if (m !== null) peak = Math.max(peak ?? 0, m);
    };
    const progress = (fraction: number, stage: Progress['stage'], message: string) => {
      sample();
      options.onProgress?.({ fraction, stage, message });
    };
    const guard = () => {
      if (signal?.aborted) throw abortError();
    };

    progress(0, 'load', 'loading model');
    const { source, check } = await this.resolve(model);
    const tLoad = now();
    guard();
    progress(0.05, 'verify', 'verifying model against its card');
    if (!check.ok) throw new ModelRefusedError(source.card.id, check.errors);
    const card = source.card;
    const tiled = Boolean(options.tiled) && card.tiling.mode === 'tiled';
    checkFeeds(card, feeds, tiled);
    const adapter = await this.adapter();
    const tVerify = now();

    const sizeKey = `${card.sha256}|${Object.values(feeds).reduce((a, t) => a + t.data.length, 0)}|${tiled}`;
    const choice = this.measuredChoice(sizeKey, options.backend ?? 'auto', adapter) ?? chooseBackend(adapter, options.backend ?? 'auto', card, this.webgpuLost);
    let backend = choice.backend;
    let fallbackReason = choice.fallbackReason;
    const backendsUsed: Backend[] = [backend];
    progress(0.1, 'session', `preparing ${backend} session`);
    await this.session(source, backend, adapter);
    const tSession = now();
    guard();

    const rules = card.tiling.mode === 'tiled' ? card.tiling : null;
    const job = tiled && rules ? tiledJob(feeds, rules) : null;
    const origins: (TileOrigin | null)[] = job ? job.tiles : [null];
    const blender = job && rules ? new TileBlender(job, rules) : null;
    let outputs: Record<string, TensorData> = {};
    let webgpuSteps = 0;

    for (let i = 0; i < origins.length; i++) {
      // a macrotask turn between steps lets a worker receive a cancel message; an ORT run can resolve in
      // microtasks alone, and then a cancel would only arrive after the last tile
      if (i > 0) await yieldToEvents();
      guard();
      const origin = origins[i]!;
      const stepFeeds = origin && job && rules ? tileFeeds(feeds, job, origin, rules) : feeds;
      let out: Record<string, TensorData>;
      try {
        out = await this.step(source, backend, adapter, stepFeeds);
      } catch (e) {
        if (!(e instanceof DeviceLostError) || backend !== 'webgpu') throw e;
        // the device is gone: this step and the rest run on WASM, and the report says so
        backend = 'wasm';
        backendsUsed.push('wasm');
        fallbackReason = `WebGPU device lost mid-job (${e.message}) after ${i} of ${origins.length} step(s); finished on WASM`;
        progress(0.1 + (0.9 * i) / origins.length, 'fallback', fallbackReason);
        out = await this.step(source, backend, adapter, stepFeeds);
      }
      if (backend === 'webgpu') {
        webgpuSteps++;
        if (this.armedLoss !== null && webgpuSteps >= this.armedLoss) {
          this.armedLoss = null;
          this.device?.destroy();
          await this.deviceLost;
        }
      }
      if (blender && origin) blender.add(origin, out);
      else outputs = out;
      progress(0.1 + (0.9 * (i + 1)) / origins.length, origin ? 'tile' : 'run', origin ? `tile ${i + 1} of ${origins.length}` : 'inference done');
    }
    if (blender) outputs = blender.finish();
    const tRun = now();
    if (backendsUsed.length === 1) {
      const seen = this.measured.get(sizeKey) ?? {};
      seen[backend] = Math.min(seen[backend] ?? Infinity, tRun - tSession);
      this.measured.set(sizeKey, seen);
    }
    progress(1, 'done', `done on ${backend}`);
    const memory: RunMemory = {
      wasmHeapBytes: ortWasmHeapBytes(),
      webgpuBufferPeakBytes: backendsUsed.includes('webgpu') && this.gpuBuffers.attached ? this.gpuBuffers.peak : null,
      processRssPeakBytes: peak,
    };

    const report: RuntimeRunReport = {
      backend,
      backendsUsed,
      adapter,
      fallbackReason,
      timingsMs: { load: tLoad - t0, verify: tVerify - tLoad, session: tSession - tVerify, run: tRun - tSession, total: tRun - t0 },
      peakMemoryBytes: memory.wasmHeapBytes === null && memory.webgpuBufferPeakBytes === null ? null : (memory.wasmHeapBytes ?? 0) + (memory.webgpuBufferPeakBytes ?? 0),
      memory,
      tensorBytes: source.bytes.byteLength + tensorBytes(feeds) + tensorBytes(outputs),
      threads: this.threads,
      modelId: card.id,
      modelSha256: card.sha256,
      ortVersion: this.host.ort.env.versions.web ?? this.host.ort.env.versions.common,
      tiles: job ? origins.length : 0,
      startedAt,
    };
    this.reports.emit(report);
    return { outputs, report };
  }

  testVectors(model: ModelInput, options: { backend?: BackendRequest; signal?: AbortSignal } = {}): Promise<TestVectorResult[]> {
    return this.enqueue(async () => {
      const { source, check } = await this.resolve(model);
      if (!check.ok) throw new ModelRefusedError(source.card.id, check.errors);
      const results: TestVectorResult[] = [];
      for (const tv of source.card.testVectors) {
        if (options.signal?.aborted) throw abortError();
        const t0 = now();
        try {
          const feeds = await vectorFeeds(source.card, tv, source.loadFile);
          const { outputs, report } = await this.runNow(model, feeds, { backend: options.backend, signal: options.signal });
          const failures = await checkVector(tv, outputs);
          results.push({ name: tv.name, pass: failures.length === 0, failures, backend: report.backend, ms: now() - t0 });
        } catch (e) {
          if ((e as Error).name === 'AbortError') throw e;
          results.push({ name: tv.name, pass: false, failures: [(e as Error).message], backend: 'wasm', ms: now() - t0 });
        }
      }
      return results;
    }, options.signal);
  }

  async status(): Promise<RuntimeStatus> {
    const adapter = await this.adapter();
    const choice = chooseBackend(adapter, 'auto', { id: '(any)', backends: ['wasm', 'webgpu'] }, this.webgpuLost);
    return {
      adapter,
      chosen: choice.backend,
      fallbackReason: choice.fallbackReason,
      crossOriginIsolated: this.host.crossOriginIsolated,
      threads: this.threads,
      webgpuLost: this.webgpuLost,
      cachedSessions: this.sessions.size,
    };
  }

  async validate(card: unknown, bytes: Uint8Array): Promise<{ wasm: ModelCheck; webgpu: ModelCheck }> {
    return { wasm: await validateModel(card, bytes, 'wasm'), webgpu: await validateModel(card, bytes, 'webgpu') };
  }

  async forceDeviceLoss(): Promise<boolean> {
    if (!this.device) return false;
    this.device.destroy();
    await this.deviceLost;
    return true;
  }

  async armDeviceLoss(afterSteps: number): Promise<void> {
    this.armedLoss = Math.max(1, Math.floor(afterSteps));
  }
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
