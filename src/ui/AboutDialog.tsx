// About: the version, and the third-party notices the build generated (dist/licences.json: every npm
// package in the page and its workers, the shipped models, the PDF font), fetched from the app's own origin.
import { useEffect, useState } from 'react';

interface NoticeEntry {
  kind: 'package' | 'model' | 'font';
  name: string;
  version: string;
  licence: string;
  source: string;
  text: string | null;
}

export function AboutDialog({ onClose }: { onClose(): void }) {
  const [entries, setEntries] = useState<NoticeEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    fetch(`${import.meta.env.BASE_URL}licences.json`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((j: { entries: NoticeEntry[] }) => setEntries(j.entries))
      // the dev server has no build output: the notices exist only in a build
      .catch((e: Error) => setError(`The licence notices are written by the build (npm run build); not found here (${e.message}).`));
  }, []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" onClick={(e) => e.stopPropagation()} data-testid="about-dialog">
        <h3>About Previs Sandbox</h3>
        <p>Version 0.1.0. Third-party components shipped in this app, with their licences (full text also in <a href={`${import.meta.env.BASE_URL}THIRD-PARTY-NOTICES.txt`} target="_blank" rel="noreferrer">THIRD-PARTY-NOTICES.txt</a>):</p>
        {error ? <p className="error">{error}</p> : null}
        {entries ? (
          <table data-testid="about-licences">
            <tbody>
              {entries.map((e) => {
                const id = `${e.kind}:${e.name}@${e.version}`;
                return (
                  <tr key={id}>
                    <td>{e.kind}</td>
                    <td>
                      {e.name} <span className="dim">{e.version}</span>
                      {open === id && e.text ? <pre className="licence-text">{e.text}</pre> : null}
                    </td>
                    <td>{e.licence}</td>
                    <td>{e.text ? <button onClick={() => setOpen(open === id ? null : id)}>{open === id ? 'Hide' : 'Text'}</button> : <span className="dim">{e.source}</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : error ? null : <p>Loading…</p>}
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
