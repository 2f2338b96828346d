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

// Signing in with no round trip, so the app needs nothing but the WebSocket: the member makes the nonce itself
// from the server's address (host:port, as the client dialled it), the time and 16 random bytes. The server
// accepts it only for its own address, within a minute of its clock, and once.
const SELF = 'self';

export function selfNonce(audience: string, at: Date, random: string): string {
  return `${SELF}|${audience.toLowerCase()}|${at.getTime()}|${random}`;
}

export function parseSelfNonce(nonce: string): { audience: string; at: number } | null {
  const m = /^self\|([^|]{1,300})\|(\d{1,16})\|([A-Za-z0-9_-]{16,64})$/.exec(nonce);
  return m ? { audience: m[1]!, at: Number(m[2]) } : null;
}

/** The member's side of the no-round-trip sign-in for the server at `audience` (host:port). */
export async function selfSignIn(audience: string, certificatePem: string, sign: (bytes: Uint8Array) => Promise<string>, now = new Date()): Promise<SignInAnswer> {
  const random = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return answerChallenge(selfNonce(audience, now, random), certificatePem, sign);
}
