// A studio for tests: a root, and members enrolled through the same request → issue path the app uses.
import { generateKeyPair, signerFromKeyPair, type Signer } from '../disclosure/crypto';
import { createMemberRequest, createRevocationList, createStudioRoot, issueMemberCertificate, type Revocation } from './certificates';
import type { StudioRole } from './roles';

export interface TestStudio {
  name: string;
  rootPem: string;
  rootKey: CryptoKey;
  fingerprint: string;
  enrol(name: string, email: string, roles: StudioRole[], o?: { days?: number; now?: Date }): Promise<TestMember>;
  crl(revoked: Revocation[], number: number): Promise<string>;
}

export interface TestMember {
  name: string;
  email: string;
  certificatePem: string;
  signer: Signer;
  keys: CryptoKeyPair;
}

export async function makeTestStudio(name = 'Northlight Pictures', now = new Date()): Promise<TestStudio> {
  const keys = await generateKeyPair(false);
  const root = await createStudioRoot({ name, keys, now });
  return {
    name,
    rootPem: root.certificatePem,
    rootKey: keys.privateKey,
    fingerprint: root.fingerprint,
    async enrol(mName, email, roles, o = {}) {
      const mk = await generateKeyPair(false);
      const requestPem = await createMemberRequest({ name: mName, email, keys: mk });
      const certificatePem = await issueMemberCertificate({ rootPem: root.certificatePem, rootKey: keys.privateKey, requestPem, roles, days: o.days, now: o.now ?? now });
      return { name: mName, email, certificatePem, signer: await signerFromKeyPair(mk), keys: mk };
    },
    crl(revoked, number) {
      return createRevocationList({ rootPem: root.certificatePem, rootKey: keys.privateKey, number, revoked, now });
    },
  };
}
