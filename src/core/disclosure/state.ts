// Reads the ledger into the current state of every record, review and consent. Pure and synchronous: the
// signatures are checked separately (ledger.verifyChain); this replay decides what the signed facts mean.
import type { Authority } from '../studio/authority';
import { ConsentRecord, ConsentRevocation, isPlaceholderHash, type ConsentFacts } from './consent';
import type { ChainEntry, KeyPayload } from './ledger';
import { DisclosureRecord } from './record';
import { TakePurge, type PurgeFacts } from './purge';
import { APPROVER_ROLES, type ReviewRole } from './vocab';
import {
  applyReviewAction,
  initialReviewState,
  ReviewEvent,
  type ReviewProgress,
  type ReviewState,
} from './review';

export interface HistoryItem {
  seq: number;
  at: string;
  kind: 'run' | 'review' | 'superseded' | 'purge';
  recordId: string;
  who: string;
  role: string;
  text: string;
  note: string;
  /** false for an event that was signed but could not apply (wrong state, stale hash…) */
  applied: boolean;
}

export interface RecordState {
  record: DisclosureRecord;
  seq: number;
  review: ReviewProgress;
  /** the person who made the record (certificate e-mail, else the signing key) */
  author: string;
  /** the people who submitted it for review since it was made */
  submitters: string[];
  /** review actions that were signed but do not count, each with its reason (for the gate, panels, verifier) */
  uncounted: UncountedReview[];
  /** set when the take was purged: its result is gone, its record and reviews stay */
  purged: PurgeFacts | null;
}

export interface UncountedReview {
  action: string;
  name: string;
  role: string;
  person: string | null;
  serial: string | null;
  /** the signer's standing (revoked, expired, other-studio…), or role-not-granted / separation-of-duties */
  state: string;
  reason: string;
}

export interface LedgerState {
  records: Map<string, RecordState>;
  /** record ids per layer, oldest first */
  byLayer: Map<string, string[]>;
  consents: Map<string, ConsentFacts & { seq: number }>;
  keys: Map<string, { holder: string; seq: number }>;
  history: Map<string, HistoryItem[]>;
  /** payloads that did not parse, events that could not apply */
  problems: string[];
}

/** Roles that may record a performer's consent. */
export const CONSENT_RECORDER_ROLES: readonly ReviewRole[] = ['legal', 'performer-rep'];

/**
 * Replays the ledger. `authority` says who stood behind each signature (core/studio/authority); an approval,
 * rejection or consent counts only when it says a valid member whose certificate grants the role signed it.
 */
export function readLedger(entries: readonly ChainEntry[], authority: Authority): LedgerState {
  const s: LedgerState = { records: new Map(), byLayer: new Map(), consents: new Map(), keys: new Map(), history: new Map(), problems: [] };
  const hist = (layerId: string, item: HistoryItem) => {
    const list = s.history.get(layerId) ?? [];
    list.push(item);
    s.history.set(layerId, list);
  };
  for (const e of entries) {
    if (e.payload === null) continue; // redacted in a bundle: proven by hash, not read
    const where = `ledger entry ${e.seq} (${e.kind})`;
    switch (e.kind) {
      case 'key': {
        const p = e.payload as Partial<KeyPayload>;
        if (typeof p.keyId === 'string') s.keys.set(p.keyId, { holder: p.holder?.name ?? '', seq: e.seq });
        break;
      }
      case 'disclosure': {
        const r = DisclosureRecord.safeParse(e.payload);
        if (!r.success) {
          s.problems.push(`${where}: not a valid disclosure record (${r.error.issues[0]?.message ?? 'invalid'})`);
          break;
        }
        const rec = r.data;
        if (s.records.has(rec.recordId)) {
          s.problems.push(`${where}: record ${rec.recordId} appears twice`);
          break;
        }
        const ids = s.byLayer.get(rec.layerId) ?? [];
        const prevId = ids[ids.length - 1];
        const prev = prevId ? s.records.get(prevId) : undefined;
        if ((prev?.record.recordId ?? null) !== rec.supersedes) {
          s.problems.push(`${where}: record ${rec.recordId} claims to supersede ${rec.supersedes}, but the layer's last record is ${prev?.record.recordId ?? 'none'}`);
        }
        // a new run is a new take: earlier takes keep their reviews (an approval names its take's record and
        // output), and a layer already in review puts the new take straight back into review
        const start: ReviewState = prev ? initialReviewState(prev.review.state) : initialReviewState(null);
        s.records.set(rec.recordId, {
          record: rec,
          seq: e.seq,
          review: { state: start, approvals: [] },
          author: authority.personOf(e.seq, e.keyId),
          submitters: prev && start === 'submitted' ? [...prev.submitters] : [],
          uncounted: [],
          purged: null,
        });
        s.byLayer.set(rec.layerId, [...ids, rec.recordId]);
        hist(rec.layerId, item(e.seq, rec.createdAt, 'run', rec.recordId, rec.author.name, rec.author.role,
          `take ${rec.run}: ${rec.operation.effect} → ${rec.output.contentHash.slice(0, 12)}… (${start})${prev ? `; take ${prev.record.run} keeps its review (${prev.review.state})` : ''}`, ''));
        break;
      }
      case 'review': {
        const r = ReviewEvent.safeParse(e.payload);
        if (!r.success) {
          s.problems.push(`${where}: not a valid review event (${r.error.issues[0]?.message ?? 'invalid'})`);
          break;
        }
        applyEvent(s, e, r.data, hist, authority);
        break;
      }
      case 'consent': {
        const r = ConsentRecord.safeParse(e.payload);
        if (!r.success) {
          s.problems.push(`${where}: not a valid consent record (${r.error.issues[0]?.message ?? 'invalid'})`);
          break;
        }
        if (s.consents.has(r.data.consentId)) {
          s.problems.push(`${where}: consent ${r.data.consentId} appears twice`);
          break;
        }
        const st = authority.standing(e.seq, e.keyId, r.data.recordedAt);
        const claimed = r.data.recordedBy.role;
        let unverified: string | null = null;
        if (e.keyId !== r.data.recordedBy.keyId) unverified = 'it is signed by a different key than its recorder claims';
        else if (st.state !== 'valid') unverified = st.reason;
        else if (!CONSENT_RECORDER_ROLES.includes(claimed) || !st.member!.roles.includes(claimed)) {
          unverified = `${st.member!.name}'s certificate grants ${st.member!.roles.join(', ') || 'no role'}; recording consent needs ${CONSENT_RECORDER_ROLES.join(' or ')}`;
        } else if (isPlaceholderHash(r.data.documentSha256)) unverified = 'its document hash is a placeholder, not the hash of a signed document';
        s.consents.set(r.data.consentId, {
          consent: r.data,
          revocation: null,
          seq: e.seq,
          unverified,
          recordedBy: st.member ? { name: st.member.name, person: st.member.person, serial: st.member.serial } : null,
        });
        break;
      }
      case 'take-purge': {
        const r = TakePurge.safeParse(e.payload);
        if (!r.success) {
          s.problems.push(`${where}: not a valid take purge (${r.error.issues[0]?.message ?? 'invalid'})`);
          break;
        }
        applyPurge(s, e, r.data, hist, authority);
        break;
      }
      case 'consent-revocation': {
        const r = ConsentRevocation.safeParse(e.payload);
        if (!r.success) {
          s.problems.push(`${where}: not a valid consent revocation (${r.error.issues[0]?.message ?? 'invalid'})`);
          break;
        }
        const c = s.consents.get(r.data.consentId);
        if (!c) s.problems.push(`${where}: revokes unknown consent ${r.data.consentId}`);
        else if (!c.revocation) c.revocation = r.data;
        break;
      }
    }
  }
  return s;
}

function item(seq: number, at: string, kind: HistoryItem['kind'], recordId: string, who: string, role: string, text: string, note: string, applied = true): HistoryItem {
  return { seq, at, kind, recordId, who, role, text, note, applied };
}

const JUDGING = new Set(['approve', 'approve-with-conditions', 'request-changes', 'reject']);

function applyEvent(s: LedgerState, e: ChainEntry, ev: ReviewEvent, hist: (layerId: string, i: HistoryItem) => void, authority: Authority): void {
  const rs = s.records.get(ev.recordId);
  const st = authority.standing(e.seq, e.keyId, ev.at);
  const person = authority.personOf(e.seq, e.keyId);
  const refuse = (why: string, state: string | null = null) => {
    s.problems.push(`ledger entry ${e.seq} (review ${ev.action}) ignored: ${why}`);
    if (state && rs) {
      rs.uncounted.push({ action: ev.action, name: st.member?.name ?? ev.reviewer.name, role: ev.reviewer.role, person: st.member?.person ?? null, serial: st.member?.serial ?? null, state, reason: why });
    }
    hist(ev.layerId, item(e.seq, ev.at, 'review', ev.recordId, ev.reviewer.name, ev.reviewer.role, `${ev.action} ignored: ${why}`, ev.note, false));
  };
  if (!rs) return refuse(`no record ${ev.recordId}`);
  if (rs.record.layerId !== ev.layerId) return refuse('event names another layer than its record');
  if (rs.purged) return refuse(`take ${rs.record.run} was purged`);
  if (rs.record.output.contentHash !== ev.outputHash) return refuse('event is for a different output than the record');
  if (e.keyId !== ev.reviewer.keyId) return refuse('event is signed by a different key than its reviewer claims');
  if (st.member === null) {
    const holder = e.keyId ? s.keys.get(e.keyId)?.holder : undefined;
    if (holder !== undefined && holder !== ev.reviewer.name) return refuse(`key belongs to ${holder}, not ${ev.reviewer.name}`);
  }
  if (rs.review.state !== ev.from) return refuse(`event says the layer was ${ev.from}, but it was ${rs.review.state}`);
  let who: { name: string; role: ReviewRole; person: string | null; serial: string | null } = { ...ev.reviewer, person: null, serial: null };
  if (JUDGING.has(ev.action)) {
    if (st.state !== 'valid') return refuse(st.reason, st.state);
    const m = st.member!;
    if (!m.roles.includes(ev.reviewer.role)) {
      return refuse(`${m.name}'s certificate grants ${m.roles.join(', ') || 'no role'}, not ${ev.reviewer.role}`, 'role-not-granted');
    }
    who = { name: m.name, role: ev.reviewer.role, person: m.person, serial: m.serial };
    if (ev.action === 'approve' || ev.action === 'approve-with-conditions') {
      // separation of duties: whoever made or submitted the work does not approve it, and one person is one approval
      if (APPROVER_ROLES.includes(ev.reviewer.role) && person === rs.author) return refuse(`${m.name} made this layer and cannot approve it`, 'separation-of-duties');
      if (rs.submitters.includes(person)) return refuse(`${m.name} submitted this layer and cannot approve it`, 'separation-of-duties');
      const again = rs.review.approvals.find((a) => a.person === person);
      if (again) return refuse(`${m.name} already approved it as ${again.role}; each required role needs a different person`, 'separation-of-duties');
    }
  } else if (person !== rs.author && st.state !== 'valid') {
    // submitting or withdrawing: the layer's author, or an enrolled member
    return refuse(`only the layer's author or an enrolled member can ${ev.action} it (${st.reason})`);
  }
  const t = applyReviewAction(rs.review, ev.action, who, rs.record.policy.approvalRoles, ev.conditions, ev.at);
  if (!t.ok) return refuse(t.error);
  if (t.next.state !== ev.to) return refuse(`event says ${ev.to}, but the rules give ${t.next.state}`);
  rs.review = t.next;
  if (ev.action === 'submit' && !rs.submitters.includes(person)) rs.submitters.push(person);
  const cond = ev.conditions ? ` — conditions: ${ev.conditions}` : '';
  const cert = who.serial ? ` (certificate ${who.serial})` : '';
  hist(ev.layerId, item(e.seq, ev.at, 'review', ev.recordId, who.name, ev.reviewer.role, `${ev.action}: ${ev.from} → ${ev.to}${cond}${cert}`, ev.note));
}

function applyPurge(s: LedgerState, e: ChainEntry, p: TakePurge, hist: (layerId: string, i: HistoryItem) => void, authority: Authority): void {
  const rs = s.records.get(p.recordId);
  const refuse = (why: string) => {
    s.problems.push(`ledger entry ${e.seq} (take purge) ignored: ${why}`);
    hist(p.layerId, item(e.seq, p.at, 'purge', p.recordId, p.by.name, p.by.role, `purge of take ${p.take} ignored: ${why}`, p.reason, false));
  };
  if (!rs) return refuse(`no record ${p.recordId}`);
  if (rs.record.layerId !== p.layerId || rs.record.run !== p.take || rs.record.output.contentHash !== p.outputHash) {
    return refuse('it names another layer, take or output than its record');
  }
  if (e.keyId !== p.by.keyId) return refuse('it is signed by a different key than it claims');
  if (rs.purged) return refuse(`take ${p.take} was already purged`);
  rs.purged = { seq: e.seq, at: p.at, by: authority.personOf(e.seq, e.keyId) || p.by.name, reason: p.reason };
  hist(p.layerId, item(e.seq, p.at, 'purge', p.recordId, p.by.name, p.by.role, `take ${p.take} purged: its result was freed; its record and reviews stay`, p.reason));
}

/**
 * The record of the take a layer shows. With the take's record id (from the project or a bundle) that record,
 * if it is this layer's; without one (files from before takes) the newest record of the layer's output.
 */
export function takeRecord(s: LedgerState, facts: { layerId: string; outputHash: string | null; takeRecordId?: string | null }): RecordState | null {
  const ids = s.byLayer.get(facts.layerId) ?? [];
  if (facts.takeRecordId) return ids.includes(facts.takeRecordId) ? (s.records.get(facts.takeRecordId) ?? null) : null;
  for (let i = ids.length - 1; i >= 0; i--) {
    const rs = s.records.get(ids[i]!);
    if (rs && rs.record.output.contentHash === facts.outputHash) return rs;
  }
  return latestRecord(s, facts.layerId);
}

/** The newest record of a layer, if any. */
export function latestRecord(s: LedgerState, layerId: string): RecordState | null {
  const ids = s.byLayer.get(layerId);
  const id = ids?.[ids.length - 1];
  return id ? (s.records.get(id) ?? null) : null;
}
