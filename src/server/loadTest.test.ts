// The load and fault run at a small size (CI): restart and network cut included, every check must hold.
import { describe, expect, it } from 'vitest';
import { runLoad } from './loadTest';

describe('load and fault run (small)', () => {
  it('6 clients, a server restart and a cut client: same doc everywhere, no acknowledged edit lost, ledger verifies', async () => {
    const lines: string[] = [];
    const r = await runLoad({ clients: 6, editsPerClient: 8, intervalMs: 60, restart: true, cut: true, log: (l) => lines.push(l) });
    console.log(`load (small): ${JSON.stringify({ ...r, latencyMs: { p50: Math.round(r.latencyMs.p50), p95: Math.round(r.latencyMs.p95) } })}`);
    expect(lines).toEqual(expect.arrayContaining(['server stopped', 'server started again', 'client 5: network cut', 'client 5: network back']));
    expect(r.editsMade).toBe(48);
    expect(r.editsAcknowledged).toBe(48);
    expect(r.acknowledgedMissing).toBe(0);
    expect(r.converged).toBe(true);
    expect(r.ledgerMerges).toBeGreaterThanOrEqual(1);
    expect(r.ledgerVerified).toBe(true);
  }, 120_000);
});
