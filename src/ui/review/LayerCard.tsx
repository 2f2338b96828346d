// One generated layer in the review queue: thumbnail, flags, consent, review state and signed history, and
// the review actions its state allows.
import { useState } from 'react';
import type { Project } from '../../core/document';
import { ALLOWED, approvalTurn, type LayerDisclosure, type ReviewAction } from '../../core/disclosure';
import { editorStore } from '../../store/editorStore';
import { linkConsent } from '../../store/effectRuns';
import { useIdentity } from '../../store/signingKeys';
import type { LedgerState } from '../../core/disclosure';
import { Thumbnail } from './Thumbnail';
import { ACTION_LABELS, runReview } from './actions';

const FLAG_NAMES: Record<string, string> = {
  likeness: 'likeness',
  personalData: 'personal data',
  thirdPartyIp: 'third-party IP',
  unknownRights: 'unknown rights',
  publicFigure: 'public figure',
  deceased: 'deceased person',
  mayReachFinal: 'may reach final',
};

export function stateOf(d: LayerDisclosure): string {
  return d.current && d.review ? d.review.state : 'undisclosed';
}

interface Props {
  project: Project;
  d: LayerDisclosure;
  state: LedgerState;
  checked: boolean;
  onCheck(v: boolean): void;
}

export function LayerCard({ project, d, state, checked, onCheck }: Props) {
  const [note, setNote] = useState('');
  const [conditions, setConditions] = useState('');
  const [busy, setBusy] = useState(false);
  const member = useIdentity((s) => s.member);
  const standing = useIdentity((s) => s.standing);
  const { role, judgeBlock, approveBlock } = approvalTurn(d, state, member, standing);
  const st = stateOf(d);
  const flags = d.record ? Object.entries(d.record.policy.flags).filter(([k, v]) => v && k !== 'aiGenerated') : [];
  const history = state.history.get(d.facts.layerId) ?? [];
  const allowed: readonly ReviewAction[] = d.current && d.review ? ALLOWED[d.review.state] : [];
  const consents = [...state.consents.values()];

  const act = async (action: ReviewAction) => {
    setBusy(true);
    const n = await runReview([d.facts.layerId], action, note, action === 'approve-with-conditions' ? conditions : null, role ?? undefined);
    if (n) setNote('');
    setBusy(false);
  };

  return (
    <article className={`review-card state-${st}`} data-testid="review-layer" data-layer-id={d.facts.layerId} data-state={st}>
      <header>
        <input type="checkbox" aria-label={`select ${d.facts.name}`} checked={checked} onChange={(e) => onCheck(e.target.checked)} />
        <Thumbnail project={project} d={d} />
        <div className="review-title">
          <button className="link" onClick={() => editorStore.getState().select([d.facts.layerId])}>
            {d.facts.name}
          </button>
          <div className="dim">
            {d.facts.effect} · run {d.record?.run ?? 0} · {d.facts.intendedUse}
          </div>
        </div>
        <span className={`badge state-${st}`} data-testid="review-state">
          {st}
        </span>
      </header>
      {d.label ? <div className="review-label" data-testid="review-label">{d.label}</div> : null}
      <div className="chips">
        {flags.map(([k]) => (
          <span key={k} className={`chip flag-${k}`} data-flag={k}>
            {FLAG_NAMES[k] ?? k}
          </span>
        ))}
        {d.record?.operation.digitalSourceType ? (
          <span className="chip dim" title={d.record.operation.digitalSourceType}>
            {d.record.operation.action} · {d.record.operation.digitalSourceType.split('/').pop()}
          </span>
        ) : null}
      </div>
      {d.review && d.review.state === 'submitted' && d.awaiting.length ? (
        <div className="dim">awaiting approval by {d.awaiting.join(', ')}</div>
      ) : null}
      {d.review?.approvals.length ? (
        <div className="dim" data-testid="approvals">
          approved by {d.review.approvals.map((a) => `${a.name} (${a.role}${a.serial ? `, certificate ${a.serial.slice(0, 8)}…` : ''})${a.conditions ? ` — ${a.conditions}` : ''}`).join(', ')}
        </div>
      ) : null}
      {d.consentRequired ? (
        <div className="row consent-row" data-testid="consent-status" data-consent={d.consent?.status ?? 'missing'}>
          <span className={d.consent?.status === 'valid' ? 'ok' : 'bad'}>
            consent: {d.consent?.status === 'valid' ? `valid (${d.consentRecord?.performer.name})` : (d.consent?.reasons[0] ?? 'needs consent')}
          </span>
          <select
            aria-label="link consent"
            value={d.facts.consentId ?? ''}
            onChange={(e) => linkConsent(d.facts.sceneId, d.facts.layerId, e.target.value || null)}
          >
            <option value="">— no consent linked —</option>
            {consents.map((c) => (
              <option key={c.consent!.consentId} value={c.consent!.consentId}>
                {c.consent!.performer.name} · {c.consent!.alteration}
                {c.revocation ? ' (revoked)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {d.blocking.deliverable.length ? (
        <details className="blocking">
          <summary>{d.blocking.deliverable.length} reason(s) it cannot go in a deliverable</summary>
          <ul>
            {d.blocking.deliverable.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      ) : (
        <div className="ok">cleared for a deliverable</div>
      )}
      {allowed.length ? (
        <div className="review-actions">
          <input placeholder={role ? `note (as ${role})` : 'note'} value={note} onChange={(e) => setNote(e.target.value)} aria-label="review note" />
          {allowed.includes('approve-with-conditions') ? (
            <input placeholder="conditions" value={conditions} onChange={(e) => setConditions(e.target.value)} aria-label="conditions" />
          ) : null}
          <div className="buttons">
            {allowed.map((a) => {
              const why = a.startsWith('approve') ? approveBlock : a === 'reject' || a === 'request-changes' ? judgeBlock : null;
              return (
                <button key={a} data-action={a} disabled={busy || !!why} title={why ?? undefined} onClick={() => void act(a)}>
                  {ACTION_LABELS[a]}
                </button>
              );
            })}
          </div>
          {approveBlock && allowed.some((a) => a.startsWith('approve')) ? (
            <div className="dim" data-testid="approve-blocked">
              cannot approve: {approveBlock}
            </div>
          ) : null}
        </div>
      ) : null}
      <details className="review-history">
        <summary>history ({history.length})</summary>
        <ol>
          {history.map((h) => (
            <li key={`${h.seq}-${h.kind}-${h.recordId}`} className={h.applied ? '' : 'ignored'}>
              <span className="mono">#{h.seq}</span> {h.text} — {h.who} ({h.role}){h.note ? `: “${h.note}”` : ''}{' '}
              <span className="dim">{h.at.replace('T', ' ').slice(0, 19)}</span>
            </li>
          ))}
        </ol>
        {d.record ? (
          <div className="mono dim">
            output {d.record.output.contentHash.slice(0, 16)}… · record {d.record.recordId} · key {d.record.author.keyId.slice(0, 10)}…
          </div>
        ) : null}
      </details>
    </article>
  );
}
