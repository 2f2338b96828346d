// The administrator's side of the studio, on the administrator's machine: the root key (non-extractable, in
// IndexedDB — it never leaves this browser), the root certificate, the members issued and the revocation list.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { generateKeyPair } from '../core/disclosure/crypto';
import { createRevocationList, createStudioRoot, issueMemberCertificate, readMemberRequest, type Revocation } from '../core/studio/certificates';
import { describeCertificate } from '../core/studio/member';
import type { StudioRole } from '../core/studio/roles';
import { idbGet, idbPut } from './idb';

export interface IssuedMember {
  serial: string;
  name: string;
  email: string;
  roles: StudioRole[];
  notAfter: string;
  issuedAt: string;
  certificatePem: string;
}

interface StoredStudio {
  name: string;
  rootPem: string;
  fingerprint: string;
  keyPair: CryptoKeyPair;
  issued: IssuedMember[];
  revoked: { serial: string; date: string }[];
  crlNumber: number;
  crlPem: string;
}

export interface AdminState {
  studio: Omit<StoredStudio, 'keyPair'> | null;
  loaded: boolean;
}

export const adminStore = createStore<AdminState>()(() => ({ studio: null, loaded: false }));
export const useAdmin = <T>(sel: (s: AdminState) => T): T => useStore(adminStore, sel);

const KEY = 'studio-admin';
const hasIdb = () => typeof globalThis.indexedDB !== 'undefined';
let memory: StoredStudio | undefined;
const load = async () => (hasIdb() ? await idbGet<StoredStudio>('keys', KEY) : memory);
async function save(s: StoredStudio): Promise<void> {
  if (hasIdb()) await idbPut('keys', KEY, s);
  else memory = s;
  const { keyPair: _k, ...pub } = s;
  adminStore.setState({ studio: pub, loaded: true });
}

async function need(): Promise<StoredStudio> {
  const s = await load();
  if (!s) throw new Error('this browser holds no studio root: create one first (Studio → Administer)');
  return s;
}

async function listFor(s: StoredStudio, revoked: Revocation[], number: number): Promise<string> {
  return createRevocationList({ rootPem: s.rootPem, rootKey: s.keyPair.privateKey, number, revoked });
}

/** Makes the studio root. The private key is generated non-extractable: it can sign here and nowhere else. */
export async function createStudio(name: string): Promise<{ rootPem: string; fingerprint: string }> {
  if (await load()) throw new Error('this browser already holds a studio root');
  const keyPair = await generateKeyPair(false);
  const root = await createStudioRoot({ name, keys: keyPair });
  const base: StoredStudio = { name: root.name, rootPem: root.certificatePem, fingerprint: root.fingerprint, keyPair, issued: [], revoked: [], crlNumber: 1, crlPem: '' };
  base.crlPem = await listFor(base, [], 1);
  await save(base);
  return { rootPem: base.rootPem, fingerprint: base.fingerprint };
}

/** Issues a member certificate for an enrolment request, with exactly these roles. */
export async function issueMember(requestPem: string, roles: StudioRole[], days = 365): Promise<IssuedMember> {
  const s = await need();
  await readMemberRequest(requestPem);
  const certificatePem = await issueMemberCertificate({ rootPem: s.rootPem, rootKey: s.keyPair.privateKey, requestPem, roles, days });
  const info = await describeCertificate(certificatePem);
  const m: IssuedMember = { serial: info.serial, name: info.name, email: info.email, roles: info.roles, notAfter: info.notAfter.toISOString(), issuedAt: new Date().toISOString(), certificatePem };
  await save({ ...s, issued: [...s.issued, m] });
  return m;
}

/** Revokes a member: a new, higher-numbered revocation list signed by the root. */
export async function revokeMember(serial: string): Promise<string> {
  const s = await need();
  const ser = serial.trim().toLowerCase();
  if (!/^[0-9a-f]{2,40}$/.test(ser)) throw new Error(`"${serial}" is not a certificate serial (hex)`);
  if (s.revoked.some((r) => r.serial === ser)) return s.crlPem;
  const revoked = [...s.revoked, { serial: ser, date: new Date().toISOString() }];
  const crlNumber = s.crlNumber + 1;
  const crlPem = await listFor(s, revoked.map((r) => ({ serial: r.serial, date: new Date(r.date) })), crlNumber);
  await save({ ...s, revoked, crlNumber, crlPem });
  return crlPem;
}

if (typeof window !== 'undefined') {
  void load().then(
    (s) => {
      if (!s) return adminStore.setState({ loaded: true });
      const { keyPair: _k, ...pub } = s;
      adminStore.setState({ studio: pub, loaded: true });
    },
    () => adminStore.setState({ loaded: true }),
  );
}
