// Load and fault run: N simulated clients edit one project on a real studio server (WebSockets, SQLite);
// mid-run the server is restarted once and one client's network is cut, then restored. At the end every
// client and the server must hold the same document, every edit the server acknowledged must be in it, and
// the ledger (signed appends from several clients at once, so forks and merges) must verify.
// Two layouts: 'one-process' runs the server and every client on one event loop (each edit's latency then waits
// behind every other client's work); 'threads' keeps the server on this thread and puts the clients in a few
// worker threads ("crews"), nearer to production, where each client has a machine of its own.
import { performance } from 'node:perf_hooks';
import { buildDemoProject } from '../core/document/demo';
import { verifyChain } from '../core/disclosure/ledger';
import { ProjectReader } from '../sync/projectDoc';
import { startStudioServer, type StudioServer } from './studioServer';
import { tempDir } from './testServer.testutil';
import { createCrew, essence, monoMs, threadCpuMs, type CrewApi, type CrewPlan } from './loadCrew';
import { crewInThread, type ThreadCrew } from './loadCrewThread';

export type LoadLayout = 'one-process' | 'threads';

export interface LoadOptions {
  clients: number;
  editsPerClient: number;
  /** pause between one client's edits */
  intervalMs: number;
  restart: boolean;
  cut: boolean;
  /** default 'one-process' */
  layout?: LoadLayout;
  /** worker threads for the clients in the 'threads' layout (default 2) */
  crews?: number;
  /** spread the clients' starts over one interval (default: all start together, so every interval's edits land at once) */
  stagger?: boolean;
  log?: (line: string) => void;
}

export interface LoadResult {
  layout: LoadLayout;
  /** event loops the clients ran on */
  crews: number;
  clients: number;
  editsMade: number;
  editsAcknowledged: number;
  acknowledgedMissing: number;
  converged: boolean;
  ledgerEntries: number;
  ledgerMerges: number;
  ledgerVerified: boolean;
  latencyMs: { samples: number; p50: number; p95: number; max: number };
  /** share of the edit phase each event loop was busy: the server's thread, and each crew's (one-process: the same loop) */
  busy: { server: number; crews: number[] };
  /** CPU time of this process (server and clients, every thread) from the first edit until all agree, per edit made:
   * the work itself, which a loaded machine does not change much, while it stretches every latency */
  cpuMsPerEdit: number;
  /** CPU time per edit made during the edit phase, by thread: the server's (one-process: also every client's) and each
   * crew's (none in one-process) */
  threadCpuMsPerEdit: { server: number; crews: number[] };
  initialSyncMs: number;
  restartRecoveryMs: number | null;
  runMs: number;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for an answer that may come from another thread, polling; fails with `what` after `timeoutMs`. */
async function waitUntil(cond: () => Promise<boolean> | boolean, what: string, timeoutMs: number): Promise<void> {
  const start = monoMs();
  while (!(await cond())) {
    if (monoMs() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const log = o.log ?? (() => undefined);
  const layout = o.layout ?? 'one-process';
  const t0 = monoMs();
  const data = tempDir('previs-load-');
  // the server as deployed: its default store debounce (the whole document is written at most every 2 s while
  // edits flow; a stop writes every open document first, so the restart loses nothing)
  let server: StudioServer = await startStudioServer({ port: 0, dataDir: data.path });
  const port = server.port;
  const demo = buildDemoProject();
  const sceneId = demo.sceneOrder[0]!;
  const all = Array.from({ length: o.clients }, (_, i) => i);
  const cutClient = o.clients - 1;
  // clients that sign at the same moment, each from the ledger as it sees it: a real fork to merge
  const signing = all.filter((i) => i % 4 === 0 && !(o.cut && i === cutClient));
  let sealedCount = 0;
  let releaseSealed!: () => void;
  const allSealed = new Promise<void>((r) => (releaseSealed = r));
  const sealed = () => void (++sealedCount === signing.length && releaseSealed());

  const crewCount = layout === 'one-process' ? 1 : Math.max(1, Math.min(o.crews ?? 2, o.clients));
  const crewOf = (i: number) => i % crewCount;
  const crews: CrewApi[] = [];
  const threads: ThreadCrew[] = [];
  for (let c = 0; c < crewCount; c++) {
    const plan: CrewPlan = { url: server.wsUrl, seed: demo, sceneId, clients: all.filter((i) => crewOf(i) === c), total: o.clients, editsPerClient: o.editsPerClient, intervalMs: o.intervalMs, signing, stagger: o.stagger };
    if (layout === 'one-process') crews.push(createCrew(plan, { sealed, allSealed }));
    else {
      const t = crewInThread(plan, { sealed });
      threads.push(t);
      crews.push(t);
    }
  }
  void allSealed.then(() => threads.forEach((t) => t.releaseSealed()));
  const crewFor = (i: number) => crews[crewOf(i)]!;

  // edits sent or received while a fault is on are not steady-state latency (they wait for the fault to end)
  const faultWindows: [number, number][] = [];
  const inFault = (t: number) => faultWindows.some(([a, b]) => t >= a && t <= b);
  try {
    const initialSyncMs = await crewFor(0).seed();
    await Promise.all(crews.map((c) => c.join()));
    log(`${o.clients} clients joined (${layout === 'one-process' ? 'all on the server\'s thread' : `${crewCount} worker threads, the server on its own`}); first one seeded the demo project in ${initialSyncMs.toFixed(1)} ms`);

    let restartRecoveryMs: number | null = null;
    const faults = async () => {
      const third = (o.editsPerClient * o.intervalMs) / 3;
      await sleep(third);
      if (o.cut && o.clients > 1) {
        faultWindows.push([monoMs(), Infinity]);
        await crewFor(cutClient).cut(cutClient);
        log(`client ${cutClient}: network cut`);
      }
      if (o.restart) {
        // back means synced again since the stop, not merely 'connected': a client may not have seen the stop yet
        const syncs = async () => (await Promise.all(crews.map((c) => c.syncs()))).flatMap((n, c) => n.map((x, k) => [all.filter((i) => crewOf(i) === c)[k]!, x] as const));
        const before = new Map(await syncs());
        const r0 = monoMs();
        if (!faultWindows.length) faultWindows.push([r0, Infinity]);
        await server.close();
        log('server stopped');
        server = await startStudioServer({ port, dataDir: data.path });
        log('server started again');
        const back = async () => (await syncs()).every(([i, n]) => n > before.get(i)! || (o.cut && i === cutClient));
        await waitUntil(back, 'every client back after the restart', 30_000);
        restartRecoveryMs = monoMs() - r0;
      }
      await sleep(third / 2);
      if (o.cut && o.clients > 1) {
        await crewFor(cutClient).restore(cutClient);
        log(`client ${cutClient}: network back`);
      }
      if (faultWindows.length) faultWindows[0]![1] = monoMs() + 1000;
    };

    const elu = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const serverCpu0 = threadCpuMs();
    await Promise.all([...crews.map((c) => c.run()), faults()]);
    const serverBusy = performance.eventLoopUtilization(elu).utilization;
    const serverCpuMs = threadCpuMs() - serverCpu0;

    // the merge of any fork is sealed by the next append: one more signed entry after everyone is done
    await waitUntil(async () => (await Promise.all(crews.map((c) => c.unsynced()))).every((n) => n === 0), 'all edits acknowledged', 60_000);
    // and arrived: every signed entry on the server and on client 0, which must see every branch it is to merge
    // (remote edits reach a store a frame later; a client's count of unacknowledged edits restarts when it
    // reconnects, so it alone does not prove that an entry made during the restart has reached the server)
    const signed = demo.ledger.length + (await Promise.all(crews.map((c) => c.appended()))).reduce((a, b) => a + b, 0);
    const serverLedger = () => server.server.hocuspocus.documents.get(demo.id)?.getArray('ledger').length ?? -1;
    await waitUntil(async () => serverLedger() === signed && (await crewFor(0).ledgerLength(0)) === signed, "every signed entry on the server and on client 0's machine", 30_000);
    await crewFor(0).sealClosing(0);

    const serverProject = () => {
      const d = server.server.hocuspocus.documents.get(demo.id);
      if (!d) return null;
      const r = new ProjectReader(d).read();
      return r && r.ok ? r.project : null;
    };
    let converged = true;
    try {
      await waitUntil(async () => {
        const ref = serverProject();
        if (!ref) return false;
        const e = essence(ref);
        return (await Promise.all(crews.map((c) => c.essences()))).every((es) => es.every((x) => x === e));
      }, 'every client and the server to hold the same document', 30_000);
    } catch (e) {
      converged = false;
      log((e as Error).message);
    }
    const cpu = process.cpuUsage(cpu0);
    const final = serverProject() ?? demo;
    const objects = final.scenes[sceneId]!.objects;
    const reports = await Promise.all(crews.map((c) => c.report()));
    const sentAt = new Map(reports.flatMap((r) => r.sent));
    const acked = reports.flatMap((r) => r.acked);
    const arrivals: number[] = [];
    for (const r of reports) {
      for (const [id, t] of r.arrivals) {
        const at = sentAt.get(id)!;
        if (!inFault(at) && !inFault(t)) arrivals.push(t - at);
      }
    }
    const acknowledgedMissing = acked.filter((id) => !objects[id]).length;
    const chain = await verifyChain(final.ledger);
    if (!chain.ok) log(`ledger: ${chain.problems.slice(0, 3).join('; ')}`);
    return {
      layout,
      crews: crewCount,
      clients: o.clients,
      editsMade: sentAt.size,
      editsAcknowledged: new Set(acked).size,
      acknowledgedMissing,
      converged,
      ledgerEntries: final.ledger.length,
      ledgerMerges: final.ledger.filter((e) => e.kind === 'merge').length,
      ledgerVerified: chain.ok,
      latencyMs: { samples: arrivals.length, p50: quantile(arrivals, 0.5), p95: quantile(arrivals, 0.95), max: Math.max(...arrivals) },
      busy: { server: serverBusy, crews: reports.map((r) => r.busy) },
      cpuMsPerEdit: (cpu.user + cpu.system) / 1000 / Math.max(1, sentAt.size),
      threadCpuMsPerEdit: { server: serverCpuMs / Math.max(1, sentAt.size), crews: layout === 'one-process' ? [] : reports.map((r) => r.cpuMs / Math.max(1, sentAt.size)) },
      initialSyncMs,
      restartRecoveryMs,
      runMs: monoMs() - t0,
    };
  } finally {
    for (const c of crews) await c.close().catch(() => undefined);
    for (const t of threads) await t.terminate();
    await server.close();
    data.remove();
  }
}
