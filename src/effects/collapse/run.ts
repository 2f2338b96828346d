// Runs a collapse from the editor: the worker bakes, the bake is stored as a content-addressed asset, and the
// effect layer lands together with its signed disclosure record as one undo step (commitEffectRun).
import { newId, type Building, type EffectLayer, type ImportedAsset, type ModelRef, type RunReport, type Transform } from '../../core/document';
import { findInstalled } from '../runtime/registry';
import { DEBRIS_MODEL_ID } from './particles';
import { buildingHashInput, buildingParams } from '../../core/geometry/building';
import { sha256Hex } from '../../core/util/sha256';
import { putAsset } from '../../store/assets';
import { commitEffectRun } from '../../store/effectRuns';
import { projectStore } from '../../store/projectStore';
import { CollapseParams, parseCollapseParams } from './params';
import { BAKE_MIME } from './bake';
import { overallProgress, type WorkerRequest, type WorkerResponse } from './protocol';
import type { CollapseJob, CollapseStats } from './pipeline';
import { soupBytes } from './meshSoup';
import { assetSoup } from './view/assetSoup';
import { modelForAsset } from '../../viewport/objects/gltf';

export const COLLAPSE_EFFECT = 'collapse';
export const COLLAPSE_VERSION = 'collapse/1';

let nextId = 1;

export interface CollapseRunOptions {
  sceneId: string;
  /** what fails: a parametric building, or an imported asset (its mesh must be closed) */
  building?: Building;
  asset?: ImportedAsset;
  params: CollapseParams;
  seed: number;
  onProgress?: (fraction: number, stage: string) => void;
  signal?: AbortSignal;
  /** the layer to re-run (keeps its id, name and flags); a new layer otherwise */
  layerId?: string;
}

function bakeInWorker(job: CollapseJob, signal?: AbortSignal, onProgress?: (f: number, stage: string) => void) {
  return new Promise<{ bytes: Uint8Array; hash: string; stats: CollapseStats }>((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'collapse' });
    const id = nextId++;
    let killTimer: ReturnType<typeof setTimeout> | null = null;
    const finish = () => {
      if (killTimer) clearTimeout(killTimer);
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
      // a frame of a 4,000-fragment bake can take a while: do not make the artist wait for it
      killTimer = setTimeout(() => {
        finish();
        reject(Object.assign(new Error('collapse cancelled'), { name: 'AbortError' }));
      }, 400);
    };
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress?.(overallProgress(m.stage, m.fraction), m.stage);
      else if (m.type === 'done') {
        finish();
        resolve(m);
      } else {
        finish();
        reject(Object.assign(new Error(m.message), { name: m.name }));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(`collapse worker failed: ${e.message}`));
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    worker.postMessage({ type: 'run', id, job } satisfies WorkerRequest);
  });
}

/** The job for the target, the hash of the geometry it reads, and how the layer sits in the scene. */
async function targetJob(opts: CollapseRunOptions, params: CollapseParams, fps: number) {
  if (opts.asset) {
    const a = opts.asset;
    const soup = assetSoup(await modelForAsset(a.assetId), a);
    const inputHash = await sha256Hex(soupBytes(soup));
    // the object's scale is in the soup, so the layer keeps only where the asset stands and how it is turned
    const transform: Transform = { ...structuredClone(a.transform), scale: [1, 1, 1] };
    const job: CollapseJob = { mesh: { positions: soup.positions, indices: soup.indices }, params, seed: opts.seed, fps };
    return { target: a as Building | ImportedAsset, job, inputHash, transform, kind: 'asset' as const, colour: soup.colour };
  }
  const b = opts.building;
  if (!b) throw new Error('Collapse: select a building or an imported asset');
  const job: CollapseJob = { building: buildingParams(b), params, seed: opts.seed, fps };
  // the bake is in the building's frame, so the layer sits where the building stands
  return { target: b as Building | ImportedAsset, job, inputHash: await sha256Hex(buildingHashInput(buildingParams(b))), transform: structuredClone(b.transform), kind: 'building' as const, colour: null };
}

export async function runCollapseEffect(opts: CollapseRunOptions): Promise<EffectLayer> {
  const parsed = parseCollapseParams(opts.params);
  if (!parsed.ok) throw new Error(`Collapse: ${parsed.error}`);
  const params = parsed.params;
  const project = projectStore.getState().project;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const t = await targetJob(opts, params, project.settings.fps);
  const b = t.target;
  const out = await bakeInWorker(t.job, opts.signal, opts.onProgress);
  const assetId = await putAsset(out.bytes, BAKE_MIME);
  if (assetId !== out.hash) throw new Error('collapse bake changed on its way from the worker');
  const bakeAsset = { id: assetId, name: `${b.name} collapse bake`.slice(0, 256), mime: BAKE_MIME, byteLength: out.bytes.byteLength, kind: 'bake' } as const;
  const s = out.stats;
  const runReport: RunReport = {
    backend: 'wasm',
    adapter: null,
    fallbackReason: null,
    timingsMs: { ...s.timingsMs, roundTrip: performance.now() - t0 },
    peakMemoryBytes: null,
    softwareVersion: `${COLLAPSE_VERSION} rapier3d-compat 0.21`,
    startedAt,
  };
  const existing = opts.layerId ? project.scenes[opts.sceneId]?.objects[opts.layerId] : undefined;
  const base = existing?.type === 'effectLayer' ? existing : null;
  const layer: EffectLayer = {
    id: base?.id ?? newId('layer'),
    name: base?.name ?? `${b.name} collapse`,
    parentId: null,
    transform: t.transform,
    visible: base?.visible ?? true,
    locked: base?.locked ?? false,
    type: 'effectLayer',
    effect: COLLAPSE_EFFECT,
    targetIds: [b.id],
    params: {
      ...params,
      fragments: s.fragments,
      breaks: s.breaks,
      restAt: s.restAt,
      stepRate: s.stepRate,
      ...(s.mesh ? { target: 'mesh', meshTriangles: s.mesh.triangles, convexParts: s.mesh.convexParts, surfaceColour: t.colour } : {}),
    },
    seed: opts.seed,
    models: debrisModels(),
    status: 'done',
    inputHashes: { [b.id]: t.inputHash },
    output: { assetId, contentHash: out.hash },
    runReport,
    frameRange: { start: params.triggerFrame, end: params.triggerFrame + s.frames - 1 },
    intendedUse: base?.intendedUse ?? 'previs-only',
    thirdPartyIp: base?.thirdPartyIp ?? (b.type === 'asset' && b.rights === 'third-party'),
    consentId: base?.consentId ?? null,
    runCount: base?.runCount ?? 0,
  };
  await commitEffectRun({
    sceneId: opts.sceneId,
    layer,
    label: t.kind === 'asset' ? 'Collapse asset' : 'Collapse building',
    assets: [bakeAsset],
    description: `${params.failureMode} collapse of ${b.name} at frame ${params.triggerFrame}, ${s.fragments} fragments`,
  });
  return layer;
}

/** The debris step graph draws the dust and chips of this layer, so its card is part of the layer's record. */
function debrisModels(): ModelRef[] {
  const { card } = findInstalled(DEBRIS_MODEL_ID);
  return [{ id: card.id, version: card.version, sha256: card.sha256, license: card.license, kind: 'procedural' }];
}
