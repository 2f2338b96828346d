// The review queue: every generated layer with its disclosure, filters, bulk actions, and a check of what a
// deliverable export would refuse right now (the same gate every exporter uses).
import { useMemo, useState } from 'react';
import { useProject, projectStore } from '../../store/projectStore';
import { exportGate, type GateResult, type ReviewAction } from '../../core/disclosure';
import { editorStore } from '../../store/editorStore';
import { currentTrust } from '../../store/signingKeys';
import { useDisclosures } from './useDisclosures';
import { LayerCard, stateOf } from './LayerCard';
import { IdentityBar } from './IdentityBar';
import { ACTION_LABELS, runReview } from './actions';
import { RefusalList } from '../export/RefusalList';
import './review.css';
import './reviewHook';

const STATES = ['all', 'undisclosed', 'draft', 'submitted', 'approved', 'approved-with-conditions', 'changes-requested', 'rejected', 'withdrawn'] as const;
const FLAGS = ['any', 'likeness', 'needs-consent', 'thirdPartyIp', 'personalData', 'mayReachFinal', 'blocked'] as const;
const BULK: ReviewAction[] = ['submit', 'approve', 'request-changes', 'reject'];

export function ReviewPanel() {
  const project = useProject((s) => s.project);
  const { layers, state, chain } = useDisclosures();
  const [stateFilter, setStateFilter] = useState<(typeof STATES)[number]>('all');
  const [flagFilter, setFlagFilter] = useState<(typeof FLAGS)[number]>('any');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkNote, setBulkNote] = useState('');
  const [gate, setGate] = useState<GateResult | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(
    () =>
      layers.filter((d) => {
        if (stateFilter !== 'all' && stateOf(d) !== stateFilter) return false;
        const f = d.record?.policy.flags;
        if (flagFilter === 'needs-consent' && !(d.consentRequired && d.consent?.status !== 'valid')) return false;
        if (flagFilter === 'blocked' && !d.blocking.deliverable.length) return false;
        if (flagFilter !== 'any' && flagFilter !== 'needs-consent' && flagFilter !== 'blocked' && !f?.[flagFilter]) return false;
        const q = text.trim().toLowerCase();
        return !q || `${d.facts.name} ${d.facts.effect}`.toLowerCase().includes(q);
      }),
    [layers, stateFilter, flagFilter, text],
  );
  const chosen = shown.filter((d) => selected.has(d.facts.layerId)).map((d) => d.facts.layerId);

  const bulk = async (action: ReviewAction) => {
    setBusy(true);
    await runReview(chosen, action, bulkNote, null);
    setBusy(false);
  };
  const checkDeliverable = async () => {
    const r = await exportGate(projectStore.getState().project, 'deliverable', { trust: currentTrust() });
    setGate(r);
    if (!r.ok) editorStore.getState().notify('warning', `A deliverable export would be refused: ${r.refusals.length} layer(s) block it`);
  };

  const counts = layers.reduce<Record<string, number>>((m, d) => ((m[stateOf(d)] = (m[stateOf(d)] ?? 0) + 1), m), {});
  return (
    <div className="review-panel" data-testid="review-panel">
      <IdentityBar />
      <div className={`chain ${chain ? (chain.ok ? 'ok' : 'bad') : ''}`} data-testid="chain-status">
        {chain
          ? chain.ok
            ? `Ledger: ${project.ledger.length} signed entries, chain verified`
            : `Ledger fails verification: ${chain.problems[0]}`
          : 'Verifying ledger…'}
      </div>
      <div className="filters">
        <select aria-label="filter by state" value={stateFilter} onChange={(e) => setStateFilter(e.target.value as (typeof STATES)[number])}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? `all states (${layers.length})` : `${s} (${counts[s] ?? 0})`}
            </option>
          ))}
        </select>
        <select aria-label="filter by flag" value={flagFilter} onChange={(e) => setFlagFilter(e.target.value as (typeof FLAGS)[number])}>
          {FLAGS.map((f) => (
            <option key={f} value={f}>
              {f === 'any' ? 'any flag' : f}
            </option>
          ))}
        </select>
        <input placeholder="search" value={text} onChange={(e) => setText(e.target.value)} aria-label="search layers" />
      </div>
      <div className="bulk">
        <label>
          <input
            type="checkbox"
            aria-label="select all shown"
            checked={shown.length > 0 && chosen.length === shown.length}
            onChange={(e) => setSelected(e.target.checked ? new Set(shown.map((d) => d.facts.layerId)) : new Set())}
          />{' '}
          {chosen.length} selected
        </label>
        <input placeholder="note for selected" value={bulkNote} onChange={(e) => setBulkNote(e.target.value)} aria-label="bulk note" />
        {BULK.map((a) => (
          <button key={a} data-bulk={a} disabled={!chosen.length || busy} onClick={() => void bulk(a)}>
            {ACTION_LABELS[a]}
          </button>
        ))}
      </div>
      <div className="gate-check">
        <button data-testid="check-deliverable" onClick={() => void checkDeliverable()}>
          Check deliverable export
        </button>
        {gate ? (
          <div className={gate.ok ? 'ok' : 'bad'} data-testid="gate-result" data-ok={String(gate.ok)}>
            {gate.ok ? (
              `A deliverable export may include all ${gate.allowed.length} generated layer(s).`
            ) : (
              <RefusalList refusals={gate.refusals} testId="gate-refusals" />
            )}
          </div>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <div className="empty">{layers.length ? 'No layer matches the filters.' : 'No generated layers yet. Run an effect to create one.'}</div>
      ) : (
        shown.map((d) => (
          <LayerCard
            key={d.facts.layerId}
            project={project}
            d={d}
            state={state}
            checked={selected.has(d.facts.layerId)}
            onCheck={(v) => {
              const next = new Set(selected);
              if (v) next.add(d.facts.layerId);
              else next.delete(d.facts.layerId);
              setSelected(next);
            }}
          />
        ))
      )}
    </div>
  );
}
