// window.__previs.disclosure: the signed store actions and the gate, for e2e tests and the export CLI.
// Nothing here bypasses signing or the gate; it saves tests from clicking through forms.
import { registerTestHook } from '../../testHook';
import { commitEffectRun, linkConsent, registerConsent, reviewLayer, revokeConsent } from '../../store/effectRuns';
import { identityStore } from '../../store/signingKeys';
import { projectStore } from '../../store/projectStore';
import { discloseProject, exportGate, verifyChain } from '../../core/disclosure';
import { burnDisclosureLabels, type BurnLabel } from '../../viewport/labels/burnIn';

registerTestHook('disclosure', {
  commitEffectRun,
  reviewLayer,
  registerConsent,
  revokeConsent,
  linkConsent,
  setIdentity: (name: string, role: Parameters<ReturnType<typeof identityStore.getState>['setIdentity']>[0]['role']) =>
    identityStore.getState().setIdentity({ name, role }),
  gate: (purpose: 'previs' | 'deliverable') => exportGate(projectStore.getState().project, purpose),
  verify: () => verifyChain(projectStore.getState().project.ledger),
  /** burns labels into a white test frame and returns its RGBA pixels (base64), for the burn-in pixel test */
  burnIn(labels: BurnLabel[], width: number, height: number): string {
    const c = new OffscreenCanvas(width, height);
    const g = c.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    burnDisclosureLabels(g, width, height, labels);
    const d = g.getImageData(0, 0, width, height).data;
    let bin = '';
    for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode(...d.subarray(i, i + 0x8000));
    return btoa(bin);
  },
  /** state and label of every generated layer, keyed by layer id */
  summary: () =>
    Object.fromEntries(
      [...discloseProject(projectStore.getState().project).entries()].map(([id, d]) => [
        id,
        { state: d.current && d.review ? d.review.state : 'undisclosed', label: d.label, flags: d.record?.policy.flags ?? null, blocking: d.blocking },
      ]),
    ),
});
