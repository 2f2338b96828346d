// Studio server: edit → other client latency with 20 clients (2 clients as the baseline), server memory per
// open project, and the time for a client to join the demo project (against opening its file locally).
// The 20-client latency runs in both layouts of the load run, side by side: 'one-process' puts the server and every
// client on one event loop (each latency includes every client's own work: an upper bound), 'threads' keeps the
// server alone on this thread and the clients in worker threads (nearer to production, where each client has its
// own machine; on a 2-core machine the clients still share the cores with the server). Each layout runs with the
// clients in lockstep and staggered.
import { readFileSync } from 'node:fs';
import { newProject, loadProjectText } from '../../src/core/document';
import { buildDemoProject } from '../../src/core/document/demo';
import { createProjectStore } from '../../src/store/projectStore';
import { runLoad, type LoadResult } from '../../src/server/loadTest';
import { startStudioServer } from '../../src/server/studioServer';
import { nodeClient, tempDir } from '../../src/server/testServer.testutil';
import { writeProjectDiff } from '../../src/sync/projectDoc';
import type { BenchContext, BenchRow } from './types';
import { clientCost } from './studioClient';

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export default async function studioBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // one client's CPU per edit at the demo set's size and at 640 objects, side by side (median of a few runs; the
  // first warms the JIT): the receiving side is paid once per other person's edit
  const clientEdits = ctx.quick ? 100 : 400;
  const costs = [14, 640].map((n) => {
    clientCost(n, clientEdits, 2);
    const runs = Array.from({ length: ctx.quick ? 3 : 5 }, () => clientCost(n, clientEdits, 2));
    const mid = (f: (c: (typeof runs)[number]) => number) => runs.map(f).sort((x, y) => x - y)[runs.length >> 1]!;
    return { objects: runs[0]!.objects, localMs: mid((c) => c.localMs), remoteMs: mid((c) => c.remoteMs) };
  });
  for (const c of costs) {
    const variant = `client, ${c.objects} objects`;
    const note = `${clientEdits} edits (add a set piece, move it), ending with ${c.objects + clientEdits / 2} objects; CPU, median of runs`;
    rows.push({ variant, metric: 'CPU per remote edit received (2 per frame)', value: c.remoteMs * 1000, unit: 'µs', ratio: c.remoteMs / costs[0]!.remoteMs, note });
    rows.push({ variant, metric: 'CPU per local edit sent', value: c.localMs * 1000, unit: 'µs', ratio: c.localMs / costs[0]!.localMs, note });
  }
  const edits = ctx.quick ? 5 : 15;
  const two = await runLoad({ clients: 2, editsPerClient: edits, intervalMs: 200, restart: false, cut: false });
  const runs = [['2 clients', two]] as [string, LoadResult][];
  // lockstep: every client edits on the same 200 ms tick, so each tick's twenty edits arrive as one burst (the
  // worst case); staggered: each client's tick at its own phase, as twenty people editing independently would
  for (const layout of ['one-process', 'threads'] as const)
    for (const stagger of [false, true])
      runs.push([`20 clients, ${layout}, ${stagger ? 'staggered' : 'lockstep'}`, await runLoad({ clients: 20, editsPerClient: edits, intervalMs: 200, restart: false, cut: false, layout, stagger })]);
  for (const [v, r] of runs) {
    const where = r.layout === 'one-process' ? 'server and all clients on one thread' : `server alone, clients in ${r.crews} worker threads`;
    const busy = r.layout === 'one-process' ? `loop ${Math.round(r.busy.server * 100)} % busy` : `loops busy: server ${Math.round(r.busy.server * 100)} %, clients ${r.busy.crews.map((b) => `${Math.round(b * 100)} %`).join(' / ')}`;
    for (const q of ['p50', 'p95'] as const) {
      rows.push({
        variant: v,
        metric: `edit → other client ${q}`,
        value: r.latencyMs[q],
        unit: 'ms',
        ratio: r.latencyMs[q] / two.latencyMs[q],
        goal: q === 'p95' ? '≤ 50 ms' : undefined,
        note: `${r.latencyMs.samples} samples, 5 edits/s per client; ${where}; ${busy}; CPU ${r.cpuMsPerEdit.toFixed(1)} ms per edit`,
      });
    }
  }

  const data = tempDir('previs-bench-');
  const server = await startStudioServer({ port: 0, dataDir: data.path });
  try {
    // memory: open K copies of the demo project on the server (no clients), measure the heap it grows by
    const K = ctx.quick ? 5 : 20;
    const before = heap();
    const conns = [];
    for (let i = 0; i < K; i++) {
      const c = await server.server.hocuspocus.openDirectConnection(`bench-${i}`, {});
      await c.transact((doc) => writeProjectDiff(doc, null, { ...buildDemoProject(), id: `bench-${i}` }));
      conns.push(c);
    }
    const perProject = (heap() - before) / K;
    rows.push({ variant: 'server', metric: 'memory per open project (demo set)', value: perProject / 1024, unit: 'KiB', note: `${K} open, heap growth${(globalThis as { gc?: unknown }).gc ? ' after GC' : ' (no --expose-gc: includes garbage)'}` });

    // join: a client that opens the demo project already on the server, against opening the file locally
    const text = readFileSync('public/demo/street.previs.json', 'utf8');
    const demoId = 'bench-0';
    const n = ctx.quick ? 3 : 7;
    const local = await ctx.median(() => {
      const r = loadProjectText(text);
      if (!r.ok) throw new Error(r.error);
      createProjectStore(r.project);
    }, n);
    const join = await ctx.median(async () => {
      const c = await nodeClient(server.wsUrl, createProjectStore(newProject()), { projectId: demoId });
      await c.close();
    }, n);
    rows.push({ variant: 'open the file locally', metric: 'demo project ready', value: local, unit: 'ms', ratio: 1 });
    rows.push({ variant: 'join on the server', metric: 'demo project ready', value: join, unit: 'ms', ratio: join / local, note: 'WebSocket connect, Yjs sync, validation, store' });
    for (const c of conns) await c.disconnect();
  } finally {
    await server.close();
    data.remove();
  }
  return rows;
}
