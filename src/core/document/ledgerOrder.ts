// How a ledger written on several machines at once stays one proof. Two machines that append while apart
// both seal an entry after the same head: a fork. Nothing is rewritten to undo it; instead the next machine
// to append seals a `merge` entry naming every open head (its parents), so the ledger is a DAG with one
// defined order, the same on every machine: by seq, then by entry hash. seq is the depth: an entry's seq is
// its parent's plus one, a merge's is its deepest parent's plus one, so every parent comes before its child.
// A linear ledger (no forks) is the special case where position i holds seq i: old files verify unchanged.
// A rewrite still fails: a changed entry breaks its hash and its children's links; a removed one leaves a
// child or a merge pointing at nothing; moved entries break the order; a forged seq breaks the depth rule.

const GENESIS_HASH_HEX = '0'.repeat(64);

export const MERGE_KIND = 'merge';

export interface LinkedEntry {
  seq: number;
  kind: string;
  payload: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export interface MergePayload {
  type: 'previs-sandbox/ledger-merge';
  /** hashes of the heads this entry joins, ascending */
  parents: string[];
}

/** Sorts entries into the one order every machine agrees on; drops exact duplicates (same hash). */
export function canonicalLedgerOrder<T extends { seq: number; hash: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const e of entries) {
    if (seen.has(e.hash)) continue;
    seen.add(e.hash);
    out.push(e);
  }
  return out.sort((a, b) => a.seq - b.seq || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

function precedes(a: { seq: number; hash: string }, b: { seq: number; hash: string }): boolean {
  return a.seq < b.seq || (a.seq === b.seq && a.hash < b.hash);
}

export function mergeParents(e: LinkedEntry): string[] | null {
  if (e.kind !== MERGE_KIND) return null;
  const p = e.payload?.parents;
  return Array.isArray(p) && p.every((h) => typeof h === 'string') ? (p as string[]) : [];
}

/** Entries no later entry builds on: one for a linear ledger, several while a fork is open. */
export function ledgerHeads<T extends LinkedEntry>(entries: readonly T[]): T[] {
  const used = new Set<string>();
  for (const e of entries) {
    used.add(e.prevHash);
    for (const p of mergeParents(e) ?? []) used.add(p);
  }
  return entries.filter((e) => !used.has(e.hash));
}

export function mergePayload(heads: readonly { hash: string }[]): MergePayload {
  return { type: 'previs-sandbox/ledger-merge', parents: heads.map((h) => h.hash).sort() };
}

/** The head a merge of these heads is sealed after (its prevHash and seq - 1): the last of them in order. */
export function mergeTail<T extends { seq: number; hash: string }>(heads: readonly T[]): T {
  return canonicalLedgerOrder(heads).at(-1)!;
}

/**
 * What is wrong with how entry i links to the entries before it, or null. Checks order, seq and links only;
 * hashes and signatures are the chain verifier's. `byHash` holds the entries before i.
 */
export function linkProblem(entries: readonly LinkedEntry[], i: number, byHash: ReadonlyMap<string, LinkedEntry>): string | null {
  const e = entries[i]!;
  const before = entries[i - 1];
  if (before && !precedes(before, e)) {
    return `entry at position ${i} (seq ${e.seq}) is out of order: entries were removed, inserted or reordered`;
  }
  const parents = mergeParents(e);
  if (parents) {
    if (parents.length < 2) return `entry ${i} is a merge that names fewer than two parents`;
    for (let k = 1; k < parents.length; k++) if (!(parents[k - 1]! < parents[k]!)) return `entry ${i} merge parents are not distinct and in ascending order`;
    const found = parents.map((h) => byHash.get(h));
    const missing = parents.filter((_, k) => !found[k]);
    if (missing.length) return `entry ${i} merges ${missing.length} entr${missing.length === 1 ? 'y' : 'ies'} that are not in the ledger before it (removed or rewritten)`;
    const last = mergeTail(found as LinkedEntry[]);
    if (e.prevHash !== last.hash || e.seq !== last.seq + 1) return `entry ${i} merge does not follow its last parent (prevHash or seq mismatch)`;
    return null;
  }
  if (e.seq === 0) return e.prevHash === GENESIS_HASH_HEX ? null : `entry ${i} has seq 0 but does not start from the genesis hash`;
  const prev = byHash.get(e.prevHash);
  if (!prev) return `entry ${i} does not follow any entry before it (prevHash names no earlier entry)`;
  if (e.seq !== prev.seq + 1) return `entry ${i} says seq ${e.seq} but follows entry seq ${prev.seq}`;
  return null;
}
