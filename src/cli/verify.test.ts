import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runVerifyCli } from './verifyCli.testutil';
import { exportGate } from '../core/disclosure/gate';
import { sealExport } from '../core/export/bindExport';
import { makePng } from '../core/export/bindFixtures.testutil';
import { buildTestProject } from '../core/export/bindProject.testutil';

let dir: string;

const run = runVerifyCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'previs-verify-cli-'));
  const approved = await buildTestProject({ approved: true });
  const pending = await buildTestProject({ approved: false });
  const a = await sealExport({ project: approved.project, trust: { rootPem: approved.studio.rootPem }, gate: await exportGate(approved.project, 'deliverable', { trust: { rootPem: approved.studio.rootPem } }), bytes: makePng(), fileName: 'final.png', signer: approved.artist, software: 'Previs Sandbox 0.1.0' });
  const p = await sealExport({ project: pending.project, trust: { rootPem: pending.studio.rootPem }, gate: await exportGate(pending.project, 'previs', { trust: { rootPem: pending.studio.rootPem } }), bytes: makePng(32, 32, 5), fileName: 'previs.png', signer: pending.artist, software: 'Previs Sandbox 0.1.0' });
  writeFileSync(join(dir, 'final.png'), a.bytes);
  writeFileSync(join(dir, a.sidecarName), a.sidecarBytes);
  writeFileSync(join(dir, 'previs.png'), p.bytes);
  const t = a.bytes.slice();
  t[60] = (t[60]! + 1) & 255;
  writeFileSync(join(dir, 'tampered.png'), t);
  writeFileSync(join(dir, 'plain.png'), makePng());
  writeFileSync(join(dir, 'root.pem'), approved.studio.rootPem);
  writeFileSync(join(dir, 'pending-root.pem'), pending.studio.rootPem);
}, 60_000);

describe('previs-verify CLI', () => {
  it('answers --help with exit 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--require-approved/);
  });
  it('passes good files and sidecars, printing per-layer status', () => {
    const r = run('--studio-root', join(dir, 'root.pem'), join(dir, 'final.png'), join(dir, 'final.png.disclosure.json'));
    expect(r.out).toMatch(/OK {3}.*final\.png/);
    expect(r.out).toMatch(/layer layer-deage "Ada −20 years": deage, c2pa.edited, compositeWithTrainedAlgorithmicMedia — approved at current hash; consented/);
    expect(r.code).toBe(0);
  });
  it('--require-approved fails a previs export with pending layers, naming them', () => {
    const r = run('--studio-root', join(dir, 'pending-root.pem'), '--require-approved', join(dir, 'previs.png'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/layer-collapse.*not approved at its current output hash/);
  });
  it('names a tampered file and exits non-zero; a file without disclosure too', () => {
    const r = run(join(dir, 'tampered.png'), join(dir, 'plain.png'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL .*tampered\.png/);
    expect(r.out).toMatch(/changed: its SHA-256 no longer matches/);
    expect(r.out).toMatch(/NONE .*plain\.png/);
  });
  it('exits 2 on a usage error', () => {
    expect(run('--bogus').code).toBe(2);
    expect(run().code).toBe(2);
  });
});
