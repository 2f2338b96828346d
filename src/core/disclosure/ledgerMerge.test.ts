// A ledger forked on two machines and joined by a merge entry verifies; every way of rewriting it fails.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../document/schema';
import { loadProjectValue, newProject } from '../document';
import { canonicalLedgerOrder, ledgerHeads } from '../document/ledgerOrder';
import { generateSigner, type Signer } from './crypto';
import { sealAfter, verifyChain } from './ledger';

const NOW = '2026-12-07T00:00:00Z';
let alice: Signer;
let bob: Signer;
let base: LedgerEntry[];
let forkA: LedgerEntry[];
let forkB: LedgerEntry[];
let merged: LedgerEntry[];

beforeAll(async () => {
  alice = await generateSigner();
  bob = await generateSigner();
  base = await sealAfter([], [{ kind: 'disclosure', payload: { recordId: 'r1', layerId: 'L1' } }], alice, 'Alice', NOW);
  base = [...base, ...(await sealAfter(base, [{ kind: 'review', payload: { recordId: 'r1', action: 'submit' } }], bob, 'Bob', NOW))];
  // apart: Alice re-renders while Bob approves, both after the same head
  forkA = await sealAfter(base, [{ kind: 'disclosure', payload: { recordId: 'r2', layerId: 'L1' } }], alice, 'Alice', NOW);
  forkB = await sealAfter(base, [{ kind: 'review', payload: { recordId: 'r1', action: 'approve' } }], bob, 'Bob', NOW);
  const together = canonicalLedgerOrder([...base, ...forkA, ...forkB]);
  // the next append on either machine joins the fork first
  merged = [...together, ...(await sealAfter(together, [{ kind: 'review', payload: { recordId: 'r2', action: 'submit' } }], alice, 'Alice', NOW))];
});

describe('ledger merge', () => {
  it('a fork has two heads; the next append seals one merge naming both, then the item', async () => {
    const together = canonicalLedgerOrder([...base, ...forkA, ...forkB]);
    expect(ledgerHeads(together).map((h) => h.hash).sort()).toEqual([forkA[0]!.hash, forkB[0]!.hash].sort());
    const added = merged.slice(together.length);
    expect(added.map((e) => e.kind)).toEqual(['merge', 'review']);
    expect((added[0]!.payload.parents as string[]).slice().sort()).toEqual([forkA[0]!.hash, forkB[0]!.hash].sort());
    expect(ledgerHeads(merged)).toEqual([added[1]]);
  });

  it('the merged ledger verifies, and both concurrent entries are kept', async () => {
    const r = await verifyChain(merged);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(merged.map((e) => e.hash)).toEqual(expect.arrayContaining([forkA[0]!.hash, forkB[0]!.hash]));
  });

  it('both machines compute the same order from their own arrival order', () => {
    const here = canonicalLedgerOrder([...base, ...forkA, ...forkB, ...merged.slice(-2)]);
    const there = canonicalLedgerOrder([...merged.slice(-2), ...forkB, ...base, ...forkA]);
    expect(there.map((e) => e.hash)).toEqual(here.map((e) => e.hash));
    expect(here.map((e) => e.hash)).toEqual(merged.map((e) => e.hash));
  });

  it('an open fork (not merged yet) still verifies entry by entry', async () => {
    expect((await verifyChain(canonicalLedgerOrder([...base, ...forkA, ...forkB]))).ok).toBe(true);
  });

  it('a project file with a merged ledger opens; one with a dropped branch does not', () => {
    const p = { ...newProject(), ledger: merged };
    const ok = loadProjectValue(JSON.parse(JSON.stringify(p)));
    expect(ok.ok).toBe(true);
    const dropped = { ...p, ledger: merged.filter((e) => e.hash !== forkB[0]!.hash) };
    const bad = loadProjectValue(JSON.parse(JSON.stringify(dropped)));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/merges 1 entry that are not in the ledger|not in the ledger before it/);
  });
});

describe('rewrites of a merged ledger fail', () => {
  const fails = async (entries: LedgerEntry[]) => {
    const r = await verifyChain(entries);
    expect(r.ok).toBe(false);
    return r.problems.join('\n');
  };

  it('removing one side of the fork', async () => {
    expect(await fails(merged.filter((e) => e.hash !== forkA[0]!.hash))).toMatch(/not in the ledger before it/);
  });

  it('changing a payload on one side', async () => {
    const i = merged.findIndex((e) => e.hash === forkB[0]!.hash);
    const copy = structuredClone(merged);
    copy[i]!.payload.action = 'reject';
    expect(await fails(copy)).toMatch(/payload|changed after it was sealed/);
  });

  it('swapping the order of the concurrent pair', async () => {
    const i = merged.findIndex((e) => e.hash === forkA[0]!.hash);
    const j = merged.findIndex((e) => e.hash === forkB[0]!.hash);
    const copy = merged.slice();
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    expect(await fails(copy)).toMatch(/out of order/);
  });

  it('a merge with one parent, or one parent named twice, signed by a valid key', async () => {
    const { sealEntry } = await import('./ledger');
    const together = canonicalLedgerOrder([...base, ...forkA, ...forkB]);
    const tail = canonicalLedgerOrder([forkA[0]!, forkB[0]!])[1]!;
    const one = await sealEntry(tail, 'merge', { type: 'previs-sandbox/ledger-merge', parents: [tail.hash] }, alice);
    expect(await fails([...together, one])).toMatch(/fewer than two parents/);
    const twice = await sealEntry(tail, 'merge', { type: 'previs-sandbox/ledger-merge', parents: [tail.hash, tail.hash] }, alice);
    expect(await fails([...together, twice])).toMatch(/not distinct/);
  });

  it('an entry forged with a seq that places it earlier than its parent allows', async () => {
    const { sealEntry } = await import('./ledger');
    const last = base[base.length - 1]!;
    const forged = await sealEntry({ seq: last.seq + 5, hash: last.hash }, 'review', { recordId: 'r1', action: 'approve' }, bob);
    expect(await fails(canonicalLedgerOrder([...base, forged]))).toMatch(/says seq .* but follows entry seq/);
  });

  it('truncating the merge but keeping what came after it', async () => {
    expect(await fails(merged.filter((e) => e.kind !== 'merge'))).toMatch(/does not follow any entry before it/);
  });
});
