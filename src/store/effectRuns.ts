// The only writer of the disclosure ledger. An effect run lands as ONE undo step holding both the layer and
// its signed disclosure record; a review event or a consent change likewise lands signed, in one step.
// Signing is async, so entries are sealed first against the ledger as it stands, then the store edit runs
// synchronously — and if the ledger moved while we were signing, we seal again.
import type { AssetMeta, Edit, EffectLayer, LedgerEntry, Project } from '../core/document';
import { addAsset, addObjects, EffectLayer as EffectLayerSchema, newId, updateObject, withConsentLink, withNewTake } from '../core/document';
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
  APPROVER_ROLES,
  CONSENT_RECORDER_ROLES,
} from '../core/disclosure';
import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { currentCertificate, currentSigner, identityStore } from './signingKeys';
import { authorityNow } from './studioAuthority';
import { NO_AUTHORITY } from '../core/studio/authority';

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
      const signer = await currentSigner();
      const certificatePem = await currentCertificate();
      // the role written in an entry is a claim the replay checks against the certificate; default to one it grants
      const role = opts.role ?? who.member?.roles[0] ?? 'artist';
      const actor: Actor = { name: who.name, role, keyId: signer.keyId };
      const now = new Date().toISOString();
      const { items, edit } = await plan(before, actor, now);
      const entries = await sealAfter(before.ledger, items, signer, who.name, now, certificatePem);
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
 * is a new take with its own record: earlier takes keep their records and reviews, the new take is active and
 * unapproved (a layer under review goes back to submitted), so approving one take never approves another.
 */
export async function commitEffectRun(run: EffectRun): Promise<{ record: DisclosureRecord; entries: LedgerEntry[] }> {
  try {
    const parsed = EffectLayerSchema.safeParse(run.layer);
    if (!parsed.success) throw new Error(`effect layer is invalid: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    const missing = undisclosableReason(run.layer);
    if (missing) throw new Error(missing);
    let record: DisclosureRecord | null = null;
    const entries = await commitLedger(run.label, async (project, actor, now) => {
      const previous = latestRecord(readLedger(project.ledger, NO_AUTHORITY), run.layer.id)?.record ?? null;
      const recordId = newId('rec');
      const n = (previous?.run ?? 0) + 1;
      const fresh: EffectLayer = { ...parsed.data, runCount: n };
      // the run is a new take: earlier takes (and their records and reviews) stay, the new one is active
      const asTake = (p: Project): EffectLayer => {
        const before = p.scenes[run.sceneId]?.objects[run.layer.id];
        return withNewTake(before?.type === 'effectLayer' ? before : null, fresh, { n, recordId, assets: (run.assets ?? []).map((a) => a.id), madeAt: now });
      };
      const layer = asTake(project);
      record = await createDisclosureRecord({
        project,
        sceneId: run.sceneId,
        layer,
        author: actor,
        recordId,
        now,
        previous,
        region: run.region,
        relationships: run.relationships,
        description: run.description,
      });
      const edit: Edit = (p) => addObjects(run.sceneId, [asTake(p)])((run.assets ?? []).reduce((q, a) => addAsset(a)(q), p));
      return { items: [{ kind: 'disclosure', payload: record }], edit };
    });
    return { record: record!, entries };
  } catch (e) {
    editorStore.getState().notify('error', `Effect result not added: ${(e as Error).message}`);
    throw e;
  }
}

/**
 * Refuses before signing what would not count: the role must be one the person's certificate grants, checked
 * now against their studio root and revocation list. (The replay checks again; this saves a useless signature.)
 */
function requireRole(role: ReviewRole | undefined, allowed: readonly ReviewRole[], what: string): ReviewRole {
  const i = identityStore.getState();
  if (!i.member || !i.standing) throw new Error(`you are not an enrolled studio member; ${what} you need a member certificate (Studio panel)`);
  if (!i.standing.ok) throw new Error(`your member certificate does not count: ${i.standing.reason}`);
  const r = role ?? i.member.roles.find((x) => allowed.includes(x));
  if (!r || !allowed.includes(r)) throw new Error(`${what} needs the ${allowed.join(' or ')} role; your certificate grants ${i.member.roles.join(', ')}`);
  if (!i.member.roles.includes(r)) throw new Error(`your certificate does not grant the ${r} role (it grants ${i.member.roles.join(', ')})`);
  return r;
}

/** Signs and records a review action on a layer's current record. */
export async function reviewLayer(
  layerId: string,
  action: ReviewAction,
  opts: { role?: ReviewRole; note?: string; conditions?: string | null } = {},
): Promise<LedgerEntry[]> {
  const role = action !== 'submit' && action !== 'withdraw' ? requireRole(opts.role, APPROVER_ROLES, `to ${action}`) : opts.role;
  return commitLedger(
    `Review: ${action}`,
    async (project, actor, now) => {
      const r = planReview(project, layerId, action, actor, { ...opts, eventId: newId('rev'), now, authority: await authorityNow() });
      if (!r.ok) throw new Error(r.error);
      return { items: [{ kind: 'review', payload: r.payload }] };
    },
    { role },
  );
}

/** Records a signed consent; optionally links it to likeness layers in the same step. */
export async function registerConsent(
  draft: Omit<ConsentDraft, 'consentId'> & { consentId?: string },
  link: { sceneId: string; layerId: string }[] = [],
  opts: { role?: ReviewRole; document?: AssetMeta } = {},
): Promise<string> {
  const role = requireRole(opts.role, CONSENT_RECORDER_ROLES, 'to record consent');
  const consentId = draft.consentId ?? newId('consent');
  await commitLedger(
    'Record consent',
    async (project, actor, now) => {
      // the signed document joins the project's assets in the same step as the consent that cites it
      const withDoc = opts.document ? addAsset(opts.document)(project) : project;
      const r = planConsent(withDoc, { ...draft, consentId }, actor, now, await authorityNow());
      if (!r.ok) throw new Error(r.error);
      const edit: Edit = (p) =>
        link.reduce((q, l) => updateObject<EffectLayer>(l.sceneId, l.layerId, (o) => withConsentLink(o, consentId))(q), opts.document ? addAsset(opts.document)(p) : p);
      return { items: [{ kind: 'consent', payload: r.payload }], edit };
    },
    { role },
  );
  return consentId;
}

export async function revokeConsent(consentId: string, reason: string, opts: { role?: ReviewRole } = {}): Promise<void> {
  await commitLedger(
    'Revoke consent',
    async (project, actor, now) => {
      const r = planRevocation(project, consentId, reason, actor, now, await authorityNow());
      if (!r.ok) throw new Error(r.error);
      return { items: [{ kind: 'consent-revocation', payload: r.payload }] };
    },
    opts,
  );
}

/** Links a layer to a consent (or unlinks it with null). Not signed by itself: approvals record the link they saw. */
export function linkConsent(sceneId: string, layerId: string, consentId: string | null): void {
  projectStore.getState().execute(consentId ? 'Link consent' : 'Unlink consent', updateObject<EffectLayer>(sceneId, layerId, (o) => withConsentLink(o, consentId)));
}
