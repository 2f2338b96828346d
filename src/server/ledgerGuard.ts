// The server's rules for writes to a project's ledger, applied to every update before it touches the doc:
//  - append-only: an update that deletes a ledger item is refused (and the sender disconnected);
//  - every new entry must be sealed correctly (hash over its payload, seq, link and key) and signed by the
//    key of the member who sends it: a member appends only as themselves;
//  - an approval needs an approving role their certificate grants; a consent or its revocation needs a
//    consent role; a role claimed inside an entry grants nothing by itself.
// The server only verifies: it never signs and never holds a private key.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Extension } from '@hocuspocus/server';
import { LedgerEntry } from '../core/document/schema';
import { entryHashOf, payloadHashOf } from '../core/disclosure/ledger';
import { fromHex, verifySignature } from '../core/disclosure/crypto';
import { APPROVING_ROLES, CONSENT_ROLES, type StudioRole } from '../core/studio/roles';
import type { MemberContext } from './studioAuth';

const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const APPROVING_ACTIONS = new Set(['approve', 'approve-with-conditions', 'reject']);

/** The Yjs update inside a Hocuspocus message, or null for messages that carry none. */
export function updateOf(message: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d); // document name
  if (decoding.readVarUint(d) !== MESSAGE_SYNC) return null;
  if (decoding.readVarUint(d) === SYNC_STEP1) return null;
  return decoding.readVarUint8Array(d);
}

const looksLikeEntry = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { hash?: unknown }).hash === 'string' && 'prevHash' in v && 'kind' in v && 'seq' in v;

/** ID ranges (client → [clock, end)) of the items that hold ledger entries in a server doc. */
function ledgerItemRanges(doc: Y.Doc): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  let item = doc.getArray('ledger')._start;
  while (item) {
    const list = out.get(item.id.client) ?? [];
    list.push([item.id.clock, item.id.clock + item.length]);
    out.set(item.id.client, list);
    item = item.right;
  }
  return out;
}

export async function checkLedgerUpdate(doc: Y.Doc, update: Uint8Array, member: MemberContext['member'] | null): Promise<string | null> {
  const { structs, ds } = Y.decodeUpdate(update);
  // every update passes here, most of them edits that neither delete nor carry an entry: the ledger itself is read
  // only when an update does (no work in proportion to the ledger's length per edit)
  // 1. deletions: none may touch a ledger item
  if (ds.clients.size) {
    const ranges = ledgerItemRanges(doc);
    for (const [client, dels] of ds.clients) {
      const held = ranges.get(client);
      if (!held) continue;
      for (const d of dels) if (held.some(([a, b]) => d.clock < b && d.clock + d.len > a)) return 'the ledger is append-only: an update deleting a ledger entry was refused';
    }
  }
  // 2. new entries
  let have: Set<string> | null = null;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentAny)) continue;
    for (const v of s.content.arr) {
      if (!looksLikeEntry(v)) continue;
      have ??= new Set(doc.getArray<{ hash: string }>('ledger').toArray().map((e) => e.hash));
      if (have.has(v.hash as string)) continue;
      const problem = await checkEntry(v, member);
      if (problem) return problem;
    }
  }
  return null;
}

async function checkEntry(raw: Record<string, unknown>, member: MemberContext['member'] | null): Promise<string | null> {
  const parsed = LedgerEntry.safeParse(raw);
  if (!parsed.success) return `a ledger entry is malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  const e = parsed.data;
  const payloadHash = await payloadHashOf(e.payload);
  if ((await entryHashOf({ seq: e.seq, kind: e.kind, payloadHash, prevHash: e.prevHash, keyId: e.keyId })) !== e.hash) {
    return `ledger entry ${e.seq} (${e.kind}) does not match its hash`;
  }
  if (!member) return null; // an open server (no studio root) checks integrity only
  const who = `${member.name} <${member.email}>`;
  if (e.keyId !== member.keyId || !e.signature) return `${who} may only append entries signed by their own device key`;
  if (!(await verifySignature(member.publicKeyJwk, fromHex(e.hash), e.signature).catch(() => false))) {
    return `ledger entry ${e.seq} (${e.kind}) is not signed by ${who}'s key`;
  }
  const p = e.payload as Record<string, unknown>;
  const grants = (r: unknown) => typeof r === 'string' && member.roles.includes(r as StudioRole);
  if (e.kind === 'key' && p.keyId !== member.keyId) return `${who} may only register their own key`;
  if (e.kind === 'review') {
    const role = (p.reviewer as { role?: unknown } | undefined)?.role;
    if (!grants(role)) return `${who}'s certificate does not grant the ${String(role)} role this review claims`;
    if (APPROVING_ACTIONS.has(String(p.action)) && !APPROVING_ROLES.includes(role as StudioRole)) {
      return `${who} cannot ${String(p.action)}: the ${String(role)} role does not approve`;
    }
  }
  if (e.kind === 'consent' || e.kind === 'consent-revocation') {
    const role = (p.recordedBy as { role?: unknown } | undefined)?.role;
    if (!member.roles.some((r) => CONSENT_ROLES.includes(r))) return `${who} holds no role that may record or revoke consent`;
    if (!grants(role)) return `${who}'s certificate does not grant the ${String(role)} role this consent claims`;
  }
  return null;
}

export function ledgerGuard(): Extension {
  return {
    priority: 800,
    async beforeHandleMessage({ update, document, context }) {
      const u = updateOf(update);
      if (!u) return;
      const problem = await checkLedgerUpdate(document, u, (context as MemberContext | undefined)?.member ?? null);
      if (problem) {
        const err = new Error(problem) as Error & { code: number; reason: string };
        err.code = 4403;
        err.reason = `edit refused: ${problem}`;
        throw err;
      }
    },
  };
}
