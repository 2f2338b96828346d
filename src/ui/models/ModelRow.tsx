// One model: its card at a glance (kind, licence, source, backends), the full card on demand, and a
// "Run test vectors" button that runs the card's own vectors on the runtime and shows pass/fail per backend.
import { useState, type ReactNode } from 'react';
import type { ModelCard } from '../../effects/runtime/modelCard';
import { opSupport } from '../../effects/runtime/opSupport';
import { getRuntime, type ModelInput, type TestVectorResult } from '../../effects/runtime';
import { editorStore } from '../../store/editorStore';

function sourceLine(card: ModelCard): string {
  const s = card.source;
  if (s.kind === 'package') return `${s.package}@${s.version} · ${s.path}`;
  if (s.kind === 'authored') return `${s.by} (${s.script})`;
  return `brought by the user${s.note ? ` · ${s.note}` : ''}`;
}

function backendSupport(card: ModelCard): string {
  const ops = card.ops.map((o) => {
    const dot = o.lastIndexOf('.');
    return dot > 0 ? { domain: o.slice(0, dot), opType: o.slice(dot + 1) } : { domain: '', opType: o };
  });
  return (['wasm', 'webgpu'] as const)
    .map((b) => {
      const s = opSupport(ops, b);
      if (!card.backends.includes(b)) return `${b}: not declared`;
      if (s.unsupported.length) return `${b}: no (${s.unsupported.join(', ')})`;
      if (s.onCpu.length) return `${b}: yes, ${s.onCpu.join(', ')} on CPU`;
      return `${b}: yes`;
    })
    .join(' · ');
}

const shape = (dims: (number | string)[]) => `[${dims.join(', ')}]`;

export function ModelRow({ card, model, extra }: { card: ModelCard; model: ModelInput; extra?: ReactNode }) {
  const [results, setResults] = useState<TestVectorResult[] | null>(null);
  const [running, setRunning] = useState(false);
  const [backend, setBackend] = useState<'auto' | 'wasm' | 'webgpu'>('auto');

  const runVectors = async () => {
    setRunning(true);
    setResults(null);
    try {
      setResults(await getRuntime().testVectors(model, { backend }));
    } catch (e) {
      editorStore.getState().notify('error', `${card.id}: ${(e as Error).message}`);
    } finally {
      setRunning(false);
    }
  };

  const passed = results?.filter((r) => r.pass).length ?? 0;
  return (
    <li className="model-row" data-testid={`model-${card.id}`}>
      <div className="model-head">
        <strong>{card.name}</strong> <span className="dim">{card.id} v{card.version}</span>
      </div>
      <div className="model-facts">
        <span className={`tag tag-${card.kind}`}>{card.kind}</span>
        <span className="tag">{card.license}</span>
        <span className="dim">{sourceLine(card)}</span>
      </div>
      <div className="dim" data-testid="backend-support">{backendSupport(card)}</div>
      <div className="model-actions">
        <select value={backend} onChange={(e) => setBackend(e.target.value as typeof backend)} aria-label="backend">
          <option value="auto">auto</option>
          <option value="wasm">wasm</option>
          <option value="webgpu">webgpu</option>
        </select>
        <button onClick={runVectors} disabled={running || card.testVectors.length === 0} data-testid="run-vectors">
          {running ? 'Running…' : `Run test vectors (${card.testVectors.length})`}
        </button>
        {extra}
      </div>
      {results && (
        <ul className="vector-results" data-testid="vector-results" data-passed={passed} data-total={results.length}>
          {results.map((r) => (
            <li key={r.name} className={r.pass ? 'pass' : 'fail'}>
              {r.pass ? '✓ pass' : '✗ fail'} · {r.name} · {r.backend} · {r.ms.toFixed(0)} ms
              {r.failures.map((f) => (
                <div key={f} className="failure">{f}</div>
              ))}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Card</summary>
        <p>{card.description}</p>
        {card.trainingData && (
          <p>
            <b>Training data:</b> {card.trainingData.description} <i>({card.trainingData.declaredBy}; personal data: {card.trainingData.containsPersonalData})</i>
          </p>
        )}
        <table className="model-io">
          <tbody>
            {card.inputs.map((t) => (
              <tr key={`in-${t.name}`}>
                <td>in</td>
                <td>{t.name}</td>
                <td>{t.dtype} {shape(t.shape)} {t.layout}</td>
                <td>{t.colorSpace} [{t.valueRange.join(', ')}]</td>
              </tr>
            ))}
            {card.outputs.map((t) => (
              <tr key={`out-${t.name}`}>
                <td>out</td>
                <td>{t.name}</td>
                <td>{t.dtype} {shape(t.shape)} {t.layout}</td>
                <td>{t.semantics} [{t.valueRange.join(', ')}]</td>
              </tr>
            ))}
          </tbody>
        </table>
        {card.conditioning.map((c) => (
          <div key={c.name} className="dim">
            {c.name}: {c.range[0]}–{c.range[1]} {c.unit} (default {c.default}) → {c.input}[{c.channel ?? '·'}]
          </div>
        ))}
        <div className="dim">
          tiling: {card.tiling.mode === 'tiled' ? `${card.tiling.tile.join('×')} overlap ${card.tiling.overlap}, ${card.tiling.blend}, pad ${card.tiling.pad}` : 'whole image'} · crop: {card.crop.mode} · opset {card.opset} · ops {card.ops.join(', ')}
        </div>
        <div className="dim mono">sha256 {card.sha256}</div>
      </details>
    </li>
  );
}
