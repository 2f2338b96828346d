// UI wrappers around the signed store actions: errors become notices, never silent.
import { editorStore } from '../../store/editorStore';
import { identityStore } from '../../store/signingKeys';
import { reviewLayer } from '../../store/effectRuns';
import type { ReviewAction } from '../../core/disclosure';

export async function runReview(layerIds: string[], action: ReviewAction, note: string, conditions: string | null): Promise<number> {
  const role = identityStore.getState().role;
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
