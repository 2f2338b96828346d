// previs.fran-standin: a procedural graph with the exact interface of a FRAN-style re-aging network
// (RGB + source-age map + target-age map at 512², RGB delta out, run in overlapping tiles). It is NOT a
// re-aging model: it scales the image's fine detail by the age difference, which is enough to prove that a
// real FRAN model can be plugged in through its card alone (input layout, conditioning, tiling, rgb_delta).
import { GraphBuilder } from '../lib/onnx-graph.ts';
import type { CardDraft } from '../lib/card.ts';
import { referenceExpectation } from '../lib/expect.ts';
import { boxKernel, depthwiseRef, spreadIndices } from './kernels.ts';
import { generateInput } from '../../src/effects/runtime/testVectors.ts';
import type { TestVector } from '../../src/effects/runtime/modelCard.ts';

export const FRAN = { size: 512, box: 5, gain: 0.5 };

export function buildFranStandin(): Uint8Array {
  const g = new GraphBuilder('previs.fran-standin');
  const x = g.input('input', 'float32', [1, 5, FRAN.size, FRAN.size]);
  const slice = (from: number, to: number) => g.one('Slice', [x, g.int64('start', [1], [from]), g.int64('end', [1], [to]), g.int64('axis', [1], [1])]);
  const rgb = slice(0, 3);
  const sourceAge = slice(3, 4);
  const targetAge = slice(4, 5);
  const k = boxKernel(FRAN.box);
  const blur = g.one('Conv', [rgb, g.float32('box_5x5', [3, 1, FRAN.box, FRAN.box], [...k, ...k, ...k])], {
    group: 3,
    kernel_shape: [FRAN.box, FRAN.box],
    pads: [2, 2, 2, 2],
  });
  const detail = g.one('Sub', [rgb, blur]);
  const ageStep = g.one('Sub', [targetAge, sourceAge]);
  const delta = g.one('Mul', [g.one('Mul', [detail, ageStep]), g.scalar('gain', FRAN.gain)]);
  g.output(delta, 'float32', [1, 3, FRAN.size, FRAN.size], 'delta');
  return g.serialize({ opset: 17, docString: 'FRAN-shaped procedural stand-in: delta = (rgb - box5(rgb)) * (target - source) * 0.5' });
}

/** The stand-in in plain JS over NCHW planes of any size (5 channels in, 3 out). */
export function franStandinRef(input: Float32Array, h: number, w: number): Float64Array {
  const plane = h * w;
  const blur = depthwiseRef(input.subarray(0, 3 * plane), 3, h, w, boxKernel(FRAN.box));
  const out = new Float64Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane; i++) {
      const age = input[4 * plane + i]! - input[3 * plane + i]!;
      out[c * plane + i] = (input[c * plane + i]! - blur[c * plane + i]!) * age * FRAN.gain;
    }
  }
  return out;
}

async function vector(): Promise<TestVector> {
  const inputs = { input: { kind: 'uniform' as const, seed: 2024, range: [0, 1] as [number, number] } };
  const feed = await generateInput(inputs.input, 'float32', [1, 5, FRAN.size, FRAN.size]);
  const ref = franStandinRef(feed.data as Float32Array, FRAN.size, FRAN.size);
  const indices = spreadIndices(ref.length, 128);
  return {
    name: 'uniform noise 512², random age maps',
    shapes: { input: [1, 5, FRAN.size, FRAN.size] },
    inputs,
    expect: {
      delta: referenceExpectation(ref, indices),
    },
  };
}

export async function franStandinDraft(): Promise<CardDraft> {
  const srgb = { layout: 'NCHW', colorSpace: 'srgb' as const, normalisation: { kind: 'affine' as const, from: 'uint8' as const, scale: 1 / 255, offset: 0 } };
  return {
    id: 'previs.fran-standin',
    version: '1.0.0',
    name: 'FRAN interface stand-in (procedural)',
    description:
      'Not a re-aging model. A procedural graph with the interface of FRAN (Zoss et al. 2022): channels 0–2 RGB, 3 source age, 4 target age (age/100) at 512², output an RGB delta; it scales fine detail by the age difference. Shipped only to prove the bring-your-own contract: a real FRAN model with this card shape plugs in unchanged.',
    license: 'MIT',
    source: { kind: 'authored', by: 'authored by this project', script: 'models/procedural/franStandin.ts' },
    kind: 'procedural',
    inputs: [
      {
        name: 'input',
        dtype: 'float32',
        shape: [1, 5, FRAN.size, FRAN.size],
        ...srgb,
        valueRange: [0, 1],
        description: 'RGB in 0..1 (sRGB), then source-age and target-age maps (years / 100), aligned face crop',
      },
    ],
    outputs: [{ name: 'delta', dtype: 'float32', shape: [1, 3, FRAN.size, FRAN.size], ...srgb, valueRange: [-1, 1], semantics: 'rgb_delta' }],
    conditioning: [
      { name: 'source_age', input: 'input', channel: 3, range: [10, 90], unit: 'years', default: 35, encode: { scale: 0.01, offset: 0 }, description: 'apparent age of the actor in the plate' },
      { name: 'target_age', input: 'input', channel: 4, range: [10, 90], unit: 'years', default: 65, encode: { scale: 0.01, offset: 0 }, description: 'age to render' },
    ],
    tiling: { mode: 'tiled', tile: [FRAN.size, FRAN.size], overlap: 64, blend: 'feather-linear', pad: 'reflect', imageInput: 'input' },
    crop: { mode: 'face-aligned', margin: 0.5, note: 'FRAN works on a face crop; the effect crops, runs tiled if larger than 512², and pastes back' },
    backends: ['wasm', 'webgpu'],
    testVectors: [await vector()],
  };
}
