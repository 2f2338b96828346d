// Who is signing on this machine. A person's device key is an ECDSA P-256 key generated in this browser; its
// private half is non-extractable (the CryptoKey object itself lives in IndexedDB, usable but never readable).
// Enrolment gives that key its authority: the person sends an enrolment request (PKCS#10) to the studio
// administrator, who returns a member certificate naming their roles; the person imports it with the studio
// root. Until then the key still signs disclosure records (an artist's work is always disclosed), but nothing it
// signs approves or consents. No role is ever typed or chosen here: roles come from the certificate alone.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { generateKeyPair, signerFromKeyPair, type PublicKeyJwk, type Signer } from '../core/disclosure/crypto';
import { createMemberRequest, readRevocationList } from '../core/studio/certificates';
import { checkMember, describeCertificate, prepareTrust, type MemberCheck, type MemberInfo, type StudioTrust } from '../core/studio/member';
import { idbGet, idbPut } from './idb';

interface StoredKey {
  holder: string;
  keyPair: CryptoKeyPair;
  keyId: string;
  publicKeyJwk: PublicKeyJwk;
  createdAt: string;
}

/** What this browser keeps of its person's enrolment (IndexedDB `keys`, key `enrolment`). */
export interface Enrolment {
  name: string;
  email: string;
  keyPair: CryptoKeyPair;
  keyId: string;
  requestPem: string;
  certificatePem: string | null;
  rootPem: string | null;
  crlPems: string[];
  createdAt: string;
}

const LOCAL_NAME_KEY = 'previs.identity';
const ENROLMENT_KEY = 'enrolment';

function readLocalName(): string {
  try {
    const raw = globalThis.localStorage?.getItem(LOCAL_NAME_KEY);
    const v = raw ? (JSON.parse(raw) as { name?: unknown }) : {};
    return typeof v.name === 'string' && v.name.trim() ? v.name : 'Artist';
  } catch {
    return 'Artist';
  }
}

export interface IdentityState {
  /** the name on what this person signs: the certificate's when enrolled, else the local name */
  name: string;
  /** a name for an unenrolled person's records; it proves nothing */
  localName: string;
  enrolment: Omit<Enrolment, 'keyPair'> | null;
  /** what the imported certificate says */
  member: MemberInfo | null;
  /** the certificate checked now against the studio root and the newest revocation list */
  standing: MemberCheck | null;
  studio: { name: string; fingerprint: string } | null;
  /** true once IndexedDB has been read */
  loaded: boolean;
  setLocalName(name: string): void;
}

export const identityStore = createStore<IdentityState>()((set, get) => ({
  name: readLocalName(),
  localName: readLocalName(),
  enrolment: null,
  member: null,
  standing: null,
  studio: null,
  loaded: false,
  setLocalName(name) {
    const n = name.trim() || get().localName;
    set({ localName: n, name: get().member ? get().name : n });
    try {
      globalThis.localStorage?.setItem(LOCAL_NAME_KEY, JSON.stringify({ name: n }));
    } catch {
      // private mode: the name lasts for this session
    }
  },
}));

export function useIdentity<T>(selector: (s: IdentityState) => T): T {
  return useStore(identityStore, selector);
}

const hasIdb = () => typeof globalThis.indexedDB !== 'undefined';
/** where IndexedDB is missing (Node tests, some private modes) keys live for this session only */
const memory = new Map<string, unknown>();
const load = <T>(key: string): Promise<T | undefined> => (hasIdb() ? idbGet<T>('keys', key) : Promise.resolve(memory.get(key) as T | undefined));
const save = (key: string, v: unknown): Promise<void> => (hasIdb() ? idbPut('keys', key, v) : (memory.set(key, v), Promise.resolve()));

let enrolmentCache: Promise<Enrolment | null> | null = null;
function loadEnrolment(): Promise<Enrolment | null> {
  if (!enrolmentCache) {
    enrolmentCache = load<Enrolment>(ENROLMENT_KEY).then((e) => e ?? null);
    enrolmentCache.catch(() => (enrolmentCache = null));
  }
  return enrolmentCache;
}

async function storeEnrolment(e: Enrolment): Promise<void> {
  await save(ENROLMENT_KEY, e);
  enrolmentCache = Promise.resolve(e);
  await refreshIdentity();
}

/** The studio trust this person holds: the root they imported and every revocation list they were given. */
export function currentTrust(): StudioTrust | null {
  return trustCache;
}
let trustCache: StudioTrust | null = null;

/** Re-reads the enrolment and re-checks the certificate now (after an import, a new CRL, or on start). */
export async function refreshIdentity(): Promise<void> {
  const e = await loadEnrolment();
  const s = identityStore.getState();
  if (!e) {
    trustCache = null;
    identityStore.setState({ enrolment: null, member: null, standing: null, studio: null, name: s.localName, loaded: true });
    return;
  }
  const { keyPair: _k, ...info } = e;
  trustCache = e.rootPem ? { rootPem: e.rootPem, crlPems: e.crlPems } : null;
  let member: MemberInfo | null = null;
  let standing: MemberCheck | null = null;
  let studio: IdentityState['studio'] = null;
  if (e.certificatePem) member = await describeCertificate(e.certificatePem).catch(() => null);
  if (trustCache) {
    try {
      const t = await prepareTrust(trustCache);
      studio = { name: t.studio, fingerprint: t.rootFingerprint };
      if (e.certificatePem) standing = await checkMember(e.certificatePem, t, new Date());
    } catch {
      studio = null;
    }
  }
  identityStore.setState({ enrolment: info, member, standing, studio, name: member?.name ?? s.localName, loaded: true });
}

/** Step 1 of enrolment: a new device key and the request the administrator turns into a certificate. */
export async function startEnrolment(name: string, email: string): Promise<string> {
  const keyPair = await generateKeyPair(false);
  const requestPem = await createMemberRequest({ name, email, keys: keyPair });
  const signer = await signerFromKeyPair(keyPair);
  const prev = await loadEnrolment();
  await storeEnrolment({
    name: name.trim(),
    email: email.trim().toLowerCase(),
    keyPair,
    keyId: signer.keyId,
    requestPem,
    certificatePem: null,
    rootPem: prev?.rootPem ?? null,
    crlPems: prev?.crlPems ?? [],
    createdAt: new Date().toISOString(),
  });
  return requestPem;
}

/** Step 2: the studio root this person trusts (from the administrator, by hand — never from a project file). */
export async function importStudioRoot(rootPem: string): Promise<void> {
  await prepareTrust({ rootPem });
  const e = await loadEnrolment();
  if (!e) throw new Error('make an enrolment request first (Studio → Enrol)');
  if (e.rootPem && e.rootPem.trim() !== rootPem.trim()) {
    // another studio: its revocation lists and any certificate from the old root no longer apply
    await storeEnrolment({ ...e, rootPem: rootPem.trim(), crlPems: [], certificatePem: null });
  } else await storeEnrolment({ ...e, rootPem: rootPem.trim() });
}

/** Step 3: the member certificate the administrator issued for this browser's key. */
export async function importMemberCertificate(certificatePem: string, rootPem?: string): Promise<MemberCheck> {
  if (rootPem) await importStudioRoot(rootPem);
  const e = await loadEnrolment();
  if (!e) throw new Error('make an enrolment request first (Studio → Enrol)');
  if (!e.rootPem) throw new Error('import the studio root certificate with it');
  const info = await describeCertificate(certificatePem);
  if (info.keyId !== e.keyId) throw new Error('this certificate is for another key, not the one this browser asked for');
  const check = await checkMember(certificatePem, { rootPem: e.rootPem, crlPems: e.crlPems }, new Date());
  if (check.state === 'other-studio' || check.state === 'bad-certificate') throw new Error(check.reason);
  await storeEnrolment({ ...e, certificatePem: info.certificatePem });
  return check;
}

/** A revocation list from the administrator; refused unless the studio root signed it. Older lists never win. */
export async function importRevocationList(crlPem: string): Promise<number> {
  const e = await loadEnrolment();
  if (!e?.rootPem) throw new Error('import the studio root certificate first');
  const list = await readRevocationList(crlPem, e.rootPem);
  if (!e.crlPems.some((p) => p.replace(/\s+/g, '') === list.pem.replace(/\s+/g, ''))) await storeEnrolment({ ...e, crlPems: [...e.crlPems, list.pem] });
  return list.number;
}

/**
 * A machine without a browser of its own (a render node running the headless export) takes a member key made by
 * `npm run studio -- request`: the PKCS#8 bytes are imported non-extractable and kept as this profile's enrolment.
 */
export async function adoptMemberKey(pkcs8: Uint8Array, certificatePem: string, rootPem: string, crlPems: string[] = []): Promise<MemberCheck> {
  const info = await describeCertificate(certificatePem);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const publicKey = await crypto.subtle.importKey('jwk', { ...info.publicKeyJwk, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  const keyPair = { privateKey, publicKey } as CryptoKeyPair;
  // the key must be the certificate's: a test signature under the certificate's public key
  const probe = new TextEncoder().encode('previs member key check');
  const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, probe);
  if (!(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, sig, probe))) throw new Error('the member key does not belong to the member certificate');
  const check = await checkMember(certificatePem, { rootPem, crlPems }, new Date());
  if (check.state === 'other-studio' || check.state === 'bad-certificate') throw new Error(check.reason);
  await storeEnrolment({ name: info.name, email: info.email, keyPair, keyId: info.keyId, requestPem: '', certificatePem: info.certificatePem, rootPem: rootPem.trim(), crlPems, createdAt: new Date().toISOString() });
  return check;
}

/** The certificate to enter in the ledger with what this person signs, when enrolled. */
export async function currentCertificate(): Promise<string | null> {
  return (await loadEnrolment())?.certificatePem ?? null;
}

const signers = new Map<string, Promise<Signer>>();

async function loadOrCreate(holder: string): Promise<Signer> {
  const idKey = `signing:${holder}`;
  const stored = await load<StoredKey>(idKey);
  if (stored) return signerFromKeyPair(stored.keyPair);
  const keyPair = await generateKeyPair(false);
  const signer = await signerFromKeyPair(keyPair);
  await save(idKey, { holder, keyPair, keyId: signer.keyId, publicKeyJwk: signer.publicKeyJwk, createdAt: new Date().toISOString() } satisfies StoredKey);
  return signer;
}

/** An unenrolled local key, per name (records by someone not yet enrolled still disclose). */
export function signerFor(holder: string): Promise<Signer> {
  let p = signers.get(holder);
  if (!p) {
    p = loadOrCreate(holder);
    signers.set(holder, p);
    p.catch(() => signers.delete(holder));
  }
  return p;
}

/** The key this person signs with: the enrolled device key once there is one, else the local one. */
export async function currentSigner(): Promise<Signer> {
  const e = await loadEnrolment();
  if (e) return signerFromKeyPair(e.keyPair);
  return signerFor(identityStore.getState().localName);
}

/** The device key pair, for C2PA signing with the member certificate. */
export async function enrolledKeyPair(): Promise<{ keyPair: CryptoKeyPair; certificatePem: string } | null> {
  const e = await loadEnrolment();
  return e?.certificatePem ? { keyPair: e.keyPair, certificatePem: e.certificatePem } : null;
}

if (typeof window !== 'undefined') void refreshIdentity().catch(() => identityStore.setState({ loaded: true }));
