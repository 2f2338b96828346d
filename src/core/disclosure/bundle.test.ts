import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../document/schema';
import { addObjects } from '../document/commands';
import { generateSigner, sha256Hex, type Signer } from './crypto';
import { sealAfter, type LedgerKind } from './ledger';
import { createDisclosureRecord } from './record';
import { planConsent, planReview, type Actor } from './actions';
import { buildDisclosureBundle, signBundle, verifyBundle, type DisclosureBundle } from './bundle';
import { fixtureLayer, fixtureScene } from './fixtures';

let project: Project;
let ada: Signer;
let sam: Signer;
let lee: Signer;
let ids: { collapse: string; deage: string; consent: string };

async function append(p: Project, signer: Signer, holder: string, kind: LedgerKind, payload: object): Promise<Project> {
  const entries = await sealAfter(p.ledger, [{ kind, payload: payload as Record<string, unknown> }], signer, holder, '2026-11-30T00:00:00Z');
  return { ...p, ledger: [...p.ledger, ...entries] };
}

async function review(p: Project, signer: Signer, who: Actor, layerId: string, action: Parameters<typeof planReview>[2], conditions?: string) {
  const r = planReview(p, layerId, action, who, { eventId: `ev_${p.ledger.length}`, now: '2026-11-30T02:00:00Z', conditions });
  if (!r.ok) throw new Error(r.error);
  return append(p, signer, who.name, 'review', r.payload);
}

beforeAll(async () => {
  [ada, sam, lee] = await Promise.all([generateSigner(), generateSigner(), generateSigner()]);
  const A: Actor = { name: 'Ada', role: 'artist', keyId: ada.keyId };
  const S: Actor = { name: 'Sam', role: 'vfx-supervisor', keyId: sam.keyId };
  const L: Actor = { name: 'Lee', role: 'legal', keyId: lee.keyId };
  const f = await fixtureScene();
  let p = f.project;
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
    documentSha256: await sha256Hex('signed consent PDF'),
    expires: '2027-12-31',
  }, L, '2026-11-30T01:30:00Z');
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

const NOW = new Date('2026-12-01T00:00:00Z');

describe('disclosure bundle', () => {
  it('round-trips: built, signed, verified with per-layer approval and consent', async () => {
    const b = await signBundle(await buildDisclosureBundle(project, [ids.collapse, ids.deage]), ada);
    const r = await verifyBundle(JSON.parse(JSON.stringify(b)), { now: NOW });
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
    const r = await verifyBundle(b, { now: NOW });
    expect(r.ok).toBe(true);
    expect(r.layers).toHaveLength(1);
  });

  it('consent expiry is enforced at verification time', async () => {
    const b = await signBundle(await buildDisclosureBundle(project, [ids.deage]), ada);
    const r = await verifyBundle(b, { now: new Date('2028-01-01T00:00:00Z') });
    expect(r.ok).toBe(true); // integrity holds …
    expect(r.layers[0]!.consent).toBe('expired'); // … but the layer is no longer consented
    expect(r.layers[0]!.deliverableBlocking.join()).toMatch(/expired/);
  });

  it('detects a truncated tail, a spliced layer list, a bad signature, and an unknown signer', async () => {
    const good = await signBundle(await buildDisclosureBundle(project, [ids.collapse, ids.deage]), ada);
    const truncated: DisclosureBundle = { ...good, ledger: good.ledger.slice(0, -1) };
    expect((await verifyBundle(truncated, { now: NOW })).problems.join()).toMatch(/signed head/);
    const resigned = await signBundle({ ...truncated, signature: undefined }, ada);
    // even re-signed with a fixed head, dropping Lee's approval leaves the layer unapproved
    const r2 = await verifyBundle({ ...resigned, head: null }, { now: NOW });
    expect(r2.ok).toBe(false);
    const spliced = { ...good, layers: good.layers.map((l) => ({ ...l, consentId: null })) };
    expect((await verifyBundle(spliced, { now: NOW })).signature.status).toBe('bad-signature');
    const mallory = await generateSigner();
    const byMallory = await signBundle({ ...good, signature: undefined }, mallory);
    expect((await verifyBundle(byMallory, { now: NOW, trustedKeys: [ada.publicKeyJwk, sam.publicKeyJwk, lee.publicKeyJwk] })).signature.status).toBe('unknown-key');
    const unsigned = { ...good, signature: undefined };
    expect((await verifyBundle(unsigned, { now: NOW })).ok).toBe(false);
  });

  it('names a thing that is not a bundle', async () => {
    const r = await verifyBundle({ hello: 'world' });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/not a disclosure bundle/);
  });

  it('a layer whose output was changed after its record is not disclosed', async () => {
    const b = await buildDisclosureBundle(project, [ids.collapse]);
    const changed = await signBundle({ ...b, layers: b.layers.map((l) => ({ ...l, outputHash: '1'.repeat(64) })) }, ada);
    const r = await verifyBundle(changed, { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.layers[0]!.disclosed).toBe(false);
    expect(r.layers[0]!.approved).toBe(false);
  });
});
