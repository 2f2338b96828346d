// The shared worker dispatch, driven without a worker: messages in, posted messages out.
import { describe, expect, it } from 'vitest';
import { createJobDispatcher, type JobContext, type JobWire } from './workerJobs';

type Req = { id: number; type: 'job'; steps: number } | { id: number; type: 'cancel'; target: number };
type Res =
  | { id: number; type: 'progress'; step: number }
  | { id: number; type: 'result'; value: number }
  | { id: number; type: 'error'; name: string; cancelled: boolean };

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** A job of `steps` macrotask steps that reports each one and checks its signal between them. */
async function stepper(steps: number, ctx: JobContext<number>, started: number[], id: number): Promise<number> {
  started.push(id);
  for (let i = 1; i <= steps; i++) {
    await tick();
    if (ctx.signal.aborted) {
      const e = new Error('cancelled');
      e.name = 'AbortError';
      throw e;
    }
    ctx.progress(i);
  }
  return steps * 10;
}

function harness(concurrency?: number) {
  const posted: Res[] = [];
  const started: number[] = [];
  const wire: JobWire<Req, Res, number, number> = {
    cancelTarget: (m) => (m.type === 'cancel' ? m.target : null),
    jobId: (m) => m.id,
    run: (m, ctx) => stepper((m as Extract<Req, { type: 'job' }>).steps, ctx, started, m.id),
    progress: (id, step) => ({ id, type: 'progress', step }),
    result: (m, value) => ({ message: { id: m.id, type: 'result', value } }),
    error: (m, e, cancelled) => ({ id: m.id, type: 'error', name: (e as Error).name, cancelled }),
  };
  const jobs = createJobDispatcher(wire, (msg) => posted.push(msg), { concurrency });
  const settled = async () => {
    while (jobs.pending) await tick();
  };
  const of = (id: number) => posted.filter((m) => m.id === id);
  return { jobs, posted, started, settled, of };
}

describe('createJobDispatcher', () => {
  it('sends progress in order, then exactly one result', async () => {
    const h = harness();
    h.jobs.receive({ id: 1, type: 'job', steps: 4 });
    await h.settled();
    expect(h.of(1)).toEqual([
      { id: 1, type: 'progress', step: 1 },
      { id: 1, type: 'progress', step: 2 },
      { id: 1, type: 'progress', step: 3 },
      { id: 1, type: 'progress', step: 4 },
      { id: 1, type: 'result', value: 40 },
    ]);
  });

  it('stops a job mid-way on cancel and says it was cancelled', async () => {
    const h = harness();
    h.jobs.receive({ id: 1, type: 'job', steps: 50 });
    await tick();
    await tick();
    h.jobs.receive({ id: 2, type: 'cancel', target: 1 });
    await h.settled();
    const msgs = h.of(1);
    const last = msgs.at(-1)!;
    expect(last).toEqual({ id: 1, type: 'error', name: 'AbortError', cancelled: true });
    const steps = msgs.filter((m) => m.type === 'progress').length;
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThan(50);
    expect(h.of(2)).toEqual([]);
  });

  it('answers a job cancelled before it started at once, and never runs it', async () => {
    const h = harness(1);
    h.jobs.receive({ id: 1, type: 'job', steps: 5 });
    h.jobs.receive({ id: 2, type: 'job', steps: 5 });
    h.jobs.receive({ id: 3, type: 'job', steps: 1 });
    h.jobs.receive({ id: 9, type: 'cancel', target: 2 });
    // answered before the job ahead of it has finished
    expect(h.of(2)).toEqual([{ id: 2, type: 'error', name: 'AbortError', cancelled: true }]);
    expect(h.of(1).some((m) => m.type === 'result')).toBe(false);
    await h.settled();
    expect(h.started).toEqual([1, 3]);
    expect(h.of(1).at(-1)).toEqual({ id: 1, type: 'result', value: 50 });
    expect(h.of(3).at(-1)).toEqual({ id: 3, type: 'result', value: 10 });
    // the queue ran in arrival order: 1 answered before 3 started reporting
    const order = h.posted.filter((m) => m.type !== 'progress' || m.id === 3).map((m) => `${m.id}:${m.type}`);
    expect(order).toEqual(['2:error', '1:result', '3:progress', '3:result']);
  });

  it('runs jobs side by side without a limit, each with its own signal', async () => {
    const h = harness();
    h.jobs.receive({ id: 1, type: 'job', steps: 6 });
    h.jobs.receive({ id: 2, type: 'job', steps: 6 });
    await tick();
    h.jobs.receive({ id: 3, type: 'cancel', target: 2 });
    await h.settled();
    expect(h.started).toEqual([1, 2]);
    expect(h.of(1).at(-1)).toMatchObject({ type: 'result', value: 60 });
    expect(h.of(2).at(-1)).toMatchObject({ type: 'error', cancelled: true });
  });

  it('turns a handler that throws, or a result it cannot send, into one error', async () => {
    const posted: Res[] = [];
    const jobs = createJobDispatcher<Req, Res, number, number>(
      {
        cancelTarget: () => null,
        jobId: (m) => m.id,
        run: (m) => {
          if (m.id === 1) throw new TypeError('bad request');
          return Promise.resolve(7);
        },
        progress: (id, step) => ({ id, type: 'progress', step }),
        result: () => {
          throw new RangeError('cannot transfer');
        },
        error: (m, e, cancelled) => ({ id: m.id, type: 'error', name: (e as Error).name, cancelled }),
      },
      (msg) => posted.push(msg),
    );
    jobs.receive({ id: 1, type: 'job', steps: 1 });
    jobs.receive({ id: 2, type: 'job', steps: 1 });
    while (jobs.pending) await tick();
    expect(posted).toEqual([
      { id: 1, type: 'error', name: 'TypeError', cancelled: false },
      { id: 2, type: 'error', name: 'RangeError', cancelled: false },
    ]);
  });

  it('drops progress a job sends after it has answered', async () => {
    const posted: Res[] = [];
    let late: ((p: number) => void) | null = null;
    const jobs = createJobDispatcher<Req, Res, number, number>(
      {
        cancelTarget: () => null,
        jobId: (m) => m.id,
        run: async (_m, ctx) => {
          late = ctx.progress;
          return 1;
        },
        progress: (id, step) => ({ id, type: 'progress', step }),
        result: (m, value) => ({ message: { id: m.id, type: 'result', value } }),
        error: (m, e, cancelled) => ({ id: m.id, type: 'error', name: (e as Error).name, cancelled }),
      },
      (msg) => posted.push(msg),
    );
    jobs.receive({ id: 1, type: 'job', steps: 1 });
    while (jobs.pending) await tick();
    late!(5);
    expect(posted).toEqual([{ id: 1, type: 'result', value: 1 }]);
  });
});
