// The C2PA pieces against c2pa-rs itself: a certificate of ours passes its certificate-profile checks, a manifest
// we write into a PNG and an MP4 validates except for trust, and any changed byte is caught by c2pa-rs.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeMp4, makePng } from '../bindFixtures.testutil';
import { createC2paCredential, caPem, type C2paCredential } from './credential';
import { c2paIntegrityFailures, readC2pa, signC2pa } from './engine';
import { c2paManifestDefinition } from './manifest';
import { useNodeC2pa } from './nodeWasm.testutil';
import type { DisclosureSummary } from '../xmpPacket';

const summary: DisclosureSummary = {
  digitalSourceType: 'compositeWithTrainedAlgorithmicMedia',
  purpose: 'deliverable',
  software: 'Previs Sandbox 0.1.0',
  ledgerHead: 'ab'.repeat(32),
  layers: [
    { layerId: 'layer-collapse', name: 'Collapse', effect: 'collapse', action: 'c2pa.created', digitalSourceType: 'algorithmicMedia', recordHash: 'cd'.repeat(32), review: 'approved', consent: 'not-required', frames: { start: 12, end: 40 } },
    { layerId: 'layer-deage', name: 'De-age', effect: 'deage', action: 'c2pa.edited', digitalSourceType: 'trainedAlgorithmicMedia', recordHash: 'ef'.repeat(32), review: 'approved', consent: 'valid', frames: null },
  ],
};

let cred: C2paCredential;
const signer = () => ({ chain: [cred.certificate], privateKey: cred.keyPair.privateKey });
const def = (name: string) => c2paManifestDefinition({ summary, fileName: name, software: 'Previs Sandbox 0.1.0' });

beforeAll(async () => {
  useNodeC2pa();
  cred = await createC2paCredential('Ada Artist');
});

describe('C2PA manifest written by c2pa-rs with a local credential', () => {
  it('PNG: valid except trust; actions and digitalSourceType as disclosed', async () => {
    const png = makePng(64, 48, 3);
    const out = await signC2pa(png, 'image/png', def('a.png'), signer());
    expect(out.length).toBeGreaterThan(png.length);
    const r = await readC2pa(out, 'image/png');
    expect(r.state).toBe('Valid');
    expect(r.failure.map((f) => f.code)).toEqual(['signingCredential.untrusted']);
    expect(c2paIntegrityFailures(r)).toEqual([]);
    expect(r.success).toEqual(expect.arrayContaining(['claimSignature.validated', 'claimSignature.insideValidity', 'assertion.dataHash.match']));
    expect(r.actions.map((a) => a.action)).toEqual(['c2pa.created', 'c2pa.placed', 'c2pa.edited', 'c2pa.placed']);
    expect(r.actions[0]!.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
    expect(r.actions[3]).toMatchObject({ layerId: 'layer-deage', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia' });
    expect(r.signer).toMatchObject({ issuer: 'Previs Sandbox', commonName: 'Ada Artist', alg: 'Es256' });
  });

  it('trusting the local CA explicitly turns Valid into Trusted', async () => {
    const out = await signC2pa(makePng(32, 32, 1), 'image/png', def('t.png'), signer());
    const r = await readC2pa(out, 'image/png', caPem(cred));
    expect(r.state).toBe('Trusted');
    expect(r.failure).toEqual([]);
    expect(r.success).toContain('signingCredential.trusted');
  });

  it('a flipped pixel byte is a dataHash mismatch', async () => {
    const out = await signC2pa(makePng(64, 48, 5), 'image/png', def('x.png'), signer());
    const bad = out.slice();
    bad[bad.length - 20]! ^= 1;
    const r = await readC2pa(bad, 'image/png');
    expect(r.state).toBe('Invalid');
    expect(c2paIntegrityFailures(r).map((f) => f.code)).toContain('assertion.dataHash.mismatch');
  });

  it('an expired credential is reported as signingCredential.expired', async () => {
    const old = await createC2paCredential('Old', { now: new Date(Date.now() - 40 * 86_400_000), days: 30 });
    const out = await signC2pa(makePng(16, 16, 2), 'image/png', def('o.png'), { chain: [old.certificate], privateKey: old.keyPair.privateKey });
    const r = await readC2pa(out, 'image/png');
    expect(r.failure.map((f) => f.code)).toContain('signingCredential.expired');
  });

  it.skipIf(!hasFfmpeg)('MP4: valid except trust (BMFF hash)', async () => {
    const mp4 = makeMp4(24, 24);
    const out = await signC2pa(mp4, 'video/mp4', def('a.mp4'), signer());
    const r = await readC2pa(out, 'video/mp4');
    expect(r.state).toBe('Valid');
    expect(r.failure.map((f) => f.code)).toEqual(['signingCredential.untrusted']);
    expect(r.success).toContain('assertion.bmffHash.match');
  });
});
