// UI wrappers around the signed store actions: errors become notices, never silent.
import { editorStore } from '../../store/editorStore';
import { reviewLayer } from '../../store/effectRuns';
import type { ReviewAction, ReviewRole } from '../../core/disclosure';

/** `role`: the certificate role to act in; absent, the first approving role the certificate grants. */
export async function runReview(layerIds: string[], action: ReviewAction, note: string, conditions: string | null, role?: ReviewRole): Promise<number> {
  let done = 0;
  for (const id of layerIds) {
    try {
      await reviewLayer(id, action, { role, note, conditions });
      done++;
    } catch (e) {
      editorStore.getState().notify('error', `Review not recorded: ${(e as Error).message}`);
    }
  }
  if (layerIds.length > 1) editorStore.getState().notify('info', `${action}: ${done} of ${layerIds.length} layers recorded`);
  return done;
}

export const ACTION_LABELS: Record<ReviewAction, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  'approve-with-conditions': 'Approve with conditions',
  'request-changes': 'Request changes',
  reject: 'Reject',
  withdraw: 'Withdraw',
};
