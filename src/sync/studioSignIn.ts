// The app's side of studio sign-in. The provider's token (a fresh one per connection) is signed with no round
// trip (signIn.ts selfSignIn: a nonce for this server's address and this minute), so the app reaches the server
// by WebSocket alone. Tools that use the HTTP asset routes get a ticket by the server's challenge instead.
import { answerChallenge, selfSignIn } from '../core/studio/signIn';

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
  const audience = new URL(wsUrl).host;
  return async () => JSON.stringify(await selfSignIn(audience, cred.certificatePem, cred.sign));
}

export async function assetTicket(wsUrl: string, cred: MemberCredential): Promise<string> {
  const res = await fetch(`${httpOf(wsUrl)}/auth/ticket`, { method: 'POST', body: JSON.stringify(await signedAnswer(wsUrl, cred)) });
  const body = (await res.json()) as { ticket?: string; error?: string };
  if (!res.ok || !body.ticket) throw new Error(`sign-in refused: ${body.error ?? res.status}`);
  return body.ticket;
}
