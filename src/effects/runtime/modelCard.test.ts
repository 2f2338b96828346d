import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../models/lib/onnx-graph';
import { cardFor } from '../../../models/lib/card';
import { validateCard, verifyModelBytes, type ModelCard } from './modelCard';
import { validateModel } from './validate';
import { inspectOnnx } from './onnxInspect';
import { sha256Hex } from '../../core/util/sha256';
import { ModelRefusedError } from './errors';
import { getRuntime } from './index';

const load = (id: string, dir = 'procedural') => ({
  card: JSON.parse(readFileSync(`models/${dir}/${id}.card.json`, 'utf8')) as ModelCard,
  bytes: new Uint8Array(readFileSync(`models/${dir}/${id}.onnx`)),
});

describe('model cards', () => {
  it('every shipped card validates and matches its file', async () => {
    for (const [id, dir] of [['previs.gauss-blur', 'procedural'], ['previs.fran-standin', 'procedural'], ['mediapipe.blazeface-front-128', 'blazeface']] as const) {
      const { card, bytes } = load(id, dir);
      const check = await validateModel(card, bytes, 'wasm');
      expect(check.errors, id).toEqual([]);
      expect(check.ok).toBe(true);
    }
  });

  it('refuses a model file with one byte changed, by sha256', async () => {
    const { card, bytes } = load('previs.gauss-blur');
    const tampered = bytes.slice();
    tampered[tampered.length - 10]! ^= 0x01;
    const check = await verifyModelBytes(card, tampered);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(/sha256 [0-9a-f]{64} does not match/);
    await expect(getRuntime().run({ card, bytes: tampered }, {})).rejects.toThrow(/does not match the card/);
    await expect(getRuntime().run({ card, bytes: tampered }, {})).rejects.toBeInstanceOf(ModelRefusedError);
  });

  it('names the missing field', () => {
    const { card } = load('previs.gauss-blur');
    const { license: _drop, ...rest } = card;
    const r = validateCard(rest);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toContain('card field "license": missing');
    const noLayout = structuredClone(card) as unknown as { inputs: Record<string, unknown>[] };
    delete noLayout.inputs[0]!.layout;
    const r2 = validateCard(noLayout);
    expect(r2.ok ? [] : r2.errors).toContain('card field "inputs.0.layout": missing');
  });

  it('asks a learned model for its training data', () => {
    const { card } = load('mediapipe.blazeface-front-128', 'blazeface');
    const { trainingData: _t, ...rest } = card;
    const r = validateCard(rest);
    expect(r.ok ? [] : r.errors.join('\n')).toMatch(/"trainingData": a learned model must declare its training data/);
  });

  it('refuses an op the backend cannot run, naming it', async () => {
    const g = new GraphBuilder('custom-op');
    const x = g.input('x', 'float32', [1, 4]);
    g.output(g.op('WarpFace', [x], {}, { domain: 'com.example' })[0]!, 'float32', [1, 4]);
    const bytes = g.serialize({ extraOpsets: [{ domain: 'com.example', version: 1 }] });
    const { card: base } = load('previs.gauss-blur');
    const summary = inspectOnnx(bytes);
    const card: ModelCard = {
      ...base,
      id: 'user.warp',
      ops: ['com.example.WarpFace'],
      opset: 17,
      inputs: [{ ...base.inputs[0]!, name: 'x', shape: [1, 4], layout: 'NC' }],
      outputs: [{ ...base.outputs[0]!, name: summary.outputs[0]!.name, shape: [1, 4], layout: 'NC' }],
      testVectors: [],
      bytes: bytes.byteLength,
      sha256: await sha256Hex(bytes),
    };
    const check = await validateModel(card, bytes, 'wasm');
    expect(check.ok).toBe(false);
    expect(check.errors).toContain('unsupported op on wasm: com.example.WarpFace');
  });

  it('refuses an absurd shape, naming the field', async () => {
    const { card, bytes } = load('previs.gauss-blur');
    const absurd = structuredClone(card);
    absurd.testVectors[0]!.shapes.image = [1, 3, 65536, 65536];
    const check = await validateModel(absurd, bytes, 'wasm');
    expect(check.errors.join('\n')).toMatch(/card field "testVectors\.0\.shapes\.image": \[1, 3, 65536, 65536\] is an absurd shape/);
    const tooBig = structuredClone(card) as unknown as { inputs: { shape: unknown[] }[] };
    tooBig.inputs[0]!.shape = [1, 3, 1_000_000, 'width'];
    const r = validateCard(tooBig);
    expect(r.ok ? [] : r.errors.join('\n')).toMatch(/card field "inputs\.0\.shape\.2"/);
  });

  it('refuses a card that lies about the file: ops, dtype, rank', async () => {
    const { card, bytes } = load('previs.gauss-blur');
    const lying = structuredClone(card);
    lying.ops = ['Conv', 'Relu'];
    lying.inputs[0]!.dtype = 'uint8';
    lying.outputs[0]!.shape = [1, 3, 'height'];
    const check = await validateModel(lying, bytes, 'wasm');
    expect(check.errors).toContain('card field "ops": lists Relu, which the model does not use');
    expect(check.errors.join('\n')).toMatch(/card field "inputs\.0"\.dtype: card says uint8/);
    expect(check.errors.join('\n')).toMatch(/card field "outputs\.0"\.shape: card gives rank 3/);
  });

  it('refuses tensors stored as external data', async () => {
    const g = new GraphBuilder('external');
    const x = g.input('x', 'float32', [2]);
    const w = g.float32('w', [2], [1, 2]);
    g.output(g.one('Add', [x, w]), 'float32', [2], 'y');
    const model = g.toModel();
    const init = model.graph!.initializer![0]!;
    init.rawData = new Uint8Array(0);
    init.dataLocation = 1;
    init.externalData = [{ key: 'location', value: '../../etc/weights.bin' }];
    const { onnx } = await import('../../../models/lib/onnx-graph');
    const bytes = onnx.ModelProto.encode(model).finish();
    expect(inspectOnnx(bytes).externalData).toEqual(['w_0 → ../../etc/weights.bin']);
    const { card: base } = load('previs.gauss-blur');
    const card = await cardFor(
      { ...base, id: 'user.external', inputs: [{ ...base.inputs[0]!, name: 'x', shape: [2], layout: 'N' }], outputs: [{ ...base.outputs[0]!, name: 'y', shape: [2], layout: 'N' }], testVectors: [] },
      bytes,
    ).catch((e: Error) => e);
    expect(String(card)).toMatch(/external data files \(w_0 → \.\.\/\.\.\/etc\/weights\.bin\)/);
  });

  it('flags ops that leave WebGPU for the CPU', async () => {
    const { card, bytes } = load('mediapipe.blazeface-front-128', 'blazeface');
    const check = await validateModel(card, bytes, 'webgpu');
    expect(check.ok).toBe(true);
    expect(check.warnings.join('\n')).toMatch(/ConstantOfShape/);
  });
});
