// A render node enrolled in a test studio the way `npm run studio -- request` + `issue` do it: an ECDSA key
// written as encrypted PKCS#8 under a passphrase file, and its member certificate.
import { createPrivateKey, webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemberRequest, ECDSA_P256, issueMemberCertificate } from '../../src/core/studio/certificates';
import type { TestStudio } from '../../src/core/studio/testStudio.testutil';

export interface RenderNode {
  certFile: string;
  keyFile: string;
  passFile: string;
  rootFile: string;
  certificatePem: string;
  pkcs8B64: string;
}

export async function enrolRenderNode(studio: TestStudio, dir: string, name = 'Render Node'): Promise<RenderNode> {
  const keys = (await webcrypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const requestPem = await createMemberRequest({ name, email: 'render@northlight.example', keys });
  const certificatePem = await issueMemberCertificate({ rootPem: studio.rootPem, rootKey: studio.rootKey, requestPem, roles: ['artist'], days: 30 });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const pass = 'render node passphrase';
  const files = { certFile: join(dir, 'node.pem'), keyFile: join(dir, 'node.key.pem'), passFile: join(dir, 'node.pass'), rootFile: join(dir, 'studio-root.pem') };
  writeFileSync(files.certFile, certificatePem);
  writeFileSync(files.keyFile, createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: pass }));
  writeFileSync(files.passFile, pass);
  writeFileSync(files.rootFile, studio.rootPem);
  return { ...files, certificatePem, pkcs8B64: pkcs8.toString('base64') };
}
