// The one place that reads a disclosure bundle (core/disclosure) for the exporters and the verifier: what each
// layer's summary says, whether it is approved at its current hash and consented, its history and consent facts.
import { NO_AUTHORITY } from '../studio/authority';
import type { StudioTrust } from '../studio/member';
import { verifyBundle, type BundleLayerReport, type BundleReport, type DisclosureBundle } from '../disclosure/bundle';
import type { ConsentRecord } from '../disclosure/consent';
import type { PublicKeyJwk } from '../disclosure/crypto';
import type { DisclosureRecord } from '../disclosure/record';
import { latestRecord, readLedger, type HistoryItem } from '../disclosure/state';
import { fileSourceType, IPTC_DST_BASE, type DisclosureSummary, type LayerSummary } from './xmpPacket';

export interface LayerState {
  layerId: string;
  summary: Omit<LayerSummary, 'frames'>;
  approvedAtCurrentHash: boolean;
  /** null when the layer needs no consent */
  consented: boolean | null;
  report: BundleLayerReport;
  record: DisclosureRecord | null;
  /** the ledger entry hash of the newest record (what the summary calls its record hash) */
  recordEntryHash: string | null;
  outputHash: string | null;
  history: HistoryItem[];
  consentRecord: ConsentRecord | null;
  consentRevoked: boolean;
}

export interface BundleInspection {
  report: BundleReport;
  bundle: DisclosureBundle | null;
  layers: LayerState[];
  /** keys the bundle's ledger registers */
  keyIds: string[];
  problems: string[];
  ledgerHead: string;
}

export interface InspectOptions {
  trustedKeys?: readonly PublicKeyJwk[];
  now?: Date;
  /** the studio root the reader holds; without one nothing reads as approved */
  trust?: StudioTrust | null;
  /** SHA-256s of consent documents at hand; null: not checked */
  documents?: ReadonlySet<string> | null;
  /** an unsigned bundle being prepared for export: do not report the missing signature */
  unsigned?: boolean;
}

export async function inspectBundle(input: unknown, opts: InspectOptions = {}): Promise<BundleInspection> {
  const report = await verifyBundle(input, { trustedKeys: opts.trustedKeys, now: opts.now, trust: opts.trust, documents: opts.documents });
  const b = report.bundle;
  const problems = report.problems.filter((p) => !(opts.unsigned && p === 'bundle signature: missing'));
  if (!b) return { report, bundle: null, layers: [], keyIds: [], problems, ledgerHead: '' };
  // history and approvals as the verifier's studio authority reads them
  const state = report.ledgerState ?? readLedger(b.ledger, NO_AUTHORITY);
  const keyIds = Object.values(report.chain?.keys ?? {}).filter((k) => k.seq !== null).map((k) => k.keyId);
  const layers = report.layers.map((r): LayerState => {
    // the exported take's record (the bundle names it), not simply the newest run
    const latest = r.recordId ? (state.records.get(r.recordId) ?? null) : latestRecord(state, r.layerId);
    const record = latest?.record ?? null;
    const bl = b.layers.find((l) => l.layerId === r.layerId);
    const consentId = bl?.consentId ?? null;
    const facts = consentId ? state.consents.get(consentId) : undefined;
    const entryHash = latest ? (b.ledger.find((e) => e.seq === latest.seq)?.hash ?? null) : null;
    const dst = record?.operation.digitalSourceType ?? '';
    return {
      layerId: r.layerId,
      summary: {
        layerId: r.layerId,
        name: r.name,
        effect: r.effect,
        action: record?.operation.action ?? 'undisclosed',
        digitalSourceType: dst.startsWith(IPTC_DST_BASE) ? dst.slice(IPTC_DST_BASE.length) : dst || 'unknown',
        recordHash: entryHash ?? 'none',
        review: r.reviewState,
        consent: r.consent,
      },
      approvedAtCurrentHash: r.approved && r.disclosed,
      consented: r.consent === 'not-required' ? null : r.consent === 'valid',
      report: r,
      record,
      recordEntryHash: entryHash,
      outputHash: bl?.outputHash ?? null,
      history: state.history.get(r.layerId) ?? [],
      consentRecord: facts?.consent ?? null,
      consentRevoked: !!facts?.revocation,
    };
  });
  return { report, bundle: b, layers, keyIds, problems, ledgerHead: b.head?.hash ?? '' };
}

export interface SummaryOptions {
  purpose: string;
  software: string;
  /** frames of this export each layer affects; absent → null (stills, scenes) */
  frames?: Readonly<Record<string, { start: number; end: number } | null>>;
  now?: Date;
  /** the exporter's studio root: review states in the summary are read with it */
  trust?: StudioTrust | null;
}

/** The readable summary of an (unsigned) bundle, as the exporter writes it into the XMP and the binding. */
export async function exportSummary(bundle: DisclosureBundle, opts: SummaryOptions): Promise<DisclosureSummary> {
  const ins = await inspectBundle(bundle, { unsigned: true, now: opts.now, trust: opts.trust });
  const layers: LayerSummary[] = ins.layers.map((l) => ({ ...l.summary, frames: opts.frames?.[l.layerId] ?? null }));
  return { digitalSourceType: fileSourceType(layers), purpose: opts.purpose, software: opts.software, ledgerHead: ins.ledgerHead, layers };
}
