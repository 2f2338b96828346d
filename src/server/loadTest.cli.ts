// npm run server:load -- [--clients 20] [--edits 30] [--interval 200] [--layout both] [--crews 2] [--stagger] [--no-restart] [--no-cut] [--json]
import { runLoad, type LoadLayout, type LoadResult } from './loadTest';

const HELP = `Usage: npm run server:load -- [options]

Load and fault run against a real studio server on this machine (127.0.0.1 only):
N simulated clients edit one project (the demo set), the server is restarted once
and one client's network is cut mid-run. Checks at the end: every client and the
server hold the same document, every acknowledged edit is present, the ledger
(concurrent signed appends, merged) verifies. Prints the numbers.

Latency is the time from a client's local edit to its arrival in another client's
store. Two layouts, run one after the other by default and printed side by side:
  one-process  the server and every client on one event loop: each latency waits
               behind all twenty clients' work (an upper bound)
  threads      the server alone on the main thread, the clients in a few worker
               threads, nearer to production (each client on its own machine)

Options:
  --clients N     simulated clients (default 20)
  --edits N       edits per client (default 30)
  --interval MS   pause between one client's edits (default 200: five edits a second each)
  --layout L      one-process, threads or both (default both)
  --crews N       worker threads for the clients in the threads layout (default 2)
  --stagger       spread the clients' starts over one interval; by default they
                  all start together, so each interval's edits arrive as one
                  burst (the worst case: the last edit waits behind the rest)
  --no-restart    skip the server restart
  --no-cut        skip the network cut
  --json          print the results as JSON (an array, one per layout)
  -h, --help      show this help

Exit status: 0 when every check holds, 1 when one fails, 2 on a usage error.`;

function num(v: string | undefined, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} wants a whole number from ${min} to ${max}`);
  return n;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

async function main() {
  const argv = process.argv.slice(2);
  const o = { clients: 20, editsPerClient: 30, intervalMs: 200, restart: true, cut: true, crews: 2, stagger: false };
  let layouts: LoadLayout[] = ['one-process', 'threads'];
  let json = false;
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-h' || a === '--help') return void console.log(HELP);
      if (a === '--clients') o.clients = num(argv[++i], a, 2, 200);
      else if (a === '--edits') o.editsPerClient = num(argv[++i], a, 1, 10_000);
      else if (a === '--interval') o.intervalMs = num(argv[++i], a, 0, 10_000);
      else if (a === '--crews') o.crews = num(argv[++i], a, 1, 64);
      else if (a === '--stagger') o.stagger = true;
      else if (a === '--layout') {
        const v = argv[++i];
        if (v === 'both') layouts = ['one-process', 'threads'];
        else if (v === 'one-process' || v === 'threads') layouts = [v];
        else throw new Error('--layout wants one-process, threads or both');
      } else if (a === '--no-restart') o.restart = false;
      else if (a === '--no-cut') o.cut = false;
      else if (a === '--json') json = true;
      else throw new Error(`unknown option ${a}`);
    }
  } catch (e) {
    console.error(`server:load: ${(e as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  const results: LoadResult[] = [];
  for (const layout of layouts) {
    if (!json) console.log(`layout ${layout}:`);
    const r = await runLoad({ ...o, layout, log: json ? undefined : (l) => console.log(`  ${l}`) });
    results.push(r);
    if (!json) {
      console.log(`  clients ${r.clients}, edits made ${r.editsMade}, acknowledged ${r.editsAcknowledged}, acknowledged but missing ${r.acknowledgedMissing}`);
      console.log(`  converged (all clients = server): ${r.converged}; ledger ${r.ledgerEntries} entries, ${r.ledgerMerges} merges, verifies: ${r.ledgerVerified}`);
      const t = r.threadCpuMsPerEdit;
      if (r.layout === 'one-process') console.log(`  during the edits the one thread was busy ${pct(r.busy.server)} of the time and used ${t.server.toFixed(1)} ms CPU per edit`);
      else console.log(`  during the edits: server's thread busy ${pct(r.busy.server)}, ${t.server.toFixed(1)} ms CPU per edit; clients' threads busy ${r.busy.crews.map(pct).join(', ')}, ${t.crews.map((c) => c.toFixed(1)).join(', ')} ms CPU per edit`);
      console.log(`  CPU of the whole process from the first edit until all agree: ${r.cpuMsPerEdit.toFixed(1)} ms per edit`);
      console.log(`  initial sync (demo project, first client) ${r.initialSyncMs.toFixed(1)} ms; every client back after the restart in ${r.restartRecoveryMs?.toFixed(0) ?? '-'} ms; run ${(r.runMs / 1000).toFixed(1)} s`);
    }
  }
  if (json) console.log(JSON.stringify(results, null, 1));
  else {
    console.log('\nedit → other client latency (goal p95 ≤ 50 ms):');
    for (const r of results) {
      const where = `${r.layout === 'one-process' ? 'server and all clients on one thread' : `server alone, clients in ${r.crews} worker threads`}; clients ${o.stagger ? 'staggered over an interval' : 'start together'}`;
      console.log(`  ${r.layout.padEnd(11)}  p50 ${r.latencyMs.p50.toFixed(1).padStart(6)} ms  p95 ${r.latencyMs.p95.toFixed(1).padStart(6)} ms  max ${r.latencyMs.max.toFixed(1).padStart(6)} ms  (${r.latencyMs.samples} samples; ${where})`);
    }
  }
  const ok = results.every((r) => r.converged && r.acknowledgedMissing === 0 && r.ledgerVerified && r.editsAcknowledged === r.editsMade);
  process.exit(ok ? 0 : 1);
}

void main();
