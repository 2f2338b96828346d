// Attacks on who may approve, each refused by the export gate (the code the app and the headless export run)
// and by `previs-verify --require-approved` on the exported file and its sidecar — naming the reason — while the
// same files still verify as intact disclosures without --require-approved.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportGate, describeRefusals } from '../core/disclosure/gate';
import { verifyChain } from '../core/disclosure/ledger';
import { sha256Hex } from '../core/disclosure/crypto';
import { sealExport } from '../core/export/bindExport';
import { makePng } from '../core/export/bindFixtures.testutil';
import { editRoleInProject, forgeries, type Forgery } from '../core/studio/forgeries.testutil';
import type { TestProject } from '../core/export/bindProject.testutil';
import { runVerifyCli } from './verifyCli.testutil';

let list: Forgery[];
let honest: TestProject;
let dir: string;
const files = new Map<string, { png: string; sidecar: string; rootFile: string; crlFiles: string[] }>();

beforeAll(async () => {
  const f = await forgeries();
  list = f.list;
  honest = f.honest;
  dir = mkdtempSync(join(tmpdir(), 'previs-forgery-'));
  const docs = join(dir, 'consent-documents');
  mkdirSync(docs);
  writeFileSync(join(docs, 'ada-consent.pdf'), f.pending.consentDocument);
  for (const [i, x] of list.entries()) {
    const trust = { rootPem: x.rootPem, crlPems: x.crlPems };
    // the attacker's file: a previs export of the forged project (previs lets unapproved layers through)
    const gate = await exportGate(x.project, 'previs', { trust });
    const sealed = await sealExport({ project: x.project, trust, gate, bytes: makePng(24, 16, i), fileName: `forged-${i}.png`, signer: x.exporter ?? f.pending.artist, software: 'forger' });
    const png = join(dir, `forged-${i}.png`);
    writeFileSync(png, sealed.bytes);
    writeFileSync(join(dir, sealed.sidecarName), sealed.sidecarBytes);
    const rootFile = join(dir, `root-${i}.pem`);
    writeFileSync(rootFile, x.rootPem);
    const crlFiles = (x.crlPems ?? []).map((c, k) => {
      const p = join(dir, `crl-${i}-${k}.pem`);
      writeFileSync(p, c);
      return p;
    });
    files.set(x.name, { png, sidecar: join(dir, sealed.sidecarName), rootFile, crlFiles });
  }
}, 240_000);

describe('forged approvals and consents', () => {
  it('the honest, fully approved project passes the gate (so the refusals below are about the forgery)', async () => {
    const g = await exportGate(honest.project, 'deliverable', { trust: { rootPem: honest.studio.rootPem }, documents: new Set([await sha256Hex(honest.consentDocument)]) });
    expect(describeRefusals(g)).toBe('');
    expect(g.ok).toBe(true);
  });

  it('every forgery is refused by the deliverable gate, naming why', async () => {
    expect(list.length).toBe(10);
    for (const x of list) {
      const g = await exportGate(x.project, 'deliverable', {
        trust: { rootPem: x.rootPem, crlPems: x.crlPems },
        documents: x.documents ? new Set(x.documents) : undefined,
      });
      if (x.exporter) continue; // the re-signed export is refused by the verifier (its project is honest)
      expect(g.ok, x.name).toBe(false);
      expect(describeRefusals(g), x.name).toMatch(x.reason);
    }
  });

  it('a role edited in the project file breaks the chain: refused for previs and deliverable alike', async () => {
    const p = editRoleInProject(honest.project);
    expect((await verifyChain(p.ledger)).ok).toBe(false);
    const g = await exportGate(p, 'deliverable', { trust: { rootPem: honest.studio.rootPem } });
    expect(g.ok).toBe(false);
    expect(describeRefusals(g)).toMatch(/ledger fails verification: .*changed after it was sealed/);
  });

  it('without the studio root nothing counts as approved, and the gate says so', async () => {
    const g = await exportGate(honest.project, 'deliverable', { trust: null });
    expect(g.ok).toBe(false);
    expect(describeRefusals(g)).toMatch(/approvals cannot be checked without the studio root certificate/);
  });

  it('previs-verify --require-approved refuses each forged file and its sidecar, naming the reason; without it they verify as intact', () => {
    // one studio root for all; the revocation list revokes only the revoked member
    const all = list.flatMap((x) => [files.get(x.name)!.png, files.get(x.name)!.sidecar]);
    const first = files.get(list[0]!.name)!;
    const crl = list.flatMap((x) => files.get(x.name)!.crlFiles).flatMap((c) => ['--crl', c]);
    const strict = runVerifyCli('--studio-root', first.rootFile, ...crl, '--require-approved', ...all);
    expect(strict.code).toBe(1);
    const blocks = strict.out.split(/\n(?=OK {2}|FAIL|NONE)/);
    for (const x of list) {
      const f = files.get(x.name)!;
      for (const file of [f.png, f.sidecar]) {
        const block = blocks.find((b) => b.includes(`${file}  [`) || b.includes(`${file} (via`)) ?? '';
        expect(block.startsWith('FAIL'), `${x.name}: ${block}`).toBe(true);
        expect(block, x.name).toMatch(x.reason);
      }
    }
    const plain = runVerifyCli('--studio-root', first.rootFile, ...crl, ...all);
    expect(plain.out).toMatch(new RegExp(`all ${all.length} file\\(s\\) verified`));
    expect(plain.code).toBe(0);
  }, 240_000);

  it('--require-approved without a studio root is refused with the reason; an embedded root is never used', () => {
    const f = files.values().next().value!;
    const r = runVerifyCli('--require-approved', f.png);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/approvals cannot be checked without the studio root/);
  });
});
