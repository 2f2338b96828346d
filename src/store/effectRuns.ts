// The only writer of the disclosure ledger. An effect run lands as ONE undo step holding both the layer and
// its signed disclosure record; a review event or a consent change likewise lands signed, in one step.
// Signing is async, so entries are sealed first against the ledger as it stands, then the store edit runs
// synchronously — and if the ledger moved while we were signing, we seal again.
import type { AssetMeta, Edit, EffectLayer, LedgerEntry, Project } from '../core/document';
import { addAsset, addObjects, EffectLayer as EffectLayerSchema, newId, patchObject } from '../core/document';
import {
  createDisclosureRecord,
  latestRecord,
  planConsent,
  planReview,
  planRevocation,
  readLedger,
  sealAfter,
  undisclosableReason,
  type Actor,
  type ConsentDraft,
  type DisclosureRecord,
  type LedgerKind,
  type Relationship,
  type ReviewAction,
  type ReviewRole,
  type ScreenRegion,
} from '../core/disclosure';
import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { identityStore, signerFor } from './signingKeys';

export interface LedgerPlan {
  items: { kind: LedgerKind; payload: Record<string, unknown> }[];
  /** the document edit that goes with the entries, in the same undo step */
  edit?: Edit;
}

let queue: Promise<unknown> = Promise.resolve();
/** Ledger writes run one at a time, so two effects finishing together cannot fork the chain. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** Resolves once no drag or slider gesture is open: a run must not be squashed into (or cancelled with) one. */
function gestureClosed(): Promise<void> {
  if (!projectStore.getState().history.mark) return Promise.resolve();
  return new Promise((resolve) => {
    const unsub = projectStore.subscribe((s) => {
      if (!s.history.mark) {
        unsub();
        resolve();
      }
    });
  });
}

export function commitLedger(
  label: string,
  plan: (project: Project, actor: Actor, now: string) => Promise<LedgerPlan> | LedgerPlan,
  opts: { role?: ReviewRole } = {},
): Promise<LedgerEntry[]> {
  return serial(async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await gestureClosed();
      const before = projectStore.getState().project;
      const who = identityStore.getState();
      const signer = await signerFor(who.name);
      const actor: Actor = { name: who.name, role: opts.role ?? who.role, keyId: signer.keyId };
      const now = new Date().toISOString();
      const { items, edit } = await plan(before, actor, now);
      const entries = await sealAfter(before.ledger, items, signer, who.name, now);
      if (!entries.length && !edit) return entries; // nothing to record: no empty undo step
      const cur = projectStore.getState();
      if (cur.project.ledger !== before.ledger || cur.history.mark) continue; // moved while signing: seal again
      cur.execute(label, (p) => {
        const q = edit ? edit(p) : p;
        return { ...q, ledger: [...q.ledger, ...entries] };
      });
      return entries;
    }
    throw new Error('the disclosure ledger kept changing while signing; try again');
  });
}

export interface EffectRun {
  sceneId: string;
  /** the finished layer: status 'done', output hash, run report, models and input hashes filled in */
  layer: EffectLayer;
  /** the undo label, e.g. "Collapse building" */
  label: string;
  region?: ScreenRegion;
  relationships?: Record<string, Relationship>;
  /** one line for people: "15 years younger", "collapse from the ground floor" */
  description?: string;
  /** the run's outputs (bake, plate frames, mask) entered in the project's asset list in the same step */
  assets?: AssetMeta[];
}

/**
 * Adds or updates an effect layer together with its signed disclosure record, as one undo step. A re-run
 * supersedes the previous record: its approvals are void and a layer under review goes back to submitted.
 */
export async function commitEffectRun(run: EffectRun): Promise<{ record: DisclosureRecord; entries: LedgerEntry[] }> {
  try {
    const parsed = EffectLayerSchema.safeParse(run.layer);
    if (!parsed.success) throw new Error(`effect layer is invalid: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    const missing = undisclosableReason(run.layer);
    if (missing) throw new Error(missing);
    let record: DisclosureRecord | null = null;
    const entries = await commitLedger(run.label, async (project, actor, now) => {
      const previous = latestRecord(readLedger(project.ledger), run.layer.id)?.record ?? null;
      const layer: EffectLayer = { ...parsed.data, runCount: (previous?.run ?? 0) + 1 };
      record = await createDisclosureRecord({
        project,
        sceneId: run.sceneId,
        layer,
        author: actor,
        recordId: newId('rec'),
        now,
        previous,
        region: run.region,
        relationships: run.relationships,
        description: run.description,
      });
      const addLayer = addObjects(run.sceneId, [layer]);
      const edit: Edit = (p) => addLayer((run.assets ?? []).reduce((q, a) => addAsset(a)(q), p));
      return { items: [{ kind: 'disclosure', payload: record }], edit };
    });
    return { record: record!, entries };
  } catch (e) {
    editorStore.getState().notify('error', `Effect result not added: ${(e as Error).message}`);
    throw e;
  }
}

/** Signs and records a review action on a layer's current record. */
export async function reviewLayer(
  layerId: string,
  action: ReviewAction,
  opts: { role?: ReviewRole; note?: string; conditions?: string | null } = {},
): Promise<LedgerEntry[]> {
  return commitLedger(
    `Review: ${action}`,
    (project, actor, now) => {
      const r = planReview(project, layerId, action, actor, { ...opts, eventId: newId('rev'), now });
      if (!r.ok) throw new Error(r.error);
      return { items: [{ kind: 'review', payload: r.payload }] };
    },
    { role: opts.role },
  );
}

/** Records a signed consent; optionally links it to likeness layers in the same step. */
export async function registerConsent(
  draft: Omit<ConsentDraft, 'consentId'> & { consentId?: string },
  link: { sceneId: string; layerId: string }[] = [],
  opts: { role?: ReviewRole } = {},
): Promise<string> {
  const consentId = draft.consentId ?? newId('consent');
  await commitLedger(
    'Record consent',
    (project, actor, now) => {
      const r = planConsent(project, { ...draft, consentId }, actor, now);
      if (!r.ok) throw new Error(r.error);
      const edit: Edit = (p) => link.reduce((q, l) => patchObject(l.sceneId, l.layerId, { consentId } as Partial<EffectLayer>)(q), p);
      return { items: [{ kind: 'consent', payload: r.payload }], edit };
    },
    opts,
  );
  return consentId;
}

export async function revokeConsent(consentId: string, reason: string, opts: { role?: ReviewRole } = {}): Promise<void> {
  await commitLedger(
    'Revoke consent',
    (project, actor, now) => {
      const r = planRevocation(project, consentId, reason, actor, now);
      if (!r.ok) throw new Error(r.error);
      return { items: [{ kind: 'consent-revocation', payload: r.payload }] };
    },
    opts,
  );
}

/** Links a layer to a consent (or unlinks it with null). Not signed by itself: approvals record the link they saw. */
export function linkConsent(sceneId: string, layerId: string, consentId: string | null): void {
  projectStore.getState().execute(consentId ? 'Link consent' : 'Unlink consent', patchObject(sceneId, layerId, { consentId } as Partial<EffectLayer>));
}
