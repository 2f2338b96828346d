// One frame of the de-age effect: landmarks → face-aligned crop + region masks (+ jaw warp grid) → the
// procedural graph or a learned FRAN-style model (through its card, tiled by the runtime) → the delta,
// confined to the feathered face mask, warped back onto the plate.
import type { Raster } from '../plates/png';
import type { ModelCard } from '../runtime/modelCard';
import { FACE_SPACE, REGION_COUNT, SCALES } from './constants';
import { compositeDelta, type CompositeResult } from './composite';
import { faceSpaceFromMesh, meshInFaceSpace, type FaceSpace } from './face/faceSpace';
import { featherPlane } from './face/feather';
import { regionMasks } from './face/regions';
import { applyColourCues } from './face/cues';
import { meshWarpGrid } from './face/meshWarp';
import { protectEdges } from './face/protect';
import { keepMask, keepWeight, warpFreedom } from './face/keep';
import { output, type ModelRunner, type ModelSpec, type RunnerOptions } from './face/runner';
import { sampleToTensor } from './face/sample';
import { gainsFor, type DeageParams } from './params';
import { prepareLearnedFeeds, readLearnedDelta } from './learned';

export const PROCEDURAL_MODEL = 'deage-procedural';

export interface PreparedFace {
  space: FaceSpace;
  /** [3, S, S] in 0..1 */
  crop: Float32Array;
  /** [REGION_COUNT, S, S] hard masks */
  masks: Float32Array;
  /** face-space landmarks */
  points: Float32Array;
  /** [S, S] hard mask of what must not change: brows, eyes, protected edges (glasses frames, lashes) */
  keep: Float32Array;
}

export function prepareFace(plate: Raster, points: Float32Array, size = FACE_SPACE): PreparedFace {
  const space = faceSpaceFromMesh(points, size);
  const crop = sampleToTensor(plate, space.toImage, size, size, 1 / 255);
  const facePoints = meshInFaceSpace(points, space);
  const masks = regionMasks(facePoints, size);
  const edges = new Float32Array(size * size);
  protectEdges(masks, crop, facePoints, size, edges);
  return { space, crop, masks, points: facePoints, keep: keepMask(facePoints, size, edges) };
}

export interface FaceDelta {
  delta: Float32Array;
  alpha: Float32Array;
}

export async function runProcedural(runner: ModelRunner, face: PreparedFace, params: DeageParams, opts: RunnerOptions = {}): Promise<FaceDelta> {
  const S = face.space.size;
  const n = S * S;
  const gains = gainsFor(params);
  // colour cues first, on skin and lips only; the graph then smooths, evens and warps the cued crop
  const cued = face.crop.slice();
  applyColourCues(cued, S, face.points, featherPlane(face.masks.subarray(n, 2 * n), S, S, SCALES.maskSigma), gains.colour);
  const out = await runner.run(
    PROCEDURAL_MODEL,
    {
      image: { data: cued, dims: [1, 3, S, S] },
      masks: { data: face.masks, dims: [1, REGION_COUNT, S, S] },
      wrinkle_gain: { data: gains.wrinkle, dims: [1, REGION_COUNT, 1, 1] },
      lift_gain: { data: gains.lift, dims: [1, REGION_COUNT, 1, 1] },
      tone_gain: { data: Float32Array.of(gains.tone), dims: [1, 1, 1, 1] },
      grid: { data: meshWarpGrid(face.points, S, gains.shape, warpFreedom(face.points, face.keep, S)), dims: [1, S, S, 2] },
    },
    opts,
  );
  const delta = output(out, 'delta', PROCEDURAL_MODEL).data;
  const alpha = output(out, 'alpha', PROCEDURAL_MODEL).data;
  // the graph's delta is against the cued crop; add the cues themselves, confined to the same mask, and leave
  // brows, eyes and protected edges exactly as they were
  const keep = keepWeight(face.keep, S, 1.5);
  for (let c = 0; c < 3; c++)
    for (let i = 0; i < n; i++) {
      const k = c * n + i;
      delta[k] = (delta[k]! + (cued[k]! - face.crop[k]!) * alpha[i]!) * (1 - keep[i]!);
    }
  return { delta, alpha };
}

export async function runLearned(
  runner: ModelRunner,
  model: ModelSpec,
  card: ModelCard,
  face: PreparedFace,
  ages: { source: number; target: number },
  opts: RunnerOptions = {},
): Promise<FaceDelta> {
  const S = face.space.size;
  const feeds = prepareLearnedFeeds(card, face.crop, S, ages);
  const out = await runner.run(model, feeds, { ...opts, tiled: card.tiling.mode === 'tiled' });
  const alpha = featherPlane(face.masks.subarray(0, S * S), S, S, SCALES.maskSigma);
  const delta = readLearnedDelta(card, out, face.crop, S);
  for (let c = 0; c < 3; c++) for (let i = 0; i < S * S; i++) delta[c * S * S + i] = delta[c * S * S + i]! * alpha[i]!;
  return { delta, alpha };
}

export interface FrameTimings {
  prepareMs: number;
  modelMs: number;
  compositeMs: number;
}

export interface FrameResult extends CompositeResult {
  timings: FrameTimings;
  face: PreparedFace;
}

export interface LearnedContext {
  model: ModelSpec;
  card: ModelCard;
  sourceAge: number;
}

/** De-ages one frame given its (smoothed) landmarks. */
export async function deageFrame(
  runner: ModelRunner,
  plate: Raster,
  points: Float32Array,
  params: DeageParams,
  opts: RunnerOptions & { learned?: LearnedContext; target?: Raster } = {},
): Promise<FrameResult> {
  const t0 = performance.now();
  const face = prepareFace(plate, points);
  const t1 = performance.now();
  const { delta, alpha } = opts.learned
    ? await runLearned(runner, opts.learned.model, opts.learned.card, face, {
        source: opts.learned.sourceAge,
        target: Math.max(1, opts.learned.sourceAge - params.yearsYounger),
      }, opts)
    : await runProcedural(runner, face, params, opts);
  const t2 = performance.now();
  const composite = compositeDelta(plate, face.space, delta, alpha, opts.target);
  const t3 = performance.now();
  return { ...composite, face, timings: { prepareMs: t1 - t0, modelMs: t2 - t1, compositeMs: t3 - t2 } };
}
