// The consent registry: each performer's signed consent, the layers it covers, and revocation. Revoking
// flips every linked likeness layer back to "needs consent" (and blocks deliverables) at once.
import { useState } from 'react';
import { revokeConsent, linkConsent } from '../../store/effectRuns';
import { editorStore } from '../../store/editorStore';
import { useDisclosures } from '../review/useDisclosures';
import { ConsentForm } from './ConsentForm';
import '../review/review.css';

export function ConsentPanel() {
  const { layers, state } = useDisclosures();
  const [adding, setAdding] = useState(false);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const likeness = layers.filter((d) => d.consentRequired);
  const consents = [...state.consents.values()].filter((c) => c.consent).reverse();
  const today = new Date();

  const revoke = async (id: string) => {
    try {
      await revokeConsent(id, reasons[id]?.trim() ?? '');
      editorStore.getState().notify('warning', 'Consent revoked: linked layers now need consent');
    } catch (e) {
      editorStore.getState().notify('error', `Not revoked: ${(e as Error).message}`);
    }
  };

  return (
    <div className="consent-panel" data-testid="consent-panel">
      <div className="dim">
        {likeness.length} likeness layer(s); {likeness.filter((d) => d.consent?.status !== 'valid').length} need consent
      </div>
      {adding ? <ConsentForm likenessLayers={likeness} onDone={() => setAdding(false)} /> : <button onClick={() => setAdding(true)}>New consent record…</button>}
      {consents.length === 0 ? <div className="empty">No consent recorded yet.</div> : null}
      {consents.map(({ consent: c, revocation }) => {
        const linked = layers.filter((d) => d.facts.consentId === c!.consentId);
        const expired = c!.expires !== null && today.getTime() > Date.parse(`${c!.expires}T23:59:59.999Z`);
        return (
          <div key={c!.consentId} className={`consent-item ${revocation ? 'revoked' : ''}`} data-testid="consent-item" data-consent-id={c!.consentId}>
            <b>
              {c!.performer.name} · {c!.alteration}
            </b>
            <div className="dim">
              {c!.performer.status}
              {c!.representative ? ` · signed for by ${c!.representative.name} (${c!.representative.capacity})` : ''} · {c!.useScope} · signed {c!.signedDate} by {c!.signedBy}
              {c!.expires ? ` · expires ${c!.expires}` : ''}
            </div>
            <div>{c!.intendedUse}</div>
            <div className="mono dim">document sha256 {c!.documentSha256.slice(0, 20)}…</div>
            <div className={revocation || expired ? 'bad' : 'ok'}>
              {revocation ? `revoked ${revocation.revokedAt.slice(0, 10)}${revocation.reason ? `: ${revocation.reason}` : ''}` : expired ? 'expired' : 'in force'}
            </div>
            <div className="dim">
              covers: {linked.length ? linked.map((d) => d.facts.name).join(', ') : 'no layer linked'}
            </div>
            {likeness.filter((d) => d.facts.consentId !== c!.consentId).length && !revocation ? (
              <select aria-label="link to layer" value="" onChange={(e) => { const d = likeness.find((x) => x.facts.layerId === e.target.value); if (d) linkConsent(d.facts.sceneId, d.facts.layerId, c!.consentId); }}>
                <option value="">link to layer…</option>
                {likeness
                  .filter((d) => d.facts.consentId !== c!.consentId)
                  .map((d) => (
                    <option key={d.facts.layerId} value={d.facts.layerId}>
                      {d.facts.name}
                    </option>
                  ))}
              </select>
            ) : null}
            {!revocation ? (
              <div className="row">
                <input placeholder="reason for revocation" value={reasons[c!.consentId] ?? ''} onChange={(e) => setReasons({ ...reasons, [c!.consentId]: e.target.value })} aria-label="revocation reason" />
                <button data-action="revoke" onClick={() => void revoke(c!.consentId)}>
                  Revoke
                </button>
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
