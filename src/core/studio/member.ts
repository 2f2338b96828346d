// The one question every approval, consent, export gate, verifier and server asks of a certificate: is this a
// member of this studio, with which roles, at this moment? Answered only from the studio root the caller holds
// (never a root carried in a file) and the newest revocation list signed by that root.
import { x509 } from './x509';
import { exportPublicJwk, keyIdOf, type PublicKeyJwk } from '../disclosure/crypto';
import { CertificateError, ECDSA_P256, fingerprintOf, firstField, newestList, readCertificate, readRevocationList, type RevocationList } from './certificates';
import { decodeRoles, ROLES_EXTENSION_OID, type StudioRole } from './roles';

export { STUDIO_ROLES, type StudioRole } from './roles';

export interface StudioTrust {
  /** the studio root certificate, from the administrator — never from the file being checked */
  rootPem: string;
  /** revocation lists signed by that root; the newest (highest number) is used */
  crlPem?: string | null;
  crlPems?: readonly string[];
}

export interface MemberInfo {
  /** lower-case e-mail: one person, whichever device or certificate they sign with */
  person: string;
  name: string;
  email: string;
  roles: StudioRole[];
  /** lower-case hex */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** RFC 7638 thumbprint of the certificate's public key (the device key) */
  keyId: string;
  publicKeyJwk: PublicKeyJwk;
  certificatePem: string;
  studio: string;
}

export type MemberState = 'valid' | 'revoked' | 'expired' | 'not-yet-valid' | 'other-studio' | 'bad-certificate';

export type MemberCheck =
  | { ok: true; state: 'valid'; member: MemberInfo }
  | { ok: false; state: Exclude<MemberState, 'valid'>; reason: string; member: MemberInfo | null };

export interface PreparedTrust {
  root: x509.X509Certificate;
  rootFingerprint: string;
  studio: string;
  crl: RevocationList | null;
}

const prepared = new Map<string, Promise<PreparedTrust>>();

/** Reads the root and its revocation lists once; a bad root or a list from another root is an error. */
export function prepareTrust(trust: StudioTrust): Promise<PreparedTrust> {
  const key = [trust.rootPem, trust.crlPem ?? '', ...(trust.crlPems ?? [])].join('\u0000');
  let p = prepared.get(key);
  if (!p) {
    p = (async () => {
      const root = readCertificate(trust.rootPem, 'studio root');
      const bc = root.getExtension(x509.BasicConstraintsExtension);
      if (!bc?.ca) throw new CertificateError('the studio root is not a CA certificate');
      if (root.subjectName.toString() !== root.issuerName.toString() || !(await root.verify({ signatureOnly: true }))) {
        throw new CertificateError('the studio root is not self-signed');
      }
      const lists: RevocationList[] = [];
      for (const pem of [trust.crlPem, ...(trust.crlPems ?? [])]) if (pem) lists.push(await readRevocationList(pem, trust.rootPem));
      return {
        root,
        rootFingerprint: await fingerprintOf(root),
        studio: firstField(root.subjectName, 'O') ?? 'studio',
        crl: newestList(lists),
      };
    })();
    if (prepared.size > 32) prepared.clear();
    prepared.set(key, p);
    p.catch(() => prepared.delete(key));
  }
  return p;
}

async function jwkOf(cert: x509.X509Certificate): Promise<PublicKeyJwk> {
  const alg = cert.publicKey.algorithm as EcKeyAlgorithm;
  if (alg.name !== 'ECDSA' || alg.namedCurve !== 'P-256') throw new CertificateError('the certificate is not for a P-256 key');
  const key = await globalThis.crypto.subtle.importKey('spki', cert.publicKey.rawData, ECDSA_P256, true, ['verify']);
  return exportPublicJwk(key);
}

/** What a certificate says about its holder, without judging it (for display and for the checks below). */
export async function describeCertificate(certificatePem: string): Promise<MemberInfo> {
  const cert = readCertificate(certificatePem, 'member certificate');
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const email = (san?.names.items.find((n) => n.type === 'email')?.value ?? firstField(cert.subjectName, 'E') ?? '').toLowerCase();
  const rolesExt = cert.getExtension(ROLES_EXTENSION_OID);
  const publicKeyJwk = await jwkOf(cert);
  return {
    person: email,
    name: firstField(cert.subjectName, 'CN') ?? '(no name)',
    email,
    roles: rolesExt ? decodeRoles(rolesExt.value) : [],
    serial: cert.serialNumber.toLowerCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    keyId: await keyIdOf(publicKeyJwk),
    publicKeyJwk,
    certificatePem: cert.toString('pem'),
    studio: firstField(cert.subjectName, 'O') ?? '',
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Is the holder of this certificate a member of the trusted studio at time `at`, and with which roles? */
export async function checkMember(certificatePem: string, trust: StudioTrust | PreparedTrust, at: Date): Promise<MemberCheck> {
  let member: MemberInfo;
  let cert: x509.X509Certificate;
  try {
    cert = readCertificate(certificatePem, 'member certificate');
    member = await describeCertificate(certificatePem);
  } catch (e) {
    return { ok: false, state: 'bad-certificate', reason: (e as Error).message, member: null };
  }
  const t = 'root' in trust ? trust : await prepareTrust(trust);
  const who = `${member.name} <${member.email}> (serial ${member.serial})`;
  if (cert.issuerName.toString() !== t.root.subjectName.toString() || !(await cert.verify({ publicKey: t.root.publicKey, signatureOnly: true }))) {
    return { ok: false, state: 'other-studio', reason: `${who}: certificate was not issued by this studio's root (${t.studio})`, member };
  }
  if (cert.getExtension(x509.BasicConstraintsExtension)?.ca) {
    return { ok: false, state: 'bad-certificate', reason: `${who}: a CA certificate is not a member certificate`, member };
  }
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  if (!ku || !(ku.usages & x509.KeyUsageFlags.digitalSignature)) {
    return { ok: false, state: 'bad-certificate', reason: `${who}: certificate does not allow digital signatures`, member };
  }
  if (!member.email) return { ok: false, state: 'bad-certificate', reason: `${who}: certificate names no e-mail address`, member };
  // conservative rule: a revoked member's signatures stop counting whenever they claim to have been made, since
  // the time in a signed event is the signer's own word; a current member must re-approve
  const revoked = t.crl?.revoked.find((r) => r.serial === member.serial);
  if (revoked) return { ok: false, state: 'revoked', reason: `${who}: certificate was revoked on ${day(revoked.date)} (revocation list #${t.crl!.number})`, member };
  if (at.getTime() < member.notBefore.getTime()) {
    return { ok: false, state: 'not-yet-valid', reason: `${who}: certificate was not yet valid at ${at.toISOString()} (valid from ${day(member.notBefore)})`, member };
  }
  if (at.getTime() > member.notAfter.getTime()) {
    return { ok: false, state: 'expired', reason: `${who}: certificate had expired at ${at.toISOString()} (valid until ${day(member.notAfter)})`, member };
  }
  return { ok: true, state: 'valid', member };
}
