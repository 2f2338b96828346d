// A refusal names where each reason is put right, so the export panel can take a person there.
import { describe, expect, it } from 'vitest';
import type { Project } from '../document/schema';
import { addObjects } from '../document/commands';
import { generateSigner } from './crypto';
import { sealAfter, verifyChain } from './ledger';
import { createDisclosureRecord } from './record';
import { evaluateGate } from './gate';
import { fixtureLayer, fixtureScene } from './fixtures';
import { buildAuthority } from '../studio/authority';

const AT = '2026-11-30T00:00:00Z';

describe('blocking reasons and where they are fixed', () => {
  it('lists every reason of every layer, each with its place', async () => {
    const f = await fixtureScene();
    const artist = await generateSigner();
    let p: Project = f.project;
    const deage = await fixtureLayer(f, 'deage');
    const relight = await fixtureLayer(f, 'relight-learned');
    const collapse = { ...(await fixtureLayer(f, 'collapse')), status: 'running' as const, output: null };
    p = addObjects(f.sceneId, [deage, relight, collapse])(p);
    for (const layer of [deage, relight]) {
      const record = await createDisclosureRecord({ project: p, sceneId: f.sceneId, layer, author: { name: 'Ada', role: 'artist', keyId: artist.keyId }, recordId: `rec_${layer.id}`, now: AT, previous: null });
      p = { ...p, ledger: [...p.ledger, ...(await sealAfter(p.ledger, [{ kind: 'disclosure', payload: record as unknown as Record<string, unknown> }], artist, 'Ada', AT))] };
    }
    const chain = await verifyChain(p.ledger);
    const gate = evaluateGate(p, 'deliverable', chain, await buildAuthority(p.ledger, null, { now: new Date(AT) }), { now: new Date(AT) });
    expect(gate.ok).toBe(false);
    const by = (id: string) => gate.refusals.find((r) => r.layerId === id)!;
    // the de-age needs review and consent: both are listed, each where it is fixed
    expect(by(deage.id).blockers.map((b) => b.fix)).toEqual(expect.arrayContaining(['review', 'consent']));
    expect(by(deage.id).blockers.find((b) => b.fix === 'consent')!.text).toMatch(/needs consent/);
    expect(by(deage.id).effect).toBe('deage');
    // previs-only is a declaration in the inspector; an unfinished run is fixed in the effect's panel
    expect(by(relight.id).blockers.find((b) => /previs-only/.test(b.text))?.fix).toBe('inspector');
    expect(by(collapse.id).blockers.map((b) => b.fix)).toEqual(['effect']);
    // the plain reasons and the placed ones are the same list
    for (const r of gate.refusals) expect(r.blockers.map((b) => b.text)).toEqual(r.reasons);
  });
});
