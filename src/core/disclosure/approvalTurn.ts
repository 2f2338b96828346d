// Whether it is this person's turn to judge a layer, and why not: one rule for the review card's buttons and the
// "needs your approval" count, so the badge never promises an approval the card would then refuse.
import { ALLOWED } from './review';
import type { LedgerState } from './state';
import type { LayerDisclosure } from './status';
import { APPROVER_ROLES, type ReviewRole } from './vocab';

/** The signed-in member as this rule needs them (core/studio/member's MemberInfo fits). */
export interface Reviewer {
  person: string;
  roles: readonly ReviewRole[];
}

/** Whether their member certificate counts right now (checked against the studio root and its CRL). */
export type Standing = { ok: true } | { ok: false; reason: string };

export interface ApprovalTurn {
  /** the role they act in: the one the layer still awaits when their certificate grants it */
  role: ReviewRole | null;
  /** why they may not judge at all (approve, reject, request changes), or null */
  judgeBlock: string | null;
  /** why they may not approve this layer, or null */
  approveBlock: string | null;
}

export function approvalTurn(d: LayerDisclosure, state: LedgerState, member: Reviewer | null, standing: Standing | null): ApprovalTurn {
  const mine = (member?.roles ?? []).filter((r) => APPROVER_ROLES.includes(r));
  const role = mine.find((r) => d.awaiting.includes(r)) ?? mine[0] ?? null;
  const rs = d.record ? state.records.get(d.record.recordId) : undefined;
  const judgeBlock = !member
    ? 'you are not an enrolled studio member (Studio panel → Enrol)'
    : !standing?.ok
      ? `your member certificate does not count: ${standing && !standing.ok ? standing.reason : 'not checked yet'}`
      : !role
        ? `your certificate grants ${member.roles.join(', ')}; approving needs ${APPROVER_ROLES.join(', ')}`
        : null;
  const approveBlock =
    judgeBlock ??
    (rs && member && rs.author === member.person
      ? 'you made this layer: someone else must approve it'
      : rs && member && rs.submitters.includes(member.person)
        ? 'you submitted this layer: someone else must approve it'
        : d.review?.approvals.some((a) => a.person === member?.person)
          ? 'you already approved this layer; each required role needs a different person'
          : null);
  return { role, judgeBlock, approveBlock };
}

/**
 * A layer needs this member's approval when its newest record is current and submitted, it still awaits a role
 * their certificate grants, and the card would let them approve it (not their own, not submitted or already
 * approved by them, certificate in good standing).
 */
export function needsApprovalFrom(d: LayerDisclosure, state: LedgerState, member: Reviewer | null, standing: Standing | null): boolean {
  if (!member || !d.current || !d.review || !ALLOWED[d.review.state].includes('approve')) return false;
  if (!member.roles.some((r) => d.awaiting.includes(r))) return false;
  return approvalTurn(d, state, member, standing).approveBlock === null;
}

export function countNeedingApproval(layers: Iterable<LayerDisclosure>, state: LedgerState, member: Reviewer | null, standing: Standing | null): number {
  let n = 0;
  for (const d of layers) if (needsApprovalFrom(d, state, member, standing)) n++;
  return n;
}
