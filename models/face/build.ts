// `npm run models` step for the face models: converts @vladmandic/human's facemesh and faceres (tfjs, MIT)
// to ONNX with our converter, writes each with its card into models/face/, and regenerates the mesh
// annotation table the region masks use. Deterministic: the same package gives the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { writeModel, type CardDraft } from '../lib/card.ts';
import { readTfjsGraph } from './tfjs-graph.ts';
import { convertTfjsGraph } from './tfjs-to-onnx.ts';
import { writeMeshAnnotations } from './mesh-annotations.ts';
import { decodePng } from '../../src/effects/plates/png.ts';
import { cropToImage } from '../../src/effects/deage/face/affine.ts';
import { sampleToTensor } from '../../src/effects/deage/face/sample.ts';
import { sha256Hex } from '../../src/core/util/sha256.ts';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..');

function humanDir(): string {
  // the package's exports map hides package.json from require.resolve, so find it on disk
  return join(ROOT, 'node_modules', '@vladmandic', 'human');
}

const HUMAN_VERSION = '3.3.6';

/** A fixed, documented crop of the public-domain astronaut fixture: the face, used as a test-vector input. */
async function faceCropInput(size: number, scale: number): Promise<{ path: string; sha256: string }> {
  const plate = decodePng(new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/faces/astronaut.png'))));
  const t = sampleToTensor(plate, cropToImage([212, 108], 200, 0, size), size, size, scale);
  const bytes = new Uint8Array(t.buffer);
  const rel = `testdata/astronaut-face-${size}.f32`;
  await mkdir(join(HERE, 'testdata'), { recursive: true });
  await writeFile(join(HERE, rel), bytes);
  return { path: rel, sha256: await sha256Hex(bytes) };
}

const image = (name: string, size: number, range: [number, number], note: string) => ({
  name,
  dtype: 'float32' as const,
  shape: [1, 3, size, size],
  layout: 'NCHW',
  colorSpace: 'srgb' as const,
  valueRange: range,
  normalisation:
    range[1] === 1
      ? { kind: 'affine' as const, from: 'uint8' as const, scale: 1 / 255, offset: 0 }
      : { kind: 'none' as const },
  description: note,
});

const AGE_PROBE = [10, 20, 26, 30, 40, 60];

async function probeAges(model: Uint8Array, inputPath: string): Promise<number[]> {
  const ort = await import('onnxruntime-web');
  const session = await ort.InferenceSession.create(model);
  const x = new Float32Array(new Uint8Array(readFileSync(join(HERE, inputPath))).buffer);
  const out = await session.run({ image: new ort.Tensor('float32', x, [1, 3, 224, 224]) });
  const age = out.age!.data as Float32Array;
  await session.release();
  return AGE_PROBE.map((i) => Number(age[i]!.toPrecision(6)));
}

export async function buildFaceModels(log: (s: string) => void = console.log): Promise<void> {
  const human = humanDir();
  const pkgVersion = JSON.parse(readFileSync(join(human, 'package.json'), 'utf8')).version as string;
  if (pkgVersion !== HUMAN_VERSION) throw new Error(`expected @vladmandic/human ${HUMAN_VERSION}, found ${pkgVersion}`);

  writeMeshAnnotations(join(human, 'src/face/facemeshcoords.ts'), join(ROOT, 'src/effects/deage/face/mesh-annotations.json'));

  // facemesh ---------------------------------------------------------------------------------------
  const mesh = convertTfjsGraph(readTfjsGraph(join(human, 'models/facemesh.json')), {
    name: 'facemesh',
    inputName: 'image',
    docString: 'MediaPipe face mesh (468 points) via @vladmandic/human 3.3.6, converted from tfjs by previs-sandbox',
    outputs: [
      { tfjs: 'output_mesh', onnx: 'mesh' },
      { tfjs: 'output_faceflag', onnx: 'faceflag' },
    ],
  });
  const meshInput = await faceCropInput(192, 1 / 255);
  const meshDraft: CardDraft = {
    id: 'facemesh',
    version: `${HUMAN_VERSION}-onnx.1`,
    name: 'Face mesh, 468 landmarks',
    description:
      'Dense face landmarks (MediaPipe face mesh topology) for a roll-corrected square face crop. Converted from the tfjs graph model shipped in @vladmandic/human (float16 weights dequantized to float32); NHWC convolutions re-laid out as NCHW.',
    license: 'Apache-2.0 (MediaPipe model) / MIT (@vladmandic/human packaging)',
    source: { kind: 'package', package: '@vladmandic/human', version: HUMAN_VERSION, path: 'models/facemesh.json', upstream: 'MediaPipe Face Mesh (Google)' },
    kind: 'learned',
    trainingData: {
      description: 'Face images with annotated 3-D mesh landmarks, as declared by the MediaPipe Face Mesh model card (Google). Not verified by this project.',
      declaredBy: 'MediaPipe Face Mesh model card (Google, 2020)',
      containsPersonalData: 'yes',
    },
    inputs: [image('image', 192, [0, 1], 'RGB face crop, roll-corrected, 1.5× the landmark box')],
    outputs: [
      { name: 'mesh', dtype: 'float32', shape: [1, 1404], layout: 'NC', colorSpace: 'none', valueRange: [-1000, 1000], normalisation: { kind: 'none' }, semantics: 'regressors', description: '468 × (x, y, z) in crop pixels' },
      { name: 'faceflag', dtype: 'float32', shape: [1, 1], layout: 'NC', colorSpace: 'none', valueRange: [0, 1], normalisation: { kind: 'none' }, semantics: 'scores', description: 'probability that the crop holds a face' },
    ],
    conditioning: [],
    tiling: { mode: 'whole', note: 'one face crop per run' },
    crop: { mode: 'face-aligned', margin: 0.5 },
    backends: ['wasm', 'webgpu'],
    testVectors: [
      {
        name: 'grey frame holds no face',
        shapes: { image: [1, 3, 192, 192] },
        inputs: { image: { kind: 'constant', value: 0.5 } },
        expect: { faceflag: [{ kind: 'samples', indices: [0], values: [0], tolerance: 0.01 }] },
      },
      {
        name: 'public-domain astronaut face crop holds a face',
        shapes: { image: [1, 3, 192, 192] },
        inputs: { image: { kind: 'file', ...meshInput } },
        expect: { faceflag: [{ kind: 'samples', indices: [0], values: [1], tolerance: 0.05 }] },
      },
    ],
  };
  await writeModel(HERE, meshDraft, mesh.bytes);
  log(`facemesh.onnx ${mesh.bytes.byteLength} bytes, ops ${mesh.ops.join(' ')}`);

  // faceres ----------------------------------------------------------------------------------------
  const res = convertTfjsGraph(readTfjsGraph(join(human, 'models/faceres.json')), {
    name: 'faceres',
    inputName: 'image',
    docString: 'HSE FaceRes (age, gender, 1024-D descriptor) via @vladmandic/human 3.3.6, converted from tfjs by previs-sandbox',
    outputs: [
      { tfjs: 'age_pred/Softmax:0', onnx: 'age' },
      { tfjs: 'gender_pred/Sigmoid:0', onnx: 'gender' },
      { tfjs: 'global_pooling/Mean', onnx: 'descriptor' },
    ],
  });
  const resInput = await faceCropInput(224, 1);
  const resDraft: CardDraft = {
    id: 'faceres',
    version: `${HUMAN_VERSION}-onnx.1`,
    name: 'FaceRes: age, gender, face descriptor',
    description:
      'MobileNet-based multi-output face network: a 100-bin age distribution (years 0–99), a gender score and a 1024-D face descriptor. Used by the de-age effect only to MEASURE its own output (age drop, identity kept), never to alter an image.',
    license: 'MIT (@vladmandic/human packaging; upstream HSE-FaceRes by A. Savchenko)',
    source: { kind: 'package', package: '@vladmandic/human', version: HUMAN_VERSION, path: 'models/faceres.json', upstream: 'HSE_FaceRec_tf (A. V. Savchenko)' },
    kind: 'learned',
    trainingData: {
      description:
        'Per the publisher: a MobileNet pre-trained for face identification on a large face-recognition set, then given age and gender heads trained on labelled face photos (A. V. Savchenko, PeerJ Computer Science 5:e197, 2019). Not verified by this project.',
      declaredBy: 'A. V. Savchenko, "Efficient facial representations for age, gender and identity recognition…", PeerJ CS 2019',
      containsPersonalData: 'yes',
    },
    inputs: [image('image', 224, [0, 255], 'RGB face crop in 0..255, roll-corrected, 1.5× the landmark box')],
    outputs: [
      { name: 'age', dtype: 'float32', shape: [1, 100], layout: 'NC', colorSpace: 'none', valueRange: [0, 1], normalisation: { kind: 'none' }, semantics: 'scores', description: 'softmax over ages 0..99 years' },
      { name: 'gender', dtype: 'float32', shape: [1, 1], layout: 'NC', colorSpace: 'none', valueRange: [0, 1], normalisation: { kind: 'none' }, semantics: 'scores' },
      { name: 'descriptor', dtype: 'float32', shape: [1, 1024], layout: 'NC', colorSpace: 'none', valueRange: [0, 1000], normalisation: { kind: 'none' }, semantics: 'features', description: 'identity descriptor; compare with cosine similarity' },
    ],
    conditioning: [],
    tiling: { mode: 'whole', note: 'one face crop per run' },
    crop: { mode: 'face-aligned', margin: 0.5 },
    backends: ['wasm', 'webgpu'],
    testVectors: [
      {
        // a regression pin, not ground truth: what this conversion gave at build time, so a backend or a
        // re-conversion that drifts is caught
        name: 'regression: age bins on the astronaut face crop',
        shapes: { image: [1, 3, 224, 224] },
        inputs: { image: { kind: 'file', ...resInput } },
        expect: { age: [{ kind: 'samples', indices: AGE_PROBE, values: await probeAges(res.bytes, resInput.path), tolerance: 1e-4 }] },
      },
    ],
  };
  await writeModel(HERE, resDraft, res.bytes);
  log(`faceres.onnx ${res.bytes.byteLength} bytes, ops ${res.ops.join(' ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildFaceModels();
}
