// previs.gauss-blur: a 5×5 Gaussian (σ 1.2) over RGB, any image size. The runtime's own tests, the bench and
// the WebGPU/WASM agreement check use it; effects can use it as a soft-focus pass.
import { GraphBuilder } from '../lib/onnx-graph.ts';
import type { CardDraft } from '../lib/card.ts';
import { referenceExpectation } from '../lib/expect.ts';
import { depthwiseRef, gaussianKernel, spreadIndices } from './kernels.ts';
import { generateInput } from '../../src/effects/runtime/testVectors.ts';
import type { TestVector } from '../../src/effects/runtime/modelCard.ts';

export const GAUSS = { size: 5, sigma: 1.2 };

export function buildGaussBlur(): Uint8Array {
  const g = new GraphBuilder('previs.gauss-blur');
  const x = g.input('image', 'float32', [1, 3, 'height', 'width']);
  const k = gaussianKernel(GAUSS.size, GAUSS.sigma);
  const w = g.float32('gauss_5x5', [3, 1, GAUSS.size, GAUSS.size], [...k, ...k, ...k]);
  const y = g.one('Conv', [x, w], { group: 3, kernel_shape: [5, 5], pads: [2, 2, 2, 2] });
  g.output(y, 'float32', [1, 3, 'height', 'width'], 'blurred');
  return g.serialize({ opset: 17, docString: 'Gaussian blur 5x5 sigma 1.2, depthwise, zero padding' });
}

async function vector(name: string, h: number, w: number, seed: number): Promise<TestVector> {
  const inputs = { image: { kind: 'uniform' as const, seed, range: [0, 1] as [number, number] } };
  const feed = await generateInput(inputs.image, 'float32', [1, 3, h, w]);
  const ref = depthwiseRef(feed.data as Float32Array, 3, h, w, gaussianKernel(GAUSS.size, GAUSS.sigma));
  const indices = spreadIndices(ref.length, 96);
  return {
    name,
    shapes: { image: [1, 3, h, w] },
    inputs,
    expect: {
      blurred: referenceExpectation(ref, indices),
    },
  };
}

export async function gaussBlurDraft(): Promise<CardDraft> {
  const io = { layout: 'NCHW', colorSpace: 'linear-srgb' as const, valueRange: [0, 1] as [number, number], normalisation: { kind: 'none' as const } };
  return {
    id: 'previs.gauss-blur',
    version: '1.0.0',
    name: 'Gaussian blur 5×5',
    description: 'Depthwise 5×5 Gaussian (sigma 1.2) over an RGB image of any size; zero padding at the border. Procedural: no learned weights.',
    license: 'MIT',
    source: { kind: 'authored', by: 'authored by this project', script: 'models/procedural/gaussBlur.ts' },
    kind: 'procedural',
    inputs: [{ name: 'image', dtype: 'float32', shape: [1, 3, 'height', 'width'], ...io }],
    outputs: [{ name: 'blurred', dtype: 'float32', shape: [1, 3, 'height', 'width'], ...io, semantics: 'rgb' }],
    conditioning: [],
    tiling: { mode: 'whole', note: 'any size runs whole; 2-pixel receptive radius' },
    crop: { mode: 'none' },
    backends: ['wasm', 'webgpu'],
    testVectors: [await vector('uniform noise 48×64', 48, 64, 7), await vector('uniform noise 256×256', 256, 256, 11)],
  };
}
