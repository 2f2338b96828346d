import { describe, expect, it } from 'vitest';
import { createDisclosureRecord, DisclosureRecord, undisclosableReason } from './record';
import { fixtureLayer, fixtureScene, FIXTURE_EFFECTS } from './fixtures';
import { DigitalSourceType } from './vocab';

const author = { name: 'Ada Artist', role: 'artist' as const, keyId: 'key-ada' };

async function recordFor(effect: (typeof FIXTURE_EFFECTS)[number]) {
  const f = await fixtureScene();
  const layer = await fixtureLayer(f, effect);
  const record = await createDisclosureRecord({ project: f.project, sceneId: f.sceneId, layer, author, recordId: `rec_${effect}`, now: '2026-11-30T01:00:00.000Z', previous: null });
  return { f, layer, record };
}

/** Every path to a leaf or an empty container, so the completeness test can remove each field in turn. */
function fieldPaths(v: unknown, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? [] : Object.entries(v as Record<string, unknown>);
  if (!entries.length) return [prefix];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, child] of entries) {
    if (prefix[0] === 'params') continue; // free-form by design
    out.push(...fieldPaths(child, [...prefix, k]));
  }
  return out;
}

function without(obj: unknown, path: string[]): unknown {
  const copy = structuredClone(obj) as Record<string, unknown>;
  let cur: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  delete cur[path[path.length - 1]!];
  return copy;
}

describe('disclosure record', () => {
  for (const effect of FIXTURE_EFFECTS) {
    it(`${effect}: produces a complete record, and the schema refuses it with any field missing`, async () => {
      const { record, layer } = await recordFor(effect);
      expect(DisclosureRecord.safeParse(record).success).toBe(true);
      expect(record.layerId).toBe(layer.id);
      expect(record.models).toHaveLength(1);
      expect(record.models[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(record.output.contentHash).toBe(layer.output!.contentHash);
      expect(record.inputs.length).toBeGreaterThan(0);
      for (const i of record.inputs) expect(i.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(record.shotIds).toEqual(['shot_1']); // frames 0–47 overlap shot 1 only
      expect(record.software).toEqual({ name: 'Previs Sandbox', version: '0.1.0' });
      const paths = fieldPaths(record);
      expect(paths.length).toBeGreaterThan(40);
      for (const path of paths) {
        // arrays' elements are checked by the leaves inside them; removing a key must always fail
        const ok = DisclosureRecord.safeParse(without(record, path)).success;
        expect(ok, `record still valid without ${path.join('.')}`).toBe(false);
      }
      expect(DisclosureRecord.safeParse({ ...record, surprise: 1 }).success).toBe(false);
    });
  }

  it('maps operations to C2PA actions and IPTC digital source types', async () => {
    const collapse = (await recordFor('collapse')).record;
    expect(collapse.operation.action).toBe('c2pa.created');
    expect(collapse.operation.digitalSourceType).toBe(DigitalSourceType.algorithmicMedia);
    expect(collapse.inputs[0]!.relationship).toBe('componentOf');
    expect(collapse.screenRegion).toEqual({ space: 'objects', objectIds: [collapse.inputs[0]!.objectId] });

    const deage = (await recordFor('deage')).record;
    expect(deage.operation.action).toBe('c2pa.edited');
    expect(deage.operation.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic');
    expect(deage.inputs[0]).toMatchObject({ relationship: 'parentOf', likeness: true, personalData: true, performerName: 'Jo Performer' });
    expect(deage.screenRegion).toEqual({ space: 'plate', plateId: 'plate_fixture', x: 0, y: 0, width: 1920, height: 1080 });

    const learned = (await recordFor('deage-learned')).record;
    expect(learned.operation.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
    const relight = (await recordFor('relight-learned')).record;
    expect(relight.operation.digitalSourceType).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
  });

  it('computes policy flags and the approvals and consents each needs', async () => {
    const deage = (await recordFor('deage')).record.policy;
    expect(deage.flags).toMatchObject({ likeness: true, personalData: true, mayReachFinal: true, thirdPartyIp: false });
    expect(deage.approvalRoles.sort()).toEqual(['legal', 'vfx-supervisor']);
    expect(deage.consentRequired).toBe(true);
    const collapse = (await recordFor('collapse')).record.policy;
    expect(collapse.flags.likeness).toBe(false);
    expect(collapse.approvalRoles).toEqual(['vfx-supervisor']);
    expect(collapse.consentRequired).toBe(false);
    const relight = (await recordFor('relight-learned')).record.policy;
    expect(relight.flags.mayReachFinal).toBe(false);
    expect(relight.approvalRoles).toEqual([]);
  });

  it('flags public figures, the deceased, third-party IP and unknown rights', async () => {
    const f = await fixtureScene();
    const plate = f.project.scenes[f.sceneId]!.objects[f.plateId]!;
    if (plate.type !== 'plate') throw new Error('fixture');
    f.project.scenes[f.sceneId]!.objects[f.plateId] = { ...plate, performerStatus: 'deceased', rights: 'unknown' };
    const layer = { ...(await fixtureLayer(f, 'deage')), thirdPartyIp: true };
    const r = await createDisclosureRecord({ project: f.project, sceneId: f.sceneId, layer, author, recordId: 'r', now: 'now', previous: null });
    expect(r.policy.flags).toMatchObject({ deceased: true, thirdPartyIp: true, unknownRights: true });
    expect(r.policy.requirements.map((q) => q.kind)).toContain('representative-consent');
  });

  it('a layer that does not alter likeness on a plate with a person is still personal data', async () => {
    const f = await fixtureScene();
    const layer = { ...(await fixtureLayer(f, 'deage')), altersLikeness: false };
    const r = await createDisclosureRecord({ project: f.project, sceneId: f.sceneId, layer, author, recordId: 'r', now: 'now', previous: null });
    expect(r.policy.flags.likeness).toBe(false);
    expect(r.policy.flags.personalData).toBe(true);
  });

  it('refuses an unfinished layer, naming why', async () => {
    const f = await fixtureScene();
    const layer = await fixtureLayer(f, 'collapse');
    expect(undisclosableReason({ ...layer, status: 'running' })).toMatch(/not finished/);
    expect(undisclosableReason({ ...layer, output: null })).toMatch(/no output/);
    await expect(createDisclosureRecord({ project: f.project, sceneId: f.sceneId, layer: { ...layer, runReport: null }, author, recordId: 'r', now: 'now', previous: null })).rejects.toThrow(/run report/);
  });
});
