// The last jobs the runtime finished: which backend actually ran them, how long they took, and why not
// WebGPU when it was not — the same facts an effect layer's run report keeps.
import { useEffect, useState } from 'react';
import { getRuntime, type RuntimeRunReport } from '../../effects/runtime';

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
            {j.peakMemoryBytes !== null && ` · peak ${(j.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB`}
            {j.fallbackReason && <div className="dim">{j.fallbackReason}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}
