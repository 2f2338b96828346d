// The takes of an effect layer: which one is active (its result is what the layer shows and exports), each
// take's own review state as the ledger reads it, compare two takes in the big viewer, purge a take nobody needs.
import { useMemo, useState } from 'react';
import { takesOf, activeTakeOf, type EffectLayer, type Take } from '../../core/document';
import { readLedger } from '../../core/disclosure';
import { useProject } from '../../store/projectStore';
import { useAuthority } from '../../store/studioAuthority';
import { purgeTake, setActiveTake } from '../../store/takes';
import { editorStore } from '../../store/editorStore';
import type { ViewerPicture } from './viewerStore';
import { viewerStore } from './viewerStore';
import { registerTestHook } from '../../testHook';

registerTestHook('takes', { setActiveTake, purgeTake, viewerStore });

export interface TakeListProps {
  sceneId: string;
  layer: EffectLayer;
  /** the picture of one take (an output over its plate); absent where only the active take can be shown */
  pictureOf?: (take: Take) => ViewerPicture | null;
  /** frames a take covers */
  frameCount: (take: Take) => number;
}

export function TakeList({ sceneId, layer, pictureOf, frameCount }: TakeListProps) {
  const ledger = useProject((s) => s.project.ledger);
  const authority = useAuthority();
  const state = useMemo(() => readLedger(ledger, authority), [ledger, authority]);
  const takes = takesOf(layer);
  const active = activeTakeOf(layer);
  const kept = takes.filter((t) => !t.purged);
  const [pick, setPick] = useState<{ a: number | null; b: number | null }>({ a: null, b: null });
  const a = kept.find((t) => t.n === pick.a) ?? kept[kept.length - 2] ?? null;
  const b = kept.find((t) => t.n === pick.b) ?? active;
  if (takes.length === 0) return null;

  const stateOf = (t: Take): string => {
    const rs = t.recordId ? state.records.get(t.recordId) : (state.byLayer.get(layer.id) ?? []).map((id) => state.records.get(id)!).find((r) => r.record.run === t.n);
    if (!rs) return 'no record';
    if (rs.purged) return 'purged';
    return rs.review.state;
  };
  const compare = () => {
    if (!a || !b || a.n === b.n) return;
    const pa = pictureOf?.(a);
    const pb = pictureOf?.(b);
    if (!pa || !pb) return editorStore.getState().notify('error', 'These takes cannot be shown side by side: their pictures are not available');
    viewerStore.getState().open({ title: `${layer.name}: take ${a.n} against take ${b.n}`, a: pa, b: pb, frameCount: Math.min(frameCount(a), frameCount(b)), frame: 0, mode: 'wipe' });
  };
  const purge = async (t: Take) => {
    if (!window.confirm(`Purge take ${t.n} of "${layer.name}"? Its result is deleted; the ledger keeps that it existed, with its record and reviews.`)) return;
    await purgeTake(sceneId, layer.id, t.n).catch(() => undefined);
  };

  return (
    <fieldset className="takes" data-testid="takes" data-layer-id={layer.id} data-active={active?.n ?? ''}>
      <legend>Takes</legend>
      {takes.map((t) => (
        <div key={t.n} className={`take-row${t.n === active?.n ? ' active' : ''}${t.purged ? ' purged' : ''}`} data-testid="take" data-take={t.n} data-state={stateOf(t)}>
          <label>
            <input type="radio" name={`take-${layer.id}`} checked={t.n === active?.n} disabled={t.purged} onChange={() => setActiveTake(sceneId, layer.id, t.n)} data-testid="take-active" />
            Take {t.n}
          </label>
          {!t.purged && pictureOf && (
            <span className="dim">
              <label title="compare as A">
                <input type="radio" name={`take-a-${layer.id}`} checked={a?.n === t.n} onChange={() => setPick((p) => ({ ...p, a: t.n }))} data-testid="take-a" />A
              </label>
              <label title="compare as B">
                <input type="radio" name={`take-b-${layer.id}`} checked={b?.n === t.n} onChange={() => setPick((p) => ({ ...p, b: t.n }))} data-testid="take-b" />B
              </label>
            </span>
          )}
          <span className="take-state">{stateOf(t)}</span>
          {!t.purged && t.n !== active?.n && (
            <button onClick={() => void purge(t)} data-testid="take-purge" title="Delete this take's result; the ledger keeps that it existed">
              Purge
            </button>
          )}
        </div>
      ))}
      {kept.length > 1 && pictureOf && (
        <button onClick={compare} disabled={!a || !b || a.n === b.n} data-testid="takes-compare">
          Compare take {a?.n ?? '–'} with take {b?.n ?? '–'}
        </button>
      )}
    </fieldset>
  );
}
