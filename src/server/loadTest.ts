// Load and fault run: N simulated clients edit one project on a real studio server (WebSockets, SQLite);
// mid-run the server is restarted once and one client's network is cut, then restored. At the end every
// client and the server must hold the same document, every edit the server acknowledged must be in it, and
// the ledger (signed appends from several clients at once, so forks and merges) must verify.
import { buildDemoProject } from '../core/document/demo';
import { createObject, identityTransform, addObjects, setTransforms, type Project } from '../core/document';
import { generateSigner } from '../core/disclosure/crypto';
import { sealAfter, verifyChain } from '../core/disclosure/ledger';
import { ProjectReader } from '../sync/projectDoc';
import { createProjectStore } from '../store/projectStore';
import { startStudioServer, type StudioServer } from './studioServer';
import { nodeClient, tempDir, waitFor } from './testServer.testutil';
import type { StudioConnection } from '../sync/studioConnection';

export interface LoadOptions {
  clients: number;
  editsPerClient: number;
  /** pause between one client's edits */
  intervalMs: number;
  restart: boolean;
  cut: boolean;
  log?: (line: string) => void;
}

export interface LoadResult {
  clients: number;
  editsMade: number;
  editsAcknowledged: number;
  acknowledgedMissing: number;
  converged: boolean;
  ledgerEntries: number;
  ledgerMerges: number;
  ledgerVerified: boolean;
  latencyMs: { samples: number; p50: number; p95: number; max: number };
  initialSyncMs: number;
  restartRecoveryMs: number | null;
  runMs: number;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** Canonical text of what must agree: the project without modifiedAt (each writer stamps its own). */
const essence = (p: Project) => JSON.stringify({ ...p, modifiedAt: '' }, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const log = o.log ?? (() => undefined);
  const t0 = performance.now();
  const data = tempDir('previs-load-');
  let server: StudioServer = await startStudioServer({ port: 0, dataDir: data.path, storeDebounceMs: 100 });
  const port = server.port;
  const demo = buildDemoProject();
  const sceneId = demo.sceneOrder[0]!;
  const stores = Array.from({ length: o.clients }, (_, i) => createProjectStore(i === 0 ? demo : buildDemoProject()));
  const conns: StudioConnection[] = [];
  const sent = new Map<string, number>(); // object id → when it was added
  const arrivals: number[] = [];
  // edits sent or received while a fault is on are not steady-state latency (they wait for the fault to end)
  const faultWindows: [number, number][] = [];
  const inFault = (t: number) => faultWindows.some(([a, b]) => t >= a && t <= b);
  try {
    const s0 = performance.now();
    conns.push(await nodeClient(server.wsUrl, stores[0]!));
    const initialSyncMs = performance.now() - s0;
    for (let i = 1; i < o.clients; i++) conns.push(await nodeClient(server.wsUrl, stores[i]!, { projectId: demo.id }));
    // each client watches for the others' additions it has not seen yet (a short list, not the whole scene)
    const waiting = stores.map(() => new Set<string>());
    const announce = (id: string, from: number) => waiting.forEach((w, j) => j !== from && w.add(id));
    stores.forEach((s, i) => {
      s.subscribe((st) => {
        const w = waiting[i]!;
        if (!w.size) return;
        const objs = st.project.scenes[sceneId]!.objects;
        const now = performance.now();
        for (const id of w) {
          if (!objs[id]) continue;
          w.delete(id);
          const at = sent.get(id)!;
          if (!inFault(at) && !inFault(now)) arrivals.push(now - at);
        }
      });
    });
    log(`${o.clients} clients joined; first one seeded the demo project in ${initialSyncMs.toFixed(1)} ms`);

    const acked = new Set<string>();
    const made: string[] = [];
    const signers = await Promise.all(stores.map(() => generateSigner()));
    let restartRecoveryMs: number | null = null;
    const cutClient = o.clients - 1;

    // clients that sign at the same moment, each from the ledger as it sees it: a real fork to merge
    const signing = stores.map((_, i) => i).filter((i) => i % 4 === 0 && !(o.cut && i === cutClient));
    let sealedCount = 0;
    let allSealed!: () => void;
    const barrier = new Promise<void>((r) => (allSealed = r));

    const client = async (i: number) => {
      const s = stores[i]!;
      const pendingAck: string[] = [];
      for (let k = 0; k < o.editsPerClient; k++) {
        const id = `load_${i}_${k}`;
        const obj = createObject('setPiece', { id, name: `load ${i}.${k}` });
        announce(id, i);
        sent.set(id, performance.now());
        s.getState().execute('add', addObjects(sceneId, [obj]));
        made.push(id);
        pendingAck.push(id);
        if (k % 5 === 4) s.getState().execute('move', setTransforms(sceneId, { [id]: identityTransform([i, 0, k]) }));
        if (k === Math.floor(o.editsPerClient / 2) && signing.includes(i)) {
          const items = await sealAfter(s.getState().project.ledger, [{ kind: 'review', payload: { recordId: `load-${i}`, action: 'submit' } }], signers[i]!, `client ${i}`, new Date().toISOString());
          if (++sealedCount === signing.length) allSealed();
          await barrier;
          s.getState().execute('sign', (p) => ({ ...p, ledger: [...p.ledger, ...items] }));
        }
        if (conns[i]!.provider.unsyncedChanges === 0) for (const a of pendingAck.splice(0)) acked.add(a);
        await new Promise((r) => setTimeout(r, o.intervalMs));
      }
      await conns[i]!.flushed(60_000);
      for (const a of pendingAck.splice(0)) acked.add(a);
    };

    const faults = async () => {
      const third = (o.editsPerClient * o.intervalMs) / 3;
      await new Promise((r) => setTimeout(r, third));
      if (o.cut && o.clients > 1) {
        // a cut cable: the socket dies without a goodbye, the client keeps editing
        faultWindows.push([performance.now(), Infinity]);
        const ws = conns[cutClient]!.provider.configuration.websocketProvider;
        ws.shouldConnect = false;
        (ws.webSocket as unknown as { terminate?: () => void; close: () => void } | null)?.close();
        log(`client ${cutClient}: network cut`);
      }
      if (o.restart) {
        const r0 = performance.now();
        if (!faultWindows.length) faultWindows.push([r0, Infinity]);
        await server.close();
        log('server stopped');
        server = await startStudioServer({ port, dataDir: data.path, storeDebounceMs: 100 });
        log('server started again');
        await waitFor(() => conns.every((c, i) => (o.cut && i === cutClient) || c.status.getState().state === 'connected'), 'every client back after the restart', 30_000);
        restartRecoveryMs = performance.now() - r0;
      }
      await new Promise((r) => setTimeout(r, third / 2));
      if (o.cut && o.clients > 1) {
        const ws = conns[cutClient]!.provider.configuration.websocketProvider;
        ws.shouldConnect = true;
        void ws.connect();
        log(`client ${cutClient}: network back`);
      }
      if (faultWindows.length) faultWindows[0]![1] = performance.now() + 1000;
    };

    await Promise.all([...stores.map((_, i) => client(i)), faults()]);
    const editsMade = made.length;
    // the merge of any fork is sealed by the next append: one more signed entry after everyone is done
    const last = stores[0]!;
    await waitFor(() => conns.every((c) => c.provider.unsyncedChanges === 0), 'all edits acknowledged', 60_000);
    // and arrived: client 0 must see every branch it is to merge (remote edits reach a store a frame later)
    const serverLedger = () => server.server.hocuspocus.documents.get(demo.id)?.getArray('ledger').length ?? -1;
    await waitFor(() => last.getState().project.ledger.length === serverLedger(), "every signed entry on client 0's machine", 30_000);
    const closing = await sealAfter(last.getState().project.ledger, [{ kind: 'review', payload: { recordId: 'load-end', action: 'submit' } }], signers[0]!, 'client 0', new Date().toISOString());
    last.getState().execute('sign', (p) => ({ ...p, ledger: [...p.ledger, ...closing] }));
    await conns[0]!.flushed(30_000);

    const serverProject = () => {
      const d = server.server.hocuspocus.documents.get(demo.id);
      if (!d) return null;
      const r = new ProjectReader(d).read();
      return r && r.ok ? r.project : null;
    };
    let converged = true;
    try {
      await waitFor(() => {
        const ref = serverProject();
        if (!ref) return false;
        const e = essence(ref);
        return stores.every((s) => essence(s.getState().project) === e);
      }, 'every client and the server to hold the same document', 30_000);
    } catch (e) {
      converged = false;
      log((e as Error).message);
    }
    const final = serverProject() ?? stores[0]!.getState().project;
    const objects = final.scenes[sceneId]!.objects;
    const acknowledgedMissing = [...acked].filter((id) => !objects[id]).length;
    const chain = await verifyChain(final.ledger);
    if (!chain.ok) log(`ledger: ${chain.problems.slice(0, 3).join('; ')}`);
    return {
      clients: o.clients,
      editsMade,
      editsAcknowledged: acked.size,
      acknowledgedMissing,
      converged,
      ledgerEntries: final.ledger.length,
      ledgerMerges: final.ledger.filter((e) => e.kind === 'merge').length,
      ledgerVerified: chain.ok,
      latencyMs: { samples: arrivals.length, p50: quantile(arrivals, 0.5), p95: quantile(arrivals, 0.95), max: Math.max(...arrivals) },
      initialSyncMs,
      restartRecoveryMs,
      runMs: performance.now() - t0,
    };
  } finally {
    for (const c of conns) await c.close();
    await server.close();
    data.remove();
  }
}
