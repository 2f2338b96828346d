// A crew of simulated clients on a worker thread of its own (the load run's split layout): it answers the run's
// calls over the thread's message port, and tells the run when its signing clients have sealed.
import { parentPort, workerData } from 'node:worker_threads';
import { createCrew, type CrewApi, type CrewPlan } from './loadCrew';

type Call = { id: number; method: keyof CrewApi; args: unknown[] } | { event: 'allSealed' };

const port = parentPort!;
let allSealed!: () => void;
const crew = createCrew(workerData as CrewPlan, {
  sealed: () => port.postMessage({ event: 'sealed' }),
  allSealed: new Promise<void>((r) => (allSealed = r)),
});
port.on('message', async (m: Call) => {
  if ('event' in m) return allSealed();
  try {
    const value = await (crew[m.method] as (...a: unknown[]) => Promise<unknown>)(...m.args);
    port.postMessage({ id: m.id, value });
  } catch (e) {
    port.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
