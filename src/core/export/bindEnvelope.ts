// The binding: a signed statement "this bundle of disclosures belongs to exactly these bytes". It lists the hash
// of every part of the file (everything but the bundle unit itself), the readable summary the XMP must repeat,
// and the hash of the disclosure bundle, all signed with ECDSA P-256 over canonical JSON. The envelope that is
// embedded = { binding, bundle, signature }.
import { canonicalBytes } from '../disclosure/canonical';
import { hashCanonical, type PublicKeyJwk, type Signer } from '../disclosure/crypto';
import { utf8 } from './bindBytes';
import { dissect, type BindPart, type Container } from './bindParts';
import { appendGlbBundle, withoutGlbBundle } from './glbContainer';
import { withGlbXmp } from './glbXmp';
import { insertMp4Bundle, withMp4Xmp } from './mp4Boxes';
import { insertPngBundle, withPngXmp } from './pngChunks';
import { buildXmpPacket, type DisclosureSummary } from './xmpPacket';

export const BINDING_TYPE = 'previs-sandbox/export-binding';
export const ENVELOPE_TYPE = 'previs-sandbox/export-envelope';

export interface Binding {
  type: typeof BINDING_TYPE;
  version: 1;
  container: Container | 'external';
  fileName: string;
  purpose: string;
  exportedAt: string;
  /** offset of the bundle unit in the file; parts' offsets are in the file without that unit */
  bundleAt: number | null;
  /** length of the file without the bundle unit */
  length: number;
  /** bytes outside any part, and why: the bundle unit, GLB's total-length field */
  exclusions: { what: string; start: number; length: number | null }[];
  parts: BindPart[];
  /** SHA-256 of the canonical JSON of the disclosure bundle */
  bundleHash: string;
  /** what the readable XMP must say; frame ranges are of this export */
  summary: DisclosureSummary;
}

export interface Envelope {
  type: typeof ENVELOPE_TYPE;
  binding: Binding;
  bundle: unknown;
  signature: { alg: 'ES256'; keyId: string; publicKeyJwk: PublicKeyJwk; value: string };
}

export interface EmbedInput {
  /** the rendered file without disclosures; GLB nodes name their layers in extras.previsLayerIds */
  bytes: Uint8Array;
  fileName: string;
  bundle: unknown;
  /** summary without bundleHash (filled in here) */
  summary: Omit<DisclosureSummary, 'bundleHash'>;
  purpose: string;
  signer: Signer;
  exportedAt: string;
}

export async function signBinding(binding: Binding, bundle: unknown, signer: Signer): Promise<Envelope> {
  const value = await signer.sign(canonicalBytes(binding));
  return { type: ENVELOPE_TYPE, binding, bundle, signature: { alg: 'ES256', keyId: signer.keyId, publicKeyJwk: signer.publicKeyJwk, value } };
}

export function encodeEnvelope(env: Envelope): Uint8Array {
  return utf8(JSON.stringify(env));
}

/** Writes the XMP summary and the signed bundle into a PNG, MP4 or GLB. */
export async function embedDisclosure(input: EmbedInput): Promise<{ bytes: Uint8Array; envelope: Envelope }> {
  const bundleHash = await hashCanonical(input.bundle);
  const summary: DisclosureSummary = { ...input.summary, bundleHash };
  const probe = await dissect(input.bytes);
  let prepared: Uint8Array;
  let bundleAt: number;
  let insert: (prepared: Uint8Array, payload: Uint8Array) => Uint8Array;
  const exclusions: Binding['exclusions'] = [];
  if (probe.container === 'png') {
    const r = withPngXmp(input.bytes, buildXmpPacket(summary));
    prepared = r.bytes;
    bundleAt = r.bundleAt;
    insert = (p, payload) => insertPngBundle(p, bundleAt, payload);
    exclusions.push({ what: 'prVs bundle chunk', start: bundleAt, length: null });
  } else if (probe.container === 'mp4') {
    const r = withMp4Xmp(input.bytes, buildXmpPacket(summary));
    prepared = r.bytes;
    bundleAt = r.bundleAt;
    insert = (p, payload) => insertMp4Bundle(p, bundleAt, payload);
    exclusions.push({ what: 'uuid bundle box', start: bundleAt, length: null });
  } else {
    prepared = withGlbXmp(withoutGlbBundle(input.bytes), summary);
    bundleAt = prepared.length;
    insert = (p, payload) => appendGlbBundle(p, payload);
    exclusions.push({ what: 'GLB total-length field (checked against the file length)', start: 8, length: 4 });
    exclusions.push({ what: 'PRVS bundle chunk', start: bundleAt, length: null });
  }
  const parts = (await dissect(prepared)).parts;
  const binding: Binding = {
    type: BINDING_TYPE,
    version: 1,
    container: probe.container,
    fileName: input.fileName,
    purpose: input.purpose,
    exportedAt: input.exportedAt,
    bundleAt,
    length: prepared.length,
    exclusions,
    parts,
    bundleHash,
    summary,
  };
  const envelope = await signBinding(binding, input.bundle, input.signer);
  return { bytes: insert(prepared, encodeEnvelope(envelope)), envelope };
}
