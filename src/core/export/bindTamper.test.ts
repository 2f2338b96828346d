// Round trip and tamper suite: every format verifies untouched (no false alarms), and every single-point change —
// media bytes, headers, timing boxes, the XMP summary, a record, an event, a signature, a stripped chunk/box, a
// bundle spliced in from another export — fails with a message naming what changed. PNG and MP4 exports carry a
// real C2PA manifest too (written last, excluded from our binding), so all of this holds with C2PA present.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportGate } from '../disclosure/gate';
import { concatBytes, fromUtf8, utf8 } from './bindBytes';
import { sealExport } from './bindExport';
import { dissect } from './bindParts';
import { verifyExport } from './bindVerify';
import { hasFfmpeg, makeGlb, makeMp4, makePng, probe, decodeSimplePng } from './bindFixtures.testutil';
import { buildTestProject, type TestProject } from './bindProject.testutil';
import { appendGlbBundle, glbJson, readGlb } from './glbContainer';
import { buildUuidBox, BUNDLE_UUID, readMp4Boxes, readMp4Timing, XMP_UUID } from './mp4Boxes';
import { buildPngChunk, PNG_BUNDLE_CHUNK, readPngChunks } from './pngChunks';
import { createC2paCredential } from './c2pa/credential';
import type { CoseSigner } from './c2pa/cose';
import { useNodeC2pa } from './c2pa/nodeWasm.testutil';

let tp: TestProject;
const sealed: Record<string, Uint8Array> = {};
const other: Record<string, Uint8Array> = {};
let c2pa: CoseSigner;

async function seal(bytes: Uint8Array, name: string, purpose: 'previs' | 'deliverable' = 'deliverable') {
  const gate = await exportGate(tp.project, purpose, { trust: { rootPem: tp.studio.rootPem } });
  return sealExport({ project: tp.project, trust: { rootPem: tp.studio.rootPem }, gate, bytes, fileName: name, signer: tp.artist, software: 'Previs Sandbox 0.1.0', c2pa, frames: { 'layer-collapse': { start: 12, end: 40 }, 'layer-deage': { start: 0, end: 48 } } });
}

beforeAll(async () => {
  tp = await buildTestProject({ approved: true });
  useNodeC2pa();
  const cred = await createC2paCredential('Tamper Suite');
  c2pa = { chain: [cred.certificate], privateKey: cred.keyPair.privateKey };
  sealed.png = (await seal(makePng(64, 48, 0), 'a.png')).bytes;
  other.png = (await seal(makePng(64, 48, 99), 'b.png')).bytes;
  sealed.glb = (await seal(makeGlb(), 'a.glb')).bytes;
  const glb2 = makeGlb();
  glb2[glb2.length - 3] = glb2[glb2.length - 3]! ^ 0x40;
  other.glb = (await seal(glb2, 'b.glb')).bytes;
  if (hasFfmpeg) {
    sealed.mp4 = (await seal(makeMp4(24, 24), 'a.mp4')).bytes;
    other.mp4 = (await seal(makeMp4(24, 24, '176x96'), 'b.mp4')).bytes;
  }
}, 60_000);

const flip = (b: Uint8Array, at: number) => {
  const c = b.slice();
  c[at] = (c[at]! ^ 0x01) & 255;
  return c;
};

/** Rewrites the embedded bundle JSON (keeping the container valid: CRC, box and chunk sizes fixed up). */
async function editBundle(bytes: Uint8Array, edit: (b: Record<string, any>) => void): Promise<Uint8Array> {
  const d = await dissect(bytes);
  const obj = JSON.parse(fromUtf8(d.bundlePayload!));
  edit(obj);
  const payload = utf8(JSON.stringify(obj));
  return replaceBundleUnit(bytes, d.container, payload);
}

function unitSpan(bytes: Uint8Array, container: string): { start: number; size: number } {
  if (container === 'png') {
    const c = readPngChunks(bytes).find((x) => x.type === PNG_BUNDLE_CHUNK)!;
    return { start: c.start, size: c.size };
  }
  if (container === 'mp4') {
    const b = readMp4Boxes(bytes).find((x) => x.uuid === BUNDLE_UUID)!;
    return { start: b.start, size: b.size };
  }
  const c = readGlb(bytes).chunks.find((x) => x.type === 0x53565250)!;
  return { start: c.start, size: c.size };
}

function replaceBundleUnit(bytes: Uint8Array, container: string, payload: Uint8Array | null): Uint8Array {
  const { start, size } = unitSpan(bytes, container);
  const without = concatBytes([bytes.subarray(0, start), bytes.subarray(start + size)]);
  if (container === 'glb') {
    const base = without.slice();
    new DataView(base.buffer).setUint32(8, base.length, true);
    return payload ? appendGlbBundle(base, payload) : base;
  }
  if (!payload) return without;
  const unit = container === 'png' ? buildPngChunk(PNG_BUNDLE_CHUNK, payload) : buildUuidBox(BUNDLE_UUID, payload);
  return concatBytes([without.subarray(0, start), unit, without.subarray(start)]);
}

async function fails(bytes: Uint8Array, name: string, expected: RegExp) {
  const v = await verifyExport(name, bytes);
  expect(v.ok, `expected failure for ${name}`).toBe(false);
  expect(v.problems.join('\n')).toMatch(expected);
  return v;
}

const formats = ['png', 'glb', ...(hasFfmpeg ? ['mp4'] : [])];

describe.each(formats)('%s', (fmt) => {
  it('verifies untouched, with per-layer status', async () => {
    const v = await verifyExport(`a.${fmt}`, sealed[fmt]!, { requireApproved: true, trust: { rootPem: tp.studio.rootPem } });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    if (fmt !== 'glb') expect(v.c2pa?.report?.state).toBe('Valid');
    expect(v.layers.map((l) => `${l.layerId}:${l.summary.review}:${l.summary.consent}`)).toEqual([
      'layer-collapse:approved:not-required',
      'layer-deage:approved:valid',
    ]);
    expect(v.layers.find((l) => l.layerId === 'layer-collapse')!.frames).toEqual({ start: 12, end: 40 });
  });

  it('a changed record is caught even with the container fixed up', async () => {
    const t = await editBundle(sealed[fmt]!, (b) => {
      const e = b.ledger.find((x: any) => x.kind === 'disclosure');
      e.payload.layerName = 'Something harmless';
    });
    await fails(t, fmt, /changed after it was sealed|payload does not match/);
  });

  it('a changed review event is caught', async () => {
    const t = await editBundle(sealed[fmt]!, (b) => {
      const e = b.ledger.find((x: any) => x.kind === 'review');
      e.payload.note = 'approved by nobody';
    });
    await fails(t, fmt, /review.*(changed after it was sealed|payload does not match)|payload does not match/);
  });

  it('a flipped bundle signature is caught', async () => {
    const t = await editBundle(sealed[fmt]!, (b) => {
      const s: string = b.signature.value;
      b.signature.value = (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    });
    await fails(t, fmt, /bundle signature: bad-signature/);
  });

  it("an altered copy of the signer's public key is caught", async () => {
    const t = await editBundle(sealed[fmt]!, (b) => {
      const x: string = b.signature.publicKeyJwk.x;
      b.signature.publicKeyJwk.x = (x[0] === 'A' ? 'B' : 'A') + x.slice(1);
    });
    await fails(t, fmt, /public key copy does not match/);
  });

  it('a flipped ledger entry signature is caught', async () => {
    const t = await editBundle(sealed[fmt]!, (b) => {
      const e = b.ledger[b.ledger.length - 1];
      e.signature = (e.signature[0] === 'A' ? 'B' : 'A') + e.signature.slice(1);
    });
    await fails(t, fmt, /signature .*does not verify/);
  });

  it('a rewritten binding (hashes edited to match a changed file) breaks the bundle signature', async () => {
    const t = await editBundle(sealed[fmt]!, (b) => {
      b.binding.parts[1].sha256 = '0'.repeat(64);
    });
    await fails(t, fmt, /bundle signature: bad-signature/);
  });

  it('a single flipped byte in the raw bundle is caught', async () => {
    const { start, size } = unitSpan(sealed[fmt]!, fmt);
    await fails(flip(sealed[fmt]!, start + Math.floor(size / 2)), fmt, /bundle|CRC/);
  });

  it('a stripped bundle is reported as no disclosure', async () => {
    const v = await fails(replaceBundleUnit(sealed[fmt]!, fmt, null), fmt, /no signed disclosure bundle|no disclosure/);
    expect(v.undisclosed).toBe(true);
  });

  it('a bundle spliced in from another export is caught', async () => {
    const d = await dissect(other[fmt]!);
    const t = replaceBundleUnit(sealed[fmt]!, fmt, d.bundlePayload!);
    await fails(t, fmt, /changed: its SHA-256 no longer matches|different file/);
  });

  it('--require-approved fails on a layer not approved at its current hash', async () => {
    const pending = await buildTestProject({ approved: false });
    const gate = await exportGate(pending.project, 'previs', { trust: { rootPem: pending.studio.rootPem } });
    const src = fmt === 'png' ? makePng() : fmt === 'glb' ? makeGlb() : makeMp4(12, 24);
    const s = await sealExport({ project: pending.project, trust: { rootPem: pending.studio.rootPem }, gate, bytes: src, fileName: `p.${fmt}`, signer: pending.artist, software: 'Previs Sandbox 0.1.0' });
    expect((await verifyExport(`p.${fmt}`, s.bytes)).ok).toBe(true);
    const v = await verifyExport(`p.${fmt}`, s.bytes, { requireApproved: true, trust: { rootPem: pending.studio.rootPem } });
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/layer-collapse.*not approved at its current output hash \(review: submitted\)/);
  });
});

describe('PNG specifics', () => {
  it('still decodes with a standard inflate and matches the original pixels', () => {
    expect(decodeSimplePng(sealed.png!).rgb).toEqual(decodeSimplePng(makePng(64, 48, 0)).rgb);
  });
  it.skipIf(!hasFfmpeg)('ffmpeg decodes it', () => {
    expect(probe(sealed.png!, 'png').errors).toBe('');
  });
  it('names pixel data, header, XMP summary and stripped chunks', async () => {
    const chunks = readPngChunks(sealed.png!);
    const idat = chunks.find((c) => c.type === 'IDAT')!;
    await fails(flip(sealed.png!, idat.start + 8 + 3), 'png', /IDAT\[0\] \(pixel data\) changed/);
    const ihdr = chunks[0]!;
    await fails(flip(sealed.png!, ihdr.start + 8 + 1), 'png', /IHDR\[0\] \(image header\) changed/);
    const xmp = chunks.find((c) => c.type === 'iTXt')!;
    const text = fromUtf8(xmp.data);
    const at = xmp.start + 8 + utf8(text.slice(0, text.indexOf('previs:Review="approved"') + 'previs:Review="'.length)).length;
    const edited = flip(sealed.png!, at); // 'a' → '`'
    await fails(edited, 'png', /iTXt\(XMP\)\[0\] \(XMP summary\) changed/);
    const stripped = concatBytes([sealed.png!.subarray(0, xmp.start), sealed.png!.subarray(xmp.start + xmp.size)]);
    await fails(stripped, 'png', /XMP summary\) is missing|XMP summary is missing/);
    const idat1 = chunks.filter((c) => c.type === 'IDAT')[1]!;
    await fails(concatBytes([sealed.png!.subarray(0, idat1.start), sealed.png!.subarray(idat1.start + idat1.size)]), 'png', /IDAT\[1\].*missing/);
  });
  it('an XMP that lies (edited and re-signed by nobody) is named field by field', async () => {
    const chunks = readPngChunks(sealed.png!);
    const xmp = chunks.find((c) => c.type === 'iTXt')!;
    const text = fromUtf8(xmp.data).replace('previs:Review="submitted"', 'x').replace(/previs:Consent="valid"/, 'previs:Consent="revoked"');
    const t = concatBytes([sealed.png!.subarray(0, xmp.start), buildPngChunk('iTXt', utf8(text)), sealed.png!.subarray(xmp.start + xmp.size)]);
    await fails(t, 'png', /XMP layer layer-deage consent says "revoked", signed bundle says "valid"/);
  });
});

describe.skipIf(!hasFfmpeg)('MP4 specifics', () => {
  it('probes with the right duration and frame count', () => {
    const p = probe(sealed.mp4!, 'mp4');
    expect(p.frames).toBe(24);
    expect(p.duration).toBeCloseTo(1, 2);
    expect(p.errors).toBe('');
    expect(readMp4Timing(sealed.mp4!)!.videoFrames).toBe(24);
  });
  it('names media data, timing boxes and a stripped XMP box', async () => {
    const boxes = readMp4Boxes(sealed.mp4!);
    const mdat = boxes.find((b) => b.type === 'mdat')!;
    await fails(flip(sealed.mp4!, mdat.start + 100), 'mp4', /mdat \(media data\) changed/);
    const find = (bs: typeof boxes, t: string): (typeof boxes)[number] | undefined => {
      for (const b of bs) {
        if (b.type === t) return b;
        const c = b.children && find(b.children, t);
        if (c) return c;
      }
      return undefined;
    };
    const stts = find(boxes, 'stts')!;
    await fails(flip(sealed.mp4!, stts.start + stts.size - 1), 'mp4', /stts \(timing\) changed/);
    const mvhd = find(boxes, 'mvhd')!;
    await fails(flip(sealed.mp4!, mvhd.start + 8 + 19), 'mp4', /mvhd \(timing\) changed/);
    const xmp = boxes.find((b) => b.type === 'uuid' && b.uuid === XMP_UUID)!;
    await fails(concatBytes([sealed.mp4!.subarray(0, xmp.start), sealed.mp4!.subarray(xmp.start + xmp.size)]), 'mp4', /uuid\(XMP\).*missing|XMP summary is missing/);
  });
});

describe('GLB specifics', () => {
  it('names binary data and scene JSON changes, and a wrong total length', async () => {
    const { chunks } = readGlb(sealed.glb!);
    const bin = chunks.find((c) => c.type === 0x004e4942)!;
    await fails(flip(sealed.glb!, bin.start + 8 + 4), 'glb', /BIN \(geometry\/buffer data\) changed/);
    const json = chunks[0]!;
    const text = fromUtf8(json.data);
    await fails(flip(sealed.glb!, json.start + 8 + text.indexOf('"cam"') + 1), 'glb', /JSON \(scene JSON.*changed/);
    const t = sealed.glb!.slice();
    new DataView(t.buffer).setUint32(8, t.length + 4, true);
    await fails(t, 'glb', /GLB header length/);
  });
  it('carries per-node packets on the layer nodes and their ancestors', () => {
    const j = glbJson(sealed.glb!) as any;
    const marked = j.nodes.filter((n: any) => n.extensions?.KHR_xmp_json_ld).map((n: any) => n.name);
    expect(marked.sort()).toEqual(['building', 'collapse bake', 'plate', 'root']);
    expect(j.asset.extensions.KHR_xmp_json_ld.packet).toBe(0);
    expect(j.extensionsUsed).toContain('KHR_xmp_json_ld');
  });
});

describe('sidecar', () => {
  it('verifies with its file, fails when the file changed or is missing', async () => {
    const s = await seal(makePng(), 'c.png');
    const ok = await verifyExport('c.png.disclosure.json', s.sidecarBytes, { sidecarTarget: s.bytes });
    expect(ok.problems).toEqual([]);
    await expect(verifyExport('c.png.disclosure.json', s.sidecarBytes, { sidecarTarget: flip(s.bytes, 60) })).resolves.toMatchObject({ ok: false });
    const missing = await verifyExport('c.png.disclosure.json', s.sidecarBytes, { sidecarTarget: null });
    expect(missing.problems.join()).toMatch(/was not found next to the sidecar/);
  });
});

describe('files without disclosure', () => {
  it('a plain PNG is reported as undisclosed', async () => {
    const v = await verifyExport('plain.png', makePng());
    expect(v.ok).toBe(false);
    expect(v.undisclosed).toBe(true);
  });
  it('a text file is reported as unreadable', async () => {
    const v = await verifyExport('notes.txt', utf8('hello'));
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatch(/cannot read the file/);
  });
});
