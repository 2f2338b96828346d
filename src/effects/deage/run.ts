// Runs the de-age effect on a plate from the UI thread: the work happens in the de-age worker; the result
// is stored as a content-addressed asset and lands as an effect layer with its signed disclosure record in
// one undo step (commitEffectRun). Cancel stops between frames, or terminates the worker if it must.
import { newId, type EffectLayer, type ModelRef, type Plate, type RunReport } from '../../core/document';
import { getAssetBytes, putAsset } from '../../store/assets';
import { projectStore } from '../../store/projectStore';
import { commitEffectRun } from '../../store/effectRuns';
import { describeAdapter } from '../runtime/backend';
import { findInstalled } from '../runtime/registry';
import type { ModelCard } from '../runtime/modelCard';
import type { BackendRequest } from '../runtime/types';
import { DETECTOR_MODEL } from './face/detect';
import { MESH_MODEL } from './face/mesh';
import { learnedSlotProblems } from './learned';
import { usesLearned } from './job';
import { DeageParams } from './params';
import type { DeageOutput, DeageRequest, DeageResponse } from './protocol';
import { PATCHES_MIME } from './patches';
import { deageDescription } from './disclosure';

export const SOFTWARE_VERSION = 'previs-sandbox 0.1.0 deage 2';

export interface RunDeageOptions {
  sceneId: string;
  plateId: string;
  params: DeageParams;
  backend?: BackendRequest;
  frameRange?: { start: number; end: number } | null;
  /** a learned model the user brought: card + bytes */
  learned?: { card: ModelCard; bytes: Uint8Array } | null;
  intendedUse?: EffectLayer['intendedUse'];
  /** re-run this existing de-age layer (same layer, a new take with its own record; earlier takes keep theirs) */
  layerId?: string | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
}

let nextId = 1;

/** Times the effect in the de-age worker on one still repeated as a clip; stores nothing. For the bench. */
export function benchDeage(bench: Extract<DeageRequest, { type: 'bench' }>['bench'], signal?: AbortSignal): Promise<DeageOutput> {
  return runInWorker({ id: nextId++, type: 'bench', bench }, signal);
}

// One de-age worker for the session: ORT's wasm compiles once and its sessions stay cached between runs.
// It is replaced only after a cancel had to terminate it mid-inference.
let shared: Worker | null = null;
const waiting = new Map<number, { resolve(o: DeageOutput): void; reject(e: Error): void; onProgress?: RunDeageOptions['onProgress'] }>();

function worker(): Worker {
  if (shared) return shared;
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'deage' });
  w.onmessage = (ev: MessageEvent<DeageResponse>) => {
    const msg = ev.data;
    const job = waiting.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') return job.onProgress?.(msg.fraction, msg.message);
    waiting.delete(msg.id);
    if (msg.type === 'result') job.resolve(msg.output);
    else job.reject(Object.assign(new Error(msg.message), { cancelled: msg.cancelled }));
  };
  w.onerror = (ev) => {
    const err = new Error(`de-age worker failed: ${ev.message || 'unknown error'}`);
    kill();
    for (const j of waiting.values()) j.reject(err);
    waiting.clear();
  };
  shared = w;
  return w;
}

function kill() {
  shared?.terminate();
  shared = null;
}

function runInWorker(req: Extract<DeageRequest, { type: 'run' | 'bench' }>, signal?: AbortSignal, onProgress?: RunDeageOptions['onProgress']): Promise<DeageOutput> {
  const w = worker();
  return new Promise<DeageOutput>((resolve, reject) => {
    waiting.set(req.id, { resolve, reject, onProgress });
    signal?.addEventListener(
      'abort',
      () => {
        if (!waiting.has(req.id)) return;
        w.postMessage({ id: req.id, type: 'cancel' } satisfies DeageRequest);
        // one long inference cannot be interrupted: past a grace period the worker is stopped outright
        setTimeout(() => {
          if (!waiting.has(req.id)) return;
          waiting.delete(req.id);
          if (shared === w) kill();
          reject(Object.assign(new Error('de-age cancelled'), { cancelled: true }));
        }, 1500);
      },
      { once: true },
    );
    w.postMessage(req, req.type === 'run' ? [req.job.plate.bytes.buffer as ArrayBuffer] : []);
  });
}

function modelRef(card: ModelCard): ModelRef {
  return { id: card.id.slice(0, 128), version: card.version.slice(0, 64), sha256: card.sha256, license: card.license.slice(0, 128), kind: card.kind };
}

function runReport(out: DeageOutput): RunReport {
  const backends = [...new Set(out.reports.flatMap((r) => r.backendsUsed))];
  const perModel: Record<string, number> = {};
  for (const r of out.reports) perModel[`model:${r.modelId}`] = (perModel[`model:${r.modelId}`] ?? 0) + r.timingsMs.total;
  const total = out.perFrameMs.reduce((a, b) => a + b, 0);
  const peaks = out.reports.map((r) => r.peakMemoryBytes).filter((v): v is number => v !== null);
  return {
    backend: backends.join('+') || 'none',
    adapter: describeAdapter(out.reports[0]?.adapter ?? null),
    fallbackReason: out.reports.find((r) => r.fallbackReason)?.fallbackReason ?? null,
    timingsMs: {
      total,
      perFrame: total / Math.max(1, out.frames),
      effectPerFrame: out.effectMs.reduce((a, b) => a + b, 0) / Math.max(1, out.frames),
      track: out.stageMs.track,
      prepare: out.stageMs.prepare,
      model: out.stageMs.model,
      composite: out.stageMs.composite,
      encode: out.stageMs.encode,
      ...perModel,
    },
    peakMemoryBytes: peaks.length ? Math.max(...peaks) : null,
    softwareVersion: SOFTWARE_VERSION,
    startedAt: out.startedAt,
  };
}

/** Everything the disclosure record needs, in a layer; the caller commits it. Exported for tests. */
export function deageLayer(plate: Plate, params: DeageParams, out: DeageOutput, outputHash: string, cards: ModelCard[], opts: { frameRange: { start: number; end: number } | null; intendedUse: EffectLayer['intendedUse'] }): EffectLayer {
  return {
    id: newId('layer'),
    name: `De-age ${plate.name}`.slice(0, 256),
    parentId: null,
    transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'effectLayer',
    effect: 'deage',
    targetIds: [plate.id],
    params: { ...params, measuredSourceAge: out.sourceAge },
    seed: 0,
    models: cards.map(modelRef),
    status: 'done',
    inputHashes: { [plate.id]: plate.assetId },
    output: { assetId: outputHash, contentHash: outputHash },
    runReport: runReport(out),
    frameRange: opts.frameRange ?? { start: 0, end: out.frames },
    intendedUse: opts.intendedUse,
    thirdPartyIp: false,
    consentId: null,
    runCount: 0,
  };
}

export async function runDeage(opts: RunDeageOptions): Promise<EffectLayer> {
  const params = DeageParams.parse(opts.params);
  const { project } = projectStore.getState();
  const plate = project.scenes[opts.sceneId]?.objects[opts.plateId];
  if (!plate || plate.type !== 'plate') throw new Error('choose a plate to de-age');
  const fr = opts.frameRange ?? null;
  if (fr && (plate.mediaKind === 'image' ? fr.start !== 0 || fr.end !== 1 : !(Number.isInteger(fr.start) && Number.isInteger(fr.end) && fr.start >= 0 && fr.end <= plate.frameCount && fr.end > fr.start))) {
    throw new Error(`frame range ${fr.start}–${fr.end} does not fit plate "${plate.name}" (${plate.frameCount} frames, out exclusive)`);
  }
  const bytes = await getAssetBytes(plate.assetId);
  if (!bytes) throw new Error(`the bytes of plate "${plate.name}" are not in this browser's asset store; re-import the plate`);
  const mime = project.assets[plate.assetId]?.mime ?? (plate.mediaKind === 'image' ? 'image/png' : 'video/mp4');

  const cards: ModelCard[] = [findInstalled(DETECTOR_MODEL).card, findInstalled(MESH_MODEL).card];
  let installedCard: ModelCard | null = null;
  if (usesLearned(params)) {
    const card = opts.learned?.card ?? findInstalled(params.model).card;
    const problems = learnedSlotProblems(card);
    if (problems.length) throw new Error(problems.join('; '));
    if (!opts.learned) installedCard = card;
    cards.push(card);
    if (params.sourceAge === null) throw new Error(`enter the actor's apparent age in the plate for "${card.id}": the app ships no age estimator`);
  } else {
    cards.push(findInstalled('deage-procedural').card);
  }
  // the card of what did the de-aging (the procedural graph or the learned model), named in the disclosure
  const methodCard = cards[cards.length - 1]!;

  const out = await runInWorker(
    {
      id: nextId++,
      type: 'run',
      job: {
        plate: { name: plate.name, bytes: bytes.slice(), mime, mediaKind: plate.mediaKind, fps: plate.fps },
        params,
        frameRange: opts.frameRange ?? null,
        learned: opts.learned ?? null,
        installedCard,
        backend: opts.backend ?? 'auto',
      },
    },
    opts.signal,
    opts.onProgress,
  );

  const hash = await putAsset(out.bytes, out.mime);
  const maskHash = await putAsset(out.maskBytes, PATCHES_MIME);
  const assets = [
    { id: hash, name: `${plate.name} de-aged`.slice(0, 256), mime: out.mime, byteLength: out.bytes.byteLength, kind: 'bake' as const },
    { id: maskHash, name: `${plate.name} de-age mask`.slice(0, 256), mime: PATCHES_MIME, byteLength: out.maskBytes.byteLength, kind: 'bake' as const },
  ];
  const fresh = deageLayer(plate, { ...params }, out, hash, cards, { frameRange: opts.frameRange ?? null, intendedUse: opts.intendedUse ?? 'previs-only' });
  // a re-run keeps the layer (and what people declared on it), so the disclosure system supersedes its record
  const current = opts.layerId ? projectStore.getState().project.scenes[opts.sceneId]?.objects[opts.layerId] : undefined;
  const previous = current?.type === 'effectLayer' && current.effect === 'deage' && current.targetIds.includes(plate.id) ? current : null;
  const layer: EffectLayer = previous
    ? { ...fresh, id: previous.id, name: previous.name, visible: previous.visible, locked: previous.locked, intendedUse: opts.intendedUse ?? previous.intendedUse, thirdPartyIp: previous.thirdPartyIp, consentId: previous.consentId }
    : fresh;
  layer.params = { ...layer.params, maskAssetId: maskHash, bounds: out.bounds };
  const [x0, y0, x1, y1] = out.bounds;
  await commitEffectRun({
    sceneId: opts.sceneId,
    layer,
    label: previous ? 'Re-run de-age' : 'De-age plate',
    assets,
    description: deageDescription(params, { card: methodCard }, {
      sourceAge: out.sourceAge,
      sourceAgeFrom: out.sourceAge === null ? null : 'user',
    }),
    region: { space: 'plate', plateId: plate.id, x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) },
  });
  return layer;
}
