// What one generated layer's disclosure means right now: its record, review, consent, the on-screen label,
// and what blocks it from a previs or a deliverable export. Shared by the export gate, the review panel, the
// viewport labels and the bundle verifier, so all of them always agree.
import type { EffectLayer } from '../document/schema';
import { activeTakeOf } from '../document/takes';
import { checkConsent, type ConsentCheck, type ConsentRecord } from './consent';
import type { DisclosureRecord } from './record';
import { awaitingRoles, isApprovedState, type ReviewProgress } from './review';
import { takeRecord, type LedgerState, type UncountedReview } from './state';
import type { ReviewRole } from './vocab';

/** The facts about a layer a disclosure needs; the same whether read from a project or from a bundle. */
export interface LayerFacts {
  layerId: string;
  sceneId: string;
  name: string;
  effect: string;
  status: EffectLayer['status'];
  outputHash: string | null;
  consentId: string | null;
  intendedUse: EffectLayer['intendedUse'];
  thirdPartyIp: boolean;
  /** the disclosure record of the take the layer shows; absent or null: the newest record of its output */
  takeRecordId?: string | null;
}

export function layerFacts(sceneId: string, l: EffectLayer): LayerFacts {
  return {
    layerId: l.id,
    sceneId,
    name: l.name,
    effect: l.effect,
    status: l.status,
    outputHash: l.output?.contentHash ?? null,
    consentId: l.consentId,
    intendedUse: l.intendedUse,
    thirdPartyIp: l.thirdPartyIp,
    takeRecordId: activeTakeOf(l)?.recordId ?? null,
  };
}

export type ExportPurpose = 'previs' | 'deliverable';

/**
 * Where a blocking reason is put right, so a refusal can take a person there: the review queue (approvals,
 * the ledger), the consent registry, the studio (membership and certificates behind a signature), the effect
 * itself (a re-run) or the layer's declarations in the inspector.
 */
export type FixPlace = 'review' | 'consent' | 'studio' | 'effect' | 'inspector';

export interface Blocker {
  text: string;
  fix: FixPlace | null;
}

export interface LayerDisclosure {
  facts: LayerFacts;
  /** the record of the layer's active take (its newest record for files from before takes); null when none */
  record: DisclosureRecord | null;
  /** the active take was purged: its result is gone */
  purged: boolean;
  /** every record of the layer, oldest first */
  records: DisclosureRecord[];
  /** true when the active take's record describes the layer's current output */
  current: boolean;
  review: ReviewProgress | null;
  awaiting: ReviewRole[];
  consentRequired: boolean;
  consent: ConsentCheck | null;
  consentRecord: ConsentRecord | null;
  /** signed review actions on the newest record that do not count, with why */
  uncounted: UncountedReview[];
  /** the on-screen label; null when the layer is approved (and consented where needed) */
  label: string | null;
  blocking: Record<ExportPurpose, string[]>;
  /** the same reasons, each with where it is fixed */
  blockers: Record<ExportPurpose, Blocker[]>;
}

export const LABEL_PREFIX = 'AI-GENERATED';

export interface DiscloseOptions {
  projectId: string;
  now: Date;
  /** problems from verifying the chain; any of them blocks every export */
  integrityProblems: readonly string[];
  /** SHA-256s of the signed consent documents at hand (project assets, or files given to the verifier); null: not checked */
  documents?: ReadonlySet<string> | null;
}

export function discloseLayer(facts: LayerFacts, s: LedgerState, opts: DiscloseOptions): LayerDisclosure {
  // the active take's record, never simply the newest: approving take 3 says nothing of take 4, and back
  const latest = takeRecord(s, facts);
  const records = (s.byLayer.get(facts.layerId) ?? []).map((id) => s.records.get(id)!.record);
  const record = latest?.record ?? null;
  const purged = !!latest?.purged;
  const current = !!record && !purged && facts.outputHash !== null && record.output.contentHash === facts.outputHash;
  const review = latest?.review ?? null;
  const previs: Blocker[] = [];
  const block = (list: Blocker[], fix: FixPlace) => (text: string) => list.push({ text, fix });
  if (opts.integrityProblems.length) {
    block(previs, 'review')(`the disclosure ledger fails verification: ${opts.integrityProblems.slice(0, 3).join('; ')}`);
  }
  if (facts.status !== 'done' || facts.outputHash === null) block(previs, 'effect')(`the effect has not finished (status ${facts.status})`);
  else if (!record) block(previs, 'effect')(facts.takeRecordId ? `the active take names record ${facts.takeRecordId}, which is not a record of this layer` : 'no disclosure record: the layer was not made by a recorded effect run');
  else if (purged) block(previs, 'effect')(`take ${record.run} was purged: its result is gone; make a kept take active`);
  else if (!current) block(previs, 'effect')("the layer's output changed after its disclosure record was made");

  const consentRequired = !!record?.policy.consentRequired;
  const performers = [...new Set((record?.inputs ?? []).filter((i) => i.likeness && i.performerName).map((i) => i.performerName!))];
  const scope = {
    consentId: facts.consentId,
    projectId: opts.projectId,
    performers,
    deceased: !!record?.policy.flags.deceased,
    now: opts.now,
  };
  const stored = facts.consentId ? s.consents.get(facts.consentId) : undefined;
  // a consent counts only with its signed document at hand: a hash no one can match proves nothing
  const docMissing = !!stored?.consent && !stored.unverified && !!opts.documents && !opts.documents.has(stored.consent.documentSha256);
  const facts2 = docMissing
    ? { ...stored!, unverified: `the signed consent document (SHA-256 ${stored!.consent!.documentSha256.slice(0, 16)}…) is not at hand, so its hash cannot be checked` }
    : stored;
  const consentNow = consentRequired ? checkConsent(facts2, { ...scope, use: facts.intendedUse }) : null;
  const consentFinal = consentRequired ? checkConsent(facts2, { ...scope, use: 'may-reach-final' }) : null;

  const deliverable: Blocker[] = [...previs];
  if (facts.intendedUse === 'previs-only') block(deliverable, 'inspector')('marked previs-only: it may not appear in a deliverable');
  // the signed record, not the editable layer, says what was declared and approved: a declaration changed
  // afterwards needs a new run (and so a new record and review)
  else if (record && record.intendedUse !== facts.intendedUse) {
    block(deliverable, 'effect')(`declared ${record.intendedUse} when it ran; re-run it to disclose it as ${facts.intendedUse}`);
  }
  if (record && facts.thirdPartyIp && !record.thirdPartyIpDeclared) {
    block(deliverable, 'effect')('third-party IP was declared after the run; re-run it so the record and review cover it');
  }
  const awaiting = review && record ? awaitingRoles(review, record.policy.approvalRoles) : [];
  if (record && current && review && !isApprovedState(review.state)) {
    const who = review.state === 'submitted' && awaiting.length ? ` (awaiting approval by ${awaiting.join(', ')})` : '';
    block(deliverable, 'review')(`review is ${review.state}${who}: not approved at its current output`);
    // an action that does not count is put right in the studio: membership, role or certificate of the signer
    for (const u of latest?.uncounted ?? []) block(deliverable, 'studio')(`${u.action} by ${u.name} as ${u.role} does not count: ${u.reason}`);
  }
  if (consentFinal && consentFinal.status !== 'valid') consentFinal.reasons.forEach(block(deliverable, 'consent'));

  return {
    facts,
    record,
    records,
    purged,
    current,
    review,
    awaiting,
    consentRequired,
    consent: consentNow,
    consentRecord: facts2?.consent ?? null,
    uncounted: latest?.uncounted ?? [],
    label: labelFor(current, review, consentNow),
    blocking: { previs: previs.map((b) => b.text), deliverable: deliverable.map((b) => b.text) },
    blockers: { previs, deliverable },
  };
}

function labelFor(current: boolean, review: ReviewProgress | null, consent: ConsentCheck | null): string | null {
  const parts: string[] = [];
  if (!current || !review) parts.push('UNDISCLOSED');
  else if (!isApprovedState(review.state)) {
    const words: Record<string, string> = {
      draft: 'PENDING REVIEW',
      submitted: 'PENDING REVIEW',
      'changes-requested': 'CHANGES REQUESTED',
      rejected: 'REJECTED',
      withdrawn: 'WITHDRAWN',
      superseded: 'PENDING REVIEW',
    };
    parts.push(words[review.state] ?? 'PENDING REVIEW');
  }
  if (consent && consent.status !== 'valid') parts.push('NEEDS CONSENT');
  return parts.length ? [LABEL_PREFIX, ...parts].join(' · ') : null;
}
