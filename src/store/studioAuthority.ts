// The app's one reading of who may approve: the open project's ledger judged against the studio root and
// revocation lists this person holds (never a root carried in the project). Recomputed off the render path
// whenever the ledger, the project's studio pin or the person's trust changes; panels, labels and renders read it.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { NO_AUTHORITY, type Authority } from '../core/studio/authority';
import { projectAuthority } from '../core/disclosure/gate';
import { projectStore } from './projectStore';
import { currentTrust, identityStore } from './signingKeys';

interface AuthorityState {
  authority: Authority;
  /** the ledger the authority was computed for; panels wait until it matches the project's */
  ledger: unknown;
}

export const authorityStore = createStore<AuthorityState>()(() => ({ authority: NO_AUTHORITY, ledger: null }));

export function useAuthority(): Authority {
  return useStore(authorityStore, (s) => s.authority);
}

let seq = 0;
export function recomputeAuthority(): Promise<Authority> {
  const mine = ++seq;
  const project = projectStore.getState().project;
  return projectAuthority(project, currentTrust()).then(
    (authority) => {
      if (mine === seq) authorityStore.setState({ authority, ledger: project.ledger });
      return authority;
    },
    () => {
      if (mine === seq) authorityStore.setState({ authority: NO_AUTHORITY, ledger: project.ledger });
      return NO_AUTHORITY;
    },
  );
}

/** The authority for the project as it is now (computed fresh if the cached one is for another ledger). */
export async function authorityNow(): Promise<Authority> {
  const s = authorityStore.getState();
  if (s.ledger === projectStore.getState().project.ledger) return s.authority;
  return recomputeAuthority();
}

if (typeof window !== 'undefined') {
  let last: unknown[] = [];
  const watch = () => {
    const p = projectStore.getState().project;
    const i = identityStore.getState();
    const next = [p.ledger, p.studio, i.enrolment, i.standing];
    if (next.every((v, k) => v === last[k])) return;
    last = next;
    void recomputeAuthority();
  };
  projectStore.subscribe(watch);
  identityStore.subscribe(watch);
  watch();
}
