// Our binding and the C2PA manifest together: the C2PA unit is the binding's second exclusion, so the file minus
// that unit (chunk offsets read back) is exactly what we signed; stripping or breaking the C2PA manifest, or
// changing media under both, is named; a C2PA manifest someone else adds later is a note, not a failure.
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../bindBytes';
import { sealExport } from '../bindExport';
import { hasFfmpeg, makeMp4, makePng } from '../bindFixtures.testutil';
import { buildTestProject, type TestProject } from '../bindProject.testutil';
import { verifyExport } from '../bindVerify';
import { exportGate } from '../../disclosure/gate';
import { readMp4Boxes, type Mp4Box } from '../mp4Boxes';
import { readPngChunks } from '../pngChunks';
import { createC2paCredential, caPem, type C2paCredential } from './credential';
import type { CoseSigner } from './cose';
import { signC2pa, useC2paWasm } from './engine';
import { c2paManifestDefinition } from './manifest';
import { useNodeC2pa } from './nodeWasm.testutil';
import { C2PA_UUID, chunkOffsetsWithout, PNG_C2PA_CHUNK } from './units';

let tp: TestProject;
let cred: C2paCredential;
let c2pa: CoseSigner;
const fmts = ['png', ...(hasFfmpeg ? ['mp4'] : [])] as const;
const src: Record<string, Uint8Array> = {};

async function seal(bytes: Uint8Array, name: string, withC2pa = true) {
  const gate = await exportGate(tp.project, 'deliverable', { trust: { rootPem: tp.studio.rootPem } });
  return sealExport({ project: tp.project, trust: { rootPem: tp.studio.rootPem }, gate, bytes, fileName: name, signer: tp.artist, software: 'Previs Sandbox 0.1.0', c2pa: withC2pa ? c2pa : null });
}

function c2paUnit(bytes: Uint8Array): { start: number; size: number } {
  if (bytes[0] === 0x89) return readPngChunks(bytes).find((c) => c.type === PNG_C2PA_CHUNK)!;
  return readMp4Boxes(bytes).find((b) => b.uuid === C2PA_UUID)!;
}

function stripUnit(bytes: Uint8Array, u: { start: number; size: number }): Uint8Array {
  return concatBytes([bytes.subarray(0, u.start), bytes.subarray(u.start + u.size)]);
}

function findBoxes(bs: Mp4Box[], types: string[]): Mp4Box[] {
  return bs.flatMap((b) => [...(types.includes(b.type) ? [b] : []), ...(b.children ? findBoxes(b.children, types) : [])]);
}

beforeAll(async () => {
  useNodeC2pa();
  tp = await buildTestProject({ approved: true });
  cred = await createC2paCredential('Bind Test');
  c2pa = { chain: [cred.certificate], privateKey: cred.keyPair.privateKey };
  src.png = makePng(64, 48, 7);
  if (hasFfmpeg) src.mp4 = makeMp4(24, 24);
}, 60_000);

describe.each(fmts)('%s with a C2PA manifest', (fmt) => {
  it('removing the C2PA unit (and moving chunk offsets back) gives back exactly the bytes it was added to', async () => {
    const before = (await seal(src[fmt]!, `a.${fmt}`, false)).bytes;
    const def = c2paManifestDefinition({ summary: { digitalSourceType: 'digitalCreation', purpose: 'previs', software: 'x', ledgerHead: '', layers: [] }, fileName: `a.${fmt}`, software: 'Previs Sandbox 0.1.0' });
    const after = await signC2pa(before, fmt === 'png' ? 'image/png' : 'video/mp4', def, c2pa);
    const u = c2paUnit(after);
    let back = stripUnit(after, u);
    if (fmt === 'mp4') {
      for (const b of findBoxes(readMp4Boxes(back), ['stco', 'co64'])) back.set(chunkOffsetsWithout(back.subarray(b.start, b.start + b.size), b.type as 'stco', b.headerSize, u.start, u.size), b.start);
    }
    expect(back).toEqual(before);
  });

  it('verifies, announced, Valid with only signingCredential.untrusted; Trusted with the local CA as anchor', async () => {
    const s = await seal(src[fmt]!, `a.${fmt}`);
    const v = await verifyExport(`a.${fmt}`, s.bytes);
    expect(v.problems).toEqual([]);
    expect(v.c2pa).toMatchObject({ announced: true, unreadable: null, report: { state: 'Valid' } });
    expect(v.c2pa!.report!.failure.map((f) => f.code)).toEqual(['signingCredential.untrusted']);
    expect(v.notes.join('\n')).toMatch(/signingCredential\.untrusted.*no CA on the C2PA trust list/);
    const actions = v.c2pa!.report!.actions;
    expect(actions.filter((a) => a.action === 'c2pa.placed').map((a) => a.layerId).sort()).toEqual(['layer-collapse', 'layer-deage']);
    expect(actions[0]!.action).toBe('c2pa.created');
    const t = await verifyExport(`a.${fmt}`, s.bytes, { c2paTrustAnchorsPem: caPem(cred) });
    expect(t.c2pa!.report!.state).toBe('Trusted');
    expect(t.ok).toBe(true);
  });

  it('a stripped C2PA unit fails: the binding announced it', async () => {
    const s = await seal(src[fmt]!, `a.${fmt}`);
    const v = await verifyExport(`a.${fmt}`, stripUnit(s.bytes, c2paUnit(s.bytes)));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/C2PA manifest store .* is missing: stripped/);
  });

  it('a flipped byte inside the C2PA manifest fails as an invalid C2PA manifest, nothing else', async () => {
    const s = await seal(src[fmt]!, `a.${fmt}`);
    const u = c2paUnit(s.bytes);
    const t = s.bytes.slice();
    // inside the COSE signature's bytes near the end of the store (before any trailing pad)
    t[u.start + Math.floor(u.size / 3)]! ^= 0x01;
    if (fmt === 'png') {
      // keep the chunk CRC right so only C2PA can notice
      const { crc32 } = await import('../pngChunks');
      const c = crc32(t.subarray(u.start + 4, u.start + u.size - 4));
      new DataView(t.buffer).setUint32(u.start + u.size - 4, c);
    }
    const v = await verifyExport(`a.${fmt}`, t);
    expect(v.ok).toBe(false);
    expect(v.problems.length).toBe(1);
    expect(v.problems[0]).toMatch(/C2PA manifest (invalid|store .* is unreadable)/);
  });

  it('changed media fails both our binding and the C2PA hard binding', async () => {
    const s = await seal(src[fmt]!, `a.${fmt}`);
    const t = s.bytes.slice();
    const media = fmt === 'png' ? readPngChunks(t).find((c) => c.type === 'IDAT')! : readMp4Boxes(t).find((b) => b.type === 'mdat')!;
    t[media.start + 40]! ^= 0x01;
    if (fmt === 'png') {
      const { crc32 } = await import('../pngChunks');
      new DataView(t.buffer).setUint32(media.start + media.size - 4, crc32(t.subarray(media.start + 4, media.start + media.size - 4)));
    }
    const v = await verifyExport(`a.${fmt}`, t);
    const text = v.problems.join('\n');
    expect(text).toMatch(fmt === 'png' ? /IDAT\[0\] \(pixel data\) changed/ : /mdat \(media data\) changed/);
    expect(text).toMatch(fmt === 'png' ? /C2PA manifest invalid .*assertion\.dataHash\.mismatch/ : /C2PA manifest invalid .*assertion\.bmffHash\.mismatch/);
  });

  it('a C2PA manifest added later by someone else is a note; our binding still holds', async () => {
    const s = await seal(src[fmt]!, `a.${fmt}`, false);
    const def = c2paManifestDefinition({ summary: { digitalSourceType: 'digitalCreation', purpose: 'previs', software: 'x', ledgerHead: '', layers: [] }, fileName: 'later', software: 'Someone Else 1.0' });
    const later = await signC2pa(s.bytes, fmt === 'png' ? 'image/png' : 'video/mp4', def, c2pa);
    const v = await verifyExport(`a.${fmt}`, later);
    expect(v.problems).toEqual([]);
    expect(v.c2pa!.announced).toBe(false);
    expect(v.notes.join('\n')).toMatch(/does not announce was added/);
  });
});

describe('hosts and files without our disclosure', () => {
  it('a C2PA-only PNG is undisclosed for us, with the C2PA report attached', async () => {
    const def = c2paManifestDefinition({ summary: { digitalSourceType: 'digitalCreation', purpose: 'previs', software: 'x', ledgerHead: '', layers: [] }, fileName: 'c.png', software: 'Previs Sandbox 0.1.0' });
    const only = await signC2pa(makePng(16, 16, 1), 'image/png', def, c2pa);
    const v = await verifyExport('c.png', only);
    expect(v.undisclosed).toBe(true);
    expect(v.c2pa!.report!.state).toBe('Valid');
  });

  it('without a C2PA engine the manifest is noted as present but not validated', async () => {
    const s = await seal(src.png!, 'a.png');
    useC2paWasm(null);
    try {
      const v = await verifyExport('a.png', s.bytes);
      expect(v.ok).toBe(true);
      expect(v.c2pa).toMatchObject({ announced: true, report: null, unreadable: 'no C2PA engine in this host' });
      expect(v.notes.join('\n')).toMatch(/present but not validated/);
    } finally {
      useNodeC2pa();
    }
  });
});
