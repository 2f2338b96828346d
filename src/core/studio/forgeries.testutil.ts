// Forgeries an attacker with the source code and no studio key (or a lesser one) can build, each from an honest
// project of bindProject.testutil. Every one must be refused by the gate, the headless deliverable export and
// `previs-verify --require-approved`, naming why.
import type { Project } from '../document/schema';
import { planConsent, planReview, type Actor } from '../disclosure/actions';
import { generateSigner, sha256Hex, type Signer } from '../disclosure/crypto';
import { sealAfter, type LedgerKind } from '../disclosure/ledger';
import { REVIEW_TYPE } from '../disclosure/vocab';
import { buildTestProject, type TestProject } from '../export/bindProject.testutil';
import { buildAuthority, NO_AUTHORITY } from './authority';
import { makeTestStudio, type TestMember } from './testStudio.testutil';

export const AT = '2026-11-30T05:00:00.000Z';

export interface Forgery {
  name: string;
  project: Project;
  /** what the refusal must say */
  reason: RegExp;
  /** the studio root the checker holds */
  rootPem: string;
  /** revocation lists the checker holds */
  crlPems?: string[];
  /** consent documents at hand (SHA-256s) */
  documents?: string[];
  /** the key the export of this project would be signed with (default: the honest artist) */
  exporter?: Signer;
}

async function append(p: Project, signer: Signer, kind: LedgerKind, payload: object, certificatePem: string | null, holder = 'x'): Promise<Project> {
  const e = await sealAfter(p.ledger, [{ kind, payload: payload as Record<string, unknown> }], signer, holder, AT, certificatePem);
  return { ...p, ledger: [...p.ledger, ...e] };
}

/** A review event exactly as the app would sign it, from the state the ledger reads to without authority checks. */
async function approve(p: Project, layerId: string, who: Actor, signer: Signer, cert: string | null, action: 'approve' | 'submit' = 'approve', rootPem?: string): Promise<Project> {
  const authority = rootPem ? await buildAuthority(p.ledger, { rootPem }, { pinnedRoot: p.studio?.rootFingerprint ?? null, now: new Date(AT) }) : NO_AUTHORITY;
  const r = planReview(p, layerId, action, who, { eventId: `forged-${p.ledger.length}`, now: AT, authority });
  if (!r.ok) throw new Error(r.error);
  return append(p, signer, 'review', r.payload, cert, who.name);
}

const member = (m: TestMember, role: Actor['role']): Actor => ({ name: m.name, role, keyId: m.signer.keyId });

/** The pending project (submitted, supervisor approved where it can be) that each forgery tries to push through. */
export async function forgeries(): Promise<{ honest: TestProject; pending: TestProject; list: Forgery[] }> {
  const pending = await buildTestProject({ approved: false });
  const studio = pending.studio;
  const honest = await buildTestProject({ approved: true, studio });
  const root = studio.rootPem;
  // the supervisor's approvals are honest in every case: what is forged is the missing legal approval
  let base = pending.project;
  base = await approve(base, pending.deageId, member(pending.members.supervisor, 'vfx-supervisor'), pending.supervisor, pending.members.supervisor.certificatePem, 'approve', root);
  base = await approve(base, pending.collapseId, member(pending.members.supervisor, 'vfx-supervisor'), pending.supervisor, pending.members.supervisor.certificatePem, 'approve', root);
  const list: Forgery[] = [];
  const legalOf = (p: Project, m: TestMember, role: Actor['role'] = 'legal') => approve(p, pending.deageId, member(m, role), m.signer, m.certificatePem, 'approve', root);

  // 1. a key that registers itself in the ledger and claims legal
  const mallory = await generateSigner();
  list.push({ name: 'a self-registered key claiming legal', project: await approve(base, pending.deageId, { name: 'Lee Legal', role: 'legal', keyId: mallory.keyId }, mallory, null), reason: /not signed by an enrolled member/, rootPem: root });

  // 2. a member whose certificate grants only artist, claiming legal
  const art2 = await studio.enrol('Art Two', 'art2@northlight.example', ['artist'], { now: new Date(AT) });
  list.push({ name: 'an artist-only member claiming legal', project: await legalOf(base, art2), reason: /certificate grants artist, not legal/, rootPem: root });

  // 3. an expired member (valid for one day in October)
  const old = await studio.enrol('Old Legal', 'old@northlight.example', ['legal'], { days: 1, now: new Date('2026-10-01T00:00:00Z') });
  list.push({ name: 'an expired member', project: await legalOf(base, old), reason: /certificate had expired when this was signed/, rootPem: root });

  // 4. a revoked member (the checker holds the revocation list)
  const gone = await studio.enrol('Gone Legal', 'gone@northlight.example', ['legal'], { now: new Date(AT) });
  const serial = (await import('./member')).describeCertificate(gone.certificatePem).then((m) => m.serial);
  const crl = await studio.crl([{ serial: await serial, date: new Date(AT) }], 7);
  list.push({ name: 'a revoked member', project: await legalOf(base, gone), reason: /certificate was revoked on 2026-11-30 \(revocation list #7\)/, rootPem: root, crlPems: [crl] });

  // 5. a member of another studio (its own root, same studio name)
  const other = await makeTestStudio(studio.name, new Date(AT));
  const outsider = await other.enrol('Lee Legal', 'lee@northlight.example', ['legal'], { now: new Date(AT) });
  list.push({ name: "a certificate from another studio's root", project: await legalOf(base, outsider), reason: /not issued by this studio's root/, rootPem: root });

  // 6. one person approving as two roles (supervisor and legal in one certificate)
  const both = await studio.enrol('Bo Both', 'bo@northlight.example', ['vfx-supervisor', 'legal'], { now: new Date(AT) });
  let twice = pending.project;
  twice = await approve(twice, pending.deageId, member(both, 'vfx-supervisor'), both.signer, both.certificatePem, 'approve', root);
  twice = await approve(twice, pending.collapseId, member(both, 'vfx-supervisor'), both.signer, both.certificatePem, 'approve', root);
  twice = await legalOf(twice, both);
  list.push({ name: 'one person approving as two roles', project: twice, reason: /Bo Both already approved it as vfx-supervisor/, rootPem: root });

  // 7. the submitter approving their own layer: a legal member re-submits after requesting changes, then approves
  const sue = await studio.enrol('Sue Legal', 'sue@northlight.example', ['legal'], { now: new Date(AT) });
  let own = base;
  const changes = planReview(own, pending.deageId, 'request-changes', member(sue, 'legal'), { eventId: 'rc', now: AT, authority: await buildAuthority(own.ledger, { rootPem: root }, { pinnedRoot: own.studio?.rootFingerprint ?? null, now: new Date(AT) }) });
  if (!changes.ok) throw new Error(changes.error);
  own = await append(own, sue.signer, 'review', changes.payload, sue.certificatePem);
  own = await approve(own, pending.deageId, member(sue, 'legal'), sue.signer, sue.certificatePem, 'submit', root);
  own = await approve(own, pending.deageId, member(pending.members.supervisor, 'vfx-supervisor'), pending.supervisor, pending.members.supervisor.certificatePem, 'approve', root);
  own = await legalOf(own, sue);
  list.push({ name: 'the submitter approving their own layer', project: own, reason: /Sue Legal submitted this layer and cannot approve it/, rootPem: root });

  // 8. a consent whose document hash was typed (no such document at hand) and one with an all-zero hash
  const lee = pending.members.legal;
  const withLegal = await legalOf(base, lee);
  for (const [label, hash, reason] of [
    ['a consent with a typed document hash', await sha256Hex('typed by hand'), /signed consent document .* is not at hand/],
    ['a consent with an all-zero document hash', '0'.repeat(64), /document hash is a placeholder/],
  ] as const) {
    const planned = hash === '0'.repeat(64) ? await sha256Hex('placeholder') : hash;
    let p: Project = { ...withLegal, assets: { ...withLegal.assets, [planned]: { id: planned, name: 'consent.pdf', mime: 'application/pdf', byteLength: 1, kind: 'document' } } };
    const c = planConsent(p, {
      consentId: `consent-${label.length}`,
      performer: { name: 'Ada Example', status: 'private' },
      representative: null,
      alteration: 'de-aging',
      intendedUse: 'De-age Ada by about twenty years in the flashback close-ups, previs and final.',
      useScope: 'may-reach-final',
      projectScope: { projectId: p.id, projectName: p.name, detail: '' },
      signedDate: '2026-11-01',
      signedBy: 'Ada Example',
      documentSha256: planned,
      expires: null,
    }, member(lee, 'legal'), AT, NO_AUTHORITY);
    if (!c.ok) throw new Error(c.error);
    // the zero hash cannot be planned in the app; an attacker writes it straight into the payload
    const payload = { ...c.payload, documentSha256: hash };
    p = await append(p, lee.signer, 'consent', payload, lee.certificatePem);
    const scene = p.scenes[pending.sceneId]!;
    const layer = scene.objects[pending.deageId]!;
    p = { ...p, scenes: { ...p.scenes, [pending.sceneId]: { ...scene, objects: { ...scene.objects, [pending.deageId]: { ...layer, consentId: payload.consentId } as typeof layer } } } };
    // the document the attacker never had: only the honest consent's document is at hand
    list.push({ name: label, project: p, reason, rootPem: root, documents: [await sha256Hex(pending.consentDocument)] });
  }

  // 9. an honest, fully approved project whose export is re-signed by someone outside the studio
  list.push({ name: 'an approved project re-signed by a non-member', project: honest.project, reason: /not signed by a current member of the studio/, rootPem: root, exporter: mallory, documents: [await sha256Hex(honest.consentDocument)] });
  return { honest, pending, list };
}

/** A role edited in the project file: the approval's payload says legal where the supervisor signed. */
export function editRoleInProject(p: Project): Project {
  const ledger = p.ledger.map((e) => (e.kind === 'review' && (e.payload as { reviewer?: { role?: string } }).reviewer?.role === 'vfx-supervisor' ? { ...e, payload: { ...e.payload, reviewer: { ...(e.payload as { reviewer: object }).reviewer, role: 'legal' } } } : e));
  return { ...p, ledger };
}

export { REVIEW_TYPE };
