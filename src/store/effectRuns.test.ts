import { beforeEach, describe, expect, it } from 'vitest';
import { projectStore } from './projectStore';
import { currentTrust, importMemberCertificate, startEnrolment } from './signingKeys';
import { adminStore, createStudio, issueMember } from './studioAdmin';
import type { ReviewRole } from '../core/disclosure/vocab';
import { commitEffectRun, linkConsent, registerConsent, reviewLayer, revokeConsent } from './effectRuns';
import { fixtureLayer, fixtureScene, type FixtureScene } from '../core/disclosure/fixtures';
import { discloseProject, exportGate, projectAuthority, readLedger, verifyChain } from '../core/disclosure';
import { sha256Hex } from '../core/disclosure/crypto';

let f: FixtureScene;
/** Enrols a person through the real steps (request → issued certificate → import); the same e-mail is one person. */
async function as(name: string, role: ReviewRole): Promise<void> {
  const req = await startEnrolment(name, `${name.split(' ')[0]!.toLowerCase()}@northlight.example`);
  const m = await issueMember(req, [role], 30);
  await importMemberCertificate(m.certificatePem, adminStore.getState().studio!.rootPem);
}

beforeEach(async () => {
  if (!adminStore.getState().studio) await createStudio('Northlight');
  const admin = adminStore.getState().studio!;
  f = await fixtureScene();
  projectStore.getState().load({ ...f.project, studio: { name: admin.name, rootFingerprint: admin.fingerprint } });
  await as('Ada Artist', 'artist');
});

const layerOf = (id: string) => projectStore.getState().project.scenes[f.sceneId]!.objects[id];
const authority = () => projectAuthority(projectStore.getState().project, currentTrust());
const disclosure = async (id: string) => discloseProject(projectStore.getState().project, readLedger(projectStore.getState().project.ledger, await authority())).get(id)!;
const gateFor = (purpose: 'previs' | 'deliverable') => exportGate(projectStore.getState().project, purpose, { trust: currentTrust() });

describe('commitEffectRun', () => {
  it('adds the layer and its signed record in one undo step; undo removes both', async () => {
    const layer = await fixtureLayer(f, 'collapse');
    const { record } = await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse tower' });
    const s = projectStore.getState();
    expect(s.history.past.length).toBe(1);
    expect(layerOf(layer.id)).toMatchObject({ id: layer.id, runCount: 1 });
    expect(s.project.ledger.map((e) => e.kind)).toEqual(['member', 'disclosure']);
    expect(s.project.ledger[1]!.payload).toEqual(record);
    expect((await verifyChain(s.project.ledger)).ok).toBe(true);
    expect((await disclosure(layer.id)).review!.state).toBe('draft');
    expect((await disclosure(layer.id)).label).toBe('AI-GENERATED · PENDING REVIEW');
    projectStore.getState().undo();
    expect(layerOf(layer.id)).toBeUndefined();
    expect(projectStore.getState().project.ledger).toEqual([]);
  });

  it('enters the run\'s output assets in the same undo step as the layer', async () => {
    const layer = await fixtureLayer(f, 'collapse');
    const asset = { id: layer.output!.assetId, name: 'tower collapse bake', mime: 'application/x-previs-bake', byteLength: 1234, kind: 'bake' as const };
    await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse tower', assets: [asset] });
    const s = projectStore.getState();
    expect(s.history.past.length).toBe(1);
    expect(s.project.assets[asset.id]).toEqual(asset);
    projectStore.getState().undo();
    expect(projectStore.getState().project.assets[asset.id]).toBeUndefined();
    expect(layerOf(layer.id)).toBeUndefined();
  });

  it('refuses an unfinished layer and changes nothing', async () => {
    const layer = { ...(await fixtureLayer(f, 'collapse')), status: 'running' as const };
    await expect(commitEffectRun({ sceneId: f.sceneId, layer, label: 'x' })).rejects.toThrow(/not finished/);
    expect(projectStore.getState().project.ledger).toEqual([]);
  });

  it('approval is bound to the take: a re-run makes a new, unapproved take and sends the layer back to submitted', async () => {
    const layer = await fixtureLayer(f, 'collapse');
    await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse' });
    await reviewLayer(layer.id, 'submit', { note: 'ready' });
    await as('Sam Super', 'vfx-supervisor');
    await reviewLayer(layer.id, 'approve', { note: 'good' });
    expect((await disclosure(layer.id)).review!.state).toBe('approved');
    expect((await disclosure(layer.id)).label).toBeNull();
    let gate = await gateFor('deliverable');
    expect(gate.ok).toBe(true);
    expect(gate.allowed.map((a) => a.layer.id)).toEqual([layer.id]);

    await as('Ada Artist', 'artist');
    const rerun = await fixtureLayer(f, 'collapse', 2);
    expect(rerun.output!.contentHash).not.toBe(layer.output!.contentHash);
    const { record } = await commitEffectRun({ sceneId: f.sceneId, layer: rerun, label: 'Re-run collapse' });
    expect(record.run).toBe(2);
    expect(record.supersedes).not.toBeNull();
    const d = (await disclosure(layer.id));
    expect(d.review!.state).toBe('submitted');
    expect(d.review!.approvals).toEqual([]);
    expect(d.records).toHaveLength(2);
    const state = readLedger(projectStore.getState().project.ledger, await authority());
    // the earlier take keeps its own approval (it says nothing of the new take)
    expect(state.records.get(record.supersedes!)!.review.state).toBe('approved');
    gate = await gateFor('deliverable');
    expect(gate.ok).toBe(false);
    expect(gate.refusals[0]!.reasons.join()).toMatch(/review is submitted/);
    // previs exports still carry it, with its records
    const previs = await gateFor('previs');
    expect(previs.ok).toBe(true);
    expect(previs.allowed[0]!.records).toHaveLength(2);
  });

  it('an approval signed for an old output cannot be replayed onto the new one', async () => {
    const layer = await fixtureLayer(f, 'collapse');
    await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse' });
    // someone swaps the layer's output by hand, bypassing commitEffectRun
    const other = await sha256Hex('hand-made output');
    projectStore.getState().execute('hack', (p) => {
      const o = p.scenes[f.sceneId]!.objects[layer.id]!;
      return { ...p, scenes: { ...p.scenes, [f.sceneId]: { ...p.scenes[f.sceneId]!, objects: { ...p.scenes[f.sceneId]!.objects, [layer.id]: { ...o, output: { assetId: other, contentHash: other } } as typeof o } } } };
    });
    const gate = await gateFor('previs');
    expect(gate.refusals[0]!.reasons.join()).toMatch(/output changed after its disclosure record/);
    await expect(reviewLayer(layer.id, 'submit')).rejects.toThrow(/changed since its record/);
    expect((await disclosure(layer.id)).label).toBe('AI-GENERATED · UNDISCLOSED');
  });

  it('a likeness layer needs valid consent; revoking it blocks the deliverable again', async () => {
    const layer = await fixtureLayer(f, 'deage');
    await commitEffectRun({ sceneId: f.sceneId, layer, label: 'De-age' });
    await reviewLayer(layer.id, 'submit');
    await as('Sam Super', 'vfx-supervisor');
    await reviewLayer(layer.id, 'approve');
    expect((await disclosure(layer.id)).review!.state).toBe('submitted'); // legal still to approve
    expect((await disclosure(layer.id)).awaiting).toEqual(['legal']);
    await as('Lee Legal', 'legal');
    await reviewLayer(layer.id, 'approve-with-conditions', { conditions: 'credit the performer' });
    expect((await disclosure(layer.id)).review!.state).toBe('approved-with-conditions');
    let gate = await gateFor('deliverable');
    expect(gate.ok).toBe(false);
    expect(gate.refusals[0]!.reasons.join()).toMatch(/needs consent: no consent record is linked/);
    expect((await disclosure(layer.id)).label).toBe('AI-GENERATED · NEEDS CONSENT');

    const consentId = await registerConsent(
      {
        performer: { name: 'Jo Performer', status: 'private' },
        representative: null,
        alteration: 'de-aging',
        intendedUse: 'De-age Jo by about 15 years in the flashback shots 1–2 of this film',
        useScope: 'may-reach-final',
        projectScope: { projectId: f.project.id, projectName: f.project.name, detail: 'flashback' },
        signedDate: '2026-11-01',
        signedBy: 'Jo Performer',
        documentSha256: await sha256Hex('the signed PDF'),
        expires: null,
      },
      [{ sceneId: f.sceneId, layerId: layer.id }],
      { document: { id: await sha256Hex('the signed PDF'), name: 'consent.pdf', mime: 'application/pdf', byteLength: 14, kind: 'document' } },
    );
    expect(layerOf(layer.id)).toMatchObject({ consentId });
    gate = await gateFor('deliverable');
    expect(gate.refusals).toEqual([]);
    expect(gate.allowed[0]!.consent!.check.status).toBe('valid');
    expect((await disclosure(layer.id)).label).toBeNull();

    await revokeConsent(consentId, 'performer withdrew');
    gate = await gateFor('deliverable');
    expect(gate.ok).toBe(false);
    expect(gate.refusals[0]!.reasons.join()).toMatch(/consent was revoked/);
    expect((await disclosure(layer.id)).label).toBe('AI-GENERATED · NEEDS CONSENT');
    expect((await verifyChain(projectStore.getState().project.ledger)).ok).toBe(true);
    linkConsent(f.sceneId, layer.id, null);
    expect((await disclosure(layer.id)).consent!.status).toBe('missing');
  });

  it('refuses invalid review actions without writing anything', async () => {
    const layer = await fixtureLayer(f, 'collapse');
    await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse' });
    const reviews = () => projectStore.getState().project.ledger.filter((e) => e.kind === 'review').length;
    await as('Sam Super', 'vfx-supervisor');
    await expect(reviewLayer(layer.id, 'approve')).rejects.toThrow(/cannot approve a layer that is draft/);
    await as('Ada Artist', 'artist');
    await reviewLayer(layer.id, 'submit');
    await expect(reviewLayer(layer.id, 'approve')).rejects.toThrow(/needs the vfx-supervisor or producer or legal role; your certificate grants artist/);
    await expect(reviewLayer(layer.id, 'approve', { role: 'legal' })).rejects.toThrow(/does not grant the legal role/);
    expect(reviews()).toBe(1);
  });

  it('two effects finishing at once both land, in a valid chain', async () => {
    const a = await fixtureLayer(f, 'collapse');
    const b = await fixtureLayer(f, 'deage');
    await Promise.all([
      commitEffectRun({ sceneId: f.sceneId, layer: a, label: 'A' }),
      commitEffectRun({ sceneId: f.sceneId, layer: b, label: 'B' }),
    ]);
    const p = projectStore.getState().project;
    expect(p.ledger.filter((e) => e.kind === 'disclosure')).toHaveLength(2);
    expect((await verifyChain(p.ledger)).ok).toBe(true);
  });

  it('waits for an open gesture rather than joining it', async () => {
    projectStore.getState().beginGesture('drag');
    const layer = await fixtureLayer(f, 'collapse');
    const done = commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse' });
    await new Promise((r) => setTimeout(r, 20));
    expect(layerOf(layer.id)).toBeUndefined();
    projectStore.getState().endGesture();
    await done;
    expect(layerOf(layer.id)).toBeDefined();
  });
});
