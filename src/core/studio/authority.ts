// Who stood behind each signed ledger entry: the member certificate the ledger entered for the signing key,
// checked against the studio root the checker holds (never one carried in the project or a bundle), the project's
// pinned studio, the newest revocation list and the time the entry claims. The replay (core/disclosure/state)
// asks it, synchronously, before letting an approval, rejection or consent count.
import type { ChainEntry } from '../disclosure/ledger';
import { checkMember, describeCertificate, prepareTrust, type MemberInfo, type PreparedTrust, type StudioTrust } from './member';

export type StandingState =
  | 'valid'
  | 'no-studio-root'
  | 'project-not-in-studio'
  | 'other-project-studio'
  | 'no-certificate'
  | 'bad-certificate'
  | 'other-studio'
  | 'revoked'
  | 'expired'
  | 'not-yet-valid'
  | 'future-dated';

export interface Standing {
  state: StandingState;
  /** what the certificate says of its holder, even when it is not (or no longer) good */
  member: MemberInfo | null;
  /** one sentence a reviewer reads; empty when valid */
  reason: string;
}

export interface Authority {
  /** the studio whose root the checker holds, if any */
  studio: { name: string; fingerprint: string } | null;
  /** the standing of the key that signed ledger entry `seq`, at the time `at` the entry claims */
  standing(seq: number, keyId: string | null, at: string): Standing;
  /** the person behind a key (the certificate's e-mail, whatever its state), else the key itself */
  personOf(seq: number, keyId: string | null): string;
}

interface Entered {
  seq: number;
  member: MemberInfo | null;
  /** the part of the check that does not depend on time: chain, revocation, readability */
  fixed: { state: StandingState; reason: string } | null;
  certificatePem: string;
}

/** A checker that holds no studio root: nothing can be approved, and it says why. */
export const NO_AUTHORITY: Authority = {
  studio: null,
  standing: () => ({ state: 'no-studio-root', member: null, reason: 'approvals cannot be checked without the studio root certificate' }),
  personOf: (_seq, keyId) => keyId ?? 'unsigned',
};

export interface AuthorityOptions {
  /** the fingerprint the project (or bundle) pins; undefined = do not check a pin */
  pinnedRoot?: string | null;
  now?: Date;
}

const SKEW_MS = 5 * 60_000;

// a certificate's time-free verdict under one root and revocation list does not change: check each once
const verdicts = new Map<string, Promise<Pick<Entered, 'member' | 'fixed'>>>();
function verdictOf(pem: string, keyId: string, t: PreparedTrust): Promise<Pick<Entered, 'member' | 'fixed'>> {
  const key = `${t.rootFingerprint}|${t.crl?.number ?? -1}|${keyId}|${pem}`;
  let v = verdicts.get(key);
  if (!v) {
    v = (async () => {
      // time is judged per entry; check the rest far in the future so only time-free faults show here
      const c = await checkMember(pem, t, new Date(8.64e15));
      const member = c.member && c.member.keyId === keyId ? c.member : null;
      if (!member) return { member: null, fixed: { state: 'bad-certificate' as const, reason: c.ok ? 'the certificate is not for the key that signed' : c.reason } };
      if (!c.ok && c.state !== 'expired') return { member, fixed: { state: c.state, reason: c.reason } };
      return { member, fixed: null };
    })();
    if (verdicts.size > 512) verdicts.clear();
    verdicts.set(key, v);
  }
  return v;
}

export async function buildAuthority(entries: readonly ChainEntry[], trust: StudioTrust | null, opts: AuthorityOptions = {}): Promise<Authority> {
  const now = opts.now ?? new Date();
  let t: PreparedTrust | null = null;
  let trustError: string | null = null;
  if (trust) {
    try {
      t = await prepareTrust(trust);
    } catch (e) {
      trustError = (e as Error).message;
    }
  }
  const byKey = new Map<string, Entered[]>();
  for (const e of entries) {
    if (e.kind !== 'member' || !e.keyId || typeof e.payload?.certificate !== 'string') continue;
    const pem = e.payload.certificate;
    let entered: Entered;
    if (t) {
      entered = { seq: e.seq, ...(await verdictOf(pem, e.keyId, t)), certificatePem: pem };
    } else {
      const member = await describeCertificate(pem).catch(() => null);
      entered = { seq: e.seq, member: member && member.keyId === e.keyId ? member : null, fixed: null, certificatePem: pem };
    }
    const list = byKey.get(e.keyId) ?? [];
    list.push(entered);
    byKey.set(e.keyId, list);
  }
  const enteredBefore = (seq: number, keyId: string | null): Entered | null => {
    if (!keyId) return null;
    const list = byKey.get(keyId);
    if (!list) return null;
    let found: Entered | null = null;
    for (const x of list) if (x.seq < seq) found = x;
    return found;
  };
  if (!t) {
    const reason = trustError ? `approvals cannot be checked: ${trustError}` : 'approvals cannot be checked without the studio root certificate';
    return {
      studio: null,
      standing: (seq, keyId) => ({ state: 'no-studio-root', member: enteredBefore(seq, keyId)?.member ?? null, reason }),
      personOf: (seq, keyId) => enteredBefore(seq, keyId)?.member?.person ?? keyId ?? 'unsigned',
    };
  }
  const prepared = t;
  const pinProblem: { state: StandingState; reason: string } | null =
    opts.pinnedRoot === undefined
      ? null
      : opts.pinnedRoot === null
        ? { state: 'project-not-in-studio', reason: 'the project is not in a studio yet (Studio → Move project into this studio), so no approval in it counts' }
        : opts.pinnedRoot !== prepared.rootFingerprint
          ? {
              state: 'other-project-studio',
              reason: `the project belongs to another studio (root ${opts.pinnedRoot.slice(0, 16)}…), not to ${prepared.studio} (root ${prepared.rootFingerprint.slice(0, 16)}…)`,
            }
          : null;
  return {
    studio: { name: prepared.studio, fingerprint: prepared.rootFingerprint },
    standing(seq, keyId, at) {
      const x = enteredBefore(seq, keyId);
      if (pinProblem) return { ...pinProblem, member: x?.member ?? null };
      if (!x) {
        return {
          state: 'no-certificate',
          member: null,
          reason: 'unverified — not signed by an enrolled member (made before studio identity, or by a key the studio never enrolled)',
        };
      }
      if (x.fixed) return { ...x.fixed, member: x.member };
      const m = x.member!;
      const when = Date.parse(at);
      const who = `${m.name} <${m.email}> (serial ${m.serial})`;
      if (!Number.isFinite(when)) return { state: 'bad-certificate', member: m, reason: `${who}: the entry's time "${at}" is not a date` };
      if (when > now.getTime() + SKEW_MS) return { state: 'future-dated', member: m, reason: `${who}: the entry is dated in the future (${at})` };
      if (when < m.notBefore.getTime()) return { state: 'not-yet-valid', member: m, reason: `${who}: certificate was not yet valid when this was signed (${at})` };
      if (when > m.notAfter.getTime()) return { state: 'expired', member: m, reason: `${who}: certificate had expired when this was signed (${at}; valid until ${m.notAfter.toISOString().slice(0, 10)})` };
      return { state: 'valid', member: m, reason: '' };
    },
    personOf: (seq, keyId) => enteredBefore(seq, keyId)?.member?.person ?? keyId ?? 'unsigned',
  };
}
