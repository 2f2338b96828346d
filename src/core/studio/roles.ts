// The roles a studio grants its members. A role lives in the member certificate the studio root signed, and
// nowhere else: a role typed into a form, stored in a project or claimed in a ledger entry grants nothing.
import * as asn1js from 'asn1js';
import { REVIEW_ROLES, type ReviewRole } from '../disclosure/vocab';

export const STUDIO_ROLES = REVIEW_ROLES;
export type StudioRole = ReviewRole;

export const ROLE_TITLES: Record<StudioRole, string> = {
  artist: 'Artist',
  'vfx-supervisor': 'VFX supervisor',
  producer: 'Producer',
  legal: 'Legal reviewer',
  'performer-rep': "Performer's representative",
};

/** Roles whose approval of a layer counts (an artist makes work; they do not approve it). */
export const APPROVING_ROLES: readonly StudioRole[] = ['vfx-supervisor', 'producer', 'legal'];
/** Roles that may record or revoke a performer's consent. */
export const CONSENT_ROLES: readonly StudioRole[] = ['legal', 'performer-rep'];

export const isStudioRole = (s: unknown): s is StudioRole => typeof s === 'string' && (STUDIO_ROLES as readonly string[]).includes(s);

/**
 * Roles travel in standard places: the Subject Directory Attributes extension (RFC 5280 §4.2.1.8, non-critical)
 * holding one X.520 `role` attribute (id-at-role, 2.5.4.72) whose values are the role names as UTF8Strings.
 * A reader that does not know the extension sees no roles, which grants nothing: safe to ignore.
 */
export const ROLES_EXTENSION_OID = '2.5.29.9';
export const ROLE_ATTRIBUTE_OID = '2.5.4.72';

export function encodeRoles(roles: readonly StudioRole[]): ArrayBuffer {
  const attribute = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: ROLE_ATTRIBUTE_OID }),
      new asn1js.Set({ value: roles.map((r) => new asn1js.Utf8String({ value: r })) }),
    ],
  });
  return new asn1js.Sequence({ value: [attribute] }).toBER(false);
}

/** Reads the roles; anything malformed or unknown is an error (a certificate is never half-read). */
export function decodeRoles(der: BufferSource): StudioRole[] {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) throw new Error('the subject directory attributes are not a SEQUENCE');
  const out: StudioRole[] = [];
  const values: asn1js.AsnType[] = [];
  for (const attr of parsed.result.valueBlock.value) {
    if (!(attr instanceof asn1js.Sequence)) throw new Error('a subject directory attribute is not a SEQUENCE');
    const [type, set] = attr.valueBlock.value;
    if (!(type instanceof asn1js.ObjectIdentifier) || !(set instanceof asn1js.Set)) throw new Error('a subject directory attribute is malformed');
    if (type.valueBlock.toString() === ROLE_ATTRIBUTE_OID) values.push(...set.valueBlock.value);
  }
  for (const item of values) {
    if (!(item instanceof asn1js.Utf8String)) throw new Error('a role in the roles extension is not a UTF8String');
    const role = item.valueBlock.value;
    if (!isStudioRole(role)) throw new Error(`unknown role "${role}" in the certificate`);
    if (!out.includes(role)) out.push(role);
  }
  return out;
}
