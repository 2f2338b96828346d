// The review workflow as a small state machine. Each transition is a signed, append-only event bound to the
// output hash of the record under review; re-running the layer supersedes the record and voids its approvals.
import { z } from 'zod';
import { APPROVER_ROLES, DISCLOSURE_SCHEMA_VERSION, REVIEW_ROLES, REVIEW_TYPE, type ReviewRole } from './vocab';

export const REVIEW_STATES = [
  'draft',
  'submitted',
  'approved',
  'approved-with-conditions',
  'changes-requested',
  'rejected',
  'superseded',
  'withdrawn',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ['submit', 'approve', 'approve-with-conditions', 'request-changes', 'reject', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const Id = z.string().min(1).max(128);
export const ReviewEvent = z.strictObject({
  type: z.literal(REVIEW_TYPE),
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  eventId: Id,
  recordId: Id,
  layerId: Id,
  /** the output the reviewer saw; an event for any other output is void */
  outputHash: z.string().regex(/^[0-9a-f]{64}$/),
  action: z.enum(REVIEW_ACTIONS),
  from: z.enum(REVIEW_STATES),
  to: z.enum(REVIEW_STATES),
  reviewer: z.strictObject({ name: z.string().min(1).max(256), role: z.enum(REVIEW_ROLES), keyId: z.string().max(128) }),
  at: z.string().max(64),
  note: z.string().max(10_000),
  conditions: z.string().min(1).max(10_000).nullable(),
  /** the consent the layer was linked to when the event was made */
  consentId: Id.nullable(),
});
export type ReviewEvent = z.infer<typeof ReviewEvent>;

export interface Approval {
  role: ReviewRole;
  name: string;
  at: string;
  conditions: string | null;
  /** the approver as the studio knows them (certificate e-mail) and the certificate serial; null when unchecked */
  person?: string | null;
  serial?: string | null;
}

/** Where one record's review stands: its state and the approvals gathered since it was last submitted. */
export interface ReviewProgress {
  state: ReviewState;
  approvals: Approval[];
}

/** Which actions a state allows (approval also needs an approver role). */
export const ALLOWED: Record<ReviewState, readonly ReviewAction[]> = {
  draft: ['submit', 'withdraw'],
  submitted: ['approve', 'approve-with-conditions', 'request-changes', 'reject', 'withdraw'],
  approved: ['request-changes', 'reject', 'withdraw'],
  'approved-with-conditions': ['request-changes', 'reject', 'withdraw'],
  'changes-requested': ['submit', 'reject', 'withdraw'],
  rejected: [],
  superseded: [],
  withdrawn: ['submit'],
};

export type Transition = { ok: true; next: ReviewProgress } | { ok: false; error: string };

export function applyReviewAction(
  cur: ReviewProgress,
  action: ReviewAction,
  reviewer: { name: string; role: ReviewRole; person?: string | null; serial?: string | null },
  requiredRoles: readonly ReviewRole[],
  conditions: string | null,
  at: string,
): Transition {
  if (!ALLOWED[cur.state].includes(action)) return { ok: false, error: `cannot ${action} a layer that is ${cur.state}` };
  switch (action) {
    case 'submit':
      return { ok: true, next: { state: 'submitted', approvals: [] } };
    case 'approve':
    case 'approve-with-conditions': {
      if (!APPROVER_ROLES.includes(reviewer.role)) return { ok: false, error: `the ${reviewer.role} role cannot approve` };
      if (action === 'approve-with-conditions' && !conditions?.trim()) {
        return { ok: false, error: 'an approval with conditions must state the conditions' };
      }
      if (cur.approvals.some((a) => a.role === reviewer.role)) {
        return { ok: false, error: `already approved by the ${reviewer.role}` };
      }
      const approvals = [
        ...cur.approvals,
        {
          role: reviewer.role,
          name: reviewer.name,
          at,
          conditions: action === 'approve-with-conditions' ? conditions : null,
          person: reviewer.person ?? null,
          serial: reviewer.serial ?? null,
        },
      ];
      const complete = requiredRoles.every((r) => approvals.some((a) => a.role === r));
      if (!complete) return { ok: true, next: { state: 'submitted', approvals } };
      const conditional = approvals.some((a) => a.conditions !== null);
      return { ok: true, next: { state: conditional ? 'approved-with-conditions' : 'approved', approvals } };
    }
    case 'request-changes':
      return { ok: true, next: { state: 'changes-requested', approvals: [] } };
    case 'reject':
      return { ok: true, next: { state: 'rejected', approvals: [] } };
    case 'withdraw':
      return { ok: true, next: { state: 'withdrawn', approvals: [] } };
  }
}

/** The review a new record starts in: a layer already in review goes back to submitted, not to draft. */
export function initialReviewState(previous: ReviewState | null): ReviewState {
  return previous === null || previous === 'draft' || previous === 'withdrawn' ? 'draft' : 'submitted';
}

export const isApprovedState = (s: ReviewState): boolean => s === 'approved' || s === 'approved-with-conditions';

/** Roles still missing before a submitted record is approved. */
export function awaitingRoles(p: ReviewProgress, required: readonly ReviewRole[]): ReviewRole[] {
  return required.filter((r) => !p.approvals.some((a) => a.role === r));
}
