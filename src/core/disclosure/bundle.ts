// The disclosure bundle: what an export embeds (PNG chunk, MP4 box, GLB extras, sidecar). It carries the
// layers it covers, the ledger with unrelated payloads redacted to their hashes (the chain still verifies, and
// no other performer's consent leaks), the chain head, an opaque binding the exporter fills in (file hash with
// exclusions), and a signature over all of it — so truncating the chain or splicing bundles is caught.
import { z } from 'zod';
import type { Project } from '../document/schema';
import { canonicalBytes } from './canonical';
import { isPublicKeyJwk, keyIdOf, verifySignature, type PublicKeyJwk, type Signer } from './crypto';
import { payloadHashOf, verifyChain, type ChainEntry, type ChainReport } from './ledger';
import { readLedger, takeRecord } from './state';
import { discloseLayer, layerFacts, type LayerFacts } from './status';
import { effectLayersOf } from './gate';
import { buildAuthority, NO_AUTHORITY } from '../studio/authority';
import type { StudioTrust } from '../studio/member';
import type { LedgerState, UncountedReview } from './state';
import { BUNDLE_TYPE, DISCLOSURE_SCHEMA_VERSION } from './vocab';

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const BundleEntry = z.strictObject({
  seq: z.number().int().min(0),
  kind: z.enum(['disclosure', 'review', 'consent', 'consent-revocation', 'key', 'member', 'merge', 'take-purge']),
  payload: z.record(z.string(), z.unknown()).nullable(),
  payloadHash: Sha,
  prevHash: z.string().max(64),
  hash: Sha,
  signature: z.string().max(512).nullable(),
  keyId: z.string().max(128).nullable(),
});
const BundleLayer = z.strictObject({
  layerId: z.string().min(1).max(128),
  sceneId: z.string().max(128),
  name: z.string().max(256),
  effect: z.string().max(64),
  status: z.enum(['idle', 'running', 'done', 'failed']),
  outputHash: Sha.nullable(),
  consentId: z.string().max(128).nullable(),
  intendedUse: z.enum(['previs-only', 'may-reach-final']),
  thirdPartyIp: z.boolean(),
  frameRange: z.strictObject({ start: z.number().int(), end: z.number().int() }).nullable(),
  recordId: z.string().max(128).nullable(),
});
export const DisclosureBundle = z.strictObject({
  type: z.literal(BUNDLE_TYPE),
  schemaVersion: z.literal(DISCLOSURE_SCHEMA_VERSION),
  createdAt: z.string().max(64),
  project: z.strictObject({
    id: z.string().max(128),
    name: z.string().max(256),
    /** the studio the project pins (not authority: the verifier brings its own root) */
    studio: z.strictObject({ name: z.string().max(256), rootFingerprint: Sha }).nullable().optional(),
  }),
  /** the newest revocation list the exporter held (signed by the studio root; an older one never wins) */
  crl: z.string().max(262_144).nullable().optional(),
  layers: z.array(BundleLayer),
  ledger: z.array(BundleEntry),
  head: z.strictObject({ seq: z.number().int(), hash: z.string().max(64) }).nullable(),
  /** filled by the exporter before signing: how the bundle is bound to the file's bytes */
  binding: z.unknown().optional(),
  signature: z
    .strictObject({ keyId: z.string().max(128), publicKeyJwk: z.record(z.string(), z.unknown()), value: z.string().max(512) })
    .optional(),
});
export type DisclosureBundle = z.infer<typeof DisclosureBundle>;
export type BundleLayer = z.infer<typeof BundleLayer>;

export interface BundleOptions {
  now?: Date;
  /** the newest revocation list the exporter holds, carried so a verifier without a newer one still sees it */
  crlPem?: string | null;
}

export async function buildDisclosureBundle(project: Project, layerIds: readonly string[], opts: BundleOptions = {}): Promise<DisclosureBundle> {
  const wanted = new Set(layerIds);
  // record ids do not depend on who approved: no studio root is needed to assemble a bundle
  const state = readLedger(project.ledger, NO_AUTHORITY);
  const layers: BundleLayer[] = [];
  for (const { sceneId, layer } of effectLayersOf(project)) {
    if (!wanted.has(layer.id)) continue;
    const facts = layerFacts(sceneId, layer);
    const take = takeRecord(state, facts);
    layers.push({
      layerId: layer.id,
      sceneId,
      name: layer.name,
      effect: layer.effect,
      status: layer.status,
      outputHash: layer.output?.contentHash ?? null,
      consentId: layer.consentId,
      intendedUse: layer.intendedUse,
      thirdPartyIp: layer.thirdPartyIp,
      frameRange: layer.frameRange ? { ...layer.frameRange } : null,
      // the active take's record: the one the exported output is
      recordId: take?.record.recordId ?? null,
    });
  }
  const missing = [...wanted].filter((id) => !layers.some((l) => l.layerId === id));
  if (missing.length) throw new Error(`no effect layer ${missing.join(', ')} in the project`);
  const consents = new Set(layers.map((l) => l.consentId).filter((c): c is string => c !== null));
  const keep = (e: ChainEntry): boolean => {
    const p = e.payload ?? {};
    switch (e.kind) {
      case 'key':
      case 'merge': // its parents are how the verifier follows a merged ledger
      case 'member':
        return true;
      case 'disclosure':
      case 'review':
      case 'take-purge':
        return wanted.has(String(p.layerId));
      case 'consent':
      case 'consent-revocation':
        return consents.has(String(p.consentId));
    }
  };
  const ledger = [];
  for (const e of project.ledger) {
    const payloadHash = await payloadHashOf(e.payload);
    ledger.push({ ...e, payload: keep(e) ? e.payload : null, payloadHash });
  }
  const last = project.ledger[project.ledger.length - 1];
  return {
    type: BUNDLE_TYPE,
    schemaVersion: DISCLOSURE_SCHEMA_VERSION,
    createdAt: (opts.now ?? new Date()).toISOString(),
    project: { id: project.id, name: project.name, studio: project.studio ?? null },
    crl: opts.crlPem ?? null,
    layers,
    ledger,
    head: last ? { seq: last.seq, hash: last.hash } : null,
  };
}

/** The bytes a bundle signature covers: the canonical JSON of the bundle without its signature. */
export function bundleSigningBytes(bundle: DisclosureBundle): Uint8Array<ArrayBuffer> {
  const { signature: _omit, ...rest } = bundle;
  return canonicalBytes(rest);
}

export async function signBundle(bundle: DisclosureBundle, signer: Signer): Promise<DisclosureBundle> {
  const value = await signer.sign(bundleSigningBytes(bundle));
  return { ...bundle, signature: { keyId: signer.keyId, publicKeyJwk: { ...signer.publicKeyJwk }, value } };
}

export interface BundleLayerReport {
  layerId: string;
  name: string;
  effect: string;
  recordId: string | null;
  /** the record describes the exported output */
  disclosed: boolean;
  reviewState: string;
  approved: boolean;
  consent: 'not-required' | 'valid' | 'missing' | 'unknown' | 'unverified' | 'revoked' | 'expired' | 'out-of-scope';
  /** approvals that count on the newest record: person, role, certificate serial */
  approvals: { name: string; role: string; person: string | null; serial: string | null; at: string }[];
  /** signed review actions that do not count, with the signer's state and why */
  uncounted: UncountedReview[];
  /** who recorded the consent, as the studio's certificate says */
  consentRecordedBy: { name: string; person: string; serial: string } | null;
  flags: Record<string, boolean>;
  label: string | null;
  /** what would block this layer in a deliverable */
  deliverableBlocking: string[];
  problems: string[];
}

export interface BundleReport {
  /** who signed the bundle (the exporter), as the studio authority reads them at the bundle's time */
  exporter: { state: string; name: string | null; person: string | null; serial: string | null; reason: string } | null;
  /** the ledger as read with the verifier's studio authority (history, approvals); null when unreadable */
  ledgerState: LedgerState | null;
  ok: boolean;
  problems: string[];
  chain: ChainReport | null;
  signature: { status: 'valid' | 'missing' | 'bad-signature' | 'unknown-key' | 'untrusted-key'; keyId: string | null };
  layers: BundleLayerReport[];
  bundle: DisclosureBundle | null;
}

export interface VerifyBundleOptions {
  trustedKeys?: readonly PublicKeyJwk[];
  now?: Date;
  /** the studio root the verifier holds (never one carried in the bundle); without it nothing counts as approved */
  trust?: StudioTrust | null;
  /** SHA-256s of consent documents handed to the verifier; null/undefined: not checked */
  documents?: ReadonlySet<string> | null;
}

export async function verifyBundle(input: unknown, opts: VerifyBundleOptions = {}): Promise<BundleReport> {
  const parsed = DisclosureBundle.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      ok: false,
      problems: [`not a disclosure bundle: ${i ? `${i.path.join('.') || 'bundle'}: ${i.message}` : 'invalid'}`],
      chain: null,
      signature: { status: 'missing', keyId: null },
      layers: [],
      bundle: null,
      exporter: null,
      ledgerState: null,
    };
  }
  const b = parsed.data;
  const problems: string[] = [];
  const chain = await verifyChain(b.ledger, { trustedKeys: opts.trustedKeys });
  problems.push(...chain.problems);
  const last = b.ledger[b.ledger.length - 1];
  if ((b.head?.seq ?? null) !== (last?.seq ?? null) || (b.head?.hash ?? null) !== (last?.hash ?? null)) {
    problems.push('the ledger does not end at the signed head: entries were removed or added');
  }
  const signature = await checkBundleSignature(b, chain, opts);
  if (signature.status !== 'valid') problems.push(`bundle signature: ${signature.status}`);

  const now = opts.now ?? new Date();
  // the bundle's own revocation list can only add revocations: it must be signed by the verifier's root
  const trust = opts.trust ? { ...opts.trust, crlPems: [...(opts.trust.crlPems ?? []), ...(b.crl ? [b.crl] : [])] } : null;
  let authority = NO_AUTHORITY;
  try {
    authority = await buildAuthority(b.ledger, trust, { pinnedRoot: b.project.studio?.rootFingerprint ?? null, now });
  } catch (e) {
    problems.push(`studio authority: ${(e as Error).message}`);
  }
  const state = readLedger(b.ledger, authority);
  const layers: BundleLayerReport[] = b.layers.map((l) => {
    const facts: LayerFacts = {
      layerId: l.layerId,
      sceneId: l.sceneId,
      name: l.name,
      effect: l.effect,
      status: l.status,
      outputHash: l.outputHash,
      consentId: l.consentId,
      intendedUse: l.intendedUse,
      thirdPartyIp: l.thirdPartyIp,
      takeRecordId: l.recordId,
    };
    const d = discloseLayer(facts, state, { projectId: b.project.id, now, integrityProblems: chain.problems, documents: opts.documents ?? null });
    const lp: string[] = [];
    if (!d.current) lp.push(`layer "${l.name}" has no disclosure record for its output`);
    if (l.recordId !== (d.record?.recordId ?? null)) lp.push(`layer "${l.name}" names record ${l.recordId}, which is not a record of this layer`);
    problems.push(...lp);
    return {
      layerId: l.layerId,
      name: l.name,
      effect: l.effect,
      recordId: d.record?.recordId ?? null,
      disclosed: d.current,
      reviewState: d.review?.state ?? 'undisclosed',
      approved: d.current && !!d.review && (d.review.state === 'approved' || d.review.state === 'approved-with-conditions'),
      consent: d.consent ? d.consent.status : d.consentRequired ? 'missing' : 'not-required',
      flags: d.record ? { ...d.record.policy.flags } : {},
      label: d.label,
      deliverableBlocking: d.blocking.deliverable,
      problems: lp,
      approvals: (d.current ? (d.review?.approvals ?? []) : []).map((a) => ({ name: a.name, role: a.role, person: a.person ?? null, serial: a.serial ?? null, at: a.at })),
      uncounted: d.uncounted,
      consentRecordedBy: (l.consentId ? state.consents.get(l.consentId)?.recordedBy : null) ?? null,
    };
  });
  let exporter: BundleReport['exporter'] = null;
  if (b.signature) {
    const st = authority.standing(b.ledger.length, b.signature.keyId, b.createdAt);
    exporter = { state: st.state, name: st.member?.name ?? null, person: st.member?.person ?? null, serial: st.member?.serial ?? null, reason: st.reason };
  }
  return { ok: problems.length === 0, problems, chain, signature, layers, bundle: b, exporter, ledgerState: state };
}

async function checkBundleSignature(b: DisclosureBundle, chain: ChainReport, opts: VerifyBundleOptions): Promise<BundleReport['signature']> {
  const sig = b.signature;
  if (!sig) return { status: 'missing', keyId: null };
  const known = chain.keys[sig.keyId];
  let jwk: PublicKeyJwk | null = known?.jwk ?? null;
  if (!jwk) {
    // a key shipped only inside the signature is self-asserted: acceptable only when nothing is pinned
    if (opts.trustedKeys || !isPublicKeyJwk(sig.publicKeyJwk) || (await keyIdOf(sig.publicKeyJwk)) !== sig.keyId) {
      return { status: 'unknown-key', keyId: sig.keyId };
    }
    jwk = sig.publicKeyJwk;
  }
  if (!(await verifySignature(jwk, bundleSigningBytes(b), sig.value))) return { status: 'bad-signature', keyId: sig.keyId };
  if (known && !known.trusted) return { status: 'untrusted-key', keyId: sig.keyId };
  return { status: 'valid', keyId: sig.keyId };
}
