// The de-age job itself, host-agnostic (the worker runs it; Node tests and benches can too): frames in,
// tracked, de-aged, encoded out, with progress and cancel between frames.
import { encodePng, type Raster } from '../plates/png';
import { framePatch, maskPatch, PATCHES_MIME, PatchWriter } from './patches';
import type { ModelCard } from '../runtime/modelCard';
import { FaceTracker } from './face/track';
import type { RecordingRunner } from './runtimeRunner';
import { deageFrame, PROCEDURAL_MODEL, type LearnedContext } from './pipeline';
import type { DeageParams } from './params';
import type { DeageOutput } from './protocol';

export class CancelledError extends Error {
  constructor() {
    super('de-age cancelled');
  }
}

export interface JobInput {
  frames: AsyncIterable<Raster> | Iterable<Raster>;
  frameCount: number;
  fps: number;
  params: DeageParams;
  /** the learned model (installed id or user card + bytes) when params.model is not the procedural graph */
  learned: { model: string | { card: ModelCard; bytes: Uint8Array }; card: ModelCard } | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
  /** stills are one PNG; a video's frames are stored as patches over the plate (see patches.ts) */
  video: boolean;
}

export async function runDeageJob(runner: RecordingRunner, input: JobInput): Promise<DeageOutput> {
  const startedAt = new Date().toISOString();
  const { params } = input;
  const guard = () => {
    if (input.signal?.aborted) throw new CancelledError();
  };
  const tracker = new FaceTracker(runner, input.fps);
  let patches: PatchWriter | null = null;
  let masks: PatchWriter | null = null;
  const perFrameMs: number[] = [];
  const effectMs: number[] = [];
  const stageMs = { track: 0, prepare: 0, model: 0, composite: 0, encode: 0 };
  let bounds: [number, number, number, number] | null = null;
  let learned: LearnedContext | undefined;
  let sourceAge: number | null = params.sourceAge;
  let index = 0;
  let still: { out: Uint8Array } | null = null;
  for await (const frame of input.frames) {
    guard();
    const t0 = performance.now();
    if (index === 0) input.onProgress?.(0, 'finding the face');
    const tracked = await tracker.next(frame);
    const t1 = performance.now();
    if (input.learned && !learned) {
      // learned models are conditioned on the plate's apparent age; the app ships no age estimator, so the
      // artist states it
      if (sourceAge === null) throw new Error(`model "${input.learned.card.id}" needs the actor's apparent age in the plate: enter it (the app ships no age estimator)`);
      learned = { model: input.learned.model, card: input.learned.card, sourceAge };
    }
    const res = await deageFrame(runner, frame, tracked.points, params, { learned, signal: input.signal });
    const t2 = performance.now();
    // the mask is stored as its box only, for stills and clips alike (it is a review aid)
    masks ??= new PatchWriter(frame.width, frame.height, 'over-black');
    masks.add(maskPatch(res.mask, frame.width, frame.height));
    if (input.video) {
      // only the changed pixels: a face-sized PNG per frame instead of a full frame
      patches ??= new PatchWriter(frame.width, frame.height, 'over-plate');
      patches.add(framePatch(frame, res.output));
    } else {
      // a still stays a PNG anyone can open; deflate level 1, the fastest that still compresses
      still = { out: encodePng(res.output, 1) };
    }
    const t3 = performance.now();
    stageMs.track += t1 - t0;
    stageMs.prepare += res.timings.prepareMs;
    stageMs.model += res.timings.modelMs;
    stageMs.composite += res.timings.compositeMs;
    stageMs.encode += t3 - t2;
    perFrameMs.push(t3 - t0);
    effectMs.push(t2 - t0);
    if (res.changed) {
      const b = res.bounds;
      bounds = bounds ? [Math.min(bounds[0], b[0]), Math.min(bounds[1], b[1]), Math.max(bounds[2], b[2]), Math.max(bounds[3], b[3])] : b;
    }
    index++;
    input.onProgress?.(index / input.frameCount, `frame ${index} of ${input.frameCount}`);
  }
  if (index === 0) throw new Error('the plate gave no frames in the chosen range');
  if (!bounds) throw new Error('the effect changed no pixels: raise the strengths or years');
  const t4 = performance.now();
  const packed = input.video ? patches!.finish() : still!.out;
  const maskPacked = masks!.finish();
  stageMs.encode += performance.now() - t4;
  return {
    bytes: packed,
    mime: input.video ? PATCHES_MIME : 'image/png',
    maskBytes: maskPacked,
    frames: index,
    bounds,
    reports: runner.reports,
    perFrameMs,
    effectMs,
    stageMs,
    sourceAge: input.learned ? sourceAge : null,
    startedAt,
  };
}

export const usesLearned = (p: DeageParams) => p.model !== PROCEDURAL_MODEL;
