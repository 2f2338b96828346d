// Builders of ledger payloads for the things people do: review a layer, register or revoke a consent.
// They check the action against the current ledger so nothing invalid is ever signed.
import type { Project } from '../document/schema';
import type { Authority } from '../studio/authority';
import { ConsentRecord, ConsentRevocation, isPlaceholderHash } from './consent';
import { CONSENT_FIELDS } from './consentFields';
import { firstIssueSentence } from '../util/fieldErrors';
import { effectLayersOf } from './gate';
import { applyReviewAction, ReviewEvent, type ReviewAction } from './review';
import { readLedger, takeRecord, type LedgerState } from './state';
import { layerFacts } from './status';
import { CONSENT_TYPE, DISCLOSURE_SCHEMA_VERSION, REVIEW_TYPE, REVOCATION_TYPE, type ReviewRole } from './vocab';

export interface Actor {
  name: string;
  role: ReviewRole;
  keyId: string;
}

export type Planned<T> = { ok: true; payload: T } | { ok: false; error: string };

export function planReview(
  project: Project,
  layerId: string,
  action: ReviewAction,
  reviewer: Actor,
  opts: { note?: string; conditions?: string | null; eventId: string; now: string; authority: Authority; state?: LedgerState },
): Planned<ReviewEvent> {
  const state = opts.state ?? readLedger(project.ledger, opts.authority);
  const found = effectLayersOf(project).find((l) => l.layer.id === layerId);
  if (!found) return { ok: false, error: `no effect layer ${layerId}` };
  // the review is of the take the layer shows: the event names that take's record and output
  const rs = takeRecord(state, layerFacts(found.sceneId, found.layer));
  if (!rs) return { ok: false, error: `"${found.layer.name}" has no disclosure record to review` };
  if (rs.purged) return { ok: false, error: `take ${rs.record.run} of "${found.layer.name}" was purged` };
  if (found.layer.output?.contentHash !== rs.record.output.contentHash) {
    return { ok: false, error: `"${found.layer.name}" changed since its record; re-run the effect before review` };
  }
  const conditions = action === 'approve-with-conditions' ? (opts.conditions ?? '').trim() || null : null;
  const t = applyReviewAction(rs.review, action, reviewer, rs.record.policy.approvalRoles, conditions, opts.now);
  if (!t.ok) return { ok: false, error: `"${found.layer.name}": ${t.error}` };
  const payload: ReviewEvent = {
    type: REVIEW_TYPE,
    schemaVersion: DISCLOSURE_SCHEMA_VERSION,
    eventId: opts.eventId,
    recordId: rs.record.recordId,
    layerId,
    outputHash: rs.record.output.contentHash,
    action,
    from: rs.review.state,
    to: t.next.state,
    reviewer: { name: reviewer.name, role: reviewer.role, keyId: reviewer.keyId },
    at: opts.now,
    note: opts.note ?? '',
    conditions,
    consentId: found.layer.consentId,
  };
  return { ok: true, payload: ReviewEvent.parse(payload) };
}

export type ConsentDraft = Omit<ConsentRecord, 'type' | 'schemaVersion' | 'recordedBy' | 'recordedAt'>;

export function planConsent(project: Project, draft: ConsentDraft, recorder: Actor, now: string, authority: Authority): Planned<ConsentRecord> {
  const state = readLedger(project.ledger, authority);
  if (state.consents.has(draft.consentId)) return { ok: false, error: `consent ${draft.consentId} already exists` };
  if (isPlaceholderHash(draft.documentSha256)) return { ok: false, error: 'attach the signed consent document: a placeholder hash is not a document' };
  if (!Object.values(project.assets).some((a) => a.kind === 'document' && a.id === draft.documentSha256)) {
    return { ok: false, error: 'attach the signed consent document to the project first: its hash is computed from the file' };
  }
  const r = ConsentRecord.safeParse(
    {
      ...draft,
      type: CONSENT_TYPE,
      schemaVersion: DISCLOSURE_SCHEMA_VERSION,
      recordedBy: { name: recorder.name, role: recorder.role, keyId: recorder.keyId },
      recordedAt: now,
    },
    { reportInput: true },
  );
  if (!r.success) return { ok: false, error: firstIssueSentence(r.error, CONSENT_FIELDS) };
  return { ok: true, payload: r.data };
}

export function planRevocation(project: Project, consentId: string, reason: string, recorder: Actor, now: string, authority: Authority): Planned<ConsentRevocation> {
  const c = readLedger(project.ledger, authority).consents.get(consentId);
  if (!c) return { ok: false, error: `no consent ${consentId}` };
  if (c.revocation) return { ok: false, error: `consent ${consentId} is already revoked` };
  return {
    ok: true,
    payload: ConsentRevocation.parse({
      type: REVOCATION_TYPE,
      schemaVersion: DISCLOSURE_SCHEMA_VERSION,
      consentId,
      reason,
      revokedAt: now,
      recordedBy: { name: recorder.name, role: recorder.role, keyId: recorder.keyId },
    }),
  };
}
