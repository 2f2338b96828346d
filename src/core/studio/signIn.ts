// Signing in to a studio server by challenge: the server sends a random nonce, the member answers with their
// certificate and the device key's signature over a fixed context string and the nonce. The context keeps a
// sign-in signature from ever being mistaken for a signature over a ledger entry (those sign 32-byte hashes).
import { utf8 } from '../disclosure/crypto';

export const SIGN_IN_CONTEXT = 'previs-sandbox/studio-sign-in/v1';

export interface SignInAnswer {
  nonce: string;
  certificatePem: string;
  /** ECDSA P-256 over signInMessage(nonce), raw r‖s base64url */
  signature: string;
}

export const signInMessage = (nonce: string): Uint8Array<ArrayBuffer> => utf8(`${SIGN_IN_CONTEXT}\n${nonce}`);

/** The member's side: sign the nonce with the device key (which never leaves the browser). */
export async function answerChallenge(nonce: string, certificatePem: string, sign: (bytes: Uint8Array) => Promise<string>): Promise<SignInAnswer> {
  return { nonce, certificatePem, signature: await sign(signInMessage(nonce)) };
}
