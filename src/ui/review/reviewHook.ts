// window.__previs.disclosure: the signed store actions and the gate, for e2e tests and the export CLI.
// Nothing here bypasses signing or the gate; it saves tests from clicking through forms.
import { registerTestHook } from '../../testHook';
import { commitEffectRun, linkConsent, registerConsent, reviewLayer, revokeConsent } from '../../store/effectRuns';
import { currentTrust, identityStore, importMemberCertificate, importRevocationList, importStudioRoot, startEnrolment } from '../../store/signingKeys';
import { adminStore, createStudio, issueMember, revokeMember } from '../../store/studioAdmin';
import { authorityNow, authorityStore } from '../../store/studioAuthority';
import { projectStore } from '../../store/projectStore';
import { discloseProject, exportGate, readLedger, verifyChain } from '../../core/disclosure';
import type { StudioRole } from '../../core/studio/roles';
import { toB64 } from '../../core/util/base64';
import { burnDisclosureLabels, type BurnLabel } from '../../viewport/labels/burnIn';

registerTestHook('disclosure', {
  commitEffectRun,
  reviewLayer,
  registerConsent,
  revokeConsent,
  linkConsent,
  /**
   * Enrols this browser's person through the real steps, with this browser as the administrator too (one
   * machine playing every part; the multi-profile e2e does it across browsers by file exchange): request →
   * issue → import, then moves the project into the studio if it is not in one.
   */
  async enrolAs(name: string, roles: StudioRole[], email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@studio.example`) {
    if (!adminStore.getState().studio) await createStudio('E2E Studio');
    const admin = adminStore.getState().studio!;
    const me = identityStore.getState();
    const same = me.member?.email === email.toLowerCase() && me.standing?.ok && me.member.roles.join() === roles.join();
    let serial = me.member?.serial ?? '';
    if (!same) {
      const req = await startEnrolment(name, email);
      const m = await issueMember(req, roles, 30);
      await importMemberCertificate(m.certificatePem, admin.rootPem);
      serial = m.serial;
    }
    const p = projectStore.getState().project;
    if (p.studio?.rootFingerprint !== admin.fingerprint) {
      projectStore.getState().execute(`Move project into ${admin.name}`, (q) => ({ ...q, studio: { name: admin.name, rootFingerprint: admin.fingerprint } }));
    }
    return { serial, rootPem: admin.rootPem };
  },
  /** resolves once the studio authority is computed for the open project's ledger (renders read it) */
  authorityReady: async () => (await authorityNow(), true),
  studio: { createStudio, issueMember, revokeMember, startEnrolment, importMemberCertificate, importStudioRoot, importRevocationList, admin: () => adminStore.getState().studio, identity: () => identityStore.getState() },
  gate: (purpose: 'previs' | 'deliverable') => exportGate(projectStore.getState().project, purpose, { trust: currentTrust() }),
  verify: () => verifyChain(projectStore.getState().project.ledger),
  /** burns labels into a white test frame and returns its RGBA pixels (base64), for the burn-in pixel test */
  burnIn(labels: BurnLabel[], width: number, height: number): string {
    const c = new OffscreenCanvas(width, height);
    const g = c.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    burnDisclosureLabels(g, width, height, labels);
    const d = g.getImageData(0, 0, width, height).data;
    return toB64(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  },
  /** state and label of every generated layer, keyed by layer id */
  summary: () =>
    Object.fromEntries(
      [...discloseProject(projectStore.getState().project, readLedger(projectStore.getState().project.ledger, authorityStore.getState().authority)).entries()].map(([id, d]) => [
        id,
        { state: d.current && d.review ? d.review.state : 'undisclosed', label: d.label, flags: d.record?.policy.flags ?? null, blocking: d.blocking },
      ]),
    ),
});
