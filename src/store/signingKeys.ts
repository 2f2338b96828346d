// Per-user signing keys. Each person who runs effects, reviews or records consent signs with their own ECDSA
// P-256 key, generated in this browser. The private key is non-extractable: the CryptoKey object itself is kept
// in IndexedDB (structured clone keeps it usable but never readable). Only the public key leaves: it is
// registered in the project ledger and can be exported as a JWK for a verifier to pin.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { generateKeyPair, signerFromKeyPair, type PublicKeyJwk, type Signer } from '../core/disclosure/crypto';
import type { ReviewRole } from '../core/disclosure/vocab';
import { REVIEW_ROLES } from '../core/disclosure/vocab';
import { idbAll, idbGet, idbPut } from './idb';

export interface Identity {
  name: string;
  role: ReviewRole;
}

interface StoredKey {
  holder: string;
  keyPair: CryptoKeyPair;
  keyId: string;
  publicKeyJwk: PublicKeyJwk;
  createdAt: string;
}

const IDENTITY_KEY = 'previs.identity';
const TRUSTED_KEY = 'previs.trustedKeys';

function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // private mode or a full quota: the identity then lasts for this session only
  }
}

function initialIdentity(): Identity {
  const v = readJson<Partial<Identity>>(IDENTITY_KEY, {});
  const role = REVIEW_ROLES.includes(v.role as ReviewRole) ? (v.role as ReviewRole) : 'artist';
  return { name: typeof v.name === 'string' && v.name.trim() ? v.name : 'Artist', role };
}

export interface IdentityState extends Identity {
  /** public keys this user trusts when verifying (pasted JWKs of colleagues) */
  trustedKeys: PublicKeyJwk[];
  setIdentity(i: Partial<Identity>): void;
  trustKey(jwk: PublicKeyJwk): void;
  untrustKey(x: string): void;
}

export const identityStore = createStore<IdentityState>()((set, get) => ({
  ...initialIdentity(),
  trustedKeys: readJson<PublicKeyJwk[]>(TRUSTED_KEY, []),
  setIdentity(i) {
    const name = i.name !== undefined ? i.name.trim() || get().name : get().name;
    const role = i.role ?? get().role;
    set({ name, role });
    writeJson(IDENTITY_KEY, { name, role });
  },
  trustKey(jwk) {
    const list = [...get().trustedKeys.filter((k) => k.x !== jwk.x), jwk];
    set({ trustedKeys: list });
    writeJson(TRUSTED_KEY, list);
  },
  untrustKey(x) {
    const list = get().trustedKeys.filter((k) => k.x !== x);
    set({ trustedKeys: list });
    writeJson(TRUSTED_KEY, list);
  },
}));

export function useIdentity<T>(selector: (s: IdentityState) => T): T {
  return useStore(identityStore, selector);
}

const hasIdb = () => typeof globalThis.indexedDB !== 'undefined';
const signers = new Map<string, Promise<Signer>>();
/** where IndexedDB is missing (Node tests, some private modes) keys live for this session only */
const memory = new Map<string, StoredKey>();

async function loadOrCreate(holder: string): Promise<Signer> {
  const idKey = `signing:${holder}`;
  let stored: StoredKey | undefined = hasIdb() ? await idbGet<StoredKey>('keys', idKey) : memory.get(idKey);
  if (!stored) {
    const keyPair = await generateKeyPair(false);
    const signer = await signerFromKeyPair(keyPair);
    stored = { holder, keyPair, keyId: signer.keyId, publicKeyJwk: signer.publicKeyJwk, createdAt: new Date().toISOString() };
    if (hasIdb()) await idbPut('keys', idKey, stored);
    else memory.set(idKey, stored);
    return signer;
  }
  return signerFromKeyPair(stored.keyPair);
}

/** The signer of a person on this machine; created on first use. */
export function signerFor(holder: string): Promise<Signer> {
  let p = signers.get(holder);
  if (!p) {
    p = loadOrCreate(holder);
    signers.set(holder, p);
    p.catch(() => signers.delete(holder));
  }
  return p;
}

export function currentSigner(): Promise<Signer> {
  return signerFor(identityStore.getState().name);
}

/** The keys held in this browser (public halves only), for the key list and JWK export. */
export async function localKeys(): Promise<{ holder: string; keyId: string; publicKeyJwk: PublicKeyJwk; createdAt: string }[]> {
  const all = hasIdb() ? (await idbAll<StoredKey>('keys')).filter((k) => k && typeof k === 'object' && 'keyId' in k) : [...memory.values()];
  return all.map(({ holder, keyId, publicKeyJwk, createdAt }) => ({ holder, keyId, publicKeyJwk, createdAt }));
}
