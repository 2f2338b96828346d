// The consent registry. A likeness alteration needs the performer's informed, specific, separately signed
// consent; the registry keeps the facts of that consent and the SHA-256 of the signed document — never the
// document itself, which stays out of every export.
import { z } from 'zod';
import { CONSENT_TYPE, DISCLOSURE_SCHEMA_VERSION, REVIEW_ROLES, REVOCATION_TYPE } from './vocab';

const Id = z.string().min(1).max(128);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-30');
const Signer = z.strictObject({ name: z.string().min(1).max(256), role: z.enum(REVIEW_ROLES), keyId: z.string().max(128) });

export const ALTERATION_TYPES = ['de-aging', 'face-alteration', 'digital-replica', 'body-alteration', 'voice'] as const;

export const ConsentRecord = z.strictObject({
  type: z.literal(CONSENT_TYPE),
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  consentId: Id,
  performer: z.strictObject({
    name: z.string().min(1).max(256),
    status: z.enum(['private', 'public-figure', 'deceased']),
  }),
  /** agent, guardian or estate; required for a deceased performer */
  representative: z.strictObject({ name: z.string().min(1).max(256), capacity: z.string().min(1).max(128) }).nullable(),
  alteration: z.enum(ALTERATION_TYPES),
  /** specific, not blanket: what exactly the performer agreed to */
  intendedUse: z.string().min(20, 'describe the specific intended use (at least 20 characters)').max(4000),
  useScope: z.enum(['previs-only', 'may-reach-final']),
  projectScope: z.strictObject({ projectId: Id, projectName: z.string().max(256), detail: z.string().max(2000) }),
  signedDate: IsoDate,
  signedBy: z.string().min(1).max(256),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the signed document'),
  /** the signed consent document, attached to the project as an asset whose SHA-256 is documentSha256 */
  document: z.strictObject({ name: z.string().min(1).max(256), mediaType: z.string().max(128), byteLength: z.number().int().min(1) }).optional(),
  expires: IsoDate.nullable(),
  recordedBy: Signer,
  recordedAt: z.string().max(64),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const ConsentRevocation = z.strictObject({
  type: z.literal(REVOCATION_TYPE),
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  consentId: Id,
  reason: z.string().max(4000),
  revokedAt: z.string().max(64),
  recordedBy: Signer,
});
export type ConsentRevocation = z.infer<typeof ConsentRevocation>;

export type ConsentStatus = 'valid' | 'missing' | 'unknown' | 'unverified' | 'revoked' | 'expired' | 'out-of-scope';

export interface ConsentCheck {
  status: ConsentStatus;
  reasons: string[];
}

export interface ConsentFacts {
  consent: ConsentRecord | null;
  revocation: ConsentRevocation | null;
  /** why the consent does not count (not recorded by a member with a consent role, a non-document hash); null when it counts */
  unverified?: string | null;
  /** who recorded it, as the studio's certificate says */
  recordedBy?: { name: string; person: string; serial: string } | null;
}

/** A hash no document has: all one digit (typed placeholders such as 000…0). */
export function isPlaceholderHash(hex: string): boolean {
  return /^(.)\1*$/.test(hex);
}

export interface ConsentScope {
  consentId: string | null;
  projectId: string;
  /** performers named on the layer's plates; the consent must be theirs */
  performers: readonly string[];
  deceased: boolean;
  /** the use the consent must cover now: a deliverable needs 'may-reach-final' */
  use: 'previs-only' | 'may-reach-final';
  now: Date;
}

const norm = (s: string) => s.trim().toLocaleLowerCase();

export function checkConsent(facts: ConsentFacts | undefined, scope: ConsentScope): ConsentCheck {
  if (scope.consentId === null) return { status: 'missing', reasons: ['needs consent: no consent record is linked'] };
  if (!facts?.consent) return { status: 'unknown', reasons: [`needs consent: consent ${scope.consentId} is not in the registry`] };
  const c = facts.consent;
  if (facts.unverified) return { status: 'unverified', reasons: [`needs consent: ${c.performer.name}'s consent ${c.consentId} does not count: ${facts.unverified}`] };
  if (facts.revocation) {
    return { status: 'revoked', reasons: [`needs consent: ${c.performer.name}'s consent was revoked (${facts.revocation.reason || 'no reason given'})`] };
  }
  // a consent is valid through the whole of its expiry day
  if (c.expires !== null && scope.now.getTime() > Date.parse(`${c.expires}T23:59:59.999Z`)) {
    return { status: 'expired', reasons: [`needs consent: ${c.performer.name}'s consent expired on ${c.expires}`] };
  }
  const reasons: string[] = [];
  if (c.projectScope.projectId !== scope.projectId) reasons.push('consent was given for another project');
  if (scope.use === 'may-reach-final' && c.useScope !== 'may-reach-final') reasons.push('consent covers previs only, not a final deliverable');
  for (const p of scope.performers) {
    if (norm(p) !== norm(c.performer.name)) reasons.push(`consent is ${c.performer.name}'s, but the plate shows ${p}`);
  }
  if (scope.deceased && !c.representative) reasons.push("a deceased performer's consent must be signed by a representative of the estate");
  if (Date.parse(c.signedDate) > scope.now.getTime()) reasons.push(`consent is dated in the future (${c.signedDate})`);
  if (reasons.length) return { status: 'out-of-scope', reasons: reasons.map((r) => `needs consent: ${r}`) };
  return { status: 'valid', reasons: [] };
}
