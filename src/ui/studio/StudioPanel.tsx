// The Studio panel: enrol this browser's person (request → certificate, by file exchange with the
// administrator), see and set the project's studio, and — on the administrator's machine — make the studio
// root, issue member certificates from requests, revoke members and hand out the root and revocation list.
import { useState } from 'react';
import { STUDIO_ROLES, ROLE_TITLES, type StudioRole } from '../../core/studio/roles';
import { editorStore } from '../../store/editorStore';
import { projectStore, useProject } from '../../store/projectStore';
import { downloadBytes } from '../../store/projectFile';
import { importMemberCertificate, importRevocationList, importStudioRoot, startEnrolment, useIdentity } from '../../store/signingKeys';
import { createStudio, issueMember, revokeMember, useAdmin } from '../../store/studioAdmin';
import { IdentityBar } from '../review/IdentityBar';
import { checkEmail } from '../../core/studio/certificates';
import { FieldError } from '../forms/FieldError';
import './studio.css';

const notify = (kind: 'info' | 'error', text: string) => editorStore.getState().notify(kind, text);
const fileText = (f: File | undefined | null) => (f ? f.text() : Promise.resolve(null));
const pemName = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'member';
const download = (name: string, text: string) => downloadBytes(name, new TextEncoder().encode(text), 'application/x-pem-file');

/** Sentences beside the enrolment and issue fields, checked as they are typed. */
function emailProblem(email: string): string | undefined {
  if (!email.trim()) return undefined;
  try {
    checkEmail(email);
    return undefined;
  } catch {
    return 'Enter an e-mail address such as ana@studio.example.';
  }
}
const daysProblem = (days: number) => (Number.isInteger(days) && days >= 1 && days <= 3650 ? undefined : 'A certificate is valid for a whole number of days, from 1 to 3650.');

async function attempt(what: string, fn: () => Promise<string | void>): Promise<void> {
  try {
    const ok = await fn();
    if (ok) notify('info', ok);
  } catch (e) {
    notify('error', `${what}: ${(e as Error).message}`);
  }
}

function Enrol() {
  const enrolment = useIdentity((s) => s.enrolment);
  const member = useIdentity((s) => s.member);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [cert, setCert] = useState<File | null>(null);
  const [root, setRoot] = useState<File | null>(null);
  return (
    <section className="studio-section" data-testid="studio-enrol">
      <h4>You</h4>
      <IdentityBar />
      {!member ? (
        <div className="studio-form">
          <label>
            Name <input aria-label="enrol name" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} />
          </label>
          <label>
            E-mail <input aria-label="enrol email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={emailProblem(email) ? true : undefined} />
          </label>
          <FieldError text={emailProblem(email)} />
          <button
            disabled={!name.trim() || !email.trim() || !!emailProblem(email)}
            onClick={() =>
              void attempt('Enrolment request not made', async () => {
                const pem = await startEnrolment(name, email);
                download(`${pemName(name)}.request.pem`, pem);
                return 'Enrolment request saved: send it to your studio administrator';
              })
            }
          >
            Make enrolment request
          </button>
          {enrolment ? (
            <button className="link" onClick={() => download(`${pemName(enrolment.name)}.request.pem`, enrolment.requestPem)}>
              download my request again
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="studio-form">
        <label>
          Member certificate <input type="file" accept=".pem,.crt,.cer" data-testid="studio-cert-file" onChange={(e) => setCert(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Studio root <input type="file" accept=".pem,.crt,.cer" data-testid="studio-root-file" onChange={(e) => setRoot(e.target.files?.[0] ?? null)} />
        </label>
        <button
          disabled={!cert && !root}
          onClick={() =>
            void attempt('Not imported', async () => {
              const r = await fileText(root);
              const c = await fileText(cert);
              if (c) {
                const check = await importMemberCertificate(c, r ?? undefined);
                return check.ok ? `Enrolled: ${check.member.name}, ${check.member.roles.join(', ')}` : `Certificate imported, but it does not count: ${check.reason}`;
              }
              if (r) await importStudioRoot(r);
              return 'Studio root imported';
            })
          }
        >
          Import
        </button>
        <label>
          Revocation list{' '}
          <input
            type="file"
            accept=".pem,.crl"
            data-testid="studio-crl-file"
            onChange={(e) =>
              void attempt('Revocation list refused', async () => {
                const t = await fileText(e.target.files?.[0]);
                if (t) return `Revocation list #${await importRevocationList(t)} in use`;
              })
            }
          />
        </label>
      </div>
    </section>
  );
}

function ProjectStudio() {
  const pin = useProject((s) => s.project.studio ?? null);
  const studio = useIdentity((s) => s.studio);
  const matches = !!pin && !!studio && pin.rootFingerprint === studio.fingerprint;
  return (
    <section className="studio-section" data-testid="studio-project" data-pinned={pin ? pin.rootFingerprint : ''}>
      <h4>This project</h4>
      {pin ? (
        <div className={matches ? 'ok' : 'bad'}>
          In studio {pin.name} (root {pin.rootFingerprint.slice(0, 16)}…){studio && !matches ? ` — not the studio you trust (${studio.name}): no approval in it counts for you` : ''}
        </div>
      ) : (
        <div className="dim">Not in a studio: approvals in it count only once it is moved into one.</div>
      )}
      {studio && !matches ? (
        <button onClick={() => projectStore.getState().execute(`Move project into ${studio.name}`, (p) => ({ ...p, studio: { name: studio.name, rootFingerprint: studio.fingerprint } }))}>
          Move project into {studio.name}
        </button>
      ) : null}
    </section>
  );
}

function Administer() {
  const studio = useAdmin((s) => s.studio);
  const [name, setName] = useState('');
  const [req, setReq] = useState<File | null>(null);
  const [roles, setRoles] = useState<StudioRole[]>(['artist']);
  const [days, setDays] = useState(365);
  return (
    <details className="studio-section" data-testid="studio-admin" open={!!studio}>
      <summary>Administer the studio</summary>
      {!studio ? (
        <div className="studio-form">
          <label>
            Studio name <input aria-label="studio name" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} />
          </label>
          <button
            disabled={!name.trim()}
            onClick={() =>
              void attempt('Studio root not made', async () => {
                const r = await createStudio(name);
                return `Studio root made (fingerprint ${r.fingerprint.slice(0, 16)}…); its key never leaves this browser`;
              })
            }
          >
            Create studio root
          </button>
        </div>
      ) : (
        <>
          <div className="mono dim">
            {studio.name} · root {studio.fingerprint.slice(0, 24)}… · revocation list #{studio.crlNumber}
          </div>
          <div className="row">
            <button onClick={() => download('studio-root.pem', studio.rootPem)}>Export root certificate</button>
            <button onClick={() => download(`studio-crl-${studio.crlNumber}.pem`, studio.crlPem)}>Export revocation list</button>
          </div>
          <div className="studio-form">
            <label>
              Enrolment request <input type="file" accept=".pem,.csr" data-testid="studio-request-file" onChange={(e) => setReq(e.target.files?.[0] ?? null)} />
            </label>
            <fieldset className="roles">
              <legend>Roles</legend>
              {STUDIO_ROLES.map((r) => (
                <label key={r}>
                  <input
                    type="checkbox"
                    data-role={r}
                    checked={roles.includes(r)}
                    onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                  />{' '}
                  {ROLE_TITLES[r]}
                </label>
              ))}
            </fieldset>
            <label>
              Valid for <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label="days" aria-invalid={daysProblem(days) ? true : undefined} /> days
            </label>
            <FieldError text={daysProblem(days)} />
            <button
              disabled={!req || !roles.length || !!daysProblem(days)}
              onClick={() =>
                void attempt('Certificate not issued', async () => {
                  const m = await issueMember((await fileText(req))!, roles, days);
                  download(`${pemName(m.name)}.cert.pem`, m.certificatePem);
                  return `Issued ${m.name} <${m.email}> as ${m.roles.join(', ')} (serial ${m.serial.slice(0, 12)}…)`;
                })
              }
            >
              Issue certificate
            </button>
          </div>
          <table className="members" data-testid="studio-members">
            <tbody>
              {studio.issued.map((m) => {
                const revoked = studio.revoked.some((r) => r.serial === m.serial);
                return (
                  <tr key={m.serial} data-serial={m.serial} className={revoked ? 'revoked' : ''}>
                    <td>{m.name}</td>
                    <td className="dim">{m.email}</td>
                    <td>{m.roles.join(', ')}</td>
                    <td className="mono dim">{m.serial.slice(0, 10)}…</td>
                    <td className="dim">{revoked ? 'revoked' : `until ${m.notAfter.slice(0, 10)}`}</td>
                    <td>
                      {revoked ? null : (
                        <button
                          onClick={() =>
                            void attempt('Not revoked', async () => {
                              await revokeMember(m.serial);
                              return `${m.name} revoked: export the revocation list and hand it to everyone`;
                            })
                          }
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}

export function StudioPanel() {
  return (
    <div className="studio-panel" data-testid="studio-panel">
      <Enrol />
      <ProjectStudio />
      <Administer />
    </div>
  );
}
