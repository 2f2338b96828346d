// Age and identity measurement with the faceres model (HSE FaceRes via @vladmandic/human, converted to ONNX):
// a 100-bin age distribution and a 1024-D descriptor from a 224×224 roll-corrected face crop in 0..255.
// The app does not ship faceres (no verifiable training-data statement): tests and the evaluation pass it in as
// card + bytes (models/face/faceres.ts).
import type { Raster } from '../../plates/png';
import { cropToImage } from './affine';
import { boxFromMesh } from './mesh';
import { sampleToTensor } from './sample';
import { output, type ModelRunner, type ModelSpec } from './runner';

export const FACERES_MODEL = 'faceres';
export const FACERES_SIZE = 224;

export interface FaceMeasure {
  /** human's estimate: arg-max bin refined toward the larger neighbour, in years */
  age: number;
  /** expectation of the age distribution, in years (smoother, used for averages) */
  ageMean: number;
  descriptor: Float32Array;
}

export function ageFromBins(p: Float32Array): { age: number; ageMean: number } {
  let arg = 0;
  let mean = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i]! > p[arg]!) arg = i;
    mean += i * p[i]!;
  }
  const before = p[arg - 1] ?? 0;
  const after = p[arg + 1] ?? 0;
  // human's refinement: shift the arg-max bin by ten times the larger neighbour's probability
  const age = before > after ? arg - 10 * before : arg + 10 * after;
  return { age, ageMean: mean };
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb || 1);
}

/** Measures a face given its landmarks; `enlarge` and `shift` vary the crop (re-crops for calibration). */
export async function measureFace(
  runner: ModelRunner,
  model: ModelSpec,
  plate: Raster,
  points: Float32Array,
  crop: { enlarge?: number; shift?: [number, number] } = {},
): Promise<FaceMeasure> {
  const box = boxFromMesh(points, crop.enlarge ?? 1.5);
  const shift = crop.shift ?? [0, 0];
  const centre: [number, number] = [box.centre[0] + shift[0] * box.side, box.centre[1] + shift[1] * box.side];
  const toImage = cropToImage(centre, box.side, box.angle, FACERES_SIZE);
  const input = sampleToTensor(plate, toImage, FACERES_SIZE, FACERES_SIZE, 1);
  const out = await runner.run(model, { image: { data: input, dims: [1, 3, FACERES_SIZE, FACERES_SIZE] } });
  const bins = output(out, 'age', model).data;
  return { ...ageFromBins(bins), descriptor: output(out, 'descriptor', model).data.slice() };
}
