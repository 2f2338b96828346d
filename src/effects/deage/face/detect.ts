// Face detection with the shipped BlazeFace (front, 128²): the plate is letterboxed into the model's square,
// anchors decoded (score sigmoid, centre = anchor + offset/128, 6 key points), the best face returned as a
// roll-corrected box for the mesh. Plates where the face is small get a second pass over overlapping windows.
// With several people in frame the largest face wins (the lead in a close-up), not the most confident one.
import type { Raster } from '../../plates/png';
import type { FaceBox } from './mesh';
import { output, type ModelRunner } from './runner';

export const DETECTOR_MODEL = 'mediapipe.blazeface-front-128';
const SIZE = 128;
const SCORES = [
  { scores: 'Identity:0', boxes: 'Identity_2:0', cells: 16, perCell: 2 },
  { scores: 'Identity_1:0', boxes: 'Identity_3:0', cells: 8, perCell: 6 },
];

export interface Detection {
  score: number;
  box: FaceBox;
}

/** NHWC [1,128,128,3] in −1..1 for the window (x, y, side) of the plate, letterboxed with black. */
function windowTensor(plate: Raster, x0: number, y0: number, side: number): Float32Array {
  const t = new Float32Array(SIZE * SIZE * 3).fill(-1);
  const step = side / SIZE;
  for (let v = 0; v < SIZE; v++) {
    const py = Math.floor(y0 + (v + 0.5) * step);
    if (py < 0 || py >= plate.height) continue;
    for (let u = 0; u < SIZE; u++) {
      const px = Math.floor(x0 + (u + 0.5) * step);
      if (px < 0 || px >= plate.width) continue;
      const i = (py * plate.width + px) * 4;
      const o = (v * SIZE + u) * 3;
      t[o] = (plate.data[i]! * 2) / 255 - 1;
      t[o + 1] = (plate.data[i + 1]! * 2) / 255 - 1;
      t[o + 2] = (plate.data[i + 2]! * 2) / 255 - 1;
    }
  }
  return t;
}

async function detectWindow(runner: ModelRunner, plate: Raster, x0: number, y0: number, side: number, minScore: number): Promise<Detection[]> {
  const out = await runner.run(DETECTOR_MODEL, { 'input:0': { data: windowTensor(plate, x0, y0, side), dims: [1, SIZE, SIZE, 3] } });
  const found: Detection[] = [];
  for (const layer of SCORES) {
    const scores = output(out, layer.scores, DETECTOR_MODEL).data;
    const boxes = output(out, layer.boxes, DETECTOR_MODEL).data;
    for (let i = 0; i < scores.length; i++) {
      const score = 1 / (1 + Math.exp(-scores[i]!));
      if (score < minScore) continue;
      const cell = Math.floor(i / layer.perCell);
      const ax = ((cell % layer.cells) + 0.5) / layer.cells;
      const ay = (Math.floor(cell / layer.cells) + 0.5) / layer.cells;
      const b = boxes.subarray(i * 16, i * 16 + 16);
      const toPlate = (fx: number, fy: number): [number, number] => [x0 + fx * side, y0 + fy * side];
      const centre = toPlate(ax + b[0]! / SIZE, ay + b[1]! / SIZE);
      const rightEye = toPlate(ax + b[4]! / SIZE, ay + b[5]! / SIZE);
      const leftEye = toPlate(ax + b[6]! / SIZE, ay + b[7]! / SIZE);
      const w = (Math.max(b[2]!, b[3]!) / SIZE) * side;
      const angle = Math.atan2(leftEye[1] - rightEye[1], leftEye[0] - rightEye[0]);
      // the mesh wants the face box enlarged (as human does for its detector boxes)
      found.push({ score, box: { centre, side: w * 1.6, angle } });
    }
  }
  return found;
}

/**
 * Anchors overlap, so one face fires many of them: detections are grouped around the most confident one whose
 * centre they fall near (non-maximum suppression by centre distance), and the group with the largest face wins.
 */
export function largestFace(found: Detection[]): Detection | null {
  const faces: Detection[] = [];
  for (const d of [...found].sort((a, b) => b.score - a.score)) {
    const same = faces.some((f) => Math.hypot(f.box.centre[0] - d.box.centre[0], f.box.centre[1] - d.box.centre[1]) < 0.4 * Math.max(f.box.side, d.box.side));
    if (!same) faces.push(d);
  }
  let best: Detection | null = null;
  for (const f of faces) if (!best || f.box.side > best.box.side) best = f;
  return best;
}

export async function detectFace(runner: ModelRunner, plate: Raster, minScore = 0.6): Promise<Detection | null> {
  const full = Math.max(plate.width, plate.height);
  const whole = await detectWindow(runner, plate, (plate.width - full) / 2, (plate.height - full) / 2, full, minScore);
  if (whole.length) return largestFace(whole);
  // small faces: overlapping windows of half the short side
  const side = Math.min(plate.width, plate.height) / 2;
  const stride = side / 2;
  const found: Detection[] = [];
  for (let y = 0; y + side <= plate.height + 1; y += stride)
    for (let x = 0; x + side <= plate.width + 1; x += stride) found.push(...(await detectWindow(runner, plate, x, y, side, minScore)));
  return largestFace(found);
}
