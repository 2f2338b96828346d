// npm run studio -- init | request | issue | revoke | show — the studio administrator's tools on the command
// line, the same certificates the app's Studio panel makes. The root key sits on disk only as encrypted PKCS#8
// (AES-256-CBC under a passphrase from --passphrase-file or STUDIO_PASSPHRASE, never an argument).
import { createPrivateKey, webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ECDSA_P256, createMemberRequest, createRevocationList, createStudioRoot, issueMemberCertificate, readRevocationList, type Revocation } from '../core/studio/certificates';
import { describeCertificate } from '../core/studio/member';
import { STUDIO_ROLES, type StudioRole } from '../core/studio/roles';
import { escapeTerminal } from './verifyFormat';
import { decryptPkcs8, readPassphrase } from './memberKey';

const HELP = `Usage: npm run studio -- COMMAND [options]

Commands:
  init --name NAME --out DIR
      Makes a studio root: DIR/studio-root.pem (the CA certificate everyone
      trusts), DIR/studio-root.key.pem (its private key, encrypted PKCS#8) and
      DIR/studio-crl.pem (revocation list #1, empty). Keep the key offline.
  issue --root DIR --request REQ.pem --role ROLE [--role ROLE…] [--days N] --out CERT.pem
      Issues a member certificate for an enrolment request (made in the app's
      Studio panel, or by 'request'). Roles: ${STUDIO_ROLES.join(', ')}.
      --days defaults to 365 and never outlives the root.
  revoke --root DIR --serial HEX
      Adds a certificate serial to the revocation list and writes the next,
      higher-numbered DIR/studio-crl.pem. Hand it to everyone (Studio panel →
      Revocation list; previs-verify --crl).
  request --name NAME --email ADDRESS --out DIR
      For a machine without a browser (a render node running the headless
      export): a new key DIR/member.key.pem (encrypted PKCS#8) and its
      enrolment request DIR/member.request.pem.
  show FILE.pem
      Prints what a certificate says (name, e-mail, roles, serial, validity).

The passphrase comes from --passphrase-file FILE or the STUDIO_PASSPHRASE
environment variable, never from an argument. Certificates, requests and
revocation lists are standard PEM that openssl reads
(openssl verify -CAfile studio-root.pem member.pem).

Exit status: 0 done; 1 refused (bad request, wrong passphrase…); 2 usage error.`;

class Usage extends Error {}

interface Opts {
  [k: string]: string[];
}

function parse(argv: string[]): { cmd: string; o: Opts; rest: string[] } {
  const [cmd = '', ...args] = argv;
  const o: Opts = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--passphrase') throw new Usage('the passphrase is never an argument: use --passphrase-file FILE or STUDIO_PASSPHRASE');
    if (a.startsWith('--')) {
      const v = args[++i];
      if (v === undefined) throw new Usage(`${a} needs a value`);
      (o[a.slice(2)] ??= []).push(v);
    } else rest.push(a);
  }
  return { cmd, o, rest };
}

const one = (o: Opts, k: string): string => {
  const v = o[k];
  if (!v?.length) throw new Usage(`--${k} is required`);
  return v[v.length - 1]!;
};

async function passphrase(o: Opts): Promise<string> {
  const p = await readPassphrase(o['passphrase-file']?.[0]);
  if (!p) throw new Usage('no passphrase: give --passphrase-file FILE or set STUDIO_PASSPHRASE');
  if (p.length < 8) throw new Usage('the passphrase must be at least 8 characters');
  return p;
}

async function exportEncrypted(key: CryptoKey, pass: string): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: pass }) as string;
}

/** Decrypts an encrypted PKCS#8 key into a non-extractable WebCrypto signing key. */
export async function importEncryptedKey(pem: string, pass: string): Promise<CryptoKey> {
  const der = decryptPkcs8(pem, pass);
  return webcrypto.subtle.importKey('pkcs8', der, ECDSA_P256, false, ['sign']) as Promise<CryptoKey>;
}

async function generate(): Promise<CryptoKeyPair> {
  // extractable only for the moment it takes to write it encrypted; never written in the clear
  return (await webcrypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function init(o: Opts): Promise<string> {
  const name = one(o, 'name');
  const out = one(o, 'out');
  const pass = await passphrase(o);
  const keys = await generate();
  const root = await createStudioRoot({ name, keys });
  const crl = await createRevocationList({ rootPem: root.certificatePem, rootKey: keys.privateKey, number: 1, revoked: [] });
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'studio-root.pem'), root.certificatePem);
  await writeFile(join(out, 'studio-root.key.pem'), await exportEncrypted(keys.privateKey, pass), { mode: 0o600, flag: 'wx' });
  await writeFile(join(out, 'studio-crl.pem'), crl);
  await writeFile(join(out, 'revoked.json'), '[]\n');
  return `studio root for "${root.name}" in ${out}\n  SHA-256 fingerprint ${root.fingerprint}`;
}

async function rootOf(o: Opts): Promise<{ dir: string; rootPem: string; key: CryptoKey }> {
  const dir = one(o, 'root');
  const rootPem = await readFile(join(dir, 'studio-root.pem'), 'utf8');
  const key = await importEncryptedKey(await readFile(join(dir, 'studio-root.key.pem'), 'utf8'), await passphrase(o));
  return { dir, rootPem, key };
}

async function issue(o: Opts): Promise<string> {
  const roles = o.role ?? [];
  if (!roles.length) throw new Usage('at least one --role is required');
  for (const r of roles) if (!(STUDIO_ROLES as readonly string[]).includes(r)) throw new Usage(`unknown role "${r}" (roles: ${STUDIO_ROLES.join(', ')})`);
  const days = o.days ? Number(one(o, 'days')) : 365;
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Usage('--days must be a whole number from 1 to 3650');
  const { rootPem, key } = await rootOf(o);
  const requestPem = await readFile(one(o, 'request'), 'utf8');
  const cert = await issueMemberCertificate({ rootPem, rootKey: key, requestPem, roles: roles as StudioRole[], days });
  await writeFile(one(o, 'out'), cert);
  const m = await describeCertificate(cert);
  return `issued ${m.name} <${m.email}> as ${m.roles.join(', ')}\n  serial ${m.serial}, valid until ${m.notAfter.toISOString().slice(0, 10)}\n  → ${one(o, 'out')}`;
}

async function revoke(o: Opts): Promise<string> {
  const serial = one(o, 'serial').toLowerCase();
  if (!/^[0-9a-f]{2,40}$/.test(serial)) throw new Usage(`"${serial}" is not a certificate serial (hex)`);
  const { dir, rootPem, key } = await rootOf(o);
  const current = await readRevocationList(await readFile(join(dir, 'studio-crl.pem'), 'utf8'), rootPem);
  const revoked: Revocation[] = current.revoked.some((r) => r.serial === serial) ? current.revoked : [...current.revoked, { serial, date: new Date() }];
  const number = current.number + 1;
  const crl = await createRevocationList({ rootPem, rootKey: key, number, revoked });
  await writeFile(join(dir, 'studio-crl.pem'), crl);
  return `revocation list #${number}: ${revoked.length} revoked serial(s) → ${join(dir, 'studio-crl.pem')}`;
}

async function request(o: Opts): Promise<string> {
  const out = one(o, 'out');
  const pass = await passphrase(o);
  const keys = await generate();
  const req = await createMemberRequest({ name: one(o, 'name'), email: one(o, 'email'), keys });
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'member.key.pem'), await exportEncrypted(keys.privateKey, pass), { mode: 0o600, flag: 'wx' });
  await writeFile(join(out, 'member.request.pem'), req);
  return `key and enrolment request in ${out}: send member.request.pem to the administrator`;
}

async function show(rest: string[]): Promise<string> {
  if (!rest[0]) throw new Usage('show needs a certificate file');
  const m = await describeCertificate(await readFile(rest[0], 'utf8'));
  return `${m.name} <${m.email}>\n  studio ${m.studio}\n  roles ${m.roles.join(', ') || '(none)'}\n  serial ${m.serial}\n  valid ${m.notBefore.toISOString()} – ${m.notAfter.toISOString()}`;
}

export async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return argv.length ? 0 : 2;
  }
  try {
    const { cmd, o, rest } = parse(argv);
    const text =
      cmd === 'init' ? await init(o) : cmd === 'issue' ? await issue(o) : cmd === 'revoke' ? await revoke(o) : cmd === 'request' ? await request(o) : cmd === 'show' ? await show(rest) : null;
    if (text === null) throw new Usage(`unknown command "${cmd}"`);
    console.log(escapeTerminal(text));
    return 0;
  } catch (e) {
    console.error(`studio: ${escapeTerminal((e as Error).message)}`);
    if (e instanceof Usage) {
      console.error("run 'npm run studio -- --help' for usage");
      return 2;
    }
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/studio.ts')) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
