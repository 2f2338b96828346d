// Test-only: a project with a collapse layer (procedural, on a building) and a de-aged plate (learned model, a
// real performer, with consent), their records, reviews and consent signed into the ledger through the
// disclosure core exactly as the store does it. The effects themselves are not run here: their outputs are
// stand-in content hashes; what the exporters need is the layers, the records and the chain.
import { createObject, createShot, newProject } from '../document/factory';
import type { EffectLayer, Plate, Project } from '../document/schema';
import { planConsent, planReview, type Actor } from '../disclosure/actions';
import { sha256Hex } from '../disclosure/crypto';
import { type Signer } from '../disclosure/crypto';
import { sealAfter } from '../disclosure/ledger';
import { createDisclosureRecord } from '../disclosure/record';
import { latestRecord, readLedger } from '../disclosure/state';
import { buildAuthority, NO_AUTHORITY } from '../studio/authority';
import { makeTestStudio, type TestMember, type TestStudio } from '../studio/testStudio.testutil';

export interface TestProject {
  project: Project;
  sceneId: string;
  cameraId: string;
  collapseId: string;
  deageId: string;
  artist: Signer;
  supervisor: Signer;
  legal: Signer;
  studio: TestStudio;
  members: { artist: TestMember; supervisor: TestMember; legal: TestMember };
  /** the SHA-256 of the signed consent document (attached as a project asset) */
  consentDocument: Uint8Array;
}

const certs = new Map<string, string>();

const NOW = '2026-11-30T05:00:00.000Z';

function layer(id: string, name: string, effect: string, targetIds: string[], learned: boolean, out: string, frames: { start: number; end: number }): EffectLayer {
  return {
    id,
    name,
    parentId: null,
    transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'effectLayer',
    effect,
    targetIds,
    params: { strength: 0.5 },
    seed: 7,
    models: [{ id: learned ? 'deage-freqsep' : 'voronoi-fracture', version: '1.0.0', sha256: 'a'.repeat(64), license: 'MIT', kind: learned ? 'learned' : 'procedural' }],
    status: 'done',
    inputHashes: {},
    output: { assetId: out, contentHash: out },
    runReport: { backend: 'wasm', adapter: null, fallbackReason: null, timingsMs: { total: 12 }, peakMemoryBytes: null, softwareVersion: '0.1.0', startedAt: NOW },
    frameRange: frames,
    intendedUse: 'may-reach-final',
    thirdPartyIp: false,
    consentId: null,
    runCount: 1,
  };
}

async function seal(p: Project, items: { kind: 'disclosure' | 'review' | 'consent'; payload: Record<string, unknown> }[], signer: Signer, holder: string): Promise<Project> {
  const entries = await sealAfter(p.ledger, items, signer, holder, NOW, certs.get(signer.keyId) ?? null);
  return { ...p, ledger: [...p.ledger, ...entries] };
}

async function record(p: Project, sceneId: string, layerId: string, author: Signer): Promise<Project> {
  const l = p.scenes[sceneId]!.objects[layerId] as EffectLayer;
  const prev = latestRecord(readLedger(p.ledger, NO_AUTHORITY), layerId)?.record ?? null;
  const rec = await createDisclosureRecord({
    project: p,
    sceneId,
    layer: l,
    author: { name: 'Ari Artist', role: 'artist', keyId: author.keyId },
    recordId: `rec-${layerId}-${(prev?.run ?? 0) + 1}`,
    now: NOW,
    previous: prev,
  });
  return seal(p, [{ kind: 'disclosure', payload: rec as unknown as Record<string, unknown> }], author, 'Ari Artist');
}

export async function review(p: Project, layerId: string, action: 'submit' | 'approve', who: Actor, signer: Signer, studio?: TestStudio): Promise<Project> {
  const authority = studio ? await buildAuthority(p.ledger, { rootPem: studio.rootPem }, { pinnedRoot: p.studio?.rootFingerprint ?? null, now: new Date(NOW) }) : NO_AUTHORITY;
  const r = planReview(p, layerId, action, who, { eventId: `ev-${p.ledger.length}`, now: NOW, note: `${action} by ${who.name}`, authority });
  if (!r.ok) throw new Error(r.error);
  return seal(p, [{ kind: 'review', payload: r.payload as unknown as Record<string, unknown> }], signer, who.name);
}

/** `approved`: every layer approved by the roles its policy asks (a deliverable may pass); else only submitted. */
export async function buildTestProject(opts: { approved: boolean; layerName?: string; studio?: TestStudio }): Promise<TestProject> {
  const studio = opts.studio ?? (await makeTestStudio('Northlight Pictures', new Date(NOW)));
  let p = newProject('Street chase', NOW);
  p = { ...p, studio: { name: studio.name, rootFingerprint: studio.fingerprint } };
  p = { ...p, settings: { ...p.settings, author: 'Ari Artist', frameOut: 48 } };
  const sceneId = p.sceneOrder[0]!;
  const building = createObject('building', { id: 'bldg-1', name: 'Corner block' });
  const camera = createObject('camera', { id: 'cam-A', name: 'A camera', transform: { position: [0, 1.7, 35], rotation: [0.12, 0, 0], scale: [1, 1, 1] } });
  const plateHash = await sha256Hex('plate pixels');
  const plate: Plate = {
    id: 'plate-1', name: 'Hero close-up plate', parentId: null,
    transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] }, visible: true, locked: false,
    type: 'plate', assetId: plateHash, mediaKind: 'video', widthPx: 1920, heightPx: 1080, frameCount: 48, fps: 24,
    rights: 'owned', depictsPerson: true, performerName: 'Ada Example',
  };
  const collapse = layer('layer-collapse', opts.layerName ?? 'Corner block collapse', 'collapse', ['bldg-1'], false, await sha256Hex('bake v1'), { start: 12, end: 40 });
  const deage = { ...layer('layer-deage', 'Ada −20 years', 'deage', ['plate-1'], true, await sha256Hex('deaged frames v1'), { start: 0, end: 48 }), consentId: 'consent-ada' };
  const shot = { ...createShot('cam-A', '1', 0, 48), id: 'shot-1' };
  const scene = p.scenes[sceneId]!;
  p = {
    ...p,
    assets: { [plateHash]: { id: plateHash, name: 'hero-plate.mp4', mime: 'video/mp4', byteLength: 12, kind: 'plate' } },
    scenes: {
      [sceneId]: {
        ...scene,
        objects: { 'bldg-1': building, 'cam-A': camera, 'plate-1': plate, 'layer-collapse': collapse, 'layer-deage': deage },
        shots: { 'shot-1': shot },
        shotOrder: ['shot-1'],
      },
    },
  };
  const members = {
    artist: await studio.enrol('Ari Artist', 'ari@northlight.example', ['artist'], { now: new Date(NOW) }),
    supervisor: await studio.enrol('Sam Supervisor', 'sam@northlight.example', ['vfx-supervisor'], { now: new Date(NOW) }),
    legal: await studio.enrol('Lee Legal', 'lee@northlight.example', ['legal'], { now: new Date(NOW) }),
  };
  for (const m of Object.values(members)) certs.set(m.signer.keyId, m.certificatePem);
  const artist = members.artist.signer;
  const supervisor = members.supervisor.signer;
  const legal = members.legal.signer;
  const consentDocument = new TextEncoder().encode('%PDF-1.4 signed consent of Ada Example (test document)');
  const docHash = await sha256Hex(consentDocument);
  p = { ...p, assets: { ...p.assets, [docHash]: { id: docHash, name: 'ada-consent.pdf', mime: 'application/pdf', byteLength: consentDocument.length, kind: 'document' } } };
  const artistA: Actor = { name: 'Ari Artist', role: 'artist', keyId: artist.keyId };
  const supA: Actor = { name: 'Sam Supervisor', role: 'vfx-supervisor', keyId: supervisor.keyId };
  const legalA: Actor = { name: 'Lee Legal', role: 'legal', keyId: legal.keyId };
  p = await record(p, sceneId, 'layer-collapse', artist);
  p = await record(p, sceneId, 'layer-deage', artist);
  const consent = planConsent(p, {
    consentId: 'consent-ada',
    performer: { name: 'Ada Example', status: 'private' },
    representative: null,
    alteration: 'de-aging',
    intendedUse: 'De-age Ada by about twenty years in the flashback close-ups of the street chase, previs and final.',
    useScope: 'may-reach-final',
    projectScope: { projectId: p.id, projectName: p.name, detail: 'Street chase, scene 1' },
    signedDate: '2026-11-01',
    signedBy: 'Ada Example',
    documentSha256: docHash,
    document: { name: 'ada-consent.pdf', mediaType: 'application/pdf', byteLength: consentDocument.length },
    expires: null,
  }, legalA, NOW, NO_AUTHORITY);
  if (!consent.ok) throw new Error(consent.error);
  p = await seal(p, [{ kind: 'consent', payload: consent.payload as unknown as Record<string, unknown> }], legal, 'Lee Legal');
  for (const id of ['layer-collapse', 'layer-deage']) p = await review(p, id, 'submit', artistA, artist, studio);
  if (opts.approved) {
    p = await review(p, 'layer-collapse', 'approve', supA, supervisor, studio);
    p = await review(p, 'layer-deage', 'approve', supA, supervisor, studio);
    p = await review(p, 'layer-deage', 'approve', legalA, legal, studio);
  }
  return { project: p, sceneId, cameraId: 'cam-A', collapseId: 'layer-collapse', deageId: 'layer-deage', artist, supervisor, legal, studio, members, consentDocument };
}
