import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { float, GraphBuilder, onnx } from './onnx-graph';
import { inspectOnnx } from '../../src/effects/runtime/onnxInspect';

describe('onnx-graph', () => {
  it('types attributes by value, float() forces FLOAT', () => {
    const g = new GraphBuilder('attrs');
    const x = g.input('x', 'float32', [1, 'n']);
    g.output(g.one('LeakyRelu', [x], { alpha: float(2) }), 'float32', [1, 'n'], 'y');
    const m = onnx.ModelProto.decode(g.serialize());
    const attr = m.graph!.node![0]!.attribute![0]!;
    expect(attr.type).toBe(onnx.AttributeProto.AttributeType.FLOAT);
    expect(attr.f).toBe(2);
    expect(m.graph!.input![0]!.type!.tensorType!.shape!.dim![1]!.dimParam).toBe('n');
  });

  it('refuses unknown inputs and duplicate names', () => {
    const g = new GraphBuilder('bad');
    g.input('x', 'float32', [1]);
    expect(() => g.one('Relu', ['nope'])).toThrow(/reads unknown value "nope"/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/"x" defined twice/);
    expect(() => new GraphBuilder('empty').serialize()).toThrow(/no outputs/);
    expect(() => g.float32('w', [2, 2], [1, 2, 3])).toThrow(/need 4 values, got 3/);
  });

  it('builds a graph ORT runs, with int64 initialisers', async () => {
    const g = new GraphBuilder('reshape');
    const x = g.input('x', 'float32', [2, 3]);
    const y = g.one('Reshape', [x, g.int64('shape', [2], [3, 2])]);
    g.output(g.one('Mul', [y, g.scalar('two', 2)]), 'float32', [3, 2], 'y');
    const bytes = g.serialize({ opset: 17 });
    expect(inspectOnnx(bytes).ops.map((o) => o.opType)).toEqual(['Identity', 'Mul', 'Reshape']);
    const s = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    const out = await s.run({ x: new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]) });
    expect(out.y!.dims).toEqual([3, 2]);
    expect([...(out.y!.data as Float32Array)]).toEqual([2, 4, 6, 8, 10, 12]);
  });
});
