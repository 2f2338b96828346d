// What the face analysis and the de-age pipeline need from a model runtime: run one named model on float
// tensors. The app passes the effect runtime (worker, backend choice, run report); Node tests pass a plain
// onnxruntime-web session. Keeping the pipeline on this interface keeps it testable without a browser.
export interface TensorData {
  data: Float32Array;
  dims: number[];
}

export interface ModelRunner {
  run(modelId: string, feeds: Record<string, TensorData>): Promise<Record<string, TensorData>>;
}

export function output(out: Record<string, TensorData>, name: string, modelId: string): TensorData {
  const t = out[name];
  if (!t) throw new Error(`model ${modelId} returned no output "${name}" (got ${Object.keys(out).join(', ')})`);
  return t;
}
