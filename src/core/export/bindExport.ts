// One call for every exporter: take what the gate allowed, build and sign the bundle, embed it with the XMP
// summary into the rendered bytes, and write the sidecar. A deliverable the gate refused never gets here.
import { prepareTrust, type StudioTrust } from '../studio/member';
import type { Project } from '../document/schema';
import { buildDisclosureBundle } from '../disclosure/bundle';
import type { Signer } from '../disclosure/crypto';
import { describeRefusals, type GateResult } from '../disclosure/gate';
import { exportSummary } from './bindBundle';
import { embedDisclosure } from './bindEnvelope';
import { sniffContainer } from './bindParts';
import type { CoseSigner } from './c2pa/cose';
import { signC2pa } from './c2pa/engine';
import { c2paManifestDefinition } from './c2pa/manifest';
import { buildSidecar, encodeSidecar, sidecarName, type Sidecar } from './sidecar';
import type { DisclosureSummary } from './xmpPacket';

export class ExportRefused extends Error {
  constructor(readonly gate: GateResult) {
    super(`deliverable export refused:\n${describeRefusals(gate)}`);
  }
}

export interface SealInput {
  project: Project;
  gate: GateResult;
  /** rendered bytes (PNG, MP4, GLB) — or any other file (HTML report) which then gets a sidecar only */
  bytes: Uint8Array;
  fileName: string;
  signer: Signer;
  software: string;
  frames?: Readonly<Record<string, { start: number; end: number } | null>>;
  /** the generated layers this file shows (a subset of what the gate allowed); default: all allowed */
  layerIds?: readonly string[];
  /** set false for files that cannot embed (report HTML) */
  embed?: boolean;
  /** C2PA signing credential: PNG and MP4 then also get a C2PA manifest (written last, over our bundle too) */
  c2pa?: CoseSigner | null;
  now?: Date;
  /** the exporter's studio root and revocation lists: the summary's review states are read with them, and
   * the newest list travels in the bundle so a verifier sees every revocation the exporter knew of */
  trust?: StudioTrust | null;
}

async function newestCrl(trust: StudioTrust | null | undefined): Promise<string | null> {
  return trust ? ((await prepareTrust(trust)).crl?.pem ?? null) : null;
}

export interface SealedExport {
  fileName: string;
  bytes: Uint8Array;
  summary: DisclosureSummary;
  sidecar: Sidecar;
  sidecarName: string;
  sidecarBytes: Uint8Array;
}

export function assertGateAllows(gate: GateResult): void {
  if (gate.purpose === 'deliverable' && !gate.ok) throw new ExportRefused(gate);
}

export async function sealExport(input: SealInput): Promise<SealedExport> {
  assertGateAllows(input.gate);
  const now = input.now ?? new Date();
  const allowed = input.gate.allowed.map((a) => a.layer.id);
  const stray = (input.layerIds ?? []).filter((id) => !allowed.includes(id));
  if (stray.length) throw new Error(`layer(s) ${stray.join(', ')} were not allowed by the export gate`);
  const layerIds = input.layerIds ?? allowed;
  const bundle = await buildDisclosureBundle(input.project, layerIds, { now, crlPem: await newestCrl(input.trust) });
  const summary = await exportSummary(bundle, { purpose: input.gate.purpose, software: input.software, frames: input.frames, now, trust: input.trust });
  const common = { fileName: input.fileName, bundle, summary, purpose: input.gate.purpose, signer: input.signer, exportedAt: now.toISOString() };
  const container = input.embed === false ? null : sniffContainer(input.bytes);
  const c2pa = input.c2pa && (container === 'png' || container === 'mp4') ? input.c2pa : null;
  let bytes = input.embed === false ? input.bytes : (await embedDisclosure({ ...common, bytes: input.bytes, c2pa: !!c2pa })).bytes;
  if (c2pa) {
    const definition = c2paManifestDefinition({ summary, fileName: input.fileName, software: input.software });
    bytes = await signC2pa(bytes, container === 'png' ? 'image/png' : 'video/mp4', definition, c2pa);
  }
  const sidecar = await buildSidecar({ ...common, bytes });
  return { fileName: input.fileName, bytes, summary, sidecar, sidecarName: sidecarName(input.fileName), sidecarBytes: encodeSidecar(sidecar) };
}

/**
 * Frames of an animatic each layer affects: the output is the shots cut back to back, so a layer's timeline
 * range maps into every shot segment it overlaps. Returns output frames (inclusive start, exclusive end).
 */
export function layerFramesInCut(
  layers: readonly { id: string; frameRange: { start: number; end: number } | null }[],
  segments: readonly { in: number; out: number }[],
): Record<string, { start: number; end: number } | null> {
  const out: Record<string, { start: number; end: number } | null> = {};
  for (const l of layers) {
    let at = 0;
    let first: number | null = null;
    let last: number | null = null;
    for (const s of segments) {
      const fr = l.frameRange ?? { start: s.in, end: s.out };
      const a = Math.max(fr.start, s.in);
      const b = Math.min(fr.end, s.out);
      if (b > a) {
        first ??= at + (a - s.in);
        last = at + (b - s.in);
      }
      at += s.out - s.in;
    }
    out[l.id] = first !== null && last !== null ? { start: first, end: last } : null;
  }
  return out;
}
