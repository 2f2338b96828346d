// Does the effect hold on video? A still moved by a known drift and zoom with fresh sensor grain every frame
// (the grain is what makes landmarks jitter on real plates), tracked with the One Euro filter as the app does,
// de-aged frame by frame; flicker is the mean frame-to-frame change inside the face after undoing the known
// motion, for the output and for the input clip itself. Goal: output ≤ 1.2 × input.
import type { Raster } from '../../../src/effects/plates/png';
import { FaceTracker } from '../../../src/effects/deage/face/track';
import { deageFrame } from '../../../src/effects/deage/pipeline';
import type { DeageParams } from '../../../src/effects/deage/params';
import type { ModelRunner } from '../../../src/effects/deage/face/runner';
import { flickerInMask, motionClip } from '../../../src/effects/deage/flicker';

export const FLICKER_GOAL = 1.2;

export async function videoFlicker(runner: ModelRunner, still: Raster, params: DeageParams, frames = 16): Promise<{ input: number; output: number; ratio: number }> {
  const clip = motionClip(still, frames, 3, 0.01, 2, 7);
  const tracker = new FaceTracker(runner, 24);
  const outputs: Raster[] = [];
  let mask: Uint8Array | null = null;
  for (const frame of clip.frames) {
    const { points } = await tracker.next(frame);
    const res = await deageFrame(runner, frame, points, params);
    outputs.push(res.output);
    mask ??= res.mask;
  }
  // well inside the face (full mask weight), so the moving mask border does not count as flicker
  const inner = mask!.map((v) => (v === 255 ? 1 : 0));
  const input = flickerInMask(clip.frames, clip.toFrame, inner, still.width, still.height).mean;
  const output = flickerInMask(outputs, clip.toFrame, inner, still.width, still.height).mean;
  return { input, output, ratio: output / input };
}
