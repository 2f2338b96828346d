// The review panel's view of the ledger: every generated layer's disclosure (sync, from the document) and the
// chain's verification (async WebCrypto, redone whenever the ledger changes).
import { useEffect, useMemo, useState } from 'react';
import { useProject } from '../../store/projectStore';
import { useIdentity } from '../../store/signingKeys';
import { discloseProject, readLedger, verifyChain, type ChainReport, type LayerDisclosure, type LedgerState } from '../../core/disclosure';

export interface DisclosureView {
  layers: LayerDisclosure[];
  state: LedgerState;
  chain: ChainReport | null;
  /** chain checked against the keys this user pinned (null when none are pinned) */
  pinned: ChainReport | null;
}

export function useDisclosures(): DisclosureView {
  const project = useProject((s) => s.project);
  const trusted = useIdentity((s) => s.trustedKeys);
  const [chain, setChain] = useState<{ ledger: unknown; report: ChainReport; pinned: ChainReport | null } | null>(null);
  const ledger = project.ledger;
  useEffect(() => {
    let live = true;
    void (async () => {
      const report = await verifyChain(ledger);
      const pinned = trusted.length ? await verifyChain(ledger, { trustedKeys: trusted }) : null;
      if (live) setChain({ ledger, report, pinned });
    })();
    return () => {
      live = false;
    };
  }, [ledger, trusted]);
  const report = chain && chain.ledger === ledger ? chain.report : null;
  const state = useMemo(() => readLedger(ledger), [ledger]);
  const layers = useMemo(
    () => [...discloseProject(project, state, report?.problems ?? []).values()],
    // scenes carry the layers; the ledger their records
    [project.scenes, project.sceneOrder, state, report],
  );
  return { layers, state, chain: report, pinned: chain && chain.ledger === ledger ? chain.pinned : null };
}
