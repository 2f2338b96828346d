// One crew of the load run's simulated clients: the clients that share one event loop (all twenty when everything
// runs in one process, a few per worker thread otherwise, as real clients each have their own machine). A crew
// connects its clients, makes their edits, notes when the others' edits reach each of its stores, and answers the
// run's questions at the end. Times are on the machine's monotonic clock, which every thread and process reads
// alike, so an edit sent by one crew and seen by another gives a latency without clock skew.
import { buildDemoProject } from '../core/document/demo';
import { createObject, identityTransform, addObjects, setTransforms, type Project } from '../core/document';
import { generateSigner, type Signer } from '../core/disclosure/crypto';
import { sealAfter } from '../core/disclosure/ledger';
import { createProjectStore } from '../store/projectStore';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { nodeClient } from './testServer.testutil';
import type { StudioConnection } from '../sync/studioConnection';

/** Milliseconds on the monotonic clock shared by every thread and process of this machine. */
export const monoMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * CPU time of the calling thread so far, ms (Linux: /proc/thread-self/stat, 10 ms ticks; NaN elsewhere). Unlike
 * the event loop's busy share, a loaded machine does not stretch it: it is the work itself.
 */
export function threadCpuMs(): number {
  try {
    const f = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface CrewPlan {
  url: string;
  /** the project client 0 moves onto the server (the demo set) */
  seed: Project;
  sceneId: string;
  /** this crew's clients, by their index in the whole run */
  clients: number[];
  /** clients in the whole run */
  total: number;
  editsPerClient: number;
  intervalMs: number;
  /** clients that sign a ledger entry at the same moment mid-run (a fork the server's ledger must merge) */
  signing: number[];
  /**
   * start client i after i / total of an interval, so the clients' edits are spread over each interval as people's
   * are, instead of all twenty landing in the same millisecond every interval (then the last of each burst waits
   * behind the other nineteen's work on the server and on every client)
   */
  stagger?: boolean;
}

/** The run's side of the signing barrier: every signing client seals first, then all append at once. */
export interface CrewHooks {
  sealed(): void;
  allSealed: Promise<void>;
}

export interface CrewReport {
  /** edit id → when its client made it */
  sent: [string, number][];
  /** edit id → when it reached one other client's store (one row per receiving client) */
  arrivals: [string, number][];
  acked: string[];
  /** share of the edit phase this crew's event loop was busy (1: saturated, every latency queues) */
  busy: number;
  /** CPU time of this crew's thread during the edit phase, ms */
  cpuMs: number;
}

/** What a crew answers, the same whether it runs here or in a worker thread (hence every answer is a promise). */
export interface CrewApi {
  /** client 0 moves the demo project onto the server; ms until it is in sync */
  seed(): Promise<number>;
  join(): Promise<void>;
  run(): Promise<void>;
  /** how many times each client has finished syncing with the server (its first join included) */
  syncs(): Promise<number[]>;
  cut(client: number): Promise<void>;
  restore(client: number): Promise<void>;
  unsynced(): Promise<number>;
  ledgerLength(client: number): Promise<number>;
  /** ledger items this crew's clients appended (a signed entry, and its key's entry the first time) */
  appended(): Promise<number>;
  /** one more signed entry from `client` (it merges any fork), flushed to the server */
  sealClosing(client: number): Promise<void>;
  /** each client's project as canonical text, for the convergence check */
  essences(): Promise<string[]>;
  report(): Promise<CrewReport>;
  close(): Promise<void>;
}

export const CREW_METHODS = ['seed', 'join', 'run', 'syncs', 'cut', 'restore', 'unsynced', 'ledgerLength', 'appended', 'sealClosing', 'essences', 'report', 'close'] as const;

/** Canonical text of what must agree: the project without modifiedAt (each writer stamps its own). */
export const essence = (p: Project) => JSON.stringify({ ...p, modifiedAt: '' }, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

export const editId = (client: number, k: number) => `load_${client}_${k}`;

export function createCrew(plan: CrewPlan, hooks: CrewHooks): CrewApi {
  // the others open a demo set of their own until they join client 0's project
  const stores = new Map(plan.clients.map((i) => [i, createProjectStore(i === 0 ? plan.seed : buildDemoProject())] as const));
  const conns = new Map<number, StudioConnection>();
  const syncCount = new Map<number, number>();
  const connect = async (i: number, extra: Parameters<typeof nodeClient>[2] = {}) => {
    const c = await nodeClient(plan.url, stores.get(i)!, extra);
    syncCount.set(i, 1);
    c.provider.on('synced', () => syncCount.set(i, syncCount.get(i)! + 1));
    conns.set(i, c);
  };
  const sent: [string, number][] = [];
  const arrivals: [string, number][] = [];
  const acked: string[] = [];
  let busy = NaN;
  let cpuMs = NaN;
  let appended = 0;
  const signers = new Map<number, Signer>();
  const conn = (i: number) => {
    const c = conns.get(i);
    if (!c) throw new Error(`client ${i} is not in this crew`);
    return c;
  };

  // each store notes the others' edits as they arrive: edits of one client arrive in the order it made them, so a
  // cursor per sending client finds the new ones without scanning the scene
  // the ids as strings made once: a lookup with a fresh string must hash it first
  const ids = Array.from({ length: plan.total }, (_, j) => Array.from({ length: plan.editsPerClient }, (_, k) => editId(j, k)));
  const watch = (i: number) => {
    const cursor = new Array<number>(plan.total).fill(0);
    let seen: unknown = null;
    stores.get(i)!.subscribe((st) => {
      const objs = st.project.scenes[plan.sceneId]?.objects;
      if (!objs || objs === seen) return;
      seen = objs;
      const now = monoMs();
      for (let j = 0; j < plan.total; j++) {
        if (j === i) continue;
        let k = cursor[j]!;
        const mine = ids[j]!;
        while (k < plan.editsPerClient && objs[mine[k]!]) arrivals.push([mine[k++]!, now]);
        cursor[j] = k;
      }
    });
  };

  const client = async (i: number) => {
    const s = stores.get(i)!;
    const c = conn(i);
    const pendingAck: string[] = [];
    if (plan.stagger) await new Promise((r) => setTimeout(r, (i * plan.intervalMs) / plan.total));
    for (let k = 0; k < plan.editsPerClient; k++) {
      const id = ids[i]![k]!;
      const obj = createObject('setPiece', { id, name: `load ${i}.${k}` });
      sent.push([id, monoMs()]);
      s.getState().execute('add', addObjects(plan.sceneId, [obj]));
      pendingAck.push(id);
      if (k % 5 === 4) s.getState().execute('move', setTransforms(plan.sceneId, { [id]: identityTransform([i, 0, k]) }));
      if (k === Math.floor(plan.editsPerClient / 2) && plan.signing.includes(i)) {
        const items = await sealAfter(s.getState().project.ledger, [{ kind: 'review', payload: { recordId: `load-${i}`, action: 'submit' } }], signers.get(i)!, `client ${i}`, new Date().toISOString());
        hooks.sealed();
        await hooks.allSealed;
        s.getState().execute('sign', (p) => ({ ...p, ledger: [...p.ledger, ...items] }));
        appended += items.length;
      }
      if (c.provider.unsyncedChanges === 0) acked.push(...pendingAck.splice(0));
      await new Promise((r) => setTimeout(r, plan.intervalMs));
    }
    await c.flushed(60_000);
    acked.push(...pendingAck.splice(0));
  };

  const websocket = (i: number) => conn(i).provider.configuration.websocketProvider;

  return {
    async seed() {
      const s0 = monoMs();
      await connect(0);
      return monoMs() - s0;
    },
    async join() {
      for (const i of plan.clients) {
        if (i === 0) continue;
        await connect(i, { projectId: plan.seed.id });
      }
      for (const i of plan.clients) {
        watch(i);
        if (i === 0 || plan.signing.includes(i)) signers.set(i, await generateSigner());
      }
    },
    async run() {
      const elu = performance.eventLoopUtilization();
      const cpu0 = threadCpuMs();
      await Promise.all(plan.clients.map(client));
      busy = performance.eventLoopUtilization(elu).utilization;
      cpuMs = threadCpuMs() - cpu0;
    },
    async syncs() {
      return plan.clients.map((i) => syncCount.get(i)!);
    },
    async cut(i) {
      // a cut cable: the socket dies without a goodbye, the client keeps editing
      const ws = websocket(i);
      ws.shouldConnect = false;
      (ws.webSocket as unknown as { close: () => void } | null)?.close();
    },
    async restore(i) {
      const ws = websocket(i);
      ws.shouldConnect = true;
      void ws.connect();
    },
    async unsynced() {
      return plan.clients.reduce((n, i) => n + conn(i).provider.unsyncedChanges, 0);
    },
    async ledgerLength(i) {
      return stores.get(i)!.getState().project.ledger.length;
    },
    async appended() {
      return appended;
    },
    async sealClosing(i) {
      const s = stores.get(i)!;
      const closing = await sealAfter(s.getState().project.ledger, [{ kind: 'review', payload: { recordId: 'load-end', action: 'submit' } }], signers.get(i)!, `client ${i}`, new Date().toISOString());
      s.getState().execute('sign', (p) => ({ ...p, ledger: [...p.ledger, ...closing] }));
      await conn(i).flushed(30_000);
    },
    async essences() {
      return plan.clients.map((i) => essence(stores.get(i)!.getState().project));
    },
    async report() {
      return { sent, arrivals, acked, busy, cpuMs };
    },
    async close() {
      for (const c of conns.values()) await c.close();
    },
  };
}
