// Dense landmarks: the 468-point face mesh (converted from human's facemesh) run on a rotated square crop.
import type { Raster } from '../../plates/png';
import { apply, cropToImage, type Point } from './affine';
import { sampleToTensor } from './sample';
import { output, type ModelRunner } from './runner';
import ann from './mesh-annotations.json';

export const MESH_MODEL = 'facemesh';
export const MESH_SIZE = 192;
export const MESH_POINTS = 468;
export const annotations: Record<string, number[]> = ann.annotations;

/** A square region of the plate, rotated so the eyes are level in it. */
export interface FaceBox {
  centre: Point;
  side: number;
  angle: number;
}

export interface FaceMesh {
  /** x, y of each of the 468 points in plate pixels */
  points: Float32Array;
  /** the model's face-presence probability for this crop */
  score: number;
}

export function meshPoint(m: FaceMesh | Float32Array, i: number): [number, number] {
  const p = m instanceof Float32Array ? m : m.points;
  return [p[2 * i]!, p[2 * i + 1]!];
}

function mean(points: Float32Array, idx: number[]): [number, number] {
  let x = 0;
  let y = 0;
  for (const i of idx) {
    x += points[2 * i]!;
    y += points[2 * i + 1]!;
  }
  return [x / idx.length, y / idx.length];
}

export function eyeCentres(points: Float32Array): { right: [number, number]; left: [number, number] } {
  return {
    right: mean(points, [...annotations.rightEyeUpper0!, ...annotations.rightEyeLower0!]),
    left: mean(points, [...annotations.leftEyeUpper0!, ...annotations.leftEyeLower0!]),
  };
}

/** Roll of the face: angle of the line from the subject's right eye to the left eye (image y down). */
export function rollOf(points: Float32Array): number {
  const { right, left } = eyeCentres(points);
  return Math.atan2(left[1] - right[1], left[0] - right[0]);
}

/** The crop the mesh model wants for a face whose landmarks are known: the silhouette box, roll-corrected, ×1.5. */
export function boxFromMesh(points: Float32Array, enlarge = 1.5): FaceBox {
  const angle = rollOf(points);
  const c = Math.cos(-angle);
  const s = Math.sin(-angle);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < MESH_POINTS; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    const rx = c * x - s * y;
    const ry = s * x + c * y;
    minX = Math.min(minX, rx);
    maxX = Math.max(maxX, rx);
    minY = Math.min(minY, ry);
    maxY = Math.max(maxY, ry);
  }
  const cr: Point = [(minX + maxX) / 2, (minY + maxY) / 2];
  // rotate the centre back into plate coordinates
  const centre: Point = [Math.cos(angle) * cr[0] - Math.sin(angle) * cr[1], Math.sin(angle) * cr[0] + Math.cos(angle) * cr[1]];
  return { centre, side: Math.max(maxX - minX, maxY - minY) * enlarge, angle };
}

export async function runMesh(runner: ModelRunner, plate: Raster, box: FaceBox): Promise<FaceMesh> {
  const toImage = cropToImage(box.centre, box.side, box.angle, MESH_SIZE);
  const input = sampleToTensor(plate, toImage, MESH_SIZE, MESH_SIZE, 1 / 255);
  const out = await runner.run(MESH_MODEL, { image: { data: input, dims: [1, 3, MESH_SIZE, MESH_SIZE] } });
  const mesh = output(out, 'mesh', MESH_MODEL).data;
  const flag = output(out, 'faceflag', MESH_MODEL).data[0]!;
  if (mesh.length !== MESH_POINTS * 3) throw new Error(`facemesh returned ${mesh.length} values, expected ${MESH_POINTS * 3}`);
  const points = new Float32Array(MESH_POINTS * 2);
  for (let i = 0; i < MESH_POINTS; i++) {
    // mesh coordinates are crop pixels; our sampling maps crop pixel centres, hence no half-pixel shift here
    const [x, y] = apply(toImage, [mesh[3 * i]!, mesh[3 * i + 1]!]);
    points[2 * i] = x;
    points[2 * i + 1] = y;
  }
  return { points, score: flag };
}

/**
 * Landmarks from a rough box (a detector's, or the previous frame's): one pass on the rough crop, then a
 * second on the crop the first pass implies, which is what the mesh model was trained on.
 */
export async function refineMesh(runner: ModelRunner, plate: Raster, rough: FaceBox, passes = 2): Promise<FaceMesh> {
  let mesh = await runMesh(runner, plate, rough);
  for (let i = 1; i < passes; i++) mesh = await runMesh(runner, plate, boxFromMesh(mesh.points));
  return mesh;
}
