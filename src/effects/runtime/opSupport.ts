// Which ONNX ops each backend can run. The WebGPU list is the ai.onnx part of onnxruntime-web 1.30's
// docs/webgpu-operators.md (JSEP); an op missing there still runs, but on the CPU with copies both ways.
// The WASM backend is ORT's CPU execution provider, which covers the standard ai.onnx operator set; a
// model using anything outside it (custom domains, training ops) is refused before any session is made.

export type Backend = 'wasm' | 'webgpu';

const WEBGPU_OPS = new Set(
  ('Abs Acos Acosh Add ArgMax ArgMin Asin Asinh Atan Atanh AveragePool BatchNormalization Cast Ceil Clip Concat ' +
    'Conv ConvTranspose Cos Cosh CumSum DFT DepthToSpace DequantizeLinear Div Einsum Elu Equal Erf Exp Expand ' +
    'Flatten Floor Gather GatherElements GatherND Gelu Gemm GlobalAveragePool GlobalMaxPool Greater GreaterOrEqual ' +
    'GridSample HardSigmoid HardSwish If InstanceNormalization LayerNormalization LeakyRelu Less LessOrEqual Log ' +
    'MatMul MaxPool Mul Neg Not Pad Pow Range Reciprocal ReduceL1 ReduceL2 ReduceLogSum ReduceLogSumExp ReduceMax ' +
    'ReduceMean ReduceMin ReduceProd ReduceSum ReduceSumSquare Relu Reshape Resize ScatterND Shape Sigmoid Sin ' +
    'Sinh Slice Softmax Split Sqrt Squeeze Sub Tan Tanh ThresholdedRelu Tile Transpose Unsqueeze Where')
    .split(' '),
);

/** Ops that vanish in graph optimisation or cost nothing, so they never force a CPU round trip. */
const FREE_OPS = new Set(['Identity', 'Constant', 'Dropout']);

const WASM_OPS = new Set(
  ('Abs Acos Acosh Add And ArgMax ArgMin Asin Asinh Atan Atanh AveragePool BatchNormalization Bernoulli BitShift ' +
    'BitwiseAnd BitwiseNot BitwiseOr BitwiseXor BlackmanWindow Cast CastLike Ceil Celu CenterCropPad Clip Col2Im ' +
    'Compress Concat ConcatFromSequence Constant ConstantOfShape Conv ConvInteger ConvTranspose Cos Cosh CumSum ' +
    'DFT DepthToSpace DequantizeLinear Det Div Dropout DynamicQuantizeLinear Einsum Elu Equal Erf Exp Expand ' +
    'EyeLike Flatten Floor GRU Gather GatherElements GatherND Gelu Gemm GlobalAveragePool GlobalLpPool ' +
    'GlobalMaxPool Greater GreaterOrEqual GridSample GroupNormalization HammingWindow HannWindow HardSigmoid ' +
    'HardSwish Hardmax Identity If InstanceNormalization IsInf IsNaN LRN LSTM LayerNormalization LeakyRelu Less ' +
    'LessOrEqual Log LogSoftmax Loop LpNormalization LpPool MatMul MatMulInteger Max MaxPool MaxRoiPool ' +
    'MaxUnpool Mean MeanVarianceNormalization MelWeightMatrix Min Mish Mod Mul Multinomial Neg ' +
    'NegativeLogLikelihoodLoss NonMaxSuppression NonZero Not OneHot Optional OptionalGetElement ' +
    'OptionalHasElement Or PRelu Pad Pow QLinearConv QLinearMatMul QuantizeLinear RNN RandomNormal ' +
    'RandomNormalLike RandomUniform RandomUniformLike Range Reciprocal ReduceL1 ReduceL2 ReduceLogSum ' +
    'ReduceLogSumExp ReduceMax ReduceMean ReduceMin ReduceProd ReduceSum ReduceSumSquare Relu Reshape Resize ' +
    'ReverseSequence RoiAlign Round STFT Scan Scatter ScatterElements ScatterND Selu SequenceAt ' +
    'SequenceConstruct SequenceEmpty SequenceErase SequenceInsert SequenceLength SequenceMap Shape Shrink ' +
    'Sigmoid Sign Sin Sinh Size Slice Softmax SoftmaxCrossEntropyLoss Softplus Softsign SpaceToDepth Split ' +
    'SplitToSequence Sqrt Squeeze StringNormalizer Sub Sum Tan Tanh TfIdfVectorizer ThresholdedRelu Tile TopK ' +
    'Transpose Trilu Unique Unsqueeze Upsample Where Xor')
    .split(' '),
);

export interface OpRef {
  domain: string;
  opType: string;
}

const isStandard = (domain: string) => domain === '' || domain === 'ai.onnx';

export interface OpSupport {
  /** ops the backend cannot run at all: the model is refused on it */
  unsupported: string[];
  /** ops that run, but on the CPU next to the backend (WebGPU only) */
  onCpu: string[];
}

export function opSupport(ops: OpRef[], backend: Backend): OpSupport {
  const unsupported = new Set<string>();
  const onCpu = new Set<string>();
  for (const { domain, opType } of ops) {
    const label = isStandard(domain) ? opType : `${domain}.${opType}`;
    if (!isStandard(domain) || !WASM_OPS.has(opType)) {
      unsupported.add(label);
      continue;
    }
    if (backend === 'webgpu' && !WEBGPU_OPS.has(opType) && !FREE_OPS.has(opType)) onCpu.add(label);
  }
  return { unsupported: [...unsupported].sort(), onCpu: [...onCpu].sort() };
}
