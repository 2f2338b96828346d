// The verifier's core: given the bytes of an export (PNG, MP4, GLB) or of a sidecar, re-derive every hash, check
// the binding's signature, the disclosure bundle's own chain and signatures, the XMP summary against the signed
// one, and report per layer whether it is approved at its current hash and consented. Every problem is a sentence
// naming what is wrong, so a pipeline log says "IDAT[0] (pixel data) changed", not just "invalid".
import { isPublicKeyJwk, keyIdOf } from '../disclosure/crypto';
import type { StudioTrust } from '../studio/member';
import { fromUtf8, sha256Hex } from './bindBytes';
import { inspectBundle, type LayerState } from './bindBundle';
import { isBinding, type Binding } from './bindEnvelope';
import { dissect, type BindPart, type Dissection } from './bindParts';
import { readGlbXmp, subset } from './glbXmp';
import { readMp4Timing, type Mp4Timing } from './mp4Boxes';
import { SIDECAR_TYPE, type Sidecar } from './sidecar';
import { checkC2pa, type C2paVerdict } from './c2pa/verify';
import { diffSummaries, parseXmpPacket, type DisclosureSummary } from './xmpPacket';

export interface LayerVerdict extends LayerState {
  frames: { start: number; end: number } | null;
}

export interface FileVerdict {
  file: string;
  kind: 'png' | 'mp4' | 'glb' | 'sidecar' | 'unknown';
  ok: boolean;
  /** true when the file carries no disclosure at all */
  undisclosed: boolean;
  problems: string[];
  notes: string[];
  layers: LayerVerdict[];
  signer: { keyId: string; registered: boolean } | null;
  purpose: string | null;
  timing: Mp4Timing | null;
  /** the C2PA manifest store in the file and what c2pa-rs says of it; absent/null when there is none */
  c2pa?: C2paVerdict | null;
}

export interface VerifyOptions {
  requireApproved?: boolean;
  /** key ids the caller trusts; when given, a binding signed by any other key fails */
  trustedKeyIds?: readonly string[];
  now?: Date;
  /** for a sidecar: the bytes of the file it describes, or null when it is not found */
  sidecarTarget?: Uint8Array | null;
  /** PEM CA certificates to trust for C2PA signing credentials (e.g. the exporter's local CA) */
  c2paTrustAnchorsPem?: string;
  /** the studio root (and revocation lists) the verifier holds; approvals are checked against it alone */
  trust?: StudioTrust | null;
  /** SHA-256s of the signed consent documents handed to the verifier; null: not checked */
  documents?: ReadonlySet<string> | null;
  /** the whole file for the C2PA reader, where `bytes` holds only part of it (a movie streamed from disk) */
  c2paBytes?: () => Promise<Uint8Array>;
}

function verdict(file: string, kind: FileVerdict['kind']): FileVerdict {
  return { file, kind, ok: false, undisclosed: false, problems: [], notes: [], layers: [], signer: null, purpose: null, timing: null, c2pa: null };
}

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(fromUtf8(bytes));
}

/** Compares the parts the binding signed with the parts the file has now; names each difference. */
export function diffParts(signed: readonly BindPart[], now: readonly BindPart[]): string[] {
  const out: string[] = [];
  const byName = new Map(now.map((p) => [p.name, p]));
  let changed = 0;
  for (const s of signed) {
    const n = byName.get(s.name);
    if (!n) {
      out.push(`${s.name} (${s.what}) is missing: stripped from the file`);
      changed++;
      continue;
    }
    byName.delete(s.name);
    if (n.sha256 !== s.sha256) {
      out.push(`${s.name} (${s.what}) changed: its SHA-256 no longer matches the signed binding`);
      changed++;
    } else if (n.start !== s.start || n.length !== s.length) {
      out.push(`${s.name} (${s.what}) moved from byte ${s.start} to ${n.start}`);
      changed++;
    }
  }
  for (const extra of byName.values()) {
    out.push(`${extra.name} (${extra.what}) at byte ${extra.start} was added after signing`);
    changed++;
  }
  if (signed.length > 2 && changed > signed.length / 2) {
    out.unshift(`the embedded disclosure was made for a different file (${changed} of ${signed.length} parts differ): spliced bundle?`);
  }
  return out;
}

async function checkBundle(bundle: unknown, v: FileVerdict, opts: VerifyOptions): Promise<Binding | null> {
  const ins = await inspectBundle(bundle, { now: opts.now, trust: opts.trust ?? null, documents: opts.documents ?? null });
  for (const p of ins.problems) v.problems.push(`disclosure bundle: ${p}`);
  if (!ins.bundle) return null;
  const sig = ins.report.signature;
  const named = ins.bundle.signature;
  if (named) {
    // the key copy travelling with the signature must be the key it names (it is not what verifies it)
    const kid = isPublicKeyJwk(named.publicKeyJwk) ? await keyIdOf(named.publicKeyJwk) : null;
    if (kid !== named.keyId) v.problems.push(`disclosure bundle: the signature's public key copy does not match key id ${named.keyId} (altered)`);
  }
  if (sig.keyId) {
    const registered = ins.keyIds.includes(sig.keyId);
    v.signer = { keyId: sig.keyId, registered };
    // a key named only inside the bundle is self-asserted; say so, and let --trust make it a failure
    if (!registered) v.notes.push(`signed by key ${sig.keyId}, which the project's ledger does not register`);
    if (opts.trustedKeyIds && !opts.trustedKeyIds.includes(sig.keyId)) v.problems.push(`the export was signed by key ${sig.keyId}, which is not in the trusted key list`);
  }
  const ex = ins.report.exporter;
  if (ex?.state === 'valid') v.notes.push(`exported by studio member ${ex.name} <${ex.person}>, certificate ${ex.serial}`);
  const binding = ins.bundle.binding;
  if (!isBinding(binding)) {
    v.problems.push('the disclosure bundle is not bound to any file (no binding)');
    return null;
  }
  v.purpose = binding.purpose;
  // the summary the XMP repeats must itself agree with the records
  for (const m of ins.layers) if (!binding.summary.layers.some((l) => l.layerId === m.layerId)) v.problems.push(`signed summary omits generated layer ${m.layerId} ("${m.summary.name}")`);
  const derived: DisclosureSummary = {
    ...binding.summary,
    ledgerHead: ins.ledgerHead,
    layers: binding.summary.layers.map((l) => {
      const st = ins.layers.find((x) => x.layerId === l.layerId);
      // review and consent states in the summary are the exporter's reading with its studio root; this
      // verifier's own reading (below, and --require-approved) is what counts, so a difference is a note
      return st ? { ...st.summary, review: l.review, consent: l.consent, frames: l.frames } : l;
    }),
  };
  for (const l of binding.summary.layers) {
    const st = ins.layers.find((x) => x.layerId === l.layerId);
    if (st && (st.summary.review !== l.review || st.summary.consent !== l.consent)) {
      v.notes.push(`layer ${l.layerId}: the exporter's summary says review ${l.review}, consent ${l.consent}; checked here: review ${st.summary.review}, consent ${st.summary.consent}`);
    }
  }
  for (const l of binding.summary.layers) if (!ins.layers.some((x) => x.layerId === l.layerId)) v.problems.push(`signed summary lists layer ${l.layerId}, which the bundle does not disclose`);
  for (const d of diffSummaries(binding.summary, derived)) v.problems.push(d.replace(/^XMP/, 'signed summary').replace('signed bundle says', 'records say'));
  v.layers = ins.layers.map((st) => ({ ...st, frames: binding.summary.layers.find((l) => l.layerId === st.layerId)?.frames ?? null }));
  if (opts.requireApproved) {
    if (!opts.trust) v.problems.push('approvals cannot be checked without a studio root: pass --studio-root ROOT.pem');
    else {
      // a deliverable is exported by a member: a bundle re-signed by anyone else does not carry approvals
      const ex = ins.report.exporter;
      if (!ex) v.problems.push('the disclosure bundle is not signed, so no studio member stands behind this export');
      else if (ex.state !== 'valid') v.problems.push(`the export was not signed by a current member of the studio: ${ex.reason}`);
    }
    for (const l of v.layers) {
      if (!l.approvedAtCurrentHash) {
        const why = l.report.uncounted.map((u) => `${u.action} by ${u.name} as ${u.role} does not count: ${u.reason}`);
        v.problems.push(`layer ${l.layerId} ("${l.summary.name}") is not approved at its current output hash (review: ${l.summary.review})${why.length ? ` — ${why.join('; ')}` : ''}`);
      }
      if (l.consented === false) {
        const why = l.report.deliverableBlocking.filter((r) => r.startsWith('needs consent')).map((r) => r.replace(/^needs consent: /, ''));
        v.problems.push(`layer ${l.layerId} ("${l.summary.name}") lacks valid consent (${l.summary.consent})${why.length ? `: ${why.join('; ')}` : ''}`);
      }
    }
  }
  return binding;
}

function checkXmp(d: Dissection, binding: Binding, v: FileVerdict): void {
  if (d.xmp === null) {
    v.problems.push('XMP summary is missing');
    return;
  }
  try {
    if (d.container === 'glb') {
      const g = readGlbXmp(d.xmp);
      v.problems.push(...g.problems);
      for (const x of diffSummaries(g.asset, binding.summary)) v.problems.push(x.replace(/^XMP/, 'asset XMP packet'));
      for (const n of g.nodes) for (const x of diffSummaries(n.summary, subset(binding.summary, n.layerIds))) v.problems.push(x.replace(/^XMP/, `${n.label} XMP packet`));
    } else {
      for (const x of diffSummaries(parseXmpPacket(d.xmp), binding.summary)) v.problems.push(x);
    }
  } catch (e) {
    v.problems.push(`XMP summary unreadable: ${(e as Error).message}`);
  }
}

async function verifyEmbedded(file: string, bytes: Uint8Array, d: Dissection, opts: VerifyOptions): Promise<FileVerdict> {
  const v = verdict(file, d.container);
  v.problems.push(...d.faults);
  if (d.container === 'mp4') {
    try {
      v.timing = readMp4Timing(bytes);
    } catch {
      /* structure faults are already reported by dissect */
    }
  }
  if (!d.bundlePayload) {
    v.undisclosed = true;
    v.problems.push(d.xmp !== null ? 'no signed disclosure bundle in the file (an XMP packet alone cannot be checked)' : 'no disclosure at all: this file carries no signed disclosure bundle');
    if (d.c2pa) v.c2pa = await checkC2pa(opts.c2paBytes ?? bytes, d, false, v, opts.c2paTrustAnchorsPem);
    return v;
  }
  let bundle: unknown;
  try {
    bundle = parseJson(d.bundlePayload);
  } catch (e) {
    v.problems.push(`disclosure bundle is corrupted (not valid JSON: ${(e as Error).message})`);
    return v;
  }
  const b = await checkBundle(bundle, v, opts);
  if (!b) return v;
  if (b.container !== d.container) v.problems.push(`binding is for a ${b.container} file, this is ${d.container}`);
  if (b.bundleAt !== d.bundleAt) v.problems.push(`bundle unit moved (signed at byte ${b.bundleAt}, found at ${d.bundleAt})`);
  v.problems.push(...diffParts(b.parts, d.parts));
  checkXmp(d, b, v);
  if (b.c2pa && !d.c2pa) v.problems.push(`the C2PA manifest store (${b.c2pa.unit}) this export was signed with is missing: stripped from the file`);
  if (d.c2pa) v.c2pa = await checkC2pa(opts.c2paBytes ?? bytes, d, !!b.c2pa, v, opts.c2paTrustAnchorsPem);
  return v;
}

async function verifySidecar(file: string, bytes: Uint8Array, opts: VerifyOptions): Promise<FileVerdict> {
  const v = verdict(file, 'sidecar');
  let sc: Sidecar;
  try {
    sc = parseJson(bytes) as Sidecar;
  } catch (e) {
    v.problems.push(`sidecar is not valid JSON: ${(e as Error).message}`);
    return v;
  }
  if (sc?.type !== SIDECAR_TYPE || !sc.file || typeof sc.file.name !== 'string') {
    v.undisclosed = true;
    v.problems.push('not a disclosure sidecar');
    return v;
  }
  const binding = await checkBundle(sc.bundle, v, opts);
  if (!binding) return v;
  const part = binding.parts[0];
  if (!part || binding.container !== 'external' || binding.parts.length !== 1) v.problems.push('sidecar binding does not describe a whole file');
  else if (part.sha256 !== sc.file.sha256 || part.length !== sc.file.length || binding.fileName !== sc.file.name) v.problems.push('sidecar file entry differs from its signed binding');
  if (opts.sidecarTarget === undefined || opts.sidecarTarget === null) {
    v.problems.push(`the file it describes, ${sc.file.name}, was not found next to the sidecar`);
  } else {
    const h = await sha256Hex(opts.sidecarTarget);
    if (h !== sc.file.sha256 || opts.sidecarTarget.length !== sc.file.length) v.problems.push(`${sc.file.name} changed since export: its SHA-256 no longer matches the sidecar`);
  }
  return v;
}

/** Sidecars name the file they describe; the CLI and the drop zone use this to find it. */
export function sidecarTargetName(bytes: Uint8Array): string | null {
  try {
    const sc = parseJson(bytes) as Sidecar;
    return sc?.type === SIDECAR_TYPE && typeof sc.file?.name === 'string' ? sc.file.name : null;
  } catch {
    return null;
  }
}

export async function verifyExport(file: string, bytes: Uint8Array, opts: VerifyOptions = {}): Promise<FileVerdict> {
  let v: FileVerdict;
  if (bytes[0] === 0x7b /* { */ || file.endsWith('.json')) {
    v = await verifySidecar(file, bytes, opts);
  } else {
    let d: Dissection | null = null;
    try {
      d = await dissect(bytes);
    } catch (e) {
      v = verdict(file, 'unknown');
      v.undisclosed = true;
      v.problems.push(`cannot read the file: ${(e as Error).message}`);
      return v;
    }
    v = await verifyEmbedded(file, bytes, d, opts);
  }
  v.ok = v.problems.length === 0;
  return v;
}
