// Who is signing, as the studio's certificate says: name, roles, studio and expiry — or "not enrolled". No role
// is chosen here; the Studio panel is where a person enrols and imports their certificate.
import { useIdentity, identityStore } from '../../store/signingKeys';
import { ROLE_TITLES } from '../../core/studio/roles';

export function IdentityBar() {
  const member = useIdentity((s) => s.member);
  const standing = useIdentity((s) => s.standing);
  const enrolment = useIdentity((s) => s.enrolment);
  const studio = useIdentity((s) => s.studio);
  const localName = useIdentity((s) => s.localName);
  if (member && standing) {
    return (
      <div className={`identity ${standing.ok ? 'ok' : 'bad'}`} data-testid="identity" data-enrolled={standing.ok ? 'yes' : 'invalid'}>
        <b>{member.name}</b> · {member.roles.map((r) => ROLE_TITLES[r]).join(', ')} · {studio?.name ?? member.studio} · until{' '}
        {member.notAfter.toISOString().slice(0, 10)}
        {standing.ok ? null : <div className="bad">certificate does not count: {standing.reason}</div>}
      </div>
    );
  }
  return (
    <div className="identity" data-testid="identity" data-enrolled="no">
      {enrolment ? (
        <span>
          Enrolment requested as {enrolment.name} &lt;{enrolment.email}&gt; — waiting for a member certificate (Studio panel).{' '}
        </span>
      ) : (
        <span>Not enrolled: what you sign still discloses, but you cannot approve or record consent (Studio panel → Enrol). </span>
      )}
      <label>
        Name on records{' '}
        <input aria-label="local name" defaultValue={localName} key={localName} onBlur={(e) => identityStore.getState().setLocalName(e.target.value)} />
      </label>
    </div>
  );
}
