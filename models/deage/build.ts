// `npm run models` step for the authored de-age graph: serializes it and writes its card into models/deage/.
import { pathToFileURL } from 'node:url';
import { writeModel, type CardDraft } from '../lib/card.ts';
import { buildProceduralGraph, PROCEDURAL_ID, PROCEDURAL_VERSION } from './procedural.ts';
import { REGIONS, SCALES } from '../../src/effects/deage/constants.ts';

const HERE = import.meta.dirname;

const plain = (name: string, shape: (number | string)[], range: [number, number], description: string) => ({
  name,
  dtype: 'float32' as const,
  shape,
  layout: 'NCHW',
  colorSpace: 'none' as const,
  valueRange: range,
  normalisation: { kind: 'none' as const },
  description,
});

export async function buildDeageModels(log: (s: string) => void = console.log): Promise<void> {
  const g = buildProceduralGraph();
  const bytes = g.serialize({
    opset: 17,
    docString: 'Procedural face de-aging in face-aligned space (frequency separation, tone evening, lift, warp). Authored by previs-sandbox.',
  });
  const draft: CardDraft = {
    id: PROCEDURAL_ID,
    version: PROCEDURAL_VERSION,
    name: 'De-age (procedural)',
    description: `Authored de-aging graph working on a ${512}² face-aligned crop. Attenuates the wrinkle band (σ ${SCALES.fineSigma}–${SCALES.wrinkleSigma} px) inside region masks while keeping finer pore texture, evens the tone band (σ ${SCALES.wrinkleSigma}–≈${Math.round(Math.hypot(SCALES.wrinkleSigma, SCALES.toneDilation * SCALES.toneSigma))} px) on skin, fills under-eye and nasolabial shadow, and applies a displacement grid (jaw/jowl tightening) with GridSample. Returns an RGB delta that is exactly zero where the feathered face mask is zero. No learned weights.`,
    license: 'MIT (this project)',
    source: { kind: 'authored', by: 'authored by this project', script: 'models/deage/procedural.ts' },
    kind: 'procedural',
    inputs: [
      { ...plain('image', [1, 3, 'height', 'width'], [0, 1], 'face-aligned RGB crop'), colorSpace: 'srgb', normalisation: { kind: 'affine', from: 'uint8', scale: 1 / 255, offset: 0 } },
      plain('masks', [1, REGIONS.length, 'height', 'width'], [0, 1], `hard region masks, channels: ${REGIONS.join(', ')}`),
      plain('wrinkle_gain', [1, REGIONS.length, 1, 1], [0, 2], 'per-region wrinkle attenuation (years factor × region strength)'),
      plain('lift_gain', [1, REGIONS.length, 1, 1], [0, 2], 'per-region shadow lift'),
      plain('tone_gain', [1, 1, 1, 1], [0, 2], 'tone evening on skin'),
      { ...plain('grid', [1, 'height', 'width', 2], [-2, 2], 'GridSample sampling grid (align_corners = 0); identity when no warp'), layout: 'NHWC' },
    ],
    outputs: [
      { ...plain('delta', [1, 3, 'height', 'width'], [-1, 1], 'add to the crop (0..1 units); zero outside the face mask'), colorSpace: 'srgb', semantics: 'rgb_delta' },
      { ...plain('alpha', [1, 1, 'height', 'width'], [0, 1], 'feathered face mask the delta is confined to'), semantics: 'mask' },
    ],
    conditioning: [],
    tiling: { mode: 'whole', note: 'runs on one 512² face-aligned crop per face per frame' },
    crop: { mode: 'face-aligned', margin: 0.3, note: 'similarity crop from the face mesh: eyes level, silhouette box × 1.3' },
    backends: ['wasm', 'webgpu'],
    testVectors: [
      {
        name: 'no masks: the delta is exactly zero',
        shapes: { image: [1, 3, 64, 64], masks: [1, REGIONS.length, 64, 64], wrinkle_gain: [1, 7, 1, 1], lift_gain: [1, 7, 1, 1], tone_gain: [1, 1, 1, 1], grid: [1, 64, 64, 2] },
        inputs: {
          image: { kind: 'uniform', seed: 7, range: [0, 1] },
          masks: { kind: 'constant', value: 0 },
          wrinkle_gain: { kind: 'constant', value: 0.5 },
          lift_gain: { kind: 'constant', value: 0.5 },
          tone_gain: { kind: 'constant', value: 0.5 },
          grid: { kind: 'uniform', seed: 8, range: [-1, 1] },
        },
        expect: { delta: [{ kind: 'stats', mean: 0, min: 0, max: 0, tolerance: 0 }], alpha: [{ kind: 'stats', mean: 0, min: 0, max: 0, tolerance: 0 }] },
      },
      {
        name: 'a flat grey face stays grey under full masks and any warp',
        shapes: { image: [1, 3, 64, 64], masks: [1, REGIONS.length, 64, 64], wrinkle_gain: [1, 7, 1, 1], lift_gain: [1, 7, 1, 1], tone_gain: [1, 1, 1, 1], grid: [1, 64, 64, 2] },
        inputs: {
          image: { kind: 'constant', value: 0.5 },
          masks: { kind: 'constant', value: 1 },
          wrinkle_gain: { kind: 'constant', value: 0.5 },
          lift_gain: { kind: 'constant', value: 0.5 },
          tone_gain: { kind: 'constant', value: 0.5 },
          grid: { kind: 'uniform', seed: 9, range: [-1, 1] },
        },
        expect: { delta: [{ kind: 'stats', mean: 0, min: 0, max: 0, tolerance: 1e-5 }], alpha: [{ kind: 'stats', mean: 1, min: 1, max: 1, tolerance: 1e-5 }] },
      },
    ],
  };
  const card = await writeModel(HERE, draft, bytes);
  log(`${PROCEDURAL_ID}.onnx ${bytes.byteLength} bytes, ops ${card.ops.join(' ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildDeageModels();
}
