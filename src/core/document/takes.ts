// Takes of an effect layer: every run is kept as a take, one of them is active (its result is what the layer
// shows, renders and exports). Pure edits on the layer; the store signs what needs signing (effectRuns.ts).
import type { EffectLayer, Take } from './schema';

/** The layer fields a take holds; the active take's values are also the layer's own. */
type TakeFields = Pick<EffectLayer, 'params' | 'seed' | 'models' | 'inputHashes' | 'runReport' | 'frameRange'>;

function snapshot(layer: EffectLayer): TakeFields {
  return { params: layer.params, seed: layer.seed, models: layer.models, inputHashes: layer.inputHashes, runReport: layer.runReport, frameRange: layer.frameRange };
}

/** Asset ids a layer's params name (a de-age mask); with the output they are what a take made. */
function paramAssets(params: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const v of Object.values(params)) if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) out.push(v);
  return out;
}

/**
 * The layer's takes. A layer saved before takes existed (one result, no list) reads as take 1 holding that
 * result, numbered by its run count so the number matches its disclosure record's run.
 */
export function takesOf(layer: EffectLayer): Take[] {
  if (layer.takes?.length) return layer.takes;
  if (!layer.output) return [];
  return [
    {
      n: Math.max(1, layer.runCount),
      recordId: null,
      output: { ...layer.output },
      ...snapshot(layer),
      assets: [...new Set([layer.output.assetId, ...paramAssets(layer.params)])],
      madeAt: layer.runReport?.startedAt ?? '',
      purged: false,
      consentId: layer.consentId,
    },
  ];
}

/** The take the layer shows; null before its first run. */
export function activeTakeOf(layer: EffectLayer): Take | null {
  const takes = takesOf(layer);
  if (!takes.length) return null;
  return takes.find((t) => t.n === layer.activeTake) ?? takes[takes.length - 1]!;
}

/**
 * The layer after a run: `fresh` carries the run's result; earlier takes are kept and the new one is active.
 * `previous` is the layer as it stood (null for a first run).
 */
export function withNewTake(previous: EffectLayer | null, fresh: EffectLayer, take: { n: number; recordId: string; assets: string[]; madeAt: string }): EffectLayer {
  if (!fresh.output) throw new Error(`layer "${fresh.name}" has no result to keep as a take`);
  const earlier = previous ? takesOf(previous) : [];
  if (earlier.some((t) => t.n === take.n)) throw new Error(`layer "${fresh.name}" already has a take ${take.n}`);
  const t: Take = {
    n: take.n,
    recordId: take.recordId,
    output: { ...fresh.output },
    ...snapshot(fresh),
    assets: [...new Set([...take.assets, fresh.output.assetId])],
    madeAt: take.madeAt,
    purged: false,
    consentId: fresh.consentId,
  };
  return { ...fresh, takes: [...earlier, t], activeTake: take.n };
}

/** Makes take `n` the layer's result. Refuses a purged or unknown take with a sentence. */
export function switchTake(layer: EffectLayer, n: number): { ok: true; layer: EffectLayer } | { ok: false; error: string } {
  const takes = takesOf(layer);
  const t = takes.find((x) => x.n === n);
  if (!t) return { ok: false, error: `layer "${layer.name}" has no take ${n}` };
  if (t.purged) return { ok: false, error: `take ${n} of "${layer.name}" was purged: its result is gone` };
  return {
    ok: true,
    layer: { ...layer, takes, activeTake: n, output: { ...t.output }, params: t.params, seed: t.seed, models: t.models, inputHashes: t.inputHashes, runReport: t.runReport, frameRange: t.frameRange, status: 'done', consentId: t.consentId === undefined ? layer.consentId : t.consentId },
  };
}

/**
 * Marks take `n` purged. The active take cannot be purged (switch first). Returns the asset ids no remaining
 * take of this layer still uses; the caller also checks other layers before freeing them.
 */
export function purgeTakeOf(layer: EffectLayer, n: number): { ok: true; layer: EffectLayer; freed: string[]; take: Take } | { ok: false; error: string } {
  const takes = takesOf(layer);
  const t = takes.find((x) => x.n === n);
  if (!t) return { ok: false, error: `layer "${layer.name}" has no take ${n}` };
  if (t.purged) return { ok: false, error: `take ${n} of "${layer.name}" is already purged` };
  if (activeTakeOf(layer)?.n === n) return { ok: false, error: `take ${n} is the active take of "${layer.name}"; make another take active before purging it` };
  const next = takes.map((x) => (x.n === n ? { ...x, purged: true } : x));
  const stillUsed = new Set(next.filter((x) => !x.purged).flatMap((x) => x.assets));
  return { ok: true, layer: { ...layer, takes: next }, freed: t.assets.filter((a) => !stillUsed.has(a)), take: t };
}

/** Links a consent to the layer and to its active take (the link belongs to the take). */
export function withConsentLink(layer: EffectLayer, consentId: string | null): EffectLayer {
  const active = activeTakeOf(layer);
  const takes = layer.takes?.map((t) => (t.n === active?.n ? { ...t, consentId } : t));
  return { ...layer, consentId, ...(takes ? { takes } : {}) };
}
