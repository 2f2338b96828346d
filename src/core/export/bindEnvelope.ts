// The binding: the statement "this disclosure bundle belongs to exactly these bytes". It lists the hash of every
// part of the file (everything but the bundle unit itself) and the readable summary the XMP must repeat. It goes
// into the bundle's `binding` field before the bundle is signed (core/disclosure signBundle), so one ECDSA P-256
// signature covers the records, the chain head and the file's bytes together.
import type { DisclosureBundle } from '../disclosure/bundle';
import { signBundle } from '../disclosure/bundle';
import type { Signer } from '../disclosure/crypto';
import { readU32BE, utf8 } from './bindBytes';
import { dissect, sniffContainer, type BindPart, type Container } from './bindParts';
import { appendGlbBundle, withoutGlbBundle } from './glbContainer';
import { withGlbXmp } from './glbXmp';
import { insertMp4Bundle, withMp4Xmp } from './mp4Boxes';
import { insertPngBundle, withPngXmp } from './pngChunks';
import { buildXmpPacket, type DisclosureSummary } from './xmpPacket';

export const BINDING_TYPE = 'previs-sandbox/export-binding';

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
  /** what the readable XMP must say; frame ranges are of this export */
  summary: DisclosureSummary;
  /** set when a C2PA manifest store is added after this binding (it is then excluded, and must be there) */
  c2pa?: { unit: string };
}

export interface EmbedInput {
  /** the rendered file without disclosures; GLB nodes name their layers in extras.previsLayerIds */
  bytes: Uint8Array;
  fileName: string;
  /** an unsigned bundle from buildDisclosureBundle */
  bundle: DisclosureBundle;
  summary: DisclosureSummary;
  purpose: string;
  signer: Signer;
  exportedAt: string;
  /** a C2PA manifest store will be added after our bundle (PNG, MP4) */
  c2pa?: boolean;
}

export function isBinding(v: unknown): v is Binding {
  const b = v as Partial<Binding> | null;
  return !!b && b.type === BINDING_TYPE && Array.isArray(b.parts) && !!b.summary && Array.isArray(b.summary.layers);
}

export function encodeBundle(b: DisclosureBundle): Uint8Array {
  return utf8(JSON.stringify(b));
}

/** Writes the XMP summary and the signed bundle into a PNG, MP4 or GLB. */
export async function embedDisclosure(input: EmbedInput): Promise<{ bytes: Uint8Array; bundle: DisclosureBundle }> {
  const { summary } = input;
  const container = sniffContainer(input.bytes);
  if (!container) throw new Error(`${input.fileName}: only PNG, MP4 and GLB can carry an embedded disclosure`);
  let prepared: Uint8Array;
  let bundleAt: number;
  let insert: (prepared: Uint8Array, payload: Uint8Array) => Uint8Array;
  const exclusions: Binding['exclusions'] = [];
  if (container === 'png') {
    const r = withPngXmp(input.bytes, buildXmpPacket(summary));
    prepared = r.bytes;
    bundleAt = r.bundleAt;
    insert = (p, payload) => insertPngBundle(p, bundleAt, payload);
    exclusions.push({ what: 'prVs bundle chunk', start: bundleAt, length: null });
    // c2pa-rs puts its caBX right after IHDR
    if (input.c2pa) exclusions.push({ what: 'C2PA manifest store (caBX chunk), signed by its own C2PA manifest', start: 8 + 12 + readU32BE(prepared, 8), length: null });
  } else if (container === 'mp4') {
    const r = withMp4Xmp(input.bytes, buildXmpPacket(summary));
    prepared = r.bytes;
    bundleAt = r.bundleAt;
    insert = (p, payload) => insertMp4Bundle(p, bundleAt, payload);
    exclusions.push({ what: 'uuid bundle box', start: bundleAt, length: null });
    // c2pa-rs puts its uuid box right after ftyp and moves stco/co64 offsets; they are read back as they were
    if (input.c2pa) exclusions.push({ what: 'C2PA manifest store (C2PA uuid box), signed by its own C2PA manifest', start: readU32BE(prepared, 0), length: null });
  } else {
    if (input.c2pa) throw new Error(`${input.fileName}: a C2PA manifest is written for PNG and MP4 only`);
    prepared = withGlbXmp(withoutGlbBundle(input.bytes), summary);
    bundleAt = prepared.length;
    insert = (p, payload) => appendGlbBundle(p, payload);
    exclusions.push({ what: 'GLB total-length field (checked against the file length)', start: 8, length: 4 });
    exclusions.push({ what: 'PRVS bundle chunk', start: bundleAt, length: null });
  }
  const binding: Binding = {
    type: BINDING_TYPE,
    version: 1,
    container: container,
    fileName: input.fileName,
    purpose: input.purpose,
    exportedAt: input.exportedAt,
    bundleAt,
    length: prepared.length,
    exclusions,
    parts: (await dissect(prepared)).parts,
    summary,
    ...(input.c2pa ? { c2pa: { unit: container === 'png' ? 'caBX chunk' : 'C2PA uuid box' } } : {}),
  };
  const signed = await signBundle({ ...input.bundle, binding }, input.signer);
  return { bytes: insert(prepared, encodeBundle(signed)), bundle: signed };
}
