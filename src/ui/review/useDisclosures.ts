// The review panel's view of the ledger: every generated layer's disclosure (sync, from the document) and the
// chain's verification (async WebCrypto, redone whenever the ledger changes).
import { useEffect, useMemo, useState } from 'react';
import { useProject } from '../../store/projectStore';
import { useAuthority } from '../../store/studioAuthority';
import { discloseProject, readLedger, verifyChain, type ChainReport, type LayerDisclosure, type LedgerState } from '../../core/disclosure';

export interface DisclosureView {
  layers: LayerDisclosure[];
  state: LedgerState;
  chain: ChainReport | null;
}

export function useDisclosures(): DisclosureView {
  const project = useProject((s) => s.project);
  const authority = useAuthority();
  const [chain, setChain] = useState<{ ledger: unknown; report: ChainReport } | null>(null);
  const ledger = project.ledger;
  useEffect(() => {
    let live = true;
    void (async () => {
      const report = await verifyChain(ledger);
      if (live) setChain({ ledger, report });
    })();
    return () => {
      live = false;
    };
  }, [ledger]);
  const report = chain && chain.ledger === ledger ? chain.report : null;
  const state = useMemo(() => readLedger(ledger, authority), [ledger, authority]);
  const layers = useMemo(
    () => [...discloseProject(project, state, report?.problems ?? []).values()],
    // scenes carry the layers; the ledger their records
    [project.scenes, project.sceneOrder, state, report],
  );
  return { layers, state, chain: report };
}
