import { describe, expect, it } from 'vitest';
import type { EffectLayer } from './schema';
import { EffectLayer as EffectLayerSchema } from './schema';
import { activeTakeOf, purgeTakeOf, switchTake, takesOf, withConsentLink, withNewTake } from './takes';

const h = (c: string) => c.repeat(64);
const base: EffectLayer = {
  id: 'layer_1', name: 'Jo de-aged', parentId: null, transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
  visible: true, locked: false, type: 'effectLayer', effect: 'deage', targetIds: ['plate_1'], params: { years: 10, maskAssetId: h('d') },
  seed: 1, models: [], status: 'done', inputHashes: {}, output: { assetId: h('a'), contentHash: h('a') }, runReport: null,
  frameRange: { start: 0, end: 1 }, intendedUse: 'previs-only', thirdPartyIp: false, consentId: null, runCount: 3,
};

describe('takes of a layer', () => {
  it('a layer saved before takes reads as one take numbered by its run, holding its result and assets', () => {
    const [t, ...rest] = takesOf(base);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ n: 3, recordId: null, output: base.output, params: base.params, purged: false });
    expect(t!.assets.sort()).toEqual([h('a'), h('d')].sort());
    expect(activeTakeOf(base)!.n).toBe(3);
    expect(takesOf({ ...base, output: null })).toEqual([]);
  });

  it('a run adds a take and makes it active; switching restores a take\'s result and settings', () => {
    const fresh = { ...base, params: { years: 15 }, output: { assetId: h('b'), contentHash: h('b') }, runCount: 4 };
    const l = withNewTake(base, fresh, { n: 4, recordId: 'rec_4', assets: [h('c')], madeAt: 'now' });
    expect(EffectLayerSchema.safeParse(l).success).toBe(true);
    expect(l.takes!.map((t) => t.n)).toEqual([3, 4]);
    expect(l.activeTake).toBe(4);
    expect(l.takes![1]!.assets.sort()).toEqual([h('b'), h('c')].sort());
    expect(() => withNewTake(l, fresh, { n: 4, recordId: 'x', assets: [], madeAt: '' })).toThrow(/already has a take 4/);
    const back = switchTake(l, 3);
    expect(back.ok && back.layer.output).toEqual(base.output);
    expect(back.ok && back.layer.params).toEqual(base.params);
    expect(back.ok && back.layer.activeTake).toBe(3);
    expect(switchTake(l, 9)).toEqual({ ok: false, error: 'layer "Jo de-aged" has no take 9' });
  });

  it('a purge refuses the active take, marks the take and frees only what no kept take uses', () => {
    const fresh = { ...base, output: { assetId: h('b'), contentHash: h('b') } };
    const l = withNewTake(base, fresh, { n: 4, recordId: 'rec_4', assets: [h('d')], madeAt: '' });
    const active = purgeTakeOf(l, 4);
    expect(active.ok).toBe(false);
    const cut = purgeTakeOf(l, 3);
    expect(cut.ok).toBe(true);
    if (!cut.ok) return;
    // the mask (d) is shared with take 4: only take 3's own output is freed
    expect(cut.freed).toEqual([h('a')]);
    expect(cut.layer.takes![0]!.purged).toBe(true);
    expect(switchTake(cut.layer, 3)).toMatchObject({ ok: false, error: expect.stringMatching(/purged/) });
    expect(purgeTakeOf(cut.layer, 3)).toMatchObject({ ok: false, error: expect.stringMatching(/already purged/) });
  });

  it('a consent link belongs to the take it was made on', () => {
    const l = withNewTake(base, { ...base, output: { assetId: h('b'), contentHash: h('b') } }, { n: 4, recordId: 'rec_4', assets: [], madeAt: '' });
    const linked = withConsentLink(l, 'consent_1');
    expect(linked.consentId).toBe('consent_1');
    const on3 = switchTake(linked, 3);
    expect(on3.ok && on3.layer.consentId).toBeNull();
    const on4 = on3.ok ? switchTake(on3.layer, 4) : null;
    expect(on4?.ok && on4.layer.consentId).toBe('consent_1');
  });
});
