// The arithmetic behind the collapse's viewport handles (ImpactHandles.tsx): what a drag of the impact
// point or of the direction arrow's tip writes into the layer. Pure, so it is tested in Node.
import { updateObject, type EffectLayer, type Edit } from '../../../core/document';

export type Vec = [number, number, number];

/** Handles write centimetres: the panel shows them, and a sub-millimetre jitter is no one's intent. */
export const toCm = (v: readonly number[]): Vec => [0, 1, 2].map((i) => Math.round(v[i]! * 100) / 100 || 0) as Vec; // never −0

/** The arrow's length in the viewport: the blow's radius, within 1.5–8 m so it can always be grabbed. */
export function arrowLength(radius: unknown): number {
  const r = typeof radius === 'number' && Number.isFinite(radius) ? radius : 3;
  return Math.min(8, Math.max(1.5, r));
}

export function normalise(v: readonly number[]): Vec | null {
  const l = Math.hypot(v[0]!, v[1]!, v[2]!);
  return l > 1e-9 ? [v[0]! / l, v[1]! / l, v[2]! / l] : null;
}

/** Where the arrow's tip is drawn: `length` metres from the point along the direction (−z when it has none). */
export function arrowTip(point: readonly number[], direction: readonly number[], length: number): Vec {
  const d = normalise(direction) ?? [0, 0, -1];
  return [point[0]! + d[0] * length, point[1]! + d[1] * length, point[2]! + d[2] * length];
}

/** The direction a drag of the tip to `tip` sets: from the impact point towards it, unit length; null when the tip sits on the point. */
export function directionToward(point: readonly number[], tip: readonly number[]): Vec | null {
  const d = normalise([tip[0]! - point[0]!, tip[1]! - point[1]!, tip[2]! - point[2]!]);
  return d ? (toCm(d) as Vec) : null;
}

/** The edit that sets one of the layer's spatial parameters (kept with every other parameter). */
export function setImpactParam(sceneId: string, layerId: string, key: 'impactPoint' | 'impactDirection', value: Vec): Edit {
  return updateObject<EffectLayer>(sceneId, layerId, (o) => ({ ...o, params: { ...o.params, [key]: value } }));
}

/** A layer's vector parameter, or `fallback` when it is missing or malformed. */
export function vecParam(params: Record<string, unknown>, key: string, fallback: Vec): Vec {
  const v = params[key];
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (v as Vec) : fallback;
}
