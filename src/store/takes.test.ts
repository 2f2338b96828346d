// Takes in the store: a re-run keeps the earlier take, approvals stay with their take, the gate reads only the
// active take, a purge is signed and kept in the ledger. The attacks try to carry an approval to another take.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectStore } from './projectStore';
import { currentSigner, currentTrust, importMemberCertificate, startEnrolment } from './signingKeys';
import { adminStore, createStudio, issueMember } from './studioAdmin';
import type { ReviewRole } from '../core/disclosure/vocab';
import { commitEffectRun, reviewLayer } from './effectRuns';
import { purgeTake, setActiveTake } from './takes';
import { getLocalAssetBytes, putAsset } from './assets';
import { fixtureLayer, fixtureScene, type FixtureScene } from '../core/disclosure/fixtures';
import { buildDisclosureBundle, discloseProject, exportGate, projectAuthority, readLedger, sealEntry, verifyBundle, verifyChain } from '../core/disclosure';
import type { EffectLayer, LedgerEntry, Project } from '../core/document';

let f: FixtureScene;
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

const project = () => projectStore.getState().project;
const layerOf = (id: string) => project().scenes[f.sceneId]!.objects[id] as EffectLayer;
const authority = () => projectAuthority(project(), currentTrust());
const disclosure = async (id: string) => discloseProject(project(), readLedger(project().ledger, await authority())).get(id)!;
const gate = (p: Project = project()) => exportGate(p, 'deliverable', { trust: currentTrust() });

/** Take 1 run, submitted and approved by a supervisor; then take 2 run by the artist. */
async function twoTakes(): Promise<EffectLayer> {
  const layer = await fixtureLayer(f, 'collapse');
  await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse', assets: [{ id: layer.output!.assetId, name: 'bake 1', mime: 'application/x-previs-bake', byteLength: 10, kind: 'bake' }] });
  await reviewLayer(layer.id, 'submit');
  await as('Sam Super', 'vfx-supervisor');
  await reviewLayer(layer.id, 'approve');
  await as('Ada Artist', 'artist');
  const rerun = await fixtureLayer(f, 'collapse', 2);
  await commitEffectRun({ sceneId: f.sceneId, layer: rerun, label: 'Re-run collapse', assets: [{ id: rerun.output!.assetId, name: 'bake 2', mime: 'application/x-previs-bake', byteLength: 10, kind: 'bake' }] });
  return layerOf(layer.id);
}

describe('takes', () => {
  it('a re-run keeps the previous take; the approval stays with take 1; switching takes brings it back', async () => {
    const l = await twoTakes();
    expect(l.takes!.map((t) => t.n)).toEqual([1, 2]);
    expect(l.activeTake).toBe(2);
    expect(l.takes![0]!.output.contentHash).not.toBe(l.takes![1]!.output.contentHash);
    // take 2 is active and unapproved: the gate refuses although take 1 is approved
    let d = await disclosure(l.id);
    expect(d.record!.run).toBe(2);
    expect(d.review!.state).toBe('submitted');
    let g = await gate();
    expect(g.ok).toBe(false);
    expect(g.refusals[0]!.reasons.join()).toMatch(/review is submitted/);

    const steps = projectStore.getState().history.past.length;
    expect(setActiveTake(f.sceneId, l.id, 1)).toBe(true);
    expect(projectStore.getState().history.past.length).toBe(steps + 1);
    expect(layerOf(l.id).output).toEqual(l.takes![0]!.output);
    d = await disclosure(l.id);
    expect(d.record!.run).toBe(1);
    expect(d.review!.state).toBe('approved');
    expect(d.review!.approvals.map((a) => a.role)).toEqual(['vfx-supervisor']);
    g = await gate();
    expect(g.ok).toBe(true);

    setActiveTake(f.sceneId, l.id, 2);
    expect((await disclosure(l.id)).review!.state).toBe('submitted');
    expect((await gate()).ok).toBe(false);
  });

  it('approving take 2 says nothing of take 1 and is named by its record and output', async () => {
    const l = await twoTakes();
    await as('Sam Super', 'vfx-supervisor');
    await reviewLayer(l.id, 'request-changes');
    const ev = project().ledger[project().ledger.length - 1]!.payload as { recordId: string; outputHash: string };
    expect(ev.recordId).toBe(l.takes![1]!.recordId);
    expect(ev.outputHash).toBe(l.takes![1]!.output.contentHash);
    setActiveTake(f.sceneId, l.id, 1);
    expect((await disclosure(l.id)).review!.state).toBe('approved');
  });

  it('an old project (one result, no takes) reads as take 1 and its approval still counts', async () => {
    const layer = await fixtureLayer(f, 'collapse');
    await commitEffectRun({ sceneId: f.sceneId, layer, label: 'Collapse' });
    await reviewLayer(layer.id, 'submit');
    await as('Sam Super', 'vfx-supervisor');
    await reviewLayer(layer.id, 'approve');
    // the file as a build before takes wrote it
    const { takes: _t, activeTake: _a, ...old } = layerOf(layer.id);
    projectStore.getState().load({ ...project(), scenes: { ...project().scenes, [f.sceneId]: { ...project().scenes[f.sceneId]!, objects: { ...project().scenes[f.sceneId]!.objects, [layer.id]: old as EffectLayer } } } });
    expect((await gate()).ok).toBe(true);
    await as('Ada Artist', 'artist');
    await commitEffectRun({ sceneId: f.sceneId, layer: await fixtureLayer(f, 'collapse', 2), label: 'Re-run' });
    const l = layerOf(layer.id);
    expect(l.takes!.map((t) => [t.n, t.output.contentHash === layer.output!.contentHash])).toEqual([[1, true], [2, false]]);
    setActiveTake(f.sceneId, layer.id, 1);
    expect((await gate()).ok).toBe(true);
  });

  it('a purge is signed, frees the take\'s assets, and the ledger still shows the take as purged', async () => {
    const l = await twoTakes();
    const bake1 = l.takes![0]!.output.assetId;
    // the mask the take made is in this browser's store; after the purge it is gone from it
    const mask = await putAsset(new TextEncoder().encode('take 1 mask'), 'application/octet-stream');
    projectStore.getState().execute('t', (p) => ({ ...p, scenes: { ...p.scenes, [f.sceneId]: { ...p.scenes[f.sceneId]!, objects: { ...p.scenes[f.sceneId]!.objects, [l.id]: { ...l, takes: l.takes!.map((t) => (t.n === 1 ? { ...t, assets: [...t.assets, mask] } : t)) } } } } }));
    await expect(purgeTake(f.sceneId, l.id, 2)).rejects.toThrow(/active take/);
    await purgeTake(f.sceneId, l.id, 1, 'not needed');
    const p = project();
    expect(p.ledger[p.ledger.length - 1]!.kind).toBe('take-purge');
    expect((await verifyChain(p.ledger)).ok).toBe(true);
    expect(p.assets[bake1]).toBeUndefined();
    expect(await getLocalAssetBytes(mask)).toBeNull();
    expect(p.assets[l.takes![1]!.output.assetId]).toBeDefined();
    const state = readLedger(p.ledger, await authority());
    const rec1 = state.records.get(l.takes![0]!.recordId!)!;
    expect(rec1.purged).toMatchObject({ reason: 'not needed' });
    expect(rec1.review.state).toBe('approved'); // what happened to it stays readable
    expect(state.history.get(l.id)!.some((h) => h.kind === 'purge' && /take 1 purged/.test(h.text))).toBe(true);
    expect(layerOf(l.id).takes![0]!.purged).toBe(true);
    expect(setActiveTake(f.sceneId, l.id, 1)).toBe(false);
    await expect(purgeTake(f.sceneId, l.id, 1)).rejects.toThrow(/already purged/);
    // forcing a purged take active by editing the file: the gate refuses it
    const forced = { ...layerOf(l.id), activeTake: 1, output: { ...l.takes![0]!.output } };
    const pf = { ...p, scenes: { ...p.scenes, [f.sceneId]: { ...p.scenes[f.sceneId]!, objects: { ...p.scenes[f.sceneId]!.objects, [l.id]: forced } } } };
    const g = await gate(pf);
    expect(g.ok).toBe(false);
    expect(g.refusals[0]!.reasons.join()).toMatch(/take 1 was purged/);
  });
});

describe('attacks on takes', () => {
  it('take 1\'s approval replayed onto take 2 does not count', async () => {
    const l = await twoTakes();
    const approval = project().ledger.find((e) => e.kind === 'review' && e.payload.action === 'approve')!;
    const t2 = l.takes![1]!;
    // the same payload, re-pointed at take 2 and sealed by the artist (who has no approver's key)
    const replayed = { ...approval.payload, eventId: 'rev_replay', recordId: t2.recordId, outputHash: t2.output.contentHash };
    const tail = project().ledger[project().ledger.length - 1]!;
    const forged = await sealEntry(tail, 'review', replayed, await currentSigner());
    const p1 = { ...project(), ledger: [...project().ledger, forged] };
    expect((await verifyChain(p1.ledger)).ok).toBe(true); // a well-formed entry: its meaning is refused
    const g1 = await gate(p1);
    expect(g1.ok).toBe(false);
    const st = readLedger(p1.ledger, await projectAuthority(p1, currentTrust()));
    expect(st.problems.join()).toMatch(/signed by a different key than its reviewer claims/);

    // the approver's own sealed entry copied verbatim to the end of the chain
    const copied: LedgerEntry = { ...approval, seq: tail.seq + 1, prevHash: tail.hash };
    const p2 = { ...project(), ledger: [...project().ledger, copied] };
    expect((await verifyChain(p2.ledger)).ok).toBe(false);
    expect((await gate(p2)).ok).toBe(false);
  });

  it('editing the project file to point take 1\'s approval at take 2 fails verification', async () => {
    const l = await twoTakes();
    const t2 = l.takes![1]!;
    const ledger = project().ledger.map((e) =>
      e.kind === 'review' && e.payload.action === 'approve' ? { ...e, payload: { ...e.payload, recordId: t2.recordId, outputHash: t2.output.contentHash } } : e,
    );
    const p = { ...project(), ledger };
    const chain = await verifyChain(ledger);
    expect(chain.ok).toBe(false);
    expect(chain.problems.join()).toMatch(/changed after it was sealed/);
    const g = await gate(p);
    expect(g.ok).toBe(false);
    expect(g.refusals[0]!.reasons.join()).toMatch(/fails verification/);
  });

  it('pointing the active take at the approved take\'s record while showing take 2\'s output is refused', async () => {
    const l = await twoTakes();
    const t1 = l.takes![0]!;
    // activeTake says take 1 (approved) but the layer still shows take 2's result
    const forged = { ...layerOf(l.id), activeTake: 1 };
    const p = project();
    const pf = { ...p, scenes: { ...p.scenes, [f.sceneId]: { ...p.scenes[f.sceneId]!, objects: { ...p.scenes[f.sceneId]!.objects, [l.id]: forged } } } };
    const g = await gate(pf);
    expect(g.ok).toBe(false);
    expect(g.refusals[0]!.reasons.join()).toMatch(/output changed after its disclosure record/);
    // and a take whose record id is another layer's or made up is no record at all
    const made = { ...forged, takes: forged.takes!.map((t) => (t.n === 1 ? { ...t, recordId: 'rec_madeup', output: t1.output } : t)), output: t1.output };
    const pm = { ...p, scenes: { ...p.scenes, [f.sceneId]: { ...p.scenes[f.sceneId]!, objects: { ...p.scenes[f.sceneId]!.objects, [l.id]: made } } } };
    const gm = await gate(pm);
    expect(gm.ok).toBe(false);
    expect(gm.refusals[0]!.reasons.join()).toMatch(/not a record of this layer/);
  });

  it('an exported bundle names the active take; a bundle re-pointed at the approved take does not read as approved', async () => {
    const l = await twoTakes();
    setActiveTake(f.sceneId, l.id, 1);
    const bundle = await buildDisclosureBundle(project(), [l.id]);
    expect(bundle.layers[0]!.recordId).toBe(l.takes![0]!.recordId);
    const ok = await verifyBundle(bundle, { trust: currentTrust() });
    expect(ok.layers[0]).toMatchObject({ approved: true, disclosed: true, reviewState: 'approved' });
    // take 2 active, its bundle edited to name take 1's record: the output is take 2's, so nothing is approved
    setActiveTake(f.sceneId, l.id, 2);
    const b2 = await buildDisclosureBundle(project(), [l.id]);
    const forged = { ...b2, layers: [{ ...b2.layers[0]!, recordId: l.takes![0]!.recordId }] };
    const bad = await verifyBundle(forged, { trust: currentTrust() });
    expect(bad.layers[0]!.approved).toBe(false);
    expect(bad.layers[0]!.deliverableBlocking.join()).toMatch(/output changed after its disclosure record/);
  });
});
