// Studio certificates through @peculiar/x509 (a maintained X.509 library that runs on WebCrypto in the browser
// and in Node alike): the studio root (a self-signed CA), member requests (PKCS#10), member certificates and
// revocation lists (CRLs). All P-256 with ECDSA-SHA256. Member certificates also follow the C2PA certificate
// profile (digitalSignature, documentSigning + emailProtection, not a CA, an organisation in the subject), so
// the same certificate signs a member's C2PA manifests and a C2PA validator given the studio root trusts them.
import * as asn1js from 'asn1js';
import { x509 } from './x509';
import { toHex } from '../disclosure/crypto';
import { encodeRoles, ROLES_EXTENSION_OID, type StudioRole, STUDIO_ROLES } from './roles';


export const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
const EKU_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';
const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const CRL_NUMBER_OID = '2.5.29.20';

export class CertificateError extends Error {}

const hex = (buf: ArrayBuffer | Uint8Array): string => toHex(new Uint8Array(buf));

/** A positive 16-byte serial (RFC 5280 allows up to 20), lower-case hex as @peculiar/x509 reports serials. */
export function randomSerial(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0]! & 0x7f) | 0x01;
  return hex(b);
}

/** Parses a PEM or DER certificate, or says in one sentence why it is not one. */
export function readCertificate(input: string | Uint8Array, what = 'certificate'): x509.X509Certificate {
  try {
    const src = typeof input === 'string' ? input.trim() : (input as Uint8Array<ArrayBuffer>);
    if (typeof src === 'string' && !src.startsWith('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate header');
    return new x509.X509Certificate(src);
  } catch (e) {
    throw new CertificateError(`the ${what} is not a readable X.509 certificate (${(e as Error).message})`);
  }
}

/** SHA-256 of the certificate's DER, lower-case hex: how a project pins its studio root. */
export async function fingerprintOf(cert: string | x509.X509Certificate): Promise<string> {
  const c = typeof cert === 'string' ? readCertificate(cert) : cert;
  return hex(await c.getThumbprint('SHA-256'));
}

export function firstField(name: x509.Name, field: string): string | null {
  return name.getField(field)[0] ?? null;
}

export interface StudioRoot {
  name: string;
  certificatePem: string;
  fingerprint: string;
}

/** Makes a studio root: a self-signed CA certificate for an administrator's key pair. */
export async function createStudioRoot(opts: { name: string; keys: CryptoKeyPair; days?: number; now?: Date }): Promise<StudioRoot> {
  const name = checkText(opts.name, 'studio name', 64);
  const now = opts.now ?? new Date();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ O: [name] }, { OU: ['Previs Sandbox studio root'] }, { CN: [`${name} studio root`] }],
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + (opts.days ?? 3650) * DAY),
    signingAlgorithm: SIGNING,
    keys: opts.keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(opts.keys.publicKey),
    ],
  });
  return { name, certificatePem: cert.toString('pem'), fingerprint: await fingerprintOf(cert) };
}

export function studioNameOf(root: x509.X509Certificate): string {
  return firstField(root.subjectName, 'O') ?? firstField(root.subjectName, 'CN') ?? 'unnamed studio';
}

const EMAIL = /^[^\s@<>()[\],;:"\\]{1,64}@[A-Za-z0-9.-]{1,189}\.[A-Za-z]{2,63}$/;

function checkText(s: string, what: string, max: number): string {
  const t = (s ?? '').trim();
  if (!t) throw new CertificateError(`the ${what} is empty`);
  if (t.length > max) throw new CertificateError(`the ${what} is longer than ${max} characters`);
  // control and bidirectional-override characters have no place in a name a reviewer reads
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(t)) throw new CertificateError(`the ${what} contains control characters`);
  return t;
}

export function checkEmail(s: string): string {
  const t = checkText(s, 'e-mail address', 254);
  if (!EMAIL.test(t)) throw new CertificateError(`"${t}" is not an e-mail address`);
  return t.toLowerCase();
}

/** A member's enrolment request: PKCS#10, signed by the device key it asks a certificate for. */
export async function createMemberRequest(opts: { name: string; email: string; keys: CryptoKeyPair }): Promise<string> {
  const name = checkText(opts.name, 'name', 64);
  const email = checkEmail(opts.email);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [{ CN: [name] }, { E: [email] }],
    keys: opts.keys,
    signingAlgorithm: SIGNING,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'email', value: email }])],
  });
  return csr.toString('pem');
}

export interface MemberRequest {
  name: string;
  email: string;
  publicKey: x509.PublicKey;
  pem: string;
}

/** Reads and checks a request: its own signature must verify (the requester holds the key). */
export async function readMemberRequest(pem: string): Promise<MemberRequest> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    if (!pem.trim().startsWith('-----BEGIN CERTIFICATE REQUEST-----')) throw new Error('no PEM certificate request header');
    csr = new x509.Pkcs10CertificateRequest(pem.trim());
  } catch (e) {
    throw new CertificateError(`the enrolment request is not a readable PKCS#10 request (${(e as Error).message})`);
  }
  if (!(await csr.verify())) throw new CertificateError('the enrolment request is not signed by the key it names');
  const alg = csr.publicKey.algorithm as EcKeyAlgorithm;
  if (alg.name !== 'ECDSA' || alg.namedCurve !== 'P-256') throw new CertificateError('the enrolment request is not for a P-256 key');
  const name = checkText(firstField(csr.subjectName, 'CN') ?? '', 'name in the request', 64);
  const email = checkEmail(firstField(csr.subjectName, 'E') ?? '');
  return { name, email, publicKey: csr.publicKey, pem: csr.toString('pem') };
}

export interface IssueOptions {
  rootPem: string;
  rootKey: CryptoKey;
  requestPem: string;
  roles: readonly StudioRole[];
  days?: number;
  now?: Date;
  serial?: string;
}

/** The administrator's act: a member certificate for the request's key, granting exactly these roles. */
export async function issueMemberCertificate(o: IssueOptions): Promise<string> {
  const root = readCertificate(o.rootPem, 'studio root');
  const req = await readMemberRequest(o.requestPem);
  const roles = [...new Set(o.roles)];
  if (!roles.length) throw new CertificateError('a member certificate needs at least one role');
  for (const r of roles) if (!STUDIO_ROLES.includes(r)) throw new CertificateError(`unknown role "${r}" (roles: ${STUDIO_ROLES.join(', ')})`);
  const days = o.days ?? 365;
  if (!(days >= 1 && days <= 3650)) throw new CertificateError('--days must be between 1 and 3650');
  const now = o.now ?? new Date();
  const notAfter = new Date(Math.min(now.getTime() + days * DAY, root.notAfter.getTime()));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: o.serial ?? randomSerial(),
    subject: [{ O: [studioNameOf(root)] }, { CN: [req.name] }],
    issuer: root.subject,
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter,
    signingAlgorithm: SIGNING,
    publicKey: req.publicKey,
    signingKey: o.rootKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([EKU_DOCUMENT_SIGNING, EKU_EMAIL_PROTECTION], false),
      new x509.SubjectAlternativeNameExtension([{ type: 'email', value: req.email }]),
      await x509.SubjectKeyIdentifierExtension.create(req.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root, false),
      new x509.Extension(ROLES_EXTENSION_OID, false, encodeRoles(roles)),
    ],
  });
  return cert.toString('pem');
}

export interface Revocation {
  serial: string;
  date: Date;
}

export interface RevocationList {
  number: number;
  thisUpdate: Date;
  nextUpdate: Date | null;
  revoked: Revocation[];
  pem: string;
}

/** A CRL signed by the studio root; numbered, so everyone can tell which of two lists is newer. */
export async function createRevocationList(o: {
  rootPem: string;
  rootKey: CryptoKey;
  number: number;
  revoked: readonly Revocation[];
  now?: Date;
  days?: number;
}): Promise<string> {
  const root = readCertificate(o.rootPem, 'studio root');
  const now = o.now ?? new Date();
  const crl = await x509.X509CrlGenerator.create({
    issuer: root.subject,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + (o.days ?? 30) * DAY),
    signingAlgorithm: SIGNING,
    signingKey: o.rootKey,
    entries: o.revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.date })),
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(root, false),
      new x509.Extension(CRL_NUMBER_OID, false, new asn1js.Integer({ value: o.number }).toBER(false)),
    ],
  });
  return crlPem(crl);
}

/** Reads a CRL and checks it was signed by this studio root; anything else is refused, not ignored. */
export async function readRevocationList(pem: string, rootPem: string): Promise<RevocationList> {
  const root = readCertificate(rootPem, 'studio root');
  let crl: x509.X509Crl;
  try {
    const m = /^-----BEGIN (X509 )?CRL-----([A-Za-z0-9+/=\s]+)-----END (X509 )?CRL-----$/.exec(pem.trim());
    if (!m) throw new Error('no PEM X509 CRL block');
    crl = new x509.X509Crl(x509.PemConverter.decodeFirst(pem.trim()));
  } catch (e) {
    throw new CertificateError(`the revocation list is not a readable X.509 CRL (${(e as Error).message})`);
  }
  if (crl.issuerName.toString() !== root.subjectName.toString() || !(await crl.verify({ publicKey: root.publicKey }))) {
    throw new CertificateError('the revocation list is not signed by this studio root');
  }
  const ext = crl.extensions.find((e) => e.type === CRL_NUMBER_OID);
  let number = 0;
  if (ext) {
    const n = asn1js.fromBER(ext.value);
    if (n.offset === -1 || !(n.result instanceof asn1js.Integer)) throw new CertificateError('the revocation list number is unreadable');
    number = n.result.valueBlock.valueDec;
  }
  return {
    number,
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate ?? null,
    revoked: crl.entries.map((e) => ({ serial: e.serialNumber.toLowerCase(), date: e.revocationDate })),
    pem: crlPem(crl),
  };
}

/** openssl and most tools name the PEM block "X509 CRL" (RFC 7468 §5). */
function crlPem(crl: x509.X509Crl): string {
  return x509.PemConverter.encode(crl.rawData, 'X509 CRL');
}

/** Of several CRLs from one root, the newest (highest number): an older one must never undo a revocation. */
export function newestList(lists: readonly RevocationList[]): RevocationList | null {
  return lists.reduce<RevocationList | null>((a, b) => (!a || b.number > a.number ? b : a), null);
}
