// The project's hash chain. Each entry commits to its payload by hash (so a bundle can redact a payload and
// still prove the chain), to the previous entry's hash, to its position and to the key that signed it.
// The signature is ECDSA P-256 over the 32 bytes of the entry hash.
import type { LedgerEntry } from '../document/schema';
import { fromHex, hashCanonical, isPublicKeyJwk, keyIdOf, verifySignature, type PublicKeyJwk, type Signer } from './crypto';
import { describeCertificate } from '../studio/member';
import { DISCLOSURE_SCHEMA_VERSION, KEY_TYPE, MEMBER_TYPE } from './vocab';
import { ledgerHeads, linkProblem, mergePayload, mergeTail } from '../document/ledgerOrder';

export type LedgerKind = LedgerEntry['kind'];
export const GENESIS_HASH = '0'.repeat(64);

/** A ledger entry as stored in a project (payload present) or in a bundle (payload may be redacted). */
export interface ChainEntry {
  seq: number;
  kind: LedgerKind;
  payload: Record<string, unknown> | null;
  payloadHash?: string;
  prevHash: string;
  hash: string;
  signature: string | null;
  keyId: string | null;
}

export interface KeyPayload {
  type: typeof KEY_TYPE;
  schemaVersion: number;
  keyId: string;
  publicKeyJwk: PublicKeyJwk;
  holder: { name: string };
  registeredAt: string;
}

/**
 * A member certificate entered in the ledger by the key it certifies (proof of possession), before the first
 * entry that key signs under it. It is evidence to check, not authority: whoever checks holds the studio root.
 */
export interface MemberPayload {
  type: typeof MEMBER_TYPE;
  schemaVersion: number;
  keyId: string;
  /** PEM */
  certificate: string;
  registeredAt: string;
}

export const payloadHashOf = (payload: unknown): Promise<string> => hashCanonical(payload);

export function entryHashOf(e: { seq: number; kind: string; payloadHash: string; prevHash: string; keyId: string | null }) {
  return hashCanonical({ v: 1, seq: e.seq, kind: e.kind, payloadHash: e.payloadHash, prevHash: e.prevHash, keyId: e.keyId });
}

export function keyPayload(signer: Signer, holderName: string, now: string): KeyPayload {
  return {
    type: KEY_TYPE,
    schemaVersion: DISCLOSURE_SCHEMA_VERSION,
    keyId: signer.keyId,
    publicKeyJwk: signer.publicKeyJwk,
    holder: { name: holderName },
    registeredAt: now,
  };
}

export function isKeyRegistered(ledger: readonly ChainEntry[], keyId: string): boolean {
  return ledger.some((e) => (e.kind === 'key' || e.kind === 'member') && e.keyId === keyId && e.payload?.keyId === keyId);
}

const normPem = (pem: string) => pem.replace(/\s+/g, '');

/** The certificate the ledger last recorded for a key, if any (PEM). */
export function lastMemberCertificate(ledger: readonly ChainEntry[], keyId: string): string | null {
  for (let i = ledger.length - 1; i >= 0; i--) {
    const e = ledger[i]!;
    if (e.kind === 'member' && e.keyId === keyId && typeof e.payload?.certificate === 'string') return e.payload.certificate;
  }
  return null;
}

export function memberPayload(signer: Signer, certificatePem: string, now: string): MemberPayload {
  return { type: MEMBER_TYPE, schemaVersion: DISCLOSURE_SCHEMA_VERSION, keyId: signer.keyId, certificate: certificatePem.trim(), registeredAt: now };
}

export async function sealEntry(
  tail: { seq: number; hash: string } | null,
  kind: LedgerKind,
  payload: Record<string, unknown>,
  signer: Signer,
): Promise<LedgerEntry> {
  const seq = tail ? tail.seq + 1 : 0;
  const prevHash = tail ? tail.hash : GENESIS_HASH;
  const payloadHash = await payloadHashOf(payload);
  const hash = await entryHashOf({ seq, kind, payloadHash, prevHash, keyId: signer.keyId });
  const signature = await signer.sign(fromHex(hash));
  return { seq, kind, payload, prevHash, hash, signature, keyId: signer.keyId };
}

/** Seals entries after the end of a ledger, registering the signer's public key first if the ledger lacks it. */
export async function sealAfter(
  ledger: readonly ChainEntry[],
  items: { kind: LedgerKind; payload: Record<string, unknown> }[],
  signer: Signer,
  holderName: string,
  now: string,
  /** the signer's member certificate (PEM): entered before the items when the ledger does not hold it yet */
  certificatePem: string | null = null,
): Promise<LedgerEntry[]> {
  // a fork (entries sealed apart on two machines) is joined by a merge entry before anything else is added;
  // the signer's key or member entry comes first, so the merge is signed by a key the ledger already knows
  let heads: { seq: number; hash: string }[] = ledgerHeads(ledger);
  const pre: { kind: LedgerKind; payload: Record<string, unknown> }[] = [];
  if (certificatePem) {
    const known = lastMemberCertificate(ledger, signer.keyId);
    if (!known || normPem(known) !== normPem(certificatePem)) {
      pre.push({ kind: 'member', payload: memberPayload(signer, certificatePem, now) as unknown as Record<string, unknown> });
    }
  } else if (!isKeyRegistered(ledger, signer.keyId)) {
    pre.push({ kind: 'key', payload: keyPayload(signer, holderName, now) as unknown as Record<string, unknown> });
  }
  const out: LedgerEntry[] = [];
  const seal = async (tail: { seq: number; hash: string } | null, kind: LedgerKind, payload: Record<string, unknown>) => {
    const e = await sealEntry(tail, kind, payload, signer);
    out.push(e);
    return e;
  };
  for (const it of pre) {
    const tail = heads.length ? mergeTail(heads) : null;
    const e = await seal(tail, it.kind, it.payload);
    heads = [...heads.filter((h) => h !== tail), e];
  }
  if (heads.length > 1) heads = [await seal(mergeTail(heads), 'merge', mergePayload(heads) as unknown as Record<string, unknown>)];
  for (const it of items) heads = [await seal(heads[0] ?? null, it.kind, it.payload)];
  return out;
}

export type EntryStatus =
  | 'valid'
  | 'bad-seq'
  | 'bad-link'
  | 'bad-payload-hash'
  | 'bad-hash'
  | 'bad-key-entry'
  | 'bad-member-entry'
  | 'unsigned'
  | 'unknown-key'
  | 'untrusted-key'
  | 'bad-signature';

export interface KeyInfo {
  keyId: string;
  jwk: PublicKeyJwk;
  holder: string | null;
  /** seq of the key entry that registered it; null for a key given by the verifier only */
  seq: number | null;
  trusted: boolean;
}

export interface ChainReport {
  ok: boolean;
  entries: { seq: number; kind: string; status: EntryStatus; detail: string }[];
  problems: string[];
  keys: Record<string, KeyInfo>;
  head: { seq: number; hash: string } | null;
}

export interface VerifyOptions {
  /** pinned public keys: when given, only these keys are trusted; keys registered in the chain alone are not */
  trustedKeys?: readonly PublicKeyJwk[];
}

export async function verifyChain(entries: readonly ChainEntry[], opts: VerifyOptions = {}): Promise<ChainReport> {
  const keys: Record<string, KeyInfo> = {};
  const pinned = new Set<string>();
  for (const jwk of opts.trustedKeys ?? []) {
    const keyId = await keyIdOf(jwk);
    pinned.add(keyId);
    keys[keyId] = { keyId, jwk, holder: null, seq: null, trusted: true };
  }
  const report: ChainReport['entries'] = [];
  const byHash = new Map<string, ChainEntry>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const fail = (status: EntryStatus, detail: string) => report.push({ seq: e.seq, kind: e.kind, status, detail });
    // linear or merged (ledgerMerge.ts): order, seq and links; a failed entry is not linked to afterwards
    const linkError = linkProblem(entries, i, byHash);
    if (linkError) {
      fail(linkError.includes('out of order') ? 'bad-seq' : 'bad-link', linkError);
      continue;
    }
    byHash.set(e.hash, e);
    let payloadHash: string;
    if (e.payload !== null) {
      try {
        payloadHash = await payloadHashOf(e.payload);
      } catch (err) {
        fail('bad-payload-hash', `entry ${i} payload cannot be canonicalised: ${(err as Error).message}`);
        continue;
      }
      if (e.payloadHash !== undefined && e.payloadHash !== payloadHash) {
        fail('bad-payload-hash', `entry ${i} payload does not match its payloadHash`);
        continue;
      }
    } else if (typeof e.payloadHash === 'string') {
      payloadHash = e.payloadHash;
    } else {
      fail('bad-payload-hash', `entry ${i} has neither a payload nor a payload hash`);
      continue;
    }
    const hash = await entryHashOf({ seq: e.seq, kind: e.kind, payloadHash, prevHash: e.prevHash, keyId: e.keyId });
    if (hash !== e.hash) {
      fail('bad-hash', `entry ${i} (${e.kind}) was changed after it was sealed (hash mismatch)`);
      continue;
    }
    if (!e.signature || !e.keyId) {
      fail('unsigned', `entry ${i} (${e.kind}) is not signed`);
      continue;
    }
    let key = keys[e.keyId];
    if (e.kind === 'member') {
      // integrity only: the certificate names this key and the key signed the entry; whether the certificate
      // makes its holder anyone is for the studio authority (core/studio/authority) to say
      const p = e.payload as Partial<MemberPayload> | null;
      let jwk: PublicKeyJwk | null = null;
      let holder: string | null = null;
      try {
        if (p && typeof p.certificate === 'string' && p.certificate.length < 16_384) {
          const info = await describeCertificate(p.certificate);
          if (info.keyId === e.keyId && p.keyId === e.keyId) {
            jwk = info.publicKeyJwk;
            holder = info.name;
          }
        }
      } catch {
        jwk = null;
      }
      if (!jwk) {
        fail('bad-member-entry', `entry ${i} enters a member certificate that is unreadable or is not for the key that signed it`);
        continue;
      }
      if (!(await verifySignature(jwk, fromHex(e.hash), e.signature))) {
        fail('bad-signature', `entry ${i} member certificate entry signature does not verify`);
        continue;
      }
      const trusted = opts.trustedKeys ? pinned.has(e.keyId) : true;
      keys[e.keyId] = { keyId: e.keyId, jwk, holder, seq: e.seq, trusted };
      if (!trusted) fail('untrusted-key', `entry ${i} enters key ${e.keyId}, which is not among the trusted keys`);
      else fail('valid', '');
      continue;
    }
    if (e.kind === 'key') {
      const p = e.payload as Partial<KeyPayload> | null;
      if (!p || p.keyId !== e.keyId || !isPublicKeyJwk(p.publicKeyJwk) || (await keyIdOf(p.publicKeyJwk)) !== e.keyId) {
        fail('bad-key-entry', `entry ${i} registers a key whose id does not match its public key`);
        continue;
      }
      // a key entry is signed by the key it registers (proof of possession)
      if (!(await verifySignature(p.publicKeyJwk, fromHex(e.hash), e.signature))) {
        fail('bad-signature', `entry ${i} key registration signature does not verify`);
        continue;
      }
      const trusted = opts.trustedKeys ? pinned.has(e.keyId) : true;
      keys[e.keyId] = { keyId: e.keyId, jwk: p.publicKeyJwk, holder: p.holder?.name ?? null, seq: e.seq, trusted };
      if (!trusted) fail('untrusted-key', `entry ${i} registers key ${e.keyId}, which is not among the trusted keys`);
      else fail('valid', '');
      continue;
    }
    if (!key) {
      fail('unknown-key', `entry ${i} (${e.kind}) is signed by unknown key ${e.keyId}`);
      continue;
    }
    if (!(await verifySignature(key.jwk, fromHex(e.hash), e.signature))) {
      fail('bad-signature', `entry ${i} (${e.kind}) signature by ${e.keyId} does not verify`);
      continue;
    }
    if (!key.trusted) {
      fail('untrusted-key', `entry ${i} (${e.kind}) is signed by key ${e.keyId}, which is not among the trusted keys`);
      continue;
    }
    fail('valid', '');
  }
  const problems = report.filter((r) => r.status !== 'valid').map((r) => r.detail);
  const last = entries[entries.length - 1];
  return { ok: problems.length === 0, entries: report, problems, keys, head: last ? { seq: last.seq, hash: last.hash } : null };
}
