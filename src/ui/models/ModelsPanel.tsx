// The model panel: where the runtime is running (adapter, chosen backend and why), every installed model with
// its card and test vectors, models the user brought (saved in this browser), and models the open project
// needs but this browser lacks.
import { useEffect, useMemo, useState } from 'react';
import { getRuntime, installedModels, type RuntimeStatus } from '../../effects/runtime';
import { editorStore } from '../../store/editorStore';
import { useProject } from '../../store/projectStore';
import { ByoImport } from './ByoImport';
import { removeByoModel } from './byoLibrary';
import { useByoModels } from './byoModels';
import { startByoLibrary } from './byoStartup';
import { describeMissing, installedShas, missingModels } from './missingModels';
import { ModelRow } from './ModelRow';
import { RecentJobs } from './RecentJobs';
import './runtimeHook';
import './models.css';

// brought models come back from storage when the app starts, not when the panel first opens
startByoLibrary();

function RuntimeLine() {
  const [status, setStatus] = useState<RuntimeStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getRuntime()
      .status()
      .then((s) => live && setStatus(s))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);
  if (error) return <div className="runtime-line bad">runtime failed to start: {error}</div>;
  if (!status) return <div className="runtime-line dim">starting runtime…</div>;
  const a = status.adapter;
  return (
    <div className="runtime-line" data-testid="runtime-status" data-backend={status.chosen}>
      <div>
        backend <b>{status.chosen}</b>
        {status.chosen === 'wasm' && ` · ${status.threads} thread${status.threads > 1 ? 's' : ''}${status.crossOriginIsolated ? '' : ' (not cross-origin isolated)'}`}
      </div>
      <div className="dim">
        adapter: {a.available ? `${a.vendor} ${a.architecture} ${a.device || a.description}`.trim() : 'none'}
        {a.isFallbackAdapter && ' (software fallback)'}
      </div>
      {status.fallbackReason && <div className="dim">why: {status.fallbackReason}</div>}
      {status.webgpuLost && <div className="bad">WebGPU device lost: {status.webgpuLost}</div>}
    </div>
  );
}

function StoredModelNotices() {
  const restore = useByoModels((s) => s.restore);
  const restoreError = useByoModels((s) => s.restoreError);
  const refused = useByoModels((s) => s.refused);
  const byo = useByoModels((s) => s.models);
  const project = useProject((s) => s.project);
  const missing = useMemo(
    () => (restore === 'ready' ? missingModels(project, new Set([...installedShas(), ...byo.map((m) => m.card.sha256)])) : []),
    [restore, project, byo],
  );
  return (
    <>
      {restore === 'loading' && <div className="dim" data-testid="byo-restoring">checking the models saved in this browser…</div>}
      {restoreError && <div className="bad" data-testid="byo-restore-error">{restoreError}</div>}
      {missing.length > 0 && (
        <ul className="refusals" data-testid="byo-missing">
          {missing.map((m) => (
            <li key={m.ref.sha256} data-sha256={m.ref.sha256}>{describeMissing(m)}</li>
          ))}
        </ul>
      )}
      {refused.map((r) => (
        <div key={r.sha256} className="model-row bad" data-testid="byo-refused-stored">
          saved model {r.id ?? r.fileName} refused on load: {r.errors.join('; ')}{' '}
          <button onClick={() => void forget(r.sha256)}>Remove</button>
        </div>
      ))}
    </>
  );
}

async function forget(sha256: string) {
  try {
    await removeByoModel(sha256);
  } catch (e) {
    editorStore.getState().notify('error', `The model could not be removed from this browser's storage: ${(e as Error).message}`);
  }
}

export function ModelsPanel() {
  const byo = useByoModels((s) => s.models);
  const installed = installedModels();
  return (
    <div className="models-panel" data-testid="models-panel">
      <RuntimeLine />
      <RecentJobs />
      <StoredModelNotices />
      <ul className="model-list">
        {installed.map((e) =>
          e.card ? (
            <ModelRow key={e.cardPath} card={e.card} model={e.card.id} />
          ) : (
            <li key={e.cardPath} className="model-row bad">
              {e.cardPath}: {e.errors.join('; ')}
            </li>
          ),
        )}
        {byo.map((m) => (
          <ModelRow
            key={m.card.sha256}
            card={m.card}
            model={{ card: m.card, bytes: m.bytes }}
            extra={
              <>
                <span className={m.persisted ? 'dim' : 'bad'} data-testid="byo-saved" data-persisted={m.persisted}>
                  {m.persisted ? 'saved in this browser' : `this session only: ${m.saveError ?? 'not saved'}`}
                </span>
                <button onClick={() => void forget(m.card.sha256)} data-testid="byo-remove">
                  Remove
                </button>
              </>
            }
          />
        ))}
      </ul>
      <h4>Bring your own model</h4>
      <ByoImport />
    </div>
  );
}
