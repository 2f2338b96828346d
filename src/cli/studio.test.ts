// The studio CLI as an administrator runs it: init → request → issue → revoke, read back by openssl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRevocationList } from '../core/studio/certificates';
import { checkMember } from '../core/studio/member';

function studio(args: string[], env: Record<string, string> = {}): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/studio.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, STUDIO_PASSPHRASE: '', ...env } });
    return { code: 0, out };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout + x.stderr };
  }
}

describe('npm run studio', () => {
  it('answers --help, and refuses a passphrase given as an argument', () => {
    const h = studio(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/init --name NAME --out DIR/);
    expect(h.out).toMatch(/never from an argument/);
    const p = studio(['init', '--name', 'X', '--out', '/tmp/x', '--passphrase', 'secret123']);
    expect(p.code).toBe(2);
    expect(p.out).toMatch(/never an argument/);
  });

  it('init → request → issue → revoke: openssl verifies the member, reads the request and the numbered CRL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-cli-'));
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, 'correct horse battery staple\n');
    const pf = ['--passphrase-file', pass];
    expect(studio(['init', '--name', 'Northlight Pictures', '--out', join(dir, 'root'), ...pf]).code).toBe(0);
    const keyPem = readFileSync(join(dir, 'root', 'studio-root.key.pem'), 'utf8');
    expect(keyPem).toMatch(/BEGIN ENCRYPTED PRIVATE KEY/);
    expect(studio(['request', '--name', 'Lena Ortiz', '--email', 'lena@northlight.example', '--out', join(dir, 'lena'), ...pf]).code).toBe(0);
    execFileSync('openssl', ['req', '-in', join(dir, 'lena', 'member.request.pem'), '-noout', '-verify'], { stdio: 'pipe' });
    const issued = studio(['issue', '--root', join(dir, 'root'), '--request', join(dir, 'lena', 'member.request.pem'), '--role', 'legal', '--role', 'producer', '--days', '90', '--out', join(dir, 'lena.pem'), ...pf]);
    expect(issued.code, issued.out).toBe(0);
    expect(execFileSync('openssl', ['verify', '-CAfile', join(dir, 'root', 'studio-root.pem'), join(dir, 'lena.pem')], { encoding: 'utf8' })).toMatch(/OK/);
    const rootPem = readFileSync(join(dir, 'root', 'studio-root.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'lena.pem'), 'utf8');
    const before = await checkMember(cert, { rootPem }, new Date());
    expect(before.ok && before.member.roles).toEqual(['legal', 'producer']);
    // a wrong passphrase opens nothing
    const wrong = studio(['revoke', '--root', join(dir, 'root'), '--serial', '01'], { STUDIO_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/wrong passphrase/);
    const serial = before.ok ? before.member.serial : '';
    expect(studio(['revoke', '--root', join(dir, 'root'), '--serial', serial, ...pf]).code).toBe(0);
    const crlPem = readFileSync(join(dir, 'root', 'studio-crl.pem'), 'utf8');
    expect(execFileSync('openssl', ['crl', '-in', join(dir, 'root', 'studio-crl.pem'), '-noout', '-text'], { encoding: 'utf8' })).toMatch(/CRL Number: \s*2/);
    expect((await readRevocationList(crlPem, rootPem)).number).toBe(2);
    const after = await checkMember(cert, { rootPem, crlPem }, new Date());
    expect(after.state).toBe('revoked');
  }, 120_000);
});
