// Studio sign-in on the server: only members whose certificate the studio root issued, not revoked and in
// date, who prove they hold the certificate's key by signing a fresh nonce. The server holds the root and the
// CRL, never anyone's private key. When the CRL file changes, every connected member is checked again and a
// revoked one is disconnected at once.
import { randomBytes } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { verifySignature } from '../core/disclosure/crypto';
import { checkMember, prepareTrust, type MemberInfo, type PreparedTrust } from '../core/studio/member';
import { parseSelfNonce, SIGN_IN_CONTEXT, signInMessage, type SignInAnswer } from '../core/studio/signIn';
import type { RouteContext } from './httpRoutes';

const NONCE_TTL_MS = 60_000;
const TICKET_TTL_MS = 8 * 3600_000;
const RECHECK_MS = 60_000;

export interface AuthOptions {
  rootPem: string;
  /** path of the CRL file: read now and whenever it changes */
  crlPath?: string | null;
  crlPem?: string | null;
  now?: () => Date;
}

export interface MemberContext {
  member: MemberInfo;
}

export async function studioAuth(o: AuthOptions) {
  const now = o.now ?? (() => new Date());
  const readCrl = () => (o.crlPath ? readFileSync(o.crlPath, 'utf8') : (o.crlPem ?? null));
  let trust: PreparedTrust = await prepareTrust({ rootPem: o.rootPem, crlPem: readCrl() });
  const nonces = new Map<string, number>();
  const tickets = new Map<string, { member: MemberInfo; expires: number }>();
  let instance: Hocuspocus | null = null;

  function challenge() {
    const t = Date.now();
    for (const [n, exp] of nonces) if (exp < t) nonces.delete(n);
    if (nonces.size > 10_000) nonces.clear(); // a flood of unanswered challenges cannot grow memory
    const nonce = randomBytes(32).toString('base64url');
    nonces.set(nonce, t + NONCE_TTL_MS);
    return { nonce, context: SIGN_IN_CONTEXT, expiresAt: new Date(t + NONCE_TTL_MS).toISOString() };
  }

  // self-made nonces seen within their minute, so each signs in once
  const spent = new Map<string, number>();

  /** A nonce the member made (signIn.ts selfNonce): for this server's address, fresh, never seen before. */
  function selfNonceProblem(nonce: string, audience: string | undefined): string | null {
    const s = parseSelfNonce(nonce);
    if (!s || audience === undefined) return 'the challenge is unknown, used or expired: ask for a new one';
    if (s.audience !== audience.toLowerCase()) return `this sign-in was made for the server at ${s.audience}, not ${audience}`;
    const t = Date.now();
    if (Math.abs(t - s.at) > NONCE_TTL_MS) return 'this sign-in is over a minute old (or one of the two clocks is wrong): sign in again';
    for (const [n, exp] of spent) if (exp < t) spent.delete(n);
    if (spent.has(nonce)) return 'this sign-in was already used: sign in again';
    if (spent.size > 100_000) return 'too many sign-ins this minute: try again shortly';
    spent.set(nonce, s.at + 2 * NONCE_TTL_MS);
    return null;
  }

  /**
   * Checks a signed answer; the nonce is spent whether or not the answer is good. `audience` (the Host the
   * client dialled) allows a self-made nonce; without it only a challenge this server issued counts.
   */
  async function verifyAnswer(raw: unknown, audience?: string): Promise<{ ok: true; member: MemberInfo } | { ok: false; reason: string }> {
    const a = raw as Partial<SignInAnswer>;
    if (!a || typeof a.nonce !== 'string' || typeof a.certificatePem !== 'string' || typeof a.signature !== 'string' || a.certificatePem.length > 16_384) {
      return { ok: false, reason: 'sign-in answer is not {nonce, certificatePem, signature}' };
    }
    const exp = nonces.get(a.nonce);
    nonces.delete(a.nonce);
    if (exp === undefined) {
      const problem = selfNonceProblem(a.nonce, audience);
      if (problem) return { ok: false, reason: problem };
    } else if (exp < Date.now()) return { ok: false, reason: 'the challenge is unknown, used or expired: ask for a new one' };
    const check = await checkMember(a.certificatePem, trust, now());
    if (!check.ok) return { ok: false, reason: check.reason };
    const good = await verifySignature(check.member.publicKeyJwk, signInMessage(a.nonce), a.signature).catch(() => false);
    if (!good) return { ok: false, reason: `${check.member.name}: the signature does not come from this certificate's key` };
    return { ok: true, member: check.member };
  }

  async function stillMember(m: MemberInfo): Promise<string | null> {
    const c = await checkMember(m.certificatePem, trust, now());
    return c.ok ? null : c.reason;
  }

  /** Re-checks every connected member (CRL changed, or time passed) and disconnects those no longer valid. */
  async function recheck(): Promise<string[]> {
    const dropped: string[] = [];
    if (!instance) return dropped;
    for (const doc of instance.documents.values()) {
      for (const conn of doc.getConnections()) {
        const m = (conn.context as MemberContext | undefined)?.member;
        if (!m) continue;
        const why = await stillMember(m);
        if (why) {
          dropped.push(why);
          conn.close({ code: 4403, reason: `studio membership ended: ${why}` });
        }
      }
    }
    for (const [t, v] of tickets) if ((await stillMember(v.member)) || v.expires < Date.now()) tickets.delete(t);
    return dropped;
  }

  async function reloadCrl(): Promise<string[]> {
    trust = await prepareTrust({ rootPem: o.rootPem, crlPem: readCrl() });
    return recheck();
  }

  if (o.crlPath) {
    watchFile(o.crlPath, { interval: 500 }, () => {
      reloadCrl().catch((e: unknown) => console.error(`studio server: the new CRL was not taken (${(e as Error).message}); the previous one stays in force`));
    });
  }
  const timer = setInterval(() => void recheck(), RECHECK_MS);
  timer.unref();

  const signIn: Extension = {
    priority: 900,
    async onConfigure({ instance: i }) {
      instance = i;
    },
    async onAuthenticate({ token, requestHeaders }): Promise<MemberContext> {
      let parsed: unknown;
      try {
        parsed = JSON.parse(token);
      } catch {
        throw Object.assign(new Error('sign-in token is not JSON'), { reason: 'sign-in token is not JSON' });
      }
      const r = await verifyAnswer(parsed, requestHeaders.host);
      // Hocuspocus sends `reason` back to the client as the refusal
      if (!r.ok) throw Object.assign(new Error(r.reason), { reason: r.reason });
      return { member: r.member };
    },
  };

  const routes: NonNullable<RouteContext['auth']> = {
    challenge,
    async ticket(body: unknown) {
      const r = await verifyAnswer(body);
      if (!r.ok) return r;
      const ticket = randomBytes(32).toString('base64url');
      tickets.set(ticket, { member: r.member, expires: Date.now() + TICKET_TTL_MS });
      return { ok: true as const, ticket, member: { name: r.member.name, person: r.member.person, roles: r.member.roles } };
    },
    ticketOk(req: IncomingMessage) {
      const m = /^Ticket (\S+)$/.exec(req.headers.authorization ?? '');
      const t = m ? tickets.get(m[1]!) : undefined;
      return Boolean(t && t.expires > Date.now());
    },
  };

  return {
    extensions: [signIn] as Extension[],
    routes,
    reloadCrl,
    close() {
      clearInterval(timer);
      if (o.crlPath) unwatchFile(o.crlPath);
    },
  };
}
