import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { x509 } from './x509';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../disclosure/crypto';
import { createMemberRequest, createStudioRoot, issueMemberCertificate, readMemberRequest, readRevocationList } from './certificates';
import { checkMember, describeCertificate } from './member';
import { editRoles } from './forge.testutil';
import { encodeRoles, ROLES_EXTENSION_OID } from './roles';
import { makeTestStudio } from './testStudio.testutil';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe('studio certificates', () => {
  it('issues a member certificate that openssl verifies against the studio root, with the granted roles', async () => {
    const studio = await makeTestStudio();
    const m = await studio.enrol('Lena Ortiz', 'Lena@Northlight.example', ['legal', 'producer']);
    const check = await checkMember(m.certificatePem, { rootPem: studio.rootPem }, new Date());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.member.roles).toEqual(['legal', 'producer']);
    expect(check.member.person).toBe('lena@northlight.example');
    expect(check.member.name).toBe('Lena Ortiz');
    expect(check.member.keyId).toBe(m.signer.keyId);
    if (!hasOpenssl) return console.warn('openssl not installed: the independent chain check is skipped');
    const dir = mkdtempSync(join(tmpdir(), 'studio-'));
    writeFileSync(join(dir, 'root.pem'), studio.rootPem);
    writeFileSync(join(dir, 'member.pem'), m.certificatePem);
    const out = execFileSync('openssl', ['verify', '-CAfile', join(dir, 'root.pem'), join(dir, 'member.pem')], { encoding: 'utf8' });
    expect(out).toContain('member.pem: OK');
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'member.pem'), '-noout', '-subject', '-ext', 'subjectAltName'], { encoding: 'utf8' });
    expect(text).toMatch(/CN\s?=\s?Lena Ortiz/);
    expect(text).toContain('email:lena@northlight.example');
  });

  it('writes requests openssl reads and verifies', async () => {
    if (!hasOpenssl) return console.warn('openssl not installed: skipped');
    const keys = await generateKeyPair(false);
    const pem = await createMemberRequest({ name: 'Ana Ruiz', email: 'ana@example.org', keys });
    const dir = mkdtempSync(join(tmpdir(), 'studio-'));
    writeFileSync(join(dir, 'req.pem'), pem);
    const out = execFileSync('openssl', ['req', '-in', join(dir, 'req.pem'), '-noout', '-verify', '-subject'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/CN\s?=\s?Ana Ruiz/);
  });

  it('refuses a certificate from another studio root, and a self-issued one claiming legal', async () => {
    const studio = await makeTestStudio('Northlight');
    const other = await makeTestStudio('Elsewhere Films');
    const outsider = await other.enrol('Mallory', 'mallory@elsewhere.example', ['legal']);
    const r = await checkMember(outsider.certificatePem, { rootPem: studio.rootPem }, new Date());
    expect(r.ok).toBe(false);
    expect(r.state).toBe('other-studio');
    // a self-made root that copies the studio's name exactly: same subject, different key
    const fakeKeys = await generateKeyPair(false);
    const fakeRoot = await createStudioRoot({ name: 'Northlight', keys: fakeKeys });
    const mk = await generateKeyPair(false);
    const req = await createMemberRequest({ name: 'Mallory', email: 'mallory@northlight.example', keys: mk });
    const forged = await issueMemberCertificate({ rootPem: fakeRoot.certificatePem, rootKey: fakeKeys.privateKey, requestPem: req, roles: ['legal'] });
    const f = await checkMember(forged, { rootPem: studio.rootPem }, new Date());
    expect(f.state).toBe('other-studio');
    expect(f.ok || f.reason).toMatch(/not issued by this studio's root/);
  });

  it('refuses a certificate whose roles were edited after issue (artist → legal, re-encoded)', async () => {
    const studio = await makeTestStudio();
    const m = await studio.enrol('Art Ist', 'artist@northlight.example', ['artist']);
    const edited = editRoles(m.certificatePem, ['legal']);
    expect((await describeCertificate(edited)).roles).toEqual(['legal']);
    const r = await checkMember(edited, { rootPem: studio.rootPem }, new Date());
    expect(r.ok).toBe(false);
    expect(r.state).toBe('other-studio');
  });

  it('an expired member, a not-yet-valid one, and a revoked one are refused with the reason', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const studio = await makeTestStudio('Northlight', now);
    const m = await studio.enrol('Lena', 'lena@northlight.example', ['legal'], { days: 30, now });
    expect((await checkMember(m.certificatePem, { rootPem: studio.rootPem }, new Date('2027-02-01T00:00:00Z'))).state).toBe('expired');
    expect((await checkMember(m.certificatePem, { rootPem: studio.rootPem }, new Date('2026-11-01T00:00:00Z'))).state).toBe('not-yet-valid');
    const serial = new x509.X509Certificate(m.certificatePem).serialNumber;
    const crl2 = await studio.crl([{ serial, date: now }], 2);
    const crl1 = await studio.crl([], 1);
    const list = await readRevocationList(crl2, studio.rootPem);
    expect(list.number).toBe(2);
    const r = await checkMember(m.certificatePem, { rootPem: studio.rootPem, crlPems: [crl1, crl2] }, new Date('2026-12-02T00:00:00Z'));
    expect(r.state).toBe('revoked');
    expect(r.ok || r.reason).toMatch(/revoked on 2026-12-01 \(revocation list #2\)/);
    // handing over the older, empty list as well does not undo the revocation
    const r2 = await checkMember(m.certificatePem, { rootPem: studio.rootPem, crlPems: [crl2, crl1] }, new Date('2026-12-02T00:00:00Z'));
    expect(r2.state).toBe('revoked');
  });

  it('refuses a revocation list not signed by the studio root', async () => {
    const studio = await makeTestStudio();
    const other = await makeTestStudio();
    const crl = await other.crl([], 5);
    await expect(readRevocationList(crl, studio.rootPem)).rejects.toThrow(/not signed by this studio root/);
  });

  it('refuses an enrolment request whose signature does not match its key, and hostile names', async () => {
    const a = await generateKeyPair(false);
    const pem = await createMemberRequest({ name: 'Ana', email: 'ana@example.org', keys: a });
    const der = new Uint8Array(new x509.Pkcs10CertificateRequest(pem).rawData);
    // the name changed after signing ("Ana" → "Anb"): the request still parses, its signature no longer holds
    const at = Buffer.from(der).indexOf(Buffer.from('Ana'));
    der[at + 2] = 'b'.charCodeAt(0);
    await expect(readMemberRequest(x509.PemConverter.encode(der, 'CERTIFICATE REQUEST'))).rejects.toThrow(/not signed by the key it names/);
    await expect(createMemberRequest({ name: 'Ana\u202Egel', email: 'ana@example.org', keys: a })).rejects.toThrow(/control characters/);
    await expect(createMemberRequest({ name: 'Ana', email: 'not-an-address', keys: a })).rejects.toThrow(/not an e-mail/);
    await expect(readMemberRequest('hello')).rejects.toThrow(/not a readable PKCS#10/);
  });

  it('puts the roles in a non-critical extension of the project OID', async () => {
    const studio = await makeTestStudio();
    const m = await studio.enrol('Vic', 'vic@northlight.example', ['vfx-supervisor']);
    const ext = new x509.X509Certificate(m.certificatePem).getExtension(ROLES_EXTENSION_OID);
    expect(ext?.critical).toBe(false);
  });
});
