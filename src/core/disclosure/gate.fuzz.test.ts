// Property test: over random sequences of runs, re-runs, hand edits, reviews (valid, invalid and forged) and
// consent changes, the deliverable gate never lets through a layer that a plain model of what happened says
// is unapproved at its current output or unconsented. The model below is written independently of the gate.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EffectLayer, Project } from '../document/schema';
import { addObjects, patchObject } from '../document/commands';
import { generateSigner, sha256Hex, type Signer } from './crypto';
import { sealAfter, sealEntry, type LedgerKind } from './ledger';
import { createDisclosureRecord } from './record';
import { planConsent, planReview, planRevocation, type Actor } from './actions';
import { evaluateGate } from './gate';
import { verifyChain } from './ledger';
import { latestRecord, readLedger } from './state';
import { fixtureLayer, fixtureScene, type FixtureScene } from './fixtures';
import type { ReviewAction } from './review';
import { REVIEW_TYPE } from './vocab';
import { createRng } from '../util/prng';
import { buildAuthority, type Authority } from '../studio/authority';
import { makeTestStudio, type TestStudio } from '../studio/testStudio.testutil';

const rng = createRng;

type Role = Actor['role'];
interface ModelEvent { action: ReviewAction; role: Role }
interface ModelLayer {
  effect: 'collapse' | 'deage';
  runs: number;
  /** review actions that were accepted since the last run */
  events: ModelEvent[];
  /** what the layer declared at its last run */
  declaredThirdParty: boolean;
  declaredUse: EffectLayer['intendedUse'];
  /** the layer's output was swapped by hand after the last run */
  tampered: boolean;
}
interface ModelConsent { revoked: boolean; good: boolean }

const stats: Record<string, number> = {};
let signers: Record<Role, Signer>;
let mallory: Signer;
const NAMES: Record<Role, string> = { artist: 'Ada', 'vfx-supervisor': 'Sam', producer: 'Pat', legal: 'Lee', 'performer-rep': 'Rae' };
let studio: TestStudio;
const certs = new Map<string, string>();
const AT = '2026-11-30T00:00:00Z';

beforeAll(async () => {
  studio = await makeTestStudio('Northlight', new Date('2026-11-29T00:00:00Z'));
  const roles = Object.keys(NAMES) as Role[];
  const list = await Promise.all(roles.map((r) => studio.enrol(NAMES[r], `${NAMES[r].toLowerCase()}@northlight.example`, [r])));
  signers = Object.fromEntries(roles.map((r, i) => [r, list[i]!.signer])) as Record<Role, Signer>;
  for (const m of list) certs.set(m.signer.keyId, m.certificatePem);
  mallory = await generateSigner();
});

const authorityOf = (p: Project): Promise<Authority> => buildAuthority(p.ledger, { rootPem: studio.rootPem }, { pinnedRoot: p.studio?.rootFingerprint ?? null, now: new Date(AT) });

/** The model's verdict: approved at the current output by every role the declarations require. */
function modelApproved(m: ModelLayer): boolean {
  if (m.tampered || m.declaredUse !== 'may-reach-final') return false;
  const required = new Set<Role>(['vfx-supervisor']);
  if (m.effect === 'deage' || m.declaredThirdParty) required.add('legal');
  // approvals count from the last time the layer entered review; anything sending it back clears them
  let approvers = new Set<Role>();
  for (const e of m.events) {
    if (e.action === 'approve' || e.action === 'approve-with-conditions') approvers.add(e.role);
    else approvers = new Set();
  }
  return [...required].every((r) => approvers.has(r));
}

async function runOnce(seed: number, steps: number): Promise<{ allowedSeen: number; checks: number }> {
  const rand = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const f: FixtureScene = await fixtureScene();
  let p: Project = { ...f.project, studio: { name: 'Northlight', rootFingerprint: studio.fingerprint } };
  const model = new Map<string, ModelLayer>();
  const consents = new Map<string, ModelConsent>();
  let forged = false;
  let allowedSeen = 0;
  let checks = 0;
  const layerIds = ['L_collapse', 'L_deage'];

  const append = async (role: Role, kind: LedgerKind, payload: object) => {
    const e = await sealAfter(p.ledger, [{ kind, payload: payload as Record<string, unknown> }], signers[role], NAMES[role], AT, certs.get(signers[role].keyId));
    p = { ...p, ledger: [...p.ledger, ...e] };
  };
  const actor = (role: Role): Actor => ({ name: NAMES[role], role, keyId: signers[role].keyId });
  const layerNow = (id: string) => p.scenes[f.sceneId]!.objects[id] as EffectLayer | undefined;

  // odd seeds are calm: destructive moves (revocations, hand edits, forgeries, rejections) are rare there, so
  // sequences also reach fully approved and consented layers and the gate's "allow" side gets checked
  const harsh = seed % 2 === 0;
  const destructive = () => harsh || rand() < 0.15;
  for (let step = 0; step < steps; step++) {
    const id = pick(layerIds);
    const effect = id === 'L_collapse' ? 'collapse' : 'deage';
    const m = model.get(id);
    const op = rand();
    if (!m || op < 0.08) {
      // run or re-run, sometimes with changed declarations
      const runs = (m?.runs ?? 0) + 1;
      const cur = layerNow(id);
      const base = await fixtureLayer(f, effect, runs + seed * 1000, id);
      const layer: EffectLayer = { ...base, thirdPartyIp: cur?.thirdPartyIp ?? false, intendedUse: cur?.intendedUse ?? 'may-reach-final', consentId: cur?.consentId ?? null };
      const previous = latestRecord(readLedger(p.ledger, await authorityOf(p)), id)?.record ?? null;
      const record = await createDisclosureRecord({ project: p, sceneId: f.sceneId, layer, author: actor('artist'), recordId: `rec_${step}`, now: AT, previous });
      p = addObjects(f.sceneId, [layer])(p);
      await append('artist', 'disclosure', record);
      model.set(id, { effect, runs, events: [], declaredThirdParty: layer.thirdPartyIp, declaredUse: layer.intendedUse, tampered: false });
    } else if (op < 0.6) {
      const action = pick(['submit', 'submit', 'submit', 'approve', 'approve', 'approve', 'approve', 'approve-with-conditions', 'request-changes', 'reject', 'withdraw'] as const);
      const role = pick(['artist', 'artist', 'vfx-supervisor', 'vfx-supervisor', 'legal', 'legal', 'producer'] as const);
      if (!destructive() && ['reject', 'withdraw', 'request-changes'].includes(action)) continue;
      const r = planReview(p, id, action, actor(role), { eventId: `ev${step}`, now: AT, conditions: rand() < 0.8 ? 'keep it dark' : '', authority: await authorityOf(p) });
      if (r.ok) {
        await append(role, 'review', r.payload);
        m.events.push({ action, role });
      }
    } else if (op < 0.64) {
      // a signed event that lies about the state or targets a stale output: must be ignored, not obeyed
      const rec = latestRecord(readLedger(p.ledger, await authorityOf(p)), id);
      if (rec) {
        const payload = {
          type: REVIEW_TYPE, schemaVersion: 1, eventId: `bad${step}`, recordId: rec.record.recordId, layerId: id,
          outputHash: rand() < 0.5 ? rec.record.output.contentHash : await sha256Hex(`stale ${step}`),
          action: 'approve', from: pick(['submitted', 'draft', 'rejected'] as const), to: 'approved',
          reviewer: { name: NAMES['vfx-supervisor'], role: pick(['vfx-supervisor', 'legal'] as const), keyId: signers['vfx-supervisor'].keyId },
          at: AT, note: '', conditions: null, consentId: null,
        };
        await append('vfx-supervisor', 'review', payload);
        // the replay may legitimately accept it when it happens to be a valid transition; mirror that
        const after = latestRecord(readLedger(p.ledger, await authorityOf(p)), id)!;
        const stale = payload.outputHash !== rec.record.output.contentHash;
        if (!stale && (after.review.state !== rec.review.state || after.review.approvals.length !== rec.review.approvals.length)) {
          m.events.push({ action: 'approve', role: payload.reviewer.role });
        }
      }
    } else if (op < 0.72) {
      const good = !destructive() || rand() < 0.6;
      const doc = await sha256Hex(`doc ${step}`);
      p = { ...p, assets: { ...p.assets, [doc]: { id: doc, name: 'consent.pdf', mime: 'application/pdf', byteLength: 10, kind: 'document' } } };
      const c = planConsent(p, {
        consentId: `c${step}`,
        performer: { name: good || rand() < 0.5 ? 'Jo Performer' : 'Someone Else', status: 'private' },
        representative: null,
        alteration: 'de-aging',
        intendedUse: 'De-age the performer for the flashback in shots 1 and 2',
        useScope: good || rand() < 0.5 ? 'may-reach-final' : 'previs-only',
        projectScope: { projectId: good || rand() < 0.5 ? p.id : 'proj_other', projectName: p.name, detail: '' },
        signedDate: '2026-01-01',
        signedBy: 'Jo Performer',
        documentSha256: doc,
        expires: good || rand() < 0.5 ? null : '2026-06-01',
      }, actor('legal'), AT, await authorityOf(p));
      if (c.ok) {
        await append('legal', 'consent', c.payload);
        const p2 = c.payload;
        consents.set(p2.consentId, { revoked: false, good: p2.performer.name === 'Jo Performer' && p2.useScope === 'may-reach-final' && p2.projectScope.projectId === p.id && p2.expires === null });
      }
    } else if (op < 0.84) {
      const keys = [...consents.keys()];
      const cid = rand() < 0.6 && keys.length ? keys[keys.length - 1]! : pick([...keys, 'c_missing']);
      if (layerNow(id)) p = patchObject(f.sceneId, id, { consentId: rand() < 0.9 ? cid : null } as Partial<EffectLayer>)(p);
    } else if (op < 0.87) {
      if (!destructive()) continue;
      const cid = pick([...consents.keys(), 'none']);
      const r = planRevocation(p, cid, 'withdrawn', actor('legal'), AT, await authorityOf(p));
      if (r.ok) {
        await append('legal', 'consent-revocation', r.payload);
        consents.get(cid)!.revoked = true;
      }
    } else if (op < 0.91) {
      // edits of declarations without a re-run
      if (layerNow(id) && destructive()) {
        p = patchObject(f.sceneId, id, rand() < 0.5 ? ({ thirdPartyIp: rand() < 0.5 } as Partial<EffectLayer>) : ({ intendedUse: pick(['previs-only', 'may-reach-final'] as const) } as Partial<EffectLayer>))(p);
      }
    } else if (op < 0.93) {
      // hand-swapped output
      if (layerNow(id) && destructive()) {
        const h = await sha256Hex(`hand ${step}`);
        p = patchObject(f.sceneId, id, { output: { assetId: h, contentHash: h } } as Partial<EffectLayer>)(p);
        m.tampered = true;
      }
    } else if (harsh && rand() < 0.05) {
      // a forged approval by a key nobody registered
      const last = p.ledger[p.ledger.length - 1]!;
      const rec = latestRecord(readLedger(p.ledger, await authorityOf(p)), id);
      if (rec) {
        p = { ...p, ledger: [...p.ledger, await sealEntry({ seq: last.seq, hash: last.hash }, 'review', { recordId: rec.record.recordId, action: 'approve' }, mallory)] };
        forged = true;
      }
    }

    if (step % 5 === 0 || step === steps - 1) {
      const chain = await verifyChain(p.ledger);
      expect(chain.ok).toBe(!forged);
      const gate = evaluateGate(p, 'deliverable', chain, await authorityOf(p), { now: new Date('2026-11-30T00:00:00Z') });
      for (const a of gate.allowed) {
        checks++;
        const ml = model.get(a.layer.id)!;
        const ctx = `seed ${seed} step ${step} layer ${a.layer.id}`;
        expect(forged, ctx).toBe(false);
        expect(modelApproved(ml), `${ctx}: allowed but not approved (${JSON.stringify(ml.events)})`).toBe(true);
        expect(a.layer.intendedUse, ctx).toBe('may-reach-final');
        expect(a.layer.thirdPartyIp && !ml.declaredThirdParty, ctx).toBe(false);
        if (ml.effect === 'deage') {
          const c = a.layer.consentId ? consents.get(a.layer.consentId) : undefined;
          expect(c && c.good && !c.revoked, `${ctx}: allowed without valid consent`).toBe(true);
        }
      }
      allowedSeen += gate.allowed.length;
      for (const a of gate.allowed) stats[a.layer.effect] = (stats[a.layer.effect] ?? 0) + 1;
      for (const id2 of layerIds) {
        const ml = model.get(id2);
        if (!ml || gate.allowed.some((a) => a.layer.id === id2)) continue;
        expect(gate.refusals.find((r) => r.layerId === id2)?.reasons.length, 'every refusal says why').toBeGreaterThan(0);
      }
    }
  }
  return { allowedSeen, checks };
}

describe('export gate under random edit sequences', () => {
  it('never lets an unapproved or unconsented layer into a deliverable', async () => {
    let allowed = 0;
    let checks = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const r = await runOnce(seed, 80);
      allowed += r.allowedSeen;
      checks += r.checks;
    }
    // not vacuous: sequences do reach approved, consented layers that the gate lets through
    expect(allowed).toBeGreaterThan(20);
    expect(checks).toBe(allowed);
    // both kinds of layer get through: a likeness layer only with approvals by two roles and valid consent
    expect(stats.collapse ?? 0).toBeGreaterThan(5);
    expect(stats.deage ?? 0).toBeGreaterThan(5);
  }, 120_000);
});
