import { beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../document/schema';
import { generateSigner, type Signer } from './crypto';
import { sealAfter, sealEntry, verifyChain, type ChainEntry } from './ledger';

let alice: Signer;
let bob: Signer;
let ledger: LedgerEntry[];

beforeAll(async () => {
  alice = await generateSigner();
  bob = await generateSigner();
  ledger = [];
  const add = async (signer: Signer, holder: string, kind: LedgerEntry['kind'], payload: Record<string, unknown>) => {
    ledger = [...ledger, ...(await sealAfter(ledger, [{ kind, payload }], signer, holder, '2026-11-30T00:00:00Z'))];
  };
  await add(alice, 'Alice', 'disclosure', { recordId: 'r1', layerId: 'L1', n: 1.25, text: 'ünïcødé 😀', nested: { a: [1, 2, { b: true }] } });
  await add(bob, 'Bob', 'review', { recordId: 'r1', action: 'approve', note: 'looks right' });
  await add(alice, 'Alice', 'consent', { consentId: 'c1', performer: 'Jo', signedDate: '2026-11-01' });
  await add(bob, 'Bob', 'consent-revocation', { consentId: 'c1', reason: 'withdrawn by performer' });
});

/** Every leaf of an entry as a path, so each can be altered in turn. */
function leaves(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const kids = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v as object);
  return kids.flatMap(([k, x]) => leaves(x, [...prefix, k]));
}

function alter(entries: readonly ChainEntry[], i: number, path: (string | number)[]): ChainEntry[] {
  const copy = structuredClone(entries) as ChainEntry[];
  let cur = copy[i] as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const v = cur[last];
  if (typeof v === 'string') {
    // change one character in the middle (a single byte for ASCII), keeping the string's shape
    const at = Math.floor(v.length / 2);
    const c = v[at] ?? 'x';
    const repl = c === 'a' ? 'b' : c === '0' ? '1' : 'a';
    cur[last] = v.slice(0, at) + repl + v.slice(at + 1);
    if (v.length === 0) cur[last] = 'a';
  } else if (typeof v === 'number') cur[last] = v + 1;
  else if (typeof v === 'boolean') cur[last] = !v;
  else if (v === null) cur[last] = 'x';
  return copy;
}

describe('hash chain', () => {
  it('verifies a sealed chain and registers each signer once, self-signed', async () => {
    const r = await verifyChain(ledger);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(ledger.map((e) => e.kind)).toEqual(['key', 'disclosure', 'key', 'review', 'consent', 'consent-revocation']);
    expect(Object.values(r.keys).map((k) => k.holder).sort()).toEqual(['Alice', 'Bob']);
  });

  it('detects a change to any field of any entry (payload, hashes, signature, key id, seq, kind)', async () => {
    let cases = 0;
    for (let i = 0; i < ledger.length; i++) {
      for (const path of leaves(ledger[i])) {
        const r = await verifyChain(alter(ledger, i, path));
        expect(r.ok, `undetected change at entry ${i} ${path.join('.')}`).toBe(false);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(60);
  });

  it('detects a change of any single character of the serialised ledger', async () => {
    const text = JSON.stringify(ledger);
    let detected = 0;
    let tried = 0;
    for (let at = 0; at < text.length; at += 7) {
      const c = text[at]!;
      const mutated = text.slice(0, at) + (c === 'a' ? 'b' : c === '1' ? '2' : c === '"' ? "'" : 'a') + text.slice(at + 1);
      tried++;
      let parsed: ChainEntry[];
      try {
        parsed = JSON.parse(mutated) as ChainEntry[];
      } catch {
        detected++; // a broken file is refused before any check
        continue;
      }
      if (!Array.isArray(parsed)) {
        detected++;
        continue;
      }
      const r = await verifyChain(parsed).catch(() => ({ ok: false }));
      if (!r.ok) detected++;
    }
    expect(detected).toBe(tried);
  });

  it('detects a change of any character of any signature, hash or key id', async () => {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let cases = 0;
    for (let i = 0; i < ledger.length; i++) {
      for (const field of ['signature', 'hash', 'prevHash', 'keyId'] as const) {
        const v = ledger[i]![field]!;
        for (let at = 0; at < v.length; at++) {
          const c = v[at]!;
          // the next symbol of the same alphabet: a one-bit change where the encoding allows it
          const alphabet = field === 'hash' || field === 'prevHash' ? '0123456789abcdef' : B64;
          const repl = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]!;
          const copy = structuredClone(ledger);
          copy[i]![field] = v.slice(0, at) + repl + v.slice(at + 1);
          expect((await verifyChain(copy)).ok, `entry ${i} ${field}[${at}]`).toBe(false);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });

  it('detects reordering and deletion', async () => {
    for (let i = 0; i + 1 < ledger.length; i++) {
      const swapped = [...ledger];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
      expect((await verifyChain(swapped)).ok, `swap ${i}`).toBe(false);
    }
    // deleting any entry but the last breaks the chain; the tail is anchored by the signed bundle head
    for (let i = 0; i < ledger.length - 1; i++) {
      const cut = ledger.filter((_, j) => j !== i);
      expect((await verifyChain(cut)).ok, `delete ${i}`).toBe(false);
    }
    // renumbering after a deletion does not help: the links no longer match
    const renumbered = ledger.filter((_, j) => j !== 1).map((e, j) => ({ ...e, seq: j }));
    expect((await verifyChain(renumbered)).ok).toBe(false);
  });

  it('reports a signature by an unknown key as such', async () => {
    const mallory = await generateSigner();
    const last = ledger[ledger.length - 1]!;
    const forged = await sealEntry({ seq: last.seq, hash: last.hash }, 'review', { recordId: 'r1', action: 'approve' }, mallory);
    const r = await verifyChain([...ledger, forged]);
    expect(r.ok).toBe(false);
    expect(r.entries[r.entries.length - 1]).toMatchObject({ status: 'unknown-key' });
    expect(r.problems.join()).toMatch(/unknown key/);
  });

  it('with pinned keys, a key registered only in the ledger is not trusted', async () => {
    const pinnedAlice = await verifyChain(ledger, { trustedKeys: [alice.publicKeyJwk] });
    expect(pinnedAlice.ok).toBe(false);
    const bobEntries = pinnedAlice.entries.filter((e) => ledger[e.seq]!.keyId === bob.keyId);
    expect(bobEntries.every((e) => e.status === 'untrusted-key')).toBe(true);
    const both = await verifyChain(ledger, { trustedKeys: [alice.publicKeyJwk, bob.publicKeyJwk] });
    expect(both.ok).toBe(true);
  });

  it('a swapped signature from another entry does not verify', async () => {
    const copy = structuredClone(ledger);
    copy[3]!.signature = copy[5]!.signature; // both Bob's
    const r = await verifyChain(copy);
    expect(r.entries[3]!.status).toBe('bad-signature');
  });

  it('a redacted payload still proves the chain by its hash, and a wrong hash is caught', async () => {
    const { payloadHashOf } = await import('./ledger');
    const redacted: ChainEntry[] = [];
    for (const e of ledger) redacted.push(e.kind === 'consent' ? { ...e, payload: null, payloadHash: await payloadHashOf(e.payload) } : e);
    expect((await verifyChain(redacted)).ok).toBe(true);
    const wrong = redacted.map((e) => (e.payload === null ? { ...e, payloadHash: '0'.repeat(64) } : e));
    expect((await verifyChain(wrong)).ok).toBe(false);
  });
});

describe('signature encoding', () => {
  it('accepts only canonical base64url and the low-s form of each signature', async () => {
    const { fromBase64Url, verifySignature, fromHex } = await import('./crypto');
    const e = ledger[1]!;
    const sig = e.signature!;
    const jwk = alice.publicKeyJwk;
    expect(await verifySignature(jwk, fromHex(e.hash), sig)).toBe(true);
    // the last of 86 characters carries 2 spare bits: setting them must not decode to the same signature
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = B64.indexOf(sig[sig.length - 1]!);
    const spare = sig.slice(0, -1) + B64[last | 1]!;
    expect(() => fromBase64Url(spare)).toThrow(/canonical/);
    expect(await verifySignature(jwk, fromHex(e.hash), spare)).toBe(false);
    // (r, n − s) is mathematically valid ECDSA, but not the form we accept
    const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    const bytes = fromBase64Url(sig);
    const s = BigInt(`0x${Buffer.from(bytes.subarray(32)).toString('hex')}`);
    const high = Buffer.concat([Buffer.from(bytes.subarray(0, 32)), Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex')]);
    expect(await verifySignature(jwk, fromHex(e.hash), high.toString('base64url'))).toBe(false);
  });
});
