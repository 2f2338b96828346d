// previs.debris-step: one explicit step of the collapse's debris and dust particles — drag, gravity, move,
// bounce off the floor — as an ONNX graph (Slice, Mul, Sub, Max, Add, Less, Where, Concat, Neg), so the
// effect runtime runs it on WASM or WebGPU. The TypeScript reference (src/effects/collapse/particles.ts)
// computes the test vectors.
import { GraphBuilder } from '../lib/onnx-graph.ts';
import type { CardDraft } from '../lib/card.ts';
import { referenceExpectation } from '../lib/expect.ts';
import { generateInput } from '../../src/effects/runtime/testVectors.ts';
import type { TestVector } from '../../src/effects/runtime/modelCard.ts';
import { DEBRIS_MODEL_ID, GROUND_FRICTION, stepDebrisReference } from '../../src/effects/collapse/particles.ts';

export function buildDebrisStep(): Uint8Array {
  const g = new GraphBuilder(DEBRIS_MODEL_ID);
  const state = g.input('state', 'float32', ['particles', 6]);
  const drag = g.input('drag', 'float32', ['particles', 1]);
  const env = g.input('env', 'float32', [1, 6]);
  const axis1 = g.int64('axis1', [1], [1]);
  const slice = (x: string, a: number, b: number) => g.one('Slice', [x, g.int64('s', [1], [a]), g.int64('e', [1], [b]), axis1]);
  const pos = slice(state, 0, 3);
  const vel = slice(state, 3, 6);
  const grav = slice(env, 0, 3);
  const dt = slice(env, 3, 4);
  const floor = slice(env, 4, 5);
  const bounce = slice(env, 5, 6);
  const one = g.scalar('one', 1);
  const zero = g.scalar('zero', 0);
  const damp = g.one('Max', [g.one('Sub', [one, g.one('Mul', [drag, dt])]), zero]);
  const v1 = g.one('Add', [g.one('Mul', [vel, damp]), g.one('Mul', [grav, dt])]);
  const p1 = g.one('Add', [pos, g.one('Mul', [v1, dt])]);
  const below = g.one('Less', [slice(p1, 1, 2), floor]);
  const fr = g.float32('friction', [1, 1], [GROUND_FRICTION]);
  const bounceVec = g.one('Concat', [fr, g.one('Neg', [bounce]), fr], { axis: 1 });
  const v2 = g.one('Where', [below, g.one('Mul', [v1, bounceVec]), v1]);
  const far = g.float32('far', [1, 1], [-1e9]);
  const floorVec = g.one('Concat', [far, floor, far], { axis: 1 });
  const p2 = g.one('Max', [p1, floorVec]);
  const next = g.one('Concat', [p2, v2], { axis: 1 });
  g.output(next, 'float32', ['particles', 6], 'next_state');
  return g.serialize({ opset: 17, docString: 'Debris particle step: drag, gravity, explicit Euler, floor bounce' });
}

async function vector(name: string, n: number, seed: number): Promise<TestVector> {
  const inputs = {
    state: { kind: 'uniform' as const, seed, range: [-3, 3] as [number, number] },
    drag: { kind: 'uniform' as const, seed: seed + 1, range: [0, 3] as [number, number] },
    // gravity (0.1, 0.2, 0.3), dt 0.4, floor 0.5, bounce 0.6: a ramp gives every slot a distinct value
    env: { kind: 'ramp' as const, start: 0.1, step: 0.1 },
  };
  const s = (await generateInput(inputs.state, 'float32', [n, 6])).data as Float32Array;
  const d = (await generateInput(inputs.drag, 'float32', [n, 1])).data as Float32Array;
  const e = (await generateInput(inputs.env, 'float32', [1, 6])).data as Float32Array;
  const ref = stepDebrisReference(s, d, e);
  const indices = Array.from({ length: 96 }, (_, i) => Math.floor((i * (ref.length - 1)) / 95));
  return {
    name,
    shapes: { state: [n, 6], drag: [n, 1], env: [1, 6] },
    inputs,
    expect: {
      next_state: referenceExpectation(ref, indices),
    },
  };
}

export async function debrisStepDraft(): Promise<CardDraft> {
  const none = { layout: 'none', colorSpace: 'none' as const, normalisation: { kind: 'none' as const } };
  return {
    id: DEBRIS_MODEL_ID,
    version: '1.0.0',
    name: 'Collapse debris step',
    description:
      'One explicit-Euler step of debris and dust particles: per-particle linear drag, gravity, motion, and a bounce off the floor (tangential friction 0.5). Procedural: no learned weights.',
    license: 'MIT',
    source: { kind: 'authored', by: 'authored by this project', script: 'models/collapse/debrisStep.ts' },
    kind: 'procedural',
    inputs: [
      { name: 'state', dtype: 'float32', shape: ['particles', 6], ...none, valueRange: [-1e6, 1e6], description: 'position xyz (m), velocity xyz (m/s)' },
      { name: 'drag', dtype: 'float32', shape: ['particles', 1], ...none, valueRange: [0, 100], description: 'linear drag, 1/s' },
      { name: 'env', dtype: 'float32', shape: [1, 6], ...none, valueRange: [-1e6, 1e6], description: 'gravity xyz (m/s²), dt (s), floor height (m), bounce' },
    ],
    outputs: [{ name: 'next_state', dtype: 'float32', shape: ['particles', 6], ...none, valueRange: [-1e6, 1e6], semantics: 'other' }],
    conditioning: [],
    tiling: { mode: 'whole', note: 'particles are independent; any count runs whole' },
    crop: { mode: 'none' },
    backends: ['wasm', 'webgpu'],
    testVectors: [await vector('4,096 particles', 4096, 21), await vector('65,536 particles', 65536, 23)],
  };
}
