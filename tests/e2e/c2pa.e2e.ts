// C2PA in the browser: the built app exports a PNG still and an MP4 animatic with a real C2PA manifest (c2pa-rs in
// WebAssembly, served by the app; the person's local credential made in the page and kept in IndexedDB). The
// page's own verifier (c2pa-rs in the browser) and the Node verifier both find it valid except for trust, the
// same actions and digitalSourceType as our disclosure, and ffprobe still reads both files.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { enrolRenderNode } from './renderNode';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestProject } from '../../src/core/export/bindProject.testutil';
import { verifyExport } from '../../src/core/export/bindVerify';
import { useNodeC2pa } from '../../src/core/export/c2pa/nodeWasm.testutil';
import { openApp, type App } from './harness';

interface PageFile {
  name: string;
  mime: string;
  b64: string;
}

let app: App;
let trust: { rootPem: string };
let documents: Set<string>;
let files: PageFile[] = [];
const dir = mkdtempSync(join(tmpdir(), 'previs-c2pa-e2e-'));

beforeAll(async () => {
  useNodeC2pa();
  const approved = await buildTestProject({ approved: true });
  trust = { rootPem: approved.studio.rootPem };
  documents = new Set([createHash('sha256').update(approved.consentDocument).digest('hex')]);
  const node = await enrolRenderNode(approved.studio, dir);
  app = await openApp();
  await app.page.waitForFunction(() => !!(globalThis as any).__previs?.exporter, undefined, { timeout: 60_000 });
  // the page signs as a studio member (its C2PA credential is then the member certificate, issued by the studio root)
  const adopted = await app.page.evaluate(([k, c, r]) => (globalThis as any).__previs.exporter.adoptMember(k, c, r, []), [node.pkcs8B64, node.certificatePem, approved.studio.rootPem] as const);
  expect(adopted).toMatchObject({ ok: true });
  await app.page.evaluate((b) => (globalThis as any).__previs.exporter.addDocuments([{ b64: b, mime: 'application/pdf' }]), Buffer.from(approved.consentDocument).toString('base64'));
  const b64 = Buffer.from(JSON.stringify(approved.project)).toString('base64');
  const opened = await app.page.evaluate(([n, b]) => (globalThis as any).__previs.exporter.openProject(n, b), ['approved.previs.json', b64] as const);
  expect(opened).toMatchObject({ ok: true });
  const r = (await app.page.evaluate((q) => (globalThis as any).__previs.exporter.run(q), { formats: ['png', 'mp4'], purpose: 'deliverable', width: 320, trust })) as { ok: boolean; reason?: string; files: PageFile[] };
  expect(r.reason ?? '').toBe('');
  files = r.files;
}, 600_000);

afterAll(async () => {
  await app?.close();
});

const bytesOf = (name: RegExp) => {
  const f = files.find((x) => name.test(x.name));
  if (!f) throw new Error(`no ${name} among ${files.map((x) => x.name).join(', ')}`);
  return new Uint8Array(Buffer.from(f.b64, 'base64'));
};

describe('C2PA manifests written in the browser', () => {
  it.each([
    ['PNG still', /\.png$/, 'caBX chunk', 'assertion.dataHash.match'],
    ['MP4 animatic', /\.mp4$/, 'C2PA uuid box', 'assertion.bmffHash.match'],
  ])('%s: Node verifier passes; C2PA valid except trust, actions and source types as disclosed', async (_label, name, unit, hashCode) => {
    const bytes = bytesOf(name);
    const v = await verifyExport('x', bytes, { requireApproved: true, trust, documents });
    expect(v.problems).toEqual([]);
    expect(v.c2pa).toMatchObject({ unit, announced: true, report: { state: 'Valid' } });
    const r = v.c2pa!.report!;
    expect(r.failure.map((f) => f.code)).toEqual(['signingCredential.untrusted']);
    expect(r.success).toEqual(expect.arrayContaining(['claimSignature.validated', hashCode]));
    expect(r.actions[0]).toMatchObject({ action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia' });
    // every disclosed layer is placed, with its own IPTC source type
    for (const l of v.layers) {
      const placed = r.actions.find((a) => a.action === 'c2pa.placed' && a.layerId === l.layerId);
      expect(placed?.digitalSourceType).toBe(`http://cv.iptc.org/newscodes/digitalsourcetype/${l.summary.digitalSourceType}`);
    }
    expect(r.signer.alg).toBe('Es256');
    const ext = name.source.includes('png') ? 'png' : 'mp4';
    const path = join(dir, `out.${ext}`);
    writeFileSync(path, bytes);
    const probe = execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', path], { encoding: 'utf8' });
    expect(probe.trim().split('\n')[0]).toMatch(ext === 'png' ? /^png$/ : /^h264|^vp9|^av1|^mpeg4/);
  });

  it('the page verifies its own exports with c2pa-rs in the browser', async () => {
    // the media files (a deliverable also carries its consent documents, which embed nothing)
    for (const f of files.filter((x) => /\.(png|mp4)$/.test(x.name))) {
      const v = (await app.page.evaluate(([n, b]) => (globalThis as any).__previs.exporter.verify(n, b), [f.name, f.b64] as const)) as {
        ok: boolean;
        problems: string[];
        c2pa: { report: { state: string; failure: { code: string }[] } | null; unreadable: string | null } | null;
      };
      expect(v.problems).toEqual([]);
      expect(v.c2pa?.unreadable ?? null).toBeNull();
      expect(v.c2pa?.report?.state).toBe('Valid');
      expect(v.c2pa?.report?.failure.map((x) => x.code)).toEqual(['signingCredential.untrusted']);
    }
    // the person's local CA, downloaded from the Export panel, makes the same manifests Trusted for the Node verifier
    await app.page.click('[data-panel=export]');
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid=c2pa-ca-download]')]);
    const pem = readFileSync((await download.path())!, 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const trusted = await verifyExport('x', bytesOf(/\.png$/), { c2paTrustAnchorsPem: pem });
    expect(trusted.c2pa?.report?.state).toBe('Trusted');
    // signing ran in the C2PA worker, off the page
    expect(app.requests.some((u) => /c2pa\.worker/.test(u))).toBe(true);
    // nothing was fetched from outside the app
    expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });
});
