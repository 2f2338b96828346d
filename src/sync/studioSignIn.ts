// The app's side of studio sign-in: fetch a challenge from the server's HTTP address, answer it with the
// member certificate and the device key. Used as the provider's token (a fresh answer per connection) and
// for the ticket the asset routes want.
import { answerChallenge } from '../core/studio/signIn';

export interface MemberCredential {
  certificatePem: string;
  /** signs with the non-extractable device key (store/signingKeys) */
  sign(bytes: Uint8Array): Promise<string>;
}

/** ws://host:port → http://host:port */
export const httpOf = (wsUrl: string): string => wsUrl.replace(/^ws(s?):/, 'http$1:').replace(/\/$/, '');

async function signedAnswer(wsUrl: string, cred: MemberCredential) {
  const res = await fetch(`${httpOf(wsUrl)}/auth/challenge`);
  if (!res.ok) throw new Error(`the studio server gave no sign-in challenge (${res.status}): ${await res.text()}`);
  const { nonce } = (await res.json()) as { nonce: string };
  return answerChallenge(nonce, cred.certificatePem, cred.sign);
}

export function studioToken(wsUrl: string, cred: MemberCredential): () => Promise<string> {
  return async () => JSON.stringify(await signedAnswer(wsUrl, cred));
}

export async function assetTicket(wsUrl: string, cred: MemberCredential): Promise<string> {
  const res = await fetch(`${httpOf(wsUrl)}/auth/ticket`, { method: 'POST', body: JSON.stringify(await signedAnswer(wsUrl, cred)) });
  const body = (await res.json()) as { ticket?: string; error?: string };
  if (!res.ok || !body.ticket) throw new Error(`sign-in refused: ${body.error ?? res.status}`);
  return body.ticket;
}
