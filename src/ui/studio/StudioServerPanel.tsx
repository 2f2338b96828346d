// Connect to a studio server: address, connect / leave, connection state, who else is in the project.
import { useState } from 'react';
import { useStore } from 'zustand';
import { useProject } from '../../store/projectStore';
import { connectToStudio, leaveStudio, studioStatus } from '../../sync/studioSession';
import { ConnectionBadge } from './ConnectionBadge';

const LAST_SERVER = 'previs.studioServer';

export function StudioServerPanel() {
  const status = useStore(studioStatus);
  const projectId = useProject((s) => s.project.id);
  const [server, setServer] = useState(() => globalThis.localStorage?.getItem(LAST_SERVER) ?? 'ws://127.0.0.1:8787');
  const [join, setJoin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const connected = status.state !== 'closed' && status.state !== 'refused';
  const go = async (id?: string) => {
    setBusy(true);
    setError(null);
    try {
      globalThis.localStorage?.setItem(LAST_SERVER, server);
      await connectToStudio(server, id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="studio-panel" data-testid="studio-panel">
      <label>
        Studio server{' '}
        <input data-testid="studio-server" value={server} disabled={connected} onChange={(e) => setServer(e.target.value)} placeholder="ws://host:8787" />
      </label>
      {!connected ? (
        <div>
          <button data-testid="studio-connect" disabled={busy} onClick={() => void go()} title="Shares this project on the server (or opens the server's copy of it)">
            Share this project
          </button>
          <label>
            or join project id <input data-testid="studio-join-id" value={join} onChange={(e) => setJoin(e.target.value)} placeholder="proj_…" />
          </label>
          <button data-testid="studio-join" disabled={busy || !join.trim()} onClick={() => void go(join.trim())}>Join</button>
        </div>
      ) : (
        <div>
          <p>
            Project id <code data-testid="studio-project-id">{projectId}</code> (others join with it)
          </p>
          <button data-testid="studio-leave" onClick={() => void leaveStudio()} title="Keeps the project here, as it is, to work alone">Leave (keep working alone)</button>
        </div>
      )}
      <ConnectionBadge />
      {(error ?? status.error) && <p className="bad" data-testid="studio-error">{error ?? status.error}</p>}
      {status.peers.length > 0 && (
        <ul className="studio-peers" data-testid="studio-peers">
          {status.peers.map((p) => (
            <li key={p.clientId}>
              <span style={{ color: p.colour }}>●</span> {p.name}
              {p.selection.length ? ` — ${p.selection.length} selected` : ''}
              {p.lookThrough ? ` — looking through ${p.lookThrough}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
