// Drop exported files here to check their disclosures in the browser — the same verifier as the CLI. A sidecar
// dropped together with its file is checked against it.
import { useState } from 'react';
import { sniffContainer } from '../../core/export/bindParts';
import { sidecarTargetName, verifyExport, type FileVerdict } from '../../core/export/bindVerify';
import { c2paCaPemFor } from '../../export/c2pa/c2paCredentials';
import { editorStore } from '../../store/editorStore';
import { downloadBytes } from '../../store/projectFile';
import { currentTrust, identityStore } from '../../store/signingKeys';

/**
 * PNG/MP4 exports carry a C2PA manifest signed with the member certificate, issued by the studio root — so the
 * root is the C2PA trust anchor to hand out. Before enrolment they are signed under a CA made in this browser.
 */
async function downloadLocalCa(): Promise<void> {
  try {
    const trust = currentTrust();
    if (trust && identityStore.getState().standing?.ok) {
      downloadBytes('studio-root.pem', new TextEncoder().encode(trust.rootPem), 'application/x-pem-file');
      return;
    }
    const pem = await c2paCaPemFor(identityStore.getState().name);
    downloadBytes('previs-local-ca.pem', new TextEncoder().encode(pem), 'application/x-pem-file');
  } catch (e) {
    editorStore.getState().notify('error', `The local C2PA CA could not be read: ${(e as Error).message}`);
  }
}

async function verifyFiles(files: File[]): Promise<FileVerdict[]> {
  const loaded = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const out: FileVerdict[] = [];
  for (const f of loaded) {
    // a file that cannot embed (the report) is checked through its sidecar when that was dropped too
    if (sniffContainer(f.bytes) === null && sidecarTargetName(f.bytes) === null && loaded.some((x) => x.name === `${f.name}.disclosure.json`)) continue;
    const target = sidecarTargetName(f.bytes);
    const sidecarTarget = target === null ? undefined : (loaded.find((x) => x.name === target)?.bytes ?? null);
    // the same rule as everywhere: approvals are read against the studio root this person holds
    out.push(await verifyExport(f.name, f.bytes, { sidecarTarget, trust: currentTrust() }));
  }
  return out;
}

export function VerifyDropZone() {
  const [verdicts, setVerdicts] = useState<FileVerdict[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const take = async (files: File[]) => {
    if (!files.length) return;
    setBusy(true);
    try {
      setVerdicts(await verifyFiles(files));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="verify">
      <div
        className={`verify-drop${over ? ' over' : ''}`}
        data-testid="verify-drop"
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          // keep the app-wide drop (which opens projects and plates) out of this
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          void take([...e.dataTransfer.files]);
        }}
      >
        {busy ? 'verifying…' : 'Drop exported PNG / MP4 / GLB / .disclosure.json here to verify'}
        <label className="verify-pick">
          or choose files
          <input type="file" multiple data-testid="verify-input" onChange={(e) => void take([...(e.target.files ?? [])])} />
        </label>
      </div>
      <ul className="verdicts" data-testid="verdicts">
        {verdicts.map((v, i) => (
          <li key={i} className={v.ok ? 'ok' : 'bad'} data-ok={v.ok ? 'true' : 'false'}>
            <b>{v.ok ? '✓' : v.undisclosed ? '∅' : '✗'} {v.file}</b> <span className="dim">{v.kind}{v.purpose ? ` · ${v.purpose}` : ''}</span>
            {v.layers.map((l) => (
              <div key={l.layerId} className="verdict-layer">
                {l.summary.name} — {l.summary.effect}, {l.summary.review}
                {l.approvedAtCurrentHash ? ' ✓' : ' (not approved)'}; consent {l.summary.consent}
              </div>
            ))}
            {v.c2pa && (
              <div className="verdict-c2pa" data-testid="verdict-c2pa">
                C2PA ({v.c2pa.unit}): {v.c2pa.report ? `${v.c2pa.report.state}${v.c2pa.report.failure.length ? ` [${v.c2pa.report.failure.map((f) => f.code).join(', ')}]` : ''}` : `not validated (${v.c2pa.unreadable})`}
              </div>
            )}
            {v.problems.map((p, j) => (
              <div key={j} className="verdict-problem">{p}</div>
            ))}
          </li>
        ))}
      </ul>
      <p className="dim verify-c2pa-ca">
        PNG and MP4 exports carry a C2PA manifest signed by your local credential, whose CA is not on the C2PA trust
        list.{' '}
        <button data-testid="c2pa-ca-download" onClick={() => void downloadLocalCa()}>
          Local CA (PEM)
        </button>{' '}
        for <code>previs-verify --c2pa-trust</code>
      </p>
    </div>
  );
}
