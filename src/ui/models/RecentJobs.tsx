// The last jobs the runtime finished: which backend actually ran them, how long they took, and why not
// WebGPU when it was not — the same facts an effect layer's run report keeps.
import { useEffect, useState } from 'react';
import { getRuntime, type RunMemory, type RuntimeRunReport } from '../../effects/runtime';

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

/** Each measure under its own name: a wasm heap, GPU buffers and a process RSS are different things. */
function MemoryLine({ memory }: { memory: RunMemory }) {
  const parts = [
    memory.wasmHeapBytes !== null && `wasm heap ${mib(memory.wasmHeapBytes)}`,
    memory.webgpuBufferPeakBytes !== null && `GPU buffers peak ${mib(memory.webgpuBufferPeakBytes)}`,
    memory.processRssPeakBytes !== null && `process RSS peak ${mib(memory.processRssPeakBytes)}`,
  ].filter(Boolean);
  return (
    <div className="dim" data-testid="job-memory" data-wasm-heap={memory.wasmHeapBytes ?? ''} data-gpu-buffers={memory.webgpuBufferPeakBytes ?? ''}>
      {parts.length ? parts.join(' · ') : 'memory: not measurable here'}
    </div>
  );
}

export function RecentJobs() {
  const runtime = getRuntime();
  const [jobs, setJobs] = useState<readonly RuntimeRunReport[]>(() => [...runtime.reports.recent]);
  useEffect(() => runtime.reports.subscribe(() => setJobs([...runtime.reports.recent])), [runtime]);
  if (!jobs.length) return null;
  return (
    <>
      <h4>Recent jobs</h4>
      <ul className="recent-jobs" data-testid="recent-jobs">
        {jobs.slice(0, 6).map((j) => (
          <li key={`${j.startedAt}-${j.modelId}`}>
            <b>{j.modelId}</b> · {j.backendsUsed.join(' → ')} · {j.timingsMs.total.toFixed(0)} ms
            {j.tiles > 0 && ` · ${j.tiles} tiles`}
            <MemoryLine memory={j.memory} />
            {j.fallbackReason && <div className="dim">{j.fallbackReason}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}
