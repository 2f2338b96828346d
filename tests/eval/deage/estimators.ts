// Two age-and-identity estimators that share no weights, so no result rests on one model:
//   faceres (HSE FaceRes via @vladmandic/human, the ONNX this project converted; not shipped in the app): 100-bin
//   age, 1024-D descriptor;
//   face-api (@vladmandic/face-api 1.7.15, run by tfjs on its WASM backend): the age_gender net (age regression)
//   and the face_recognition net (dlib's ResNet-34, 128-D; "same person" when the Euclidean distance is
//   below 0.6, the threshold face-api and dlib document).
// Both see the same roll-corrected crop of the face from the same landmarks, so a before/after pair differs
// only by what the effect (or the baseline) changed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Raster } from '../../../src/effects/plates/png';
import { cropToImage } from '../../../src/effects/deage/face/affine';
import { boxFromMesh } from '../../../src/effects/deage/face/mesh';
import { sampleToTensor } from '../../../src/effects/deage/face/sample';
import { measureFace } from '../../../src/effects/deage/face/measure';
import type { ModelRunner } from '../../../src/effects/deage/face/runner';
import { loadFaceres } from '../../../models/face/faceres';

export const FACEAPI_SAME_PERSON = 0.6;

export interface Estimate {
  faceresAge: number;
  faceapiAge: number;
  faceres: Float32Array;
  faceapi: Float32Array;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
let faceapi: Any = null;

async function loadFaceApi(): Promise<Any> {
  if (faceapi) return faceapi;
  const require = createRequire(import.meta.url);
  // the Node build that runs on @tensorflow/tfjs + its WASM backend (no native binaries)
  const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const tf = api.tf;
  await tf.setBackend('wasm');
  await tf.ready();
  const dir = require.resolve('@vladmandic/face-api/package.json').replace(/package\.json$/, 'model/');
  for (const [net, name] of [[api.nets.ageGenderNet, 'age_gender_model'], [api.nets.faceRecognitionNet, 'face_recognition_model']] as const) {
    const manifest = JSON.parse(readFileSync(dir + name + '-weights_manifest.json', 'utf8')) as { weights: unknown[] }[];
    const buf = readFileSync(dir + name + '.bin');
    net.loadFromWeightMap(tf.io.decodeWeights(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), manifest.flatMap((m) => m.weights)));
  }
  faceapi = api;
  return api;
}

function nhwc(plate: Raster, points: Float32Array, size: number, enlarge: number): Float32Array {
  const box = boxFromMesh(points, enlarge);
  const planar = sampleToTensor(plate, cropToImage(box.centre, box.side, box.angle, size), size, size, 1);
  const n = size * size;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) out[3 * i + c] = planar[c * n + i]!;
  return out;
}

export async function estimate(runner: ModelRunner, plate: Raster, points: Float32Array): Promise<Estimate> {
  const fr = await measureFace(runner, await loadFaceres(), plate, points);
  const api = await loadFaceApi();
  const tf = api.tf;
  const ageIn = tf.tensor4d(nhwc(plate, points, 112, 1.1), [1, 112, 112, 3]);
  const idIn = tf.tensor4d(nhwc(plate, points, 150, 1.1), [1, 150, 150, 3]);
  try {
    const ag = await api.nets.ageGenderNet.predictAgeAndGender(ageIn);
    const desc = (await api.nets.faceRecognitionNet.computeFaceDescriptor(idIn)) as Float32Array;
    return { faceresAge: fr.ageMean, faceapiAge: ag.age as number, faceres: fr.descriptor, faceapi: Float32Array.from(desc) };
  } finally {
    ageIn.dispose();
    idIn.dispose();
  }
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}
