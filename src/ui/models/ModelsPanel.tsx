// The model panel: where the runtime is running (adapter, chosen backend and why), every installed model with
// its card and test vectors, and models brought by the user this session.
import { useEffect, useState } from 'react';
import { getRuntime, installedModels, type RuntimeStatus } from '../../effects/runtime';
import { ByoImport } from './ByoImport';
import { useByoModels } from './byoModels';
import { ModelRow } from './ModelRow';
import { RecentJobs } from './RecentJobs';
import './runtimeHook';
import './models.css';

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

export function ModelsPanel() {
  const byo = useByoModels((s) => s.models);
  const remove = useByoModels((s) => s.remove);
  const installed = installedModels();
  return (
    <div className="models-panel" data-testid="models-panel">
      <RuntimeLine />
      <RecentJobs />
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
            extra={<button onClick={() => remove(m.card.id)}>Remove</button>}
          />
        ))}
      </ul>
      <h4>Bring your own model</h4>
      <ByoImport />
    </div>
  );
}
