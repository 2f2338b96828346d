// "Needs your approval": how many layers await a role the signed-in member holds and that the review card would
// let them approve (core/disclosure/approvalTurn.ts). It follows the shared document, so a layer submitted on
// another machine shows here as soon as its ledger entry arrives.
import { useMemo } from 'react';
import { useProject } from '../../store/projectStore';
import { useAuthority } from '../../store/studioAuthority';
import { useIdentity } from '../../store/signingKeys';
import { countNeedingApproval, discloseProject, readLedger } from '../../core/disclosure';

export function useNeedingMyApproval(): number {
  const project = useProject((s) => s.project);
  const authority = useAuthority();
  const member = useIdentity((s) => s.member);
  const standing = useIdentity((s) => s.standing);
  const state = useMemo(() => readLedger(project.ledger, authority), [project.ledger, authority]);
  return useMemo(
    () => (member ? countNeedingApproval(discloseProject(project, state).values(), state, member, standing) : 0),
    // scenes carry the layers; the ledger (in state) their records
    [project.scenes, project.sceneOrder, state, member, standing],
  );
}

/** The count on the Review tab. */
export function ReviewTabBadge() {
  const n = useNeedingMyApproval();
  if (!n) return null;
  return (
    <span className="tab-badge" data-testid="needs-approval-tab" title={`${n} layer${n === 1 ? '' : 's'} need your approval`}>
      {n}
    </span>
  );
}

/** The same count in the status bar, seen whichever panel is open. */
export function NeedsApprovalStatus() {
  const n = useNeedingMyApproval();
  if (!n) return null;
  return (
    <span className="needs-approval" data-testid="needs-approval" data-count={n}>
      {n} need{n === 1 ? 's' : ''} your approval
    </span>
  );
}
