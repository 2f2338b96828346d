// previs-verify on exports carrying a C2PA manifest: the CLI validates it with c2pa-rs (WebAssembly from
// node_modules), prints its state and failure codes, passes an untrusted-but-valid manifest, fails a stripped or
// broken one, and --c2pa-trust with the exporter's local CA turns it Trusted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runVerifyCli } from './verifyCli.testutil';
import { exportGate } from '../core/disclosure/gate';
import { concatBytes } from '../core/export/bindBytes';
import { sealExport } from '../core/export/bindExport';
import { makePng } from '../core/export/bindFixtures.testutil';
import { buildTestProject } from '../core/export/bindProject.testutil';
import { caPem, createC2paCredential } from '../core/export/c2pa/credential';
import { useNodeC2pa } from '../core/export/c2pa/nodeWasm.testutil';
import { readPngChunks } from '../core/export/pngChunks';

let dir: string;

const run = runVerifyCli;

beforeAll(async () => {
  useNodeC2pa();
  dir = mkdtempSync(join(tmpdir(), 'previs-verify-c2pa-'));
  const tp = await buildTestProject({ approved: true });
  const cred = await createC2paCredential('CLI Tester');
  const s = await sealExport({
    project: tp.project,
    gate: await exportGate(tp.project, 'deliverable', { trust: { rootPem: tp.studio.rootPem } }),
    bytes: makePng(48, 32, 9),
    fileName: 'still.png',
    signer: tp.artist,
    software: 'Previs Sandbox 0.1.0',
    c2pa: { chain: [cred.certificate], privateKey: cred.keyPair.privateKey },
  });
  writeFileSync(join(dir, 'still.png'), s.bytes);
  writeFileSync(join(dir, 'local-ca.pem'), caPem(cred));
  const ca = readPngChunks(s.bytes).find((c) => c.type === 'caBX')!;
  writeFileSync(join(dir, 'stripped.png'), concatBytes([s.bytes.subarray(0, ca.start), s.bytes.subarray(ca.start + ca.size)]));
}, 60_000);

describe('previs-verify with C2PA', () => {
  it('passes an export whose C2PA manifest is valid but untrusted, and says so', () => {
    const r = run(join(dir, 'still.png'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/C2PA manifest \(caBX chunk\): Valid \[signingCredential\.untrusted\] · c2pa\.created, c2pa\.placed×2, c2pa\.edited · signed by CLI Tester \(Previs Sandbox, Es256\)/);
    expect(r.out).toMatch(/no CA on the C2PA trust list/);
  });
  it('--c2pa-trust with the local CA makes it Trusted; --json carries the report', () => {
    const r = run('--c2pa-trust', join(dir, 'local-ca.pem'), '--json', join(dir, 'still.png'));
    expect(r.code).toBe(0);
    const [v] = JSON.parse(r.out) as [{ c2pa: { report: { state: string; success: string[] } } }];
    expect(v.c2pa.report.state).toBe('Trusted');
    expect(v.c2pa.report.success).toContain('signingCredential.trusted');
  });
  it('fails an export whose announced C2PA manifest was stripped', () => {
    const r = run(join(dir, 'stripped.png'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/C2PA manifest store \(caBX chunk\) this export was signed with is missing: stripped/);
  });
  it('a --c2pa-trust file without certificates is a usage error', () => {
    writeFileSync(join(dir, 'not-a-ca.txt'), 'no certificate in here');
    expect(run('--c2pa-trust', join(dir, 'not-a-ca.txt'), join(dir, 'still.png')).code).toBe(2);
  });
});
