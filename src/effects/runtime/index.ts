// The effect runtime: what effects and panels import.
//   const { outputs, report } = await getRuntime().run('previs.gauss-blur', feeds, { onProgress, signal });
// In the browser the work happens in a Web Worker; in Node (vitest, CLI) the same engine runs in-process on
// onnxruntime-web's WASM backend.
import type { ModelRef, RunReport } from '../../core/document/schema';
import type { ModelCard } from './modelCard';
import { describeAdapter, type GpuLike } from './backend';
import { RuntimeClient } from './client';
import { RuntimeEngine } from './engine';
import { loadInstalled, memoryNow } from './host';
import { ReportFeed } from './reportFeed';
import type { Runtime, RuntimeRunReport } from './types';

export * from './types';
export { ModelCard, validateCard, verifyModelBytes } from './modelCard';
export { validateModel, MAX_MODEL_BYTES } from './validate';
export { ModelRefusedError, FeedError } from './errors';
export { installedModels, findInstalled } from './registry';
export { conditionedFeeds, applyImageOutput } from './conditioning';
export { inspectOnnx } from './onnxInspect';

let runtime: Runtime | null = null;

const inBrowser = () => typeof window !== 'undefined' && typeof Worker !== 'undefined';

/** Defers the in-process engine until ORT is imported (dynamic, so the browser bundle never pulls it in twice). */
function nodeRuntime(): Runtime {
  let engine: Promise<RuntimeEngine> | null = null;
  const get = () =>
    (engine ??= import('onnxruntime-web').then(
      (ort) =>
        new RuntimeEngine({
          ort,
          gpu: ((globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu ?? null),
          crossOriginIsolated: false,
          hardwareConcurrency: 1,
          loadInstalled,
          memoryNow,
        }),
    ));
  const reports = new ReportFeed();
  return {
    reports,
    run: async (...a) => {
      const r = await (await get()).run(...a);
      reports.emit(r.report);
      return r;
    },
    testVectors: async (...a) => (await get()).testVectors(...a),
    status: async () => (await get()).status(),
    validate: async (card, bytes) => (await get()).validate(card, bytes),
    forceDeviceLoss: async () => (await get()).forceDeviceLoss(),
    armDeviceLoss: async (n) => (await get()).armDeviceLoss(n),
  };
}

export function getRuntime(): Runtime {
  runtime ??= inBrowser()
    ? new RuntimeClient(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'effect-runtime' }))
    : nodeRuntime();
  return runtime;
}

/** The persisted form the scene document keeps on an effect layer. */
export function toDocumentRunReport(r: RuntimeRunReport, softwareVersion: string): RunReport {
  return {
    backend: r.backendsUsed.join('→'),
    adapter: describeAdapter(r.adapter),
    fallbackReason: r.fallbackReason,
    timingsMs: { ...r.timingsMs },
    peakMemoryBytes: r.peakMemoryBytes,
    memory: Object.fromEntries(Object.entries(r.memory).filter((e): e is [string, number] => e[1] !== null)),
    softwareVersion: softwareVersion.slice(0, 64),
    startedAt: r.startedAt,
  };
}

/** What an effect layer records about a model it used (the disclosure record reads the full card). */
export function toModelRef(card: ModelCard): ModelRef {
  return { id: card.id, version: card.version, sha256: card.sha256, license: card.license, kind: card.kind };
}
