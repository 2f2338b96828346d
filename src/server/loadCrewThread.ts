// The run's handle on a crew that runs in a worker thread: the same CrewApi as an in-process crew, each call a
// message to the thread. The thread loads TypeScript through tsx's loader, registered by a two-line bootstrap:
// Node 20 does not apply a parent's `--import tsx` to a worker's entry module.
import { Worker } from 'node:worker_threads';
import { CREW_METHODS, type CrewApi, type CrewHooks, type CrewPlan } from './loadCrew';

export interface ThreadCrew extends CrewApi {
  /** resolve the signing barrier on this thread */
  releaseSealed(): void;
  terminate(): Promise<void>;
}

export function crewInThread(plan: CrewPlan, hooks: Pick<CrewHooks, 'sealed'>): ThreadCrew {
  const entry = new URL('./loadCrew.worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: plan, execArgv: [] });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (e: Error) => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { event: 'sealed' } | { id: number; value?: unknown; error?: string }) => {
    if ('event' in m) return hooks.sealed();
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(`crew thread: ${m.error}`));
    else p.resolve(m.value);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`crew thread exited (${code})`)));
  const call = (method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  const api = Object.fromEntries(CREW_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as CrewApi;
  return {
    ...api,
    releaseSealed: () => worker.postMessage({ event: 'allSealed' }),
    async terminate() {
      await worker.terminate();
    },
  };
}
