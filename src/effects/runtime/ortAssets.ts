// Where a browser finds ORT's emscripten glue and wasm: separate same-origin files emitted by Vite (never a
// CDN). With threads on, ORT starts its pthread workers from the glue's own URL; left to its bundled default
// inside a worker, that URL is the worker's own bundle, which then starts a second copy of the worker and
// hangs session creation. Every engine in a browser (ours, or an effect's own worker) gets these paths.
import ortGlueUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import type { OrtModule } from './sessions';

const inNode = () => Boolean((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node);

export function useSameOriginOrtFiles(ort: OrtModule): void {
  if (inNode() || ort.env.wasm.wasmPaths) return;
  ort.env.wasm.wasmPaths = { mjs: ortGlueUrl, wasm: ortWasmUrl };
}
