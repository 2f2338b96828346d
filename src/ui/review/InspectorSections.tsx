// Inspector sections for what the disclosure policy reads: a generated layer's declarations and review
// status, and a plate's rights and the person it shows. Declarations are signed into the record at the next
// run, so a change made afterwards needs a re-run before a deliverable may carry the layer.
import { useAuthority } from '../../store/studioAuthority';
import { useMemo } from 'react';
import type { EffectLayer, Plate, SceneObject } from '../../core/document';
import { patchObject } from '../../core/document';
import { discloseLayer, layerFacts, readLedger } from '../../core/disclosure';
import { projectStore, useProject } from '../../store/projectStore';

type P<T> = { object: SceneObject; sceneId: string } & { object: T };

const patch = (sceneId: string, id: string, label: string, p: Partial<SceneObject>) =>
  projectStore.getState().execute(label, patchObject(sceneId, id, p));

export function LayerDisclosureSection({ object, sceneId }: { object: SceneObject; sceneId: string }) {
  const o = object as EffectLayer;
  const ledger = useProject((s) => s.project.ledger);
  const projectId = useProject((s) => s.project.id);
  const authority = useAuthority();
  const d = useMemo(() => discloseLayer(layerFacts(sceneId, o), readLedger(ledger, authority), { projectId, now: new Date(), integrityProblems: [] }), [o, sceneId, ledger, projectId, authority]);
  const state = d.current && d.review ? d.review.state : 'undisclosed';
  return (
    <div data-testid="inspector-disclosure">
      <div className="row">
        Review: <b>{state}</b>
        {d.record ? ` · run ${d.record.run}` : ''}
        {d.awaiting.length && state === 'submitted' ? ` · awaiting ${d.awaiting.join(', ')}` : ''}
      </div>
      {d.label ? <div className="row review-label">{d.label}</div> : null}
      <label className="row">
        Intended use{' '}
        <select value={o.intendedUse} onChange={(e) => patch(sceneId, o.id, 'Declare intended use', { intendedUse: e.target.value as EffectLayer['intendedUse'] })}>
          <option value="previs-only">previs only</option>
          <option value="may-reach-final">may reach final</option>
        </select>
      </label>
      <label className="row">
        <input type="checkbox" checked={o.thirdPartyIp} onChange={(e) => patch(sceneId, o.id, 'Declare third-party IP', { thirdPartyIp: e.target.checked })} /> involves third-party IP
      </label>
      {d.record && (d.record.intendedUse !== o.intendedUse || (o.thirdPartyIp && !d.record.thirdPartyIpDeclared)) ? (
        <div className="row bad">Declarations changed since the run: re-run the effect so its record and review cover them.</div>
      ) : null}
      {d.blocking.deliverable.length ? (
        <ul className="dim">
          {d.blocking.deliverable.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <div className="row ok">cleared for a deliverable</div>
      )}
    </div>
  );
}

export function PlateRightsSection({ object, sceneId }: P<Plate>) {
  const o = object as Plate;
  return (
    <div data-testid="inspector-plate-rights">
      <label className="row">
        Rights{' '}
        <select value={o.rights} onChange={(e) => patch(sceneId, o.id, 'Plate rights', { rights: e.target.value as Plate['rights'] })}>
          <option value="owned">owned</option>
          <option value="licensed">licensed</option>
          <option value="third-party">third-party</option>
          <option value="unknown">unknown</option>
        </select>
      </label>
      <label className="row">
        <input type="checkbox" checked={o.depictsPerson} onChange={(e) => patch(sceneId, o.id, 'Plate depicts a person', { depictsPerson: e.target.checked })} /> shows a real person
      </label>
      {o.depictsPerson ? (
        <>
          <label className="row">
            Performer{' '}
            <input
              defaultValue={o.performerName ?? ''}
              key={o.performerName ?? ''}
              onBlur={(e) => patch(sceneId, o.id, 'Plate performer', { performerName: e.target.value.trim() || null })}
            />
          </label>
          <label className="row">
            Status{' '}
            <select value={o.performerStatus ?? 'private'} onChange={(e) => patch(sceneId, o.id, 'Performer status', { performerStatus: e.target.value as Plate['performerStatus'] })}>
              <option value="private">private person</option>
              <option value="public-figure">public figure</option>
              <option value="deceased">deceased</option>
            </select>
          </label>
        </>
      ) : null}
      <div className="dim">Read by the disclosure record of every effect run on this plate.</div>
    </div>
  );
}
