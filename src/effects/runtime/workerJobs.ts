// The job dispatch every inference worker shares: jobs arrive by id, each gets its own AbortSignal, progress
// goes out tagged with the job's id, and exactly one result or error ends it. The wire shape stays each
// worker's own (the runtime and de-age protocols differ); `JobWire` translates.
import { abortError } from './errors';

export interface JobContext<P> {
  signal: AbortSignal;
  /** tagged with the job's id; dropped once the job has answered, so nothing arrives after its result */
  progress(p: P): void;
}

export interface JobWire<Req, Res, P, Out> {
  /** the id a cancel message aims at, or null when the message is a job */
  cancelTarget(msg: Req): number | null;
  jobId(msg: Req): number;
  run(msg: Req, ctx: JobContext<P>): Promise<Out>;
  progress(id: number, p: P): Res;
  result(msg: Req, out: Out): { message: Res; transfer?: Transferable[] };
  /** `cancelled`: the job's signal was aborted (a job cancelled before it started never ran at all) */
  error(msg: Req, e: unknown, cancelled: boolean): Res;
}

export interface JobDispatcherOptions {
  /** jobs running at once; later ones wait in arrival order (default: no limit) */
  concurrency?: number;
}

interface Job<Req> {
  msg: Req;
  id: number;
  controller: AbortController;
  settled: boolean;
}

export interface JobDispatcher<Req> {
  receive(msg: Req): void;
  /** jobs running plus jobs waiting */
  readonly pending: number;
}

export function createJobDispatcher<Req, Res, P, Out>(
  wire: JobWire<Req, Res, P, Out>,
  post: (msg: Res, transfer: Transferable[]) => void,
  options: JobDispatcherOptions = {},
): JobDispatcher<Req> {
  const limit = Math.max(1, options.concurrency ?? Infinity);
  const waiting: Job<Req>[] = [];
  const running = new Map<number, Job<Req>>();

  const answer = (job: Job<Req>, msg: Res, transfer: Transferable[] = []) => {
    if (job.settled) return;
    job.settled = true;
    post(msg, transfer);
  };

  const fail = (job: Job<Req>, e: unknown) => answer(job, wire.error(job.msg, e, job.controller.signal.aborted));

  const start = (job: Job<Req>) => {
    running.set(job.id, job);
    const ctx: JobContext<P> = {
      signal: job.controller.signal,
      progress: (p) => {
        if (!job.settled) post(wire.progress(job.id, p), []);
      },
    };
    let work: Promise<Out>;
    try {
      work = wire.run(job.msg, ctx);
    } catch (e) {
      // a handler that throws before returning its promise still answers once
      work = Promise.reject(e);
    }
    work
      .then(
        (out) => {
          let reply: { message: Res; transfer?: Transferable[] };
          try {
            reply = wire.result(job.msg, out);
          } catch (e) {
            fail(job, e);
            return;
          }
          answer(job, reply.message, reply.transfer);
        },
        (e: unknown) => fail(job, e),
      )
      .finally(() => {
        running.delete(job.id);
        pump();
      });
  };

  const pump = () => {
    while (running.size < limit && waiting.length) start(waiting.shift()!);
  };

  const cancel = (target: number) => {
    const queued = waiting.findIndex((j) => j.id === target);
    if (queued >= 0) {
      // never started: answer now rather than after the jobs ahead of it
      const [job] = waiting.splice(queued, 1);
      job!.controller.abort();
      fail(job!, abortError());
      return;
    }
    // an unknown id has already answered; its cancel is moot
    running.get(target)?.controller.abort();
  };

  return {
    receive(msg) {
      const target = wire.cancelTarget(msg);
      if (target !== null) {
        cancel(target);
        return;
      }
      const id = wire.jobId(msg);
      // ids are the client's to keep unique; a reused one would only make its cancel reach the later job
      waiting.push({ msg, id, controller: new AbortController(), settled: false });
      pump();
    },
    get pending() {
      return running.size + waiting.length;
    },
  };
}
