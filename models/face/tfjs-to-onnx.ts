// Converts a TensorFlow.js graph model (NHWC) into an ONNX graph (NCHW) with the project's GraphBuilder.
// Covers the ops of human's facemesh, faceres and blazeface: (fused) Conv2D, DepthwiseConv2dNative,
// BiasAdd/Relu/Relu6/Prelu, Add/Mul/Sub/Minimum/Maximum, MaxPool, Pad, Mean, (fused) MatMul, Reshape,
// Softmax, Sigmoid, Identity. Every 4-D activation is kept NCHW; anything that reads memory order
// (Reshape) gets a Transpose back to NHWC first so results equal tfjs's.
import { GraphBuilder } from '../lib/onnx-graph';
import { attrInts, attrString, attrStrings, type TfjsGraph, type TfjsNode, type TfjsWeight } from './tfjs-graph';

export interface ConvertOptions {
  name: string;
  /** signature output key → ONNX output name, in the order the ONNX graph lists them */
  outputs: { tfjs: string; onnx: string }[];
  /** ONNX input name; the input is NCHW float32 [1, C, H, W] */
  inputName: string;
  docString: string;
}

interface Value {
  name: string;
  /** NCHW shape for 4-D activations, plain shape otherwise */
  shape: number[];
  nchw: boolean;
}

const tensorName = (ref: string) => ref.replace(/^\^/, '').replace(/:0$/, '');

function samePads(inSize: number, k: number, s: number): [number, number, number] {
  const out = Math.ceil(inSize / s);
  const total = Math.max((out - 1) * s + k - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before, out];
}

export function convertTfjsGraph(graph: TfjsGraph, opts: ConvertOptions): { bytes: Uint8Array; ops: string[] } {
  const g = new GraphBuilder(opts.name);
  const values = new Map<string, Value>();
  const consts = new Map<string, TfjsWeight>(graph.weights);
  const [, h, w, c] = graph.inputShape;
  if (!h || !w || !c) throw new Error(`model input shape [${graph.inputShape.join(',')}] is not a fixed NHWC image`);
  g.input(opts.inputName, 'float32', [1, c, h, w]);

  const get = (ref: string): Value => {
    const v = values.get(tensorName(ref));
    if (!v) throw new Error(`tensor ${ref} is not produced by any converted node`);
    return v;
  };
  const weight = (ref: string): TfjsWeight => {
    const wt = consts.get(tensorName(ref));
    if (!wt) throw new Error(`constant ${ref} missing from the weights manifest`);
    return wt;
  };
  const isConst = (ref: string) => consts.has(tensorName(ref)) && !values.has(tensorName(ref));

  /** a constant as an ONNX initializer laid out to broadcast against `like` */
  const constFor = (ref: string, like: Value): string => {
    const wt = weight(ref);
    const count = wt.data.length;
    if (like.nchw && count > 1) {
      const ch = like.shape[1]!;
      if (count !== ch) throw new Error(`constant ${ref} (${count} values) does not broadcast over ${ch} channels`);
      return g.float32('k', [ch, 1, 1], wt.data);
    }
    return g.float32('k', wt.shape.length ? wt.shape : [], wt.data);
  };

  const convWeights = (wt: TfjsWeight, depthwise: boolean): { name: string; kh: number; kw: number; outC: number } => {
    const [kh, kw, ci, co] = wt.shape as [number, number, number, number];
    const src = wt.data;
    // HWIO → OIHW (regular) or HW(C)(M) → (C·M)1HW (depthwise, group = C)
    const outC = depthwise ? ci * co : co;
    const inC = depthwise ? 1 : ci;
    const dst = new Float32Array(outC * inC * kh * kw);
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++)
        for (let i = 0; i < ci; i++)
          for (let o = 0; o < co; o++) {
            const v = src[((y * kw + x) * ci + i) * co + o]!;
            if (depthwise) dst[((i * co + o) * kh + y) * kw + x] = v;
            else dst[((o * ci + i) * kh + y) * kw + x] = v;
          }
    return { name: g.float32('w', [outC, inC, kh, kw], dst), kh, kw, outC };
  };

  const conv = (n: TfjsNode, depthwise: boolean, bias: string | null): Value => {
    const x = get(n.input![0]!);
    const wt = weight(n.input![1]!);
    const { name: wName, kh, kw, outC } = convWeights(wt, depthwise);
    const strides = attrInts(n.attr?.strides);
    const dil = attrInts(n.attr?.dilations);
    if (dil.some((d) => d !== 1)) throw new Error(`${n.name}: dilated convolution is not supported`);
    const sh = strides[1] ?? 1;
    const sw = strides[2] ?? 1;
    const padding = attrString(n.attr?.padding);
    const [H, W] = [x.shape[2]!, x.shape[3]!];
    let pads = [0, 0, 0, 0];
    let oh: number;
    let ow: number;
    if (padding === 'SAME') {
      const [t, b, o1] = samePads(H, kh, sh);
      const [l, r, o2] = samePads(W, kw, sw);
      pads = [t, l, b, r];
      oh = o1;
      ow = o2;
    } else if (padding === 'VALID') {
      oh = Math.ceil((H - kh + 1) / sh);
      ow = Math.ceil((W - kw + 1) / sw);
    } else throw new Error(`${n.name}: padding ${padding} is not supported`);
    const inputs = [x.name, wName];
    if (bias) inputs.push(g.float32('b', [outC], weight(bias).data));
    const y = g.one('Conv', inputs, {
      kernel_shape: [kh, kw],
      strides: [sh, sw],
      pads,
      group: depthwise ? x.shape[1]! : 1,
    });
    return { name: y, shape: [1, outC, oh, ow], nchw: true };
  };

  const activation = (kind: string, v: Value, alphaRef?: string): Value => {
    switch (kind) {
      case 'Relu':
        return { ...v, name: g.one('Relu', [v.name]) };
      case 'Relu6':
        return { ...v, name: g.one('Clip', [v.name, g.scalar('lo', 0), g.scalar('hi', 6)]) };
      case 'Prelu':
        return { ...v, name: g.one('PRelu', [v.name, constFor(alphaRef!, v)]) };
      case 'Sigmoid':
        return { ...v, name: g.one('Sigmoid', [v.name]) };
      default:
        throw new Error(`fused activation ${kind} is not supported`);
    }
  };

  const toNhwc = (v: Value): string => (v.nchw ? g.one('Transpose', [v.name], { perm: [0, 2, 3, 1] }) : v.name);

  for (const n of graph.nodes) {
    const ins = n.input?.filter((i) => !i.startsWith('^')) ?? [];
    let out: Value;
    switch (n.op) {
      case 'Const':
        continue;
      case 'Placeholder':
        out = { name: opts.inputName, shape: [1, c, h, w], nchw: true };
        break;
      case 'Conv2D':
        out = conv(n, false, null);
        break;
      case 'DepthwiseConv2dNative':
        out = conv(n, true, null);
        break;
      case '_FusedConv2D':
      case 'FusedDepthwiseConv2dNative': {
        const fused = attrStrings(n.attr?.fused_ops);
        if (fused[0] !== 'BiasAdd') throw new Error(`${n.name}: fused ops ${fused.join('+')} are not supported`);
        out = conv(n, n.op !== '_FusedConv2D', ins[2]!);
        if (fused[1]) out = activation(fused[1], out, ins[3]);
        break;
      }
      case '_FusedMatMul': {
        const a = get(ins[0]!);
        if (a.nchw) throw new Error(`${n.name}: MatMul on a 4-D activation is not supported`);
        if (n.attr?.transpose_a?.b || n.attr?.transpose_b?.b) throw new Error(`${n.name}: transposed MatMul not supported`);
        const b = weight(ins[1]!);
        const fused = attrStrings(n.attr?.fused_ops);
        const inputs = [a.name, g.float32('w', b.shape, b.data)];
        if (fused[0] === 'BiasAdd') inputs.push(g.float32('b', [b.shape[1]!], weight(ins[2]!).data));
        out = { name: g.one('Gemm', inputs), shape: [a.shape[0]!, b.shape[1]!], nchw: false };
        if (fused[1]) out = activation(fused[1], out, ins[3]);
        break;
      }
      case 'Add':
      case 'AddV2':
      case 'Mul':
      case 'Sub':
      case 'Minimum':
      case 'Maximum': {
        const onnxOp = { Add: 'Add', AddV2: 'Add', Mul: 'Mul', Sub: 'Sub', Minimum: 'Min', Maximum: 'Max' }[n.op]!;
        const [ra, rb] = [ins[0]!, ins[1]!];
        if (isConst(ra) && isConst(rb)) throw new Error(`${n.name}: constant-only arithmetic should have been folded`);
        const like = isConst(ra) ? get(rb) : get(ra);
        const a = isConst(ra) ? constFor(ra, like) : get(ra).name;
        const b = isConst(rb) ? constFor(rb, like) : get(rb).name;
        out = { ...like, name: g.one(onnxOp, [a, b]) };
        break;
      }
      case 'Relu':
      case 'Relu6':
      case 'Sigmoid':
        out = activation(n.op, get(ins[0]!));
        break;
      case 'Prelu':
        out = activation('Prelu', get(ins[0]!), ins[1]);
        break;
      case 'MaxPool': {
        const x = get(ins[0]!);
        const [, kh, kw] = attrInts(n.attr?.ksize);
        const [, sh, sw] = attrInts(n.attr?.strides);
        if (attrString(n.attr?.padding) !== 'VALID') throw new Error(`${n.name}: only VALID max pooling is supported`);
        const oh = Math.ceil((x.shape[2]! - kh! + 1) / sh!);
        const ow = Math.ceil((x.shape[3]! - kw! + 1) / sw!);
        out = {
          name: g.one('MaxPool', [x.name], { kernel_shape: [kh!, kw!], strides: [sh!, sw!] }),
          shape: [1, x.shape[1]!, oh, ow],
          nchw: true,
        };
        break;
      }
      case 'Pad': {
        const x = get(ins[0]!);
        const p = Array.from(weight(ins[1]!).data); // NHWC [[b,a],[b,a],[b,a],[b,a]]
        const order = x.nchw ? [0, 3, 1, 2] : [0, 1, 2, 3];
        const before = order.map((d) => p[2 * d]!);
        const after = order.map((d) => p[2 * d + 1]!);
        const pads = g.int64('pads', [8], [...before, ...after]);
        out = {
          name: g.one('Pad', [x.name, pads], { mode: 'constant' }),
          shape: x.shape.map((s, i) => s + before[i]! + after[i]!),
          nchw: x.nchw,
        };
        break;
      }
      case 'Mean': {
        const x = get(ins[0]!);
        const axes = Array.from(weight(ins[1]!).data).map((a) => (x.nchw ? [0, 2, 3, 1][a]! : a));
        const keep = n.attr?.keep_dims?.b ? 1 : 0;
        if (keep && x.nchw) throw new Error(`${n.name}: Mean with keep_dims on images is not supported`);
        const shape = x.shape.filter((_, i) => !axes.includes(i));
        out = { name: g.one('ReduceMean', [x.name], { axes, keepdims: keep }), shape, nchw: false };
        break;
      }
      case 'Reshape': {
        const x = get(ins[0]!);
        const target = Array.from(weight(ins[1]!).data);
        const total = x.shape.reduce((a, b) => a * b, 1);
        const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
        const shape = target.map((d) => (d === -1 ? total / known : d));
        if (shape.length === 4) throw new Error(`${n.name}: reshape to 4-D is not supported`);
        out = { name: g.one('Reshape', [toNhwc(x), g.int64('shape', [shape.length], shape)]), shape, nchw: false };
        break;
      }
      case 'Softmax': {
        const x = get(ins[0]!);
        out = { ...x, name: g.one('Softmax', [x.name], { axis: -1 }) };
        break;
      }
      case 'Identity':
        out = get(ins[0]!);
        break;
      default:
        throw new Error(`tfjs op ${n.op} (${n.name}) is not supported by the converter`);
    }
    values.set(n.name, out);
  }

  for (const o of opts.outputs) {
    const ref = graph.outputs[o.tfjs] ?? o.tfjs;
    const v = get(ref);
    g.output(v.nchw ? toNhwc(v) : v.name, 'float32', v.shape, o.onnx);
  }
  return {
    bytes: g.serialize({ opset: 17, docString: opts.docString, producerName: 'previs-sandbox models/face/tfjs-to-onnx' }),
    ops: g.opsUsed(),
  };
}
