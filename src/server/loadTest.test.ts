// The load and fault run at a small size (CI): restart and network cut included, every check must hold, in both
// layouts (every client on the server's thread; the clients in worker threads, the server alone).
import { describe, expect, it } from 'vitest';
import { runLoad, type LoadLayout } from './loadTest';

describe('load and fault run (small)', () => {
  it.each(['one-process', 'threads'] as LoadLayout[])('%s: 6 clients, a server restart and a cut client: same doc everywhere, no acknowledged edit lost, ledger verifies', async (layout) => {
    const lines: string[] = [];
    const r = await runLoad({ clients: 6, editsPerClient: 8, intervalMs: 60, restart: true, cut: true, layout, crews: 2, log: (l) => lines.push(l) });
    console.log(`load (small, ${layout}): ${JSON.stringify({ ...r, latencyMs: { p50: Math.round(r.latencyMs.p50), p95: Math.round(r.latencyMs.p95) } })}`);
    expect(lines).toEqual(expect.arrayContaining(['server stopped', 'server started again', 'client 5: network cut', 'client 5: network back']));
    expect(r.layout).toBe(layout);
    expect(r.crews).toBe(layout === 'threads' ? 2 : 1);
    expect(r.editsMade).toBe(48);
    expect(r.editsAcknowledged).toBe(48);
    expect(r.acknowledgedMissing).toBe(0);
    expect(r.converged).toBe(true);
    expect(r.ledgerMerges).toBeGreaterThanOrEqual(1);
    expect(r.ledgerVerified).toBe(true);
    // every edit reached each of the five other clients (outside the faults), timed on one clock for all threads
    expect(r.latencyMs.samples).toBeGreaterThan(0);
    expect(r.latencyMs.samples).toBeLessThanOrEqual(48 * 5);
    expect(r.latencyMs.p50).toBeGreaterThan(0);
  }, 120_000);
});
