// The export gate: the only way an exporter learns which generated layers it may include. A previs export
// carries every finished, disclosed layer with its records; a deliverable export is refused (with the blocking
// layers and why) unless every layer is approved at its current output and every likeness layer has valid consent.
import type { EffectLayer, Project } from '../document/schema';
import type { ConsentCheck, ConsentRecord } from './consent';
import type { PublicKeyJwk } from './crypto';
import { verifyChain, type ChainReport } from './ledger';
import { buildAuthority, type Authority } from '../studio/authority';
import type { StudioTrust } from '../studio/member';
import type { DisclosureRecord } from './record';
import type { ReviewProgress } from './review';
import { readLedger, type LedgerState } from './state';
import { discloseLayer, layerFacts, type Blocker, type ExportPurpose, type LayerDisclosure } from './status';

export interface GateAllowed {
  layer: EffectLayer;
  sceneId: string;
  /** every record of the layer, oldest first; the last one describes the exported output */
  records: DisclosureRecord[];
  review: ReviewProgress;
  consent: { check: ConsentCheck; record: ConsentRecord | null } | null;
  label: string | null;
}

export interface GateRefusal {
  layerId: string;
  sceneId: string;
  name: string;
  /** the layer's effect (the panel that re-runs it); null for a layer that does not exist */
  effect: string | null;
  reasons: string[];
  /** the reasons, each with where it is put right */
  blockers: Blocker[];
}

export interface GateResult {
  purpose: ExportPurpose;
  /** true when nothing was refused: a deliverable export may go ahead only then */
  ok: boolean;
  allowed: GateAllowed[];
  refusals: GateRefusal[];
  chain: ChainReport;
}

export interface GateOptions {
  /** limit to these layers (a single shot's export); default: every effect layer in the project */
  layerIds?: readonly string[];
  now?: Date;
  trustedKeys?: readonly PublicKeyJwk[];
  /** the studio root (and revocation lists) the exporter holds; without one nothing counts as approved */
  trust?: StudioTrust | null;
  /** SHA-256s of consent documents whose bytes were checked; default: the project's attached documents */
  documents?: ReadonlySet<string>;
}

/** SHA-256s of the consent documents attached to a project (assets of kind document). */
export function attachedDocuments(project: Project): Set<string> {
  return new Set(Object.values(project.assets).filter((a) => a.kind === 'document').map((a) => a.id));
}

/** Who stood behind each signature in a project's ledger, for the studio root the caller holds. */
export function projectAuthority(project: Project, trust: StudioTrust | null | undefined, now?: Date): Promise<Authority> {
  return buildAuthority(project.ledger, trust ?? null, { pinnedRoot: project.studio?.rootFingerprint ?? null, now });
}

export function effectLayersOf(project: Project): { sceneId: string; layer: EffectLayer }[] {
  const out: { sceneId: string; layer: EffectLayer }[] = [];
  for (const sceneId of project.sceneOrder) {
    const scene = project.scenes[sceneId];
    if (!scene) continue;
    for (const o of Object.values(scene.objects)) if (o.type === 'effectLayer') out.push({ sceneId, layer: o });
  }
  return out;
}

/** Every layer's disclosure, for panels and labels (no signature checks: pass the chain problems if known). */
export function discloseProject(project: Project, state: LedgerState, integrityProblems: readonly string[] = [], now = new Date()): Map<string, LayerDisclosure> {
  const out = new Map<string, LayerDisclosure>();
  const documents = attachedDocuments(project);
  for (const { sceneId, layer } of effectLayersOf(project)) {
    out.set(layer.id, discloseLayer(layerFacts(sceneId, layer), state, { projectId: project.id, now, integrityProblems, documents }));
  }
  return out;
}

export async function exportGate(project: Project, purpose: ExportPurpose, opts: GateOptions = {}): Promise<GateResult> {
  const chain = await verifyChain(project.ledger, { trustedKeys: opts.trustedKeys });
  const authority = await projectAuthority(project, opts.trust, opts.now);
  return evaluateGate(project, purpose, chain, authority, opts);
}

/** The gate's decision given an already verified chain and the studio authority. */
export function evaluateGate(project: Project, purpose: ExportPurpose, chain: ChainReport, authority: Authority, opts: GateOptions = {}): GateResult {
  const state = readLedger(project.ledger, authority);
  const documents = opts.documents ?? attachedDocuments(project);
  const now = opts.now ?? new Date();
  const wanted = opts.layerIds ? new Set(opts.layerIds) : null;
  const allowed: GateAllowed[] = [];
  const refusals: GateRefusal[] = [];
  const layers = effectLayersOf(project);
  if (wanted) {
    for (const id of wanted) {
      if (!layers.some((l) => l.layer.id === id)) refusals.push({ layerId: id, sceneId: '', name: id, effect: null, reasons: ['no such effect layer in the project'], blockers: [{ text: 'no such effect layer in the project', fix: null }] });
    }
  }
  for (const { sceneId, layer } of layers) {
    if (wanted && !wanted.has(layer.id)) continue;
    const d = discloseLayer(layerFacts(sceneId, layer), state, { projectId: project.id, now, integrityProblems: chain.problems, documents });
    const blockers: Blocker[] = d.blockers[purpose].length ? d.blockers[purpose] : d.review ? [] : [{ text: 'no review state', fix: 'review' }];
    if (blockers.length || !d.review) {
      refusals.push({ layerId: layer.id, sceneId, name: layer.name, effect: layer.effect, reasons: blockers.map((b) => b.text), blockers });
      continue;
    }
    allowed.push({
      layer,
      sceneId,
      records: d.records,
      review: d.review,
      consent: d.consent ? { check: d.consent, record: d.consentRecord } : null,
      label: d.label,
    });
  }
  return { purpose, ok: refusals.length === 0, allowed, refusals, chain };
}

/** One line per refused layer, for error messages and CLI output. */
export function describeRefusals(r: GateResult): string {
  return r.refusals.map((x) => `"${x.name}": ${x.reasons.join('; ')}`).join('\n');
}
