import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../document/schema';
import { addObjects } from '../document/commands';
import { generateSigner, sha256Hex, type Signer } from './crypto';
import { sealAfter, type LedgerKind } from './ledger';
import { createDisclosureRecord } from './record';
import { planConsent, planReview, type Actor } from './actions';
import { buildDisclosureBundle, signBundle, verifyBundle, type DisclosureBundle } from './bundle';
import { fixtureLayer, fixtureScene } from './fixtures';
import { buildAuthority } from '../studio/authority';
import { makeTestStudio, type TestStudio } from '../studio/testStudio.testutil';

let project: Project;
let ada: Signer;
let sam: Signer;
let lee: Signer;
let ids: { collapse: string; deage: string; consent: string };
let studio: TestStudio;
const NOW = new Date('2026-12-01T00:00:00Z');
const certs = new Map<string, string>();
const trust = () => ({ rootPem: studio.rootPem });

async function append(p: Project, signer: Signer, holder: string, kind: LedgerKind, payload: object): Promise<Project> {
  const entries = await sealAfter(p.ledger, [{ kind, payload: payload as Record<string, unknown> }], signer, holder, '2026-11-30T00:00:00Z', certs.get(signer.keyId) ?? null);
  return { ...p, ledger: [...p.ledger, ...entries] };
}

async function review(p: Project, signer: Signer, who: Actor, layerId: string, action: Parameters<typeof planReview>[2], conditions?: string) {
  const authority = await buildAuthority(p.ledger, trust(), { pinnedRoot: p.studio?.rootFingerprint ?? null, now: NOW });
  const r = planReview(p, layerId, action, who, { eventId: `ev_${p.ledger.length}`, now: '2026-11-30T02:00:00Z', conditions, authority });
  if (!r.ok) throw new Error(r.error);
  return append(p, signer, who.name, 'review', r.payload);
}

beforeAll(async () => {
  studio = await makeTestStudio('Northlight', new Date('2026-11-29T00:00:00Z'));
  const members = await Promise.all([
    studio.enrol('Ada', 'ada@northlight.example', ['artist']),
    studio.enrol('Sam', 'sam@northlight.example', ['vfx-supervisor']),
    studio.enrol('Lee', 'lee@northlight.example', ['legal']),
  ]);
  for (const m of members) certs.set(m.signer.keyId, m.certificatePem);
  [ada, sam, lee] = members.map((m) => m.signer) as [Signer, Signer, Signer];
  const A: Actor = { name: 'Ada', role: 'artist', keyId: ada.keyId };
  const S: Actor = { name: 'Sam', role: 'vfx-supervisor', keyId: sam.keyId };
  const L: Actor = { name: 'Lee', role: 'legal', keyId: lee.keyId };
  const f = await fixtureScene();
  const docHash = await sha256Hex('signed consent PDF');
  let p: Project = {
    ...f.project,
    studio: { name: 'Northlight', rootFingerprint: studio.fingerprint },
    assets: { ...f.project.assets, [docHash]: { id: docHash, name: 'consent.pdf', mime: 'application/pdf', byteLength: 18, kind: 'document' } },
  };
  for (const effect of ['collapse', 'deage'] as const) {
    const layer = await fixtureLayer(f, effect);
    const record = await createDisclosureRecord({ project: p, sceneId: f.sceneId, layer, author: A, recordId: `rec_${effect}`, now: '2026-11-30T01:00:00Z', previous: null });
    p = addObjects(f.sceneId, [{ ...layer, runCount: 1 }])(p);
    p = await append(p, ada, 'Ada', 'disclosure', record);
  }
  const c = planConsent(p, {
    consentId: 'consent_jo',
    performer: { name: 'Jo Performer', status: 'private' },
    representative: null,
    alteration: 'de-aging',
    intendedUse: 'De-age by 15 years in the flashback, shots 1 and 2',
    useScope: 'may-reach-final',
    projectScope: { projectId: p.id, projectName: p.name, detail: '' },
    signedDate: '2026-11-01',
    signedBy: 'Jo Performer',
    documentSha256: docHash,
    expires: '2027-12-31',
  }, L, '2026-11-30T01:30:00Z', await buildAuthority(p.ledger, trust()));
  if (!c.ok) throw new Error(c.error);
  p = await append(p, lee, 'Lee', 'consent', c.payload);
  const scene = p.scenes[f.sceneId]!;
  p = { ...p, scenes: { ...p.scenes, [f.sceneId]: { ...scene, objects: { ...scene.objects, layer_deage: { ...scene.objects.layer_deage!, consentId: 'consent_jo' } as never } } } };
  for (const id of ['layer_collapse', 'layer_deage']) {
    p = await review(p, ada, A, id, 'submit');
    p = await review(p, sam, S, id, 'approve');
  }
  p = await review(p, lee, L, 'layer_deage', 'approve');
  project = p;
  ids = { collapse: 'layer_collapse', deage: 'layer_deage', consent: 'consent_jo' };
});


describe('disclosure bundle', () => {
  it('round-trips: built, signed, verified with per-layer approval and consent', async () => {
    const b = await signBundle(await buildDisclosureBundle(project, [ids.collapse, ids.deage]), ada);
    const r = await verifyBundle(JSON.parse(JSON.stringify(b)), { now: NOW, trust: trust() });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.signature.status).toBe('valid');
    expect(r.layers.map((l) => [l.layerId, l.reviewState, l.approved, l.consent])).toEqual([
      [ids.collapse, 'approved', true, 'not-required'],
      [ids.deage, 'approved', true, 'valid'],
    ]);
    expect(r.layers.every((l) => l.deliverableBlocking.length === 0)).toBe(true);
  });

  it('redacts what the export does not cover but still proves the chain', async () => {
    const b = await signBundle(await buildDisclosureBundle(project, [ids.collapse]), ada);
    expect(b.ledger.some((e) => e.kind === 'consent' && e.payload === null)).toBe(true);
    expect(JSON.stringify(b)).not.toContain('Jo Performer');
    const r = await verifyBundle(b, { now: NOW, trust: trust() });
    expect(r.ok).toBe(true);
    expect(r.layers).toHaveLength(1);
  });

  it('consent expiry is enforced at verification time', async () => {
    const b = await signBundle(await buildDisclosureBundle(project, [ids.deage]), ada);
    const r = await verifyBundle(b, { now: new Date('2028-01-01T00:00:00Z'), trust: trust() });
    expect(r.ok).toBe(true); // integrity holds …
    expect(r.layers[0]!.consent).toBe('expired'); // … but the layer is no longer consented
    expect(r.layers[0]!.deliverableBlocking.join()).toMatch(/expired/);
  });

  it('detects a truncated tail, a spliced layer list, a bad signature, and an unknown signer', async () => {
    const good = await signBundle(await buildDisclosureBundle(project, [ids.collapse, ids.deage]), ada);
    const truncated: DisclosureBundle = { ...good, ledger: good.ledger.slice(0, -1) };
    expect((await verifyBundle(truncated, { now: NOW, trust: trust() })).problems.join()).toMatch(/signed head/);
    const resigned = await signBundle({ ...truncated, signature: undefined }, ada);
    // even re-signed with a fixed head, dropping Lee's approval leaves the layer unapproved
    const r2 = await verifyBundle({ ...resigned, head: null }, { now: NOW, trust: trust() });
    expect(r2.ok).toBe(false);
    const spliced = { ...good, layers: good.layers.map((l) => ({ ...l, consentId: null })) };
    expect((await verifyBundle(spliced, { now: NOW, trust: trust() })).signature.status).toBe('bad-signature');
    const mallory = await generateSigner();
    const byMallory = await signBundle({ ...good, signature: undefined }, mallory);
    expect((await verifyBundle(byMallory, { now: NOW, trust: trust(), trustedKeys: [ada.publicKeyJwk, sam.publicKeyJwk, lee.publicKeyJwk] })).signature.status).toBe('unknown-key');
    const unsigned = { ...good, signature: undefined };
    expect((await verifyBundle(unsigned, { now: NOW, trust: trust() })).ok).toBe(false);
  });

  it('names a thing that is not a bundle', async () => {
    const r = await verifyBundle({ hello: 'world' });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/not a disclosure bundle/);
  });

  it('a layer whose output was changed after its record is not disclosed', async () => {
    const b = await buildDisclosureBundle(project, [ids.collapse]);
    const changed = await signBundle({ ...b, layers: b.layers.map((l) => ({ ...l, outputHash: '1'.repeat(64) })) }, ada);
    const r = await verifyBundle(changed, { now: NOW, trust: trust() });
    expect(r.ok).toBe(false);
    expect(r.layers[0]!.disclosed).toBe(false);
    expect(r.layers[0]!.approved).toBe(false);
  });
});
