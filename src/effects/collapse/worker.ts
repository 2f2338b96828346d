// The collapse worker: fracture, glue and Rapier run here so the editor stays responsive. One job at a time;
// a cancel message is seen between frames (the client terminates the worker if that is not soon enough).
import { loadRapier } from './rapier';
import { runCollapse } from './pipeline';
import type { WorkerRequest, WorkerResponse } from './protocol';

let cancelled = false;
const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  let last = 0;
  try {
    const R = await loadRapier();
    const out = await runCollapse(R, m.job, {
      cancelled: () => cancelled,
      onProgress: (stage, fraction) => {
        const now = performance.now();
        if (now - last < 100 && fraction < 1) return;
        last = now;
        post({ type: 'progress', id: m.id, stage, fraction });
      },
    });
    post({ type: 'done', id: m.id, bytes: out.bytes, hash: out.hash, stats: out.stats }, [out.bytes.buffer]);
  } catch (err) {
    const error = err as Error;
    post({ type: 'error', id: m.id, name: error.name, message: error.message });
  }
};
