// A C2PA signing credential made on this machine: a local CA ("Previs Sandbox local CA — not on the C2PA trust
// list") issues one end-entity certificate for a person's ES256 key. The end-entity certificate follows the
// C2PA certificate profile (C2PA 2.x §14.5; the rules c2pa-rs checks in check_certificate_profile):
// v3, ecdsa-with-SHA256 over P-256, not a CA, keyUsage digitalSignature (critical) and nothing for certificates,
// extendedKeyUsage id-kp-documentSigning + id-kp-emailProtection (never anyExtendedKeyUsage), an
// authorityKeyIdentifier, an organisation in the subject, inside its validity period. Validators then report the
// manifest valid but the credential untrusted (signingCredential.untrusted) — which is the truth: no CA on the
// C2PA trust list vouches for it. The CA key signs once and is dropped, so it can issue nothing else.
import { bitString, bool, explicit, implicitPrimitive, namedBits, octets, oid, seq, set, smallInt, time, toPem, unsignedInt, utf8String, type Der } from './der';

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  documentSigning: '1.3.6.1.5.5.7.3.36',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

export const LOCAL_CA_NAME = 'Previs Sandbox local CA — not on the C2PA trust list';
export const C2PA_ORG = 'Previs Sandbox';
const KU_DIGITAL_SIGNATURE = 0;
const KU_KEY_CERT_SIGN = 5;
const KU_CRL_SIGN = 6;
const DAY = 86_400_000;

const ES256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface C2paCredential {
  /** end-entity certificate (DER); the COSE x5chain is just this — the root never travels in the chain */
  certificate: Uint8Array;
  /** the local CA certificate (DER), for a verifier that chooses to trust it */
  caCertificate: Uint8Array;
  keyPair: CryptoKeyPair;
  holder: string;
  notAfter: string;
}

interface Name {
  cn: string;
  o: string;
  ou?: string;
}

function name(n: Name): Der {
  const rdn = (type: string, value: string) => set(seq(oid(type), utf8String(value)));
  return seq(rdn(OID.organization, n.o), ...(n.ou ? [rdn(OID.organizationalUnit, n.ou)] : []), rdn(OID.commonName, n.cn));
}

function extension(id: string, critical: boolean, value: Der): Der {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** The subjectPublicKey bits inside an SPKI (the last 65 bytes for an uncompressed P-256 point). */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  return spki.subarray(spki.length - 65);
}

async function keyId(spki: Uint8Array): Promise<Uint8Array> {
  // RFC 7093 §2 method 1: leftmost 160 bits of the SHA-256 of the subjectPublicKey
  return new Uint8Array(await crypto.subtle.digest('SHA-256', publicKeyBits(spki) as Uint8Array<ArrayBuffer>)).subarray(0, 20);
}

/** WebCrypto ECDSA gives r‖s; X.509 wants Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
function ecdsaSigValue(raw: Uint8Array): Der {
  return seq(unsignedInt(raw.subarray(0, 32)), unsignedInt(raw.subarray(32, 64)));
}

function randomSerial(): Uint8Array {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0]! & 0x7f) | 0x01; // positive, non-zero, 16 bytes ≤ the 20 RFC 5280 allows
  return b;
}

interface CertSpec {
  issuer: Name;
  subject: Name;
  spki: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  extensions: Der[];
  signingKey: CryptoKey;
}

async function issue(spec: CertSpec): Promise<Uint8Array> {
  const alg = seq(oid(OID.ecdsaWithSha256));
  const tbs = seq(
    explicit(0, smallInt(2)),
    unsignedInt(randomSerial()),
    alg,
    name(spec.issuer),
    seq(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.spki,
    explicit(3, seq(...spec.extensions)),
  );
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, spec.signingKey, tbs as Uint8Array<ArrayBuffer>));
  return seq(tbs, alg, bitString(ecdsaSigValue(sig)));
}

/**
 * Makes a fresh local CA and an end-entity certificate for a new (non-extractable) ES256 key of `holder`.
 * Valid from an hour ago (clock skew) for `days` days.
 */
export async function createC2paCredential(holder: string, opts: { now?: Date; days?: number } = {}): Promise<C2paCredential> {
  const now = opts.now ?? new Date();
  const notBefore = new Date(now.getTime() - 3_600_000);
  const notAfter = new Date(now.getTime() + (opts.days ?? 365) * DAY);
  const ca = await crypto.subtle.generateKey(ES256, false, ['sign', 'verify']);
  const ee = await crypto.subtle.generateKey(ES256, false, ['sign', 'verify']);
  const caSpki = new Uint8Array(await crypto.subtle.exportKey('spki', ca.publicKey));
  const eeSpki = new Uint8Array(await crypto.subtle.exportKey('spki', ee.publicKey));
  const caName: Name = { o: C2PA_ORG, ou: 'local, untrusted', cn: LOCAL_CA_NAME };
  const caKid = await keyId(caSpki);
  const caCertificate = await issue({
    issuer: caName,
    subject: caName,
    spki: caSpki,
    notBefore,
    notAfter: new Date(notAfter.getTime() + DAY),
    signingKey: ca.privateKey,
    extensions: [
      extension(OID.basicConstraints, true, seq(bool(true), smallInt(0))),
      extension(OID.keyUsage, true, namedBits([KU_KEY_CERT_SIGN, KU_CRL_SIGN])),
      extension(OID.subjectKeyId, false, octets(caKid)),
    ],
  });
  const certificate = await issue({
    issuer: caName,
    subject: { o: C2PA_ORG, cn: holder.trim().slice(0, 64) || 'Previs Sandbox user' },
    spki: eeSpki,
    notBefore,
    notAfter,
    signingKey: ca.privateKey,
    extensions: [
      extension(OID.basicConstraints, true, seq()),
      extension(OID.keyUsage, true, namedBits([KU_DIGITAL_SIGNATURE])),
      extension(OID.extKeyUsage, false, seq(oid(OID.documentSigning), oid(OID.emailProtection))),
      extension(OID.subjectKeyId, false, octets(await keyId(eeSpki))),
      extension(OID.authorityKeyId, false, seq(implicitPrimitive(0, caKid))),
    ],
  });
  return { certificate, caCertificate, keyPair: ee, holder, notAfter: notAfter.toISOString() };
}

export function caPem(cred: Pick<C2paCredential, 'caCertificate'>): string {
  return toPem('CERTIFICATE', cred.caCertificate);
}

/** A stored credential is reused until a day before it ends. */
export function credentialUsable(cred: Pick<C2paCredential, 'notAfter'>, now = new Date()): boolean {
  return Date.parse(cred.notAfter) - now.getTime() > DAY;
}
