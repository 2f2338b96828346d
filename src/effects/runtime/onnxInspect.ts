// Reads an .onnx file's structure without running it: which ops it uses (subgraphs included), its opsets,
// its declared inputs/outputs, and whether any tensor points at external data (refused: a model must be one file).
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type Graph = InstanceType<typeof onnx.GraphProto>;

export interface InspectedTensor {
  name: string;
  /** ONNX TensorProto.DataType code */
  elemType: number;
  /** fixed size, dynamic axis name, or null when the file leaves the dim blank */
  shape: (number | string | null)[] | null;
}

export interface OnnxSummary {
  irVersion: number;
  opsets: { domain: string; version: number }[];
  ops: { domain: string; opType: string }[];
  inputs: InspectedTensor[];
  outputs: InspectedTensor[];
  initializerBytes: number;
  externalData: string[];
  nodeCount: number;
}

const DATA_LOCATION_EXTERNAL = 1;

function num(v: number | { toNumber(): number } | null | undefined): number {
  if (v == null) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

function walk(graph: Graph, visit: (g: Graph) => void): void {
  visit(graph);
  for (const node of graph.node ?? []) {
    for (const attr of node.attribute ?? []) {
      if (attr.g) walk(attr.g as Graph, visit);
      for (const sub of attr.graphs ?? []) walk(sub as Graph, visit);
    }
  }
}

function tensorInfo(v: onnxProto.onnx.IValueInfoProto): InspectedTensor {
  const tt = v.type?.tensorType;
  return {
    name: v.name ?? '',
    elemType: tt?.elemType ?? 0,
    shape: tt?.shape
      ? (tt.shape.dim ?? []).map((d) => (d.dimParam ? d.dimParam : d.dimValue != null ? num(d.dimValue) : null))
      : null,
  };
}

/** Throws with a plain reason when the bytes are not an ONNX model at all. */
export function inspectOnnx(bytes: Uint8Array): OnnxSummary {
  let model: InstanceType<typeof onnx.ModelProto>;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new Error(`not an ONNX model (${(e as Error).message})`);
  }
  if (!model.graph) throw new Error('not an ONNX model (no graph)');
  const ops = new Map<string, { domain: string; opType: string }>();
  const externalData: string[] = [];
  let initializerBytes = 0;
  let nodeCount = 0;
  walk(model.graph as Graph, (g) => {
    for (const node of g.node ?? []) {
      nodeCount++;
      const domain = node.domain ?? '';
      const opType = node.opType ?? '';
      ops.set(`${domain}/${opType}`, { domain, opType });
    }
    for (const t of g.initializer ?? []) {
      if (t.dataLocation === DATA_LOCATION_EXTERNAL || (t.externalData?.length ?? 0) > 0) {
        const where = t.externalData?.find((e) => e.key === 'location')?.value ?? '?';
        externalData.push(`${t.name ?? '?'} → ${where}`);
      }
      initializerBytes +=
        (t.rawData?.byteLength ?? 0) +
        4 * ((t.floatData?.length ?? 0) + (t.int32Data?.length ?? 0)) +
        8 * ((t.int64Data?.length ?? 0) + (t.doubleData?.length ?? 0));
    }
  });
  const initNames = new Set((model.graph.initializer ?? []).map((t) => t.name));
  return {
    irVersion: num(model.irVersion),
    opsets: (model.opsetImport ?? []).map((o) => ({ domain: o.domain ?? '', version: num(o.version) })),
    ops: [...ops.values()].sort((a, b) => a.opType.localeCompare(b.opType)),
    // old exporters list initializers as inputs too; those are weights, not feeds
    inputs: (model.graph.input ?? []).filter((i) => !initNames.has(i.name)).map(tensorInfo),
    outputs: (model.graph.output ?? []).map(tensorInfo),
    initializerBytes,
    externalData,
    nodeCount,
  };
}

export function defaultOpset(summary: OnnxSummary): number {
  return summary.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version ?? 0;
}
