// Records a performer's signed consent. The signed document itself is attached to the project as an asset
// (kept in this browser and in .previs.zip bundles, never embedded in exports); its SHA-256 is computed from the
// file — never typed — and goes into the signed ledger entry.
import { useState } from 'react';
import { ALTERATION_TYPES, consentDraftErrors, sha256Hex, type ConsentDraft, type LayerDisclosure } from '../../core/disclosure';
import { FieldError } from '../forms/FieldError';
import { registerConsent } from '../../store/effectRuns';
import { editorStore } from '../../store/editorStore';
import { putAsset } from '../../store/assets';
import { useProject } from '../../store/projectStore';

type Draft = Omit<ConsentDraft, 'consentId'>;

/** the fields that show their own sentence; any other problem is listed under the form */
const SHOWN_BESIDE = new Set(['performer.name', 'representative.name', 'representative.capacity', 'intendedUse', 'projectScope.detail', 'signedDate', 'signedBy', 'documentSha256', 'expires']);

export function ConsentForm({ likenessLayers, onDone }: { likenessLayers: LayerDisclosure[]; onDone(): void }) {
  const project = useProject((s) => s.project);
  const [performer, setPerformer] = useState(likenessLayers.flatMap((d) => d.record?.inputs ?? []).find((i) => i.performerName)?.performerName ?? '');
  const [status, setStatus] = useState<Draft['performer']['status']>('private');
  const [repName, setRepName] = useState('');
  const [repCapacity, setRepCapacity] = useState('');
  const [alteration, setAlteration] = useState<Draft['alteration']>('de-aging');
  const [intendedUse, setIntendedUse] = useState('');
  const [useScope, setUseScope] = useState<Draft['useScope']>('may-reach-final');
  const [detail, setDetail] = useState('');
  const [signedDate, setSignedDate] = useState('');
  const [signedBy, setSignedBy] = useState('');
  const [docHash, setDocHash] = useState('');
  const [docName, setDocName] = useState('');
  const [docMeta, setDocMeta] = useState<{ mime: string; byteLength: number } | null>(null);
  const [expires, setExpires] = useState('');
  const [link, setLink] = useState<string[]>(likenessLayers.filter((d) => !d.facts.consentId).map((d) => d.facts.layerId));
  const [busy, setBusy] = useState(false);
  // sentences beside the fields appear after the first try to record, then follow every edit
  const [tried, setTried] = useState(false);

  const hashDocument = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!bytes.length) return editorStore.getState().notify('error', `${file.name} is empty: attach the signed consent document`);
    const mime = file.type || 'application/octet-stream';
    const hash = await putAsset(bytes, mime);
    if (hash !== (await sha256Hex(bytes))) throw new Error('the stored document does not hash to its bytes');
    setDocName(file.name);
    setDocMeta({ mime, byteLength: bytes.length });
    setDocHash(hash);
  };

  const draft: Draft = {
    performer: { name: performer.trim(), status },
    representative: repName.trim() ? { name: repName.trim(), capacity: repCapacity.trim() || 'representative' } : null,
    alteration,
    intendedUse: intendedUse.trim(),
    useScope,
    projectScope: { projectId: project.id, projectName: project.name, detail: detail.trim() },
    signedDate,
    signedBy: signedBy.trim() || performer.trim(),
    documentSha256: docHash,
    document: docMeta ? { name: docName.slice(0, 256), mediaType: docMeta.mime.slice(0, 128), byteLength: docMeta.byteLength } : undefined,
    expires: expires || null,
  };
  const problems = consentDraftErrors(draft);
  // "Signed by" falls back to the performer: with both empty, the performer's field says what to do
  if (problems['performer.name'] && !signedBy.trim()) delete problems.signedBy;
  const errors = tried ? problems : {};
  const invalid = (key: string) => (errors[key] ? { 'aria-invalid': true as const } : {});

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      if (!docHash || !docMeta) throw new Error('attach the signed consent document (its SHA-256 is computed from the file)');
      const targets = likenessLayers.filter((d) => link.includes(d.facts.layerId)).map((d) => ({ sceneId: d.facts.sceneId, layerId: d.facts.layerId }));
      await registerConsent(draft, targets, {
        document: { id: docHash, name: docName.slice(0, 256) || 'consent document', mime: docMeta.mime.slice(0, 128), byteLength: docMeta.byteLength, kind: 'document' },
      });
      editorStore.getState().notify('info', `Consent of ${draft.performer.name} recorded${targets.length ? ` and linked to ${targets.length} layer(s)` : ''}`);
      onDone();
    } catch (e) {
      editorStore.getState().notify('error', `Consent not recorded: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="consent-form" data-testid="consent-form">
      <label>
        Performer <input value={performer} onChange={(e) => setPerformer(e.target.value)} aria-label="performer" {...invalid('performer.name')} />
        <FieldError text={errors['performer.name']} />
      </label>
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as Draft['performer']['status'])} aria-label="performer status">
          <option value="private">private person</option>
          <option value="public-figure">public figure</option>
          <option value="deceased">deceased (estate signs)</option>
        </select>
      </label>
      <label>
        Representative <input value={repName} onChange={(e) => setRepName(e.target.value)} placeholder="agent, guardian, estate" aria-label="representative" {...invalid('representative.name')} />
        <FieldError text={errors['representative.name']} />
      </label>
      {repName ? (
        <label>
          Capacity <input value={repCapacity} onChange={(e) => setRepCapacity(e.target.value)} placeholder="executor of the estate" {...invalid('representative.capacity')} />
          <FieldError text={errors['representative.capacity']} />
        </label>
      ) : null}
      <label>
        Alteration
        <select value={alteration} onChange={(e) => setAlteration(e.target.value as Draft['alteration'])} aria-label="alteration">
          {ALTERATION_TYPES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        Intended use
        <textarea rows={2} value={intendedUse} onChange={(e) => setIntendedUse(e.target.value)} placeholder="specific: which shots, what change, what for" aria-label="intended use" {...invalid('intendedUse')} />
        <FieldError text={errors.intendedUse} />
      </label>
      <label>
        Use
        <select value={useScope} onChange={(e) => setUseScope(e.target.value as Draft['useScope'])} aria-label="use scope">
          <option value="may-reach-final">may reach the final cut</option>
          <option value="previs-only">previs only</option>
        </select>
      </label>
      <label>
        Project scope <input value={detail} onChange={(e) => setDetail(e.target.value)} placeholder={`${project.name}: scenes, episodes…`} {...invalid('projectScope.detail')} />
        <FieldError text={errors['projectScope.detail']} />
      </label>
      <label>
        Signed on <input type="date" value={signedDate} onChange={(e) => setSignedDate(e.target.value)} aria-label="signed date" {...invalid('signedDate')} />
        <FieldError text={errors.signedDate} />
      </label>
      <label>
        Signed by <input value={signedBy} onChange={(e) => setSignedBy(e.target.value)} placeholder="defaults to the performer" aria-label="signed by" {...invalid('signedBy')} />
        <FieldError text={errors.signedBy} />
      </label>
      <label>
        Signed document
        <input type="file" onChange={(e) => void hashDocument(e.target.files?.[0])} aria-label="signed document" {...invalid('documentSha256')} />
        <FieldError text={errors.documentSha256} />
      </label>
      {docName ? (
        <div className="dim" data-testid="consent-document">
          attached {docName} · SHA-256 {docHash.slice(0, 16)}… (kept with the project, never embedded in exports)
        </div>
      ) : null}
      <label>
        Expires <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-label="expires" {...invalid('expires')} />
        <FieldError text={errors.expires} />
      </label>
      {likenessLayers.length ? (
        <fieldset>
          <legend className="dim">Link to likeness layers</legend>
          {likenessLayers.map((d) => (
            <label key={d.facts.layerId} style={{ display: 'block' }}>
              <input
                type="checkbox"
                checked={link.includes(d.facts.layerId)}
                onChange={(e) => setLink(e.target.checked ? [...link, d.facts.layerId] : link.filter((x) => x !== d.facts.layerId))}
              />{' '}
              {d.facts.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {tried && Object.keys(errors).length ? (
        <div className="field-error" data-testid="consent-form-summary">
          {Object.keys(errors).length === 1 ? 'One field needs attention' : `${Object.keys(errors).length} fields need attention`}: see the sentences beside them.
          {Object.entries(errors)
            .filter(([k]) => !SHOWN_BESIDE.has(k))
            .map(([k, t]) => (
              <div key={k}>{t}</div>
            ))}
        </div>
      ) : null}
      <button disabled={busy} onClick={() => void submit()} data-testid="record-consent">
        Sign and record consent
      </button>
    </div>
  );
}
