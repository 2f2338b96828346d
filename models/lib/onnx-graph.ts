// A small typed way to author ONNX graphs in TypeScript, on top of onnx-proto's generated protobuf classes.
// Procedural models (frequency separation, tiling stand-ins, test graphs) are written with it and then
// serialized to the .onnx bytes the runtime loads. Runs in Node (models/build.ts) and in the browser.
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
type TensorProtoCtor = typeof onnx.TensorProto;

export type DType = 'float32' | 'int64' | 'int32' | 'uint8' | 'bool' | 'float16';
/** a dimension: a fixed size, or a name for a dynamic axis (e.g. 'batch', 'height') */
export type Dim = number | string;

const DTYPE_CODE: Record<DType, number> = {
  float32: 1, // TensorProto.DataType.FLOAT
  uint8: 2,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
};

export function dtypeCode(dtype: DType): number {
  return DTYPE_CODE[dtype];
}

/** Force a float attribute when the value happens to be a whole number (2.0 would otherwise become INT). */
export class FloatAttr {
  constructor(readonly values: number | number[]) {}
}
export const float = (values: number | number[]): FloatAttr => new FloatAttr(values);

export type AttrValue = number | number[] | string | string[] | FloatAttr | TensorValue;

export interface TensorValue {
  dtype: DType;
  dims: number[];
  data: Float32Array | BigInt64Array | Int32Array | Uint8Array;
}

export interface OpsetImport {
  domain: string;
  version: number;
}

export interface SerializeOptions {
  /** default opset for the ai.onnx domain */
  opset?: number;
  irVersion?: number;
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  extraOpsets?: OpsetImport[];
  metadata?: Record<string, string>;
}

function tensorProto(name: string, t: TensorValue): InstanceType<TensorProtoCtor> {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== count) {
    throw new Error(`tensor "${name}": dims [${t.dims.join(',')}] need ${count} values, got ${t.data.length}`);
  }
  // raw_data keeps every dtype little-endian and avoids Long juggling for int64
  const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength).slice();
  return onnx.TensorProto.create({ name, dims: t.dims, dataType: DTYPE_CODE[t.dtype], rawData: bytes });
}

function attribute(name: string, value: AttrValue): InstanceType<typeof onnx.AttributeProto> {
  const T = onnx.AttributeProto.AttributeType;
  if (value instanceof FloatAttr) {
    return Array.isArray(value.values)
      ? onnx.AttributeProto.create({ name, type: T.FLOATS, floats: value.values })
      : onnx.AttributeProto.create({ name, type: T.FLOAT, f: value.values });
  }
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? onnx.AttributeProto.create({ name, type: T.INT, i: value })
      : onnx.AttributeProto.create({ name, type: T.FLOAT, f: value });
  }
  if (typeof value === 'string') {
    return onnx.AttributeProto.create({ name, type: T.STRING, s: new TextEncoder().encode(value) });
  }
  if (Array.isArray(value)) {
    if (value.every((v): v is string => typeof v === 'string')) {
      return onnx.AttributeProto.create({
        name,
        type: T.STRINGS,
        strings: value.map((s) => new TextEncoder().encode(s)),
      });
    }
    const nums = value as number[];
    return nums.every((v) => Number.isInteger(v))
      ? onnx.AttributeProto.create({ name, type: T.INTS, ints: nums })
      : onnx.AttributeProto.create({ name, type: T.FLOATS, floats: nums });
  }
  return onnx.AttributeProto.create({ name, type: T.TENSOR, t: tensorProto(`${name}_value`, value) });
}

function valueInfo(name: string, dtype: DType, shape: Dim[]): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: DTYPE_CODE[dtype],
        shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}

/**
 * Builds one graph. Every method that creates a value returns its name, so nodes chain naturally:
 *   const y = g.op('Relu', [g.op('Conv', [x, w])]);
 */
export class GraphBuilder {
  private readonly nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  private readonly initializers: InstanceType<TensorProtoCtor>[] = [];
  private readonly inputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly outputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly names = new Set<string>();
  private counter = 0;
  private readonly domains = new Set<string>();

  constructor(readonly name: string) {}

  private fresh(hint: string): string {
    let n = `${hint}_${this.counter++}`;
    while (this.names.has(n)) n = `${hint}_${this.counter++}`;
    this.names.add(n);
    return n;
  }

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`graph "${this.name}": value "${name}" defined twice`);
    this.names.add(name);
    return name;
  }

  input(name: string, dtype: DType, shape: Dim[]): string {
    this.inputs.push(valueInfo(this.claim(name), dtype, shape));
    return name;
  }

  output(value: string, dtype: DType, shape: Dim[], rename?: string): string {
    let name = value;
    if (rename && rename !== value) name = this.op('Identity', [value], {}, { outputs: [rename] })[0]!;
    this.outputs.push(valueInfo(name, dtype, shape));
    return name;
  }

  /** A constant tensor stored as an initializer. */
  tensor(hint: string, t: TensorValue): string {
    const name = this.fresh(hint);
    this.initializers.push(tensorProto(name, t));
    return name;
  }

  float32(hint: string, dims: number[], data: ArrayLike<number>): string {
    return this.tensor(hint, { dtype: 'float32', dims, data: Float32Array.from(data) });
  }

  int64(hint: string, dims: number[], data: ArrayLike<number | bigint>): string {
    const arr = new BigInt64Array(data.length);
    for (let i = 0; i < data.length; i++) arr[i] = BigInt(data[i]!);
    return this.tensor(hint, { dtype: 'int64', dims, data: arr });
  }

  scalar(hint: string, value: number): string {
    return this.float32(hint, [], [value]);
  }

  /**
   * Adds a node. Returns its output names (one by default; pass `outputs: n` or explicit names for more).
   * An empty string input means "optional input omitted", as ONNX allows.
   */
  op(
    opType: string,
    inputs: string[],
    attrs: Record<string, AttrValue> = {},
    opts: { outputs?: number | string[]; domain?: string; name?: string } = {},
  ): string[] {
    const outNames = Array.isArray(opts.outputs)
      ? opts.outputs.map((n) => this.claim(n))
      : Array.from({ length: opts.outputs ?? 1 }, () => this.fresh(opType.toLowerCase()));
    for (const i of inputs) {
      if (i !== '' && !this.names.has(i)) throw new Error(`graph "${this.name}": ${opType} reads unknown value "${i}"`);
    }
    if (opts.domain) this.domains.add(opts.domain);
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        domain: opts.domain ?? '',
        name: opts.name ?? this.fresh(`${opType}_node`),
        input: inputs,
        output: outNames,
        attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
      }),
    );
    return outNames;
  }

  /** Single-output shorthand for op(). */
  one(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    return this.op(opType, inputs, attrs)[0]!;
  }

  /** The ops this graph uses, sorted and unique (what a model card lists). */
  opsUsed(): string[] {
    return [...new Set(this.nodes.map((n) => n.opType ?? ''))].sort();
  }

  toModel(options: SerializeOptions = {}): InstanceType<typeof onnx.ModelProto> {
    if (this.outputs.length === 0) throw new Error(`graph "${this.name}" has no outputs`);
    const opsets: OpsetImport[] = [{ domain: '', version: options.opset ?? 17 }, ...(options.extraOpsets ?? [])];
    return onnx.ModelProto.create({
      irVersion: options.irVersion ?? 8,
      producerName: options.producerName ?? 'previs-sandbox models/lib/onnx-graph',
      producerVersion: options.producerVersion ?? '1',
      docString: options.docString ?? '',
      opsetImport: opsets.map((o) => ({ domain: o.domain, version: o.version })),
      metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
      graph: {
        name: this.name,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
  }

  serialize(options: SerializeOptions = {}): Uint8Array {
    return onnx.ModelProto.encode(this.toModel(options)).finish();
  }
}
