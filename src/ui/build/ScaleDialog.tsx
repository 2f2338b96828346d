// Asks the user what unit an implausibly sized model was made in (×0.01 / ×0.001 / keep).
// Mounted on demand into its own root, so the app shell needs no slot for it.
import { createRoot } from 'react-dom/client';
import type { ScaleSuggestion } from '../../core/geometry';

function fmt(m: number): string {
  if (m >= 1000) return `${(m / 1000).toLocaleString('en', { maximumFractionDigits: 2 })} km`;
  if (m >= 1) return `${m.toLocaleString('en', { maximumFractionDigits: 2 })} m`;
  return `${(m * 100).toLocaleString('en', { maximumFractionDigits: 1 })} cm`;
}

/** Resolves with the chosen metres-per-unit, or null when the user cancels the import. */
export function askScale(fileName: string, s: ScaleSuggestion): Promise<number | null> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    const done = (v: number | null) => {
      root.unmount();
      host.remove();
      resolve(v);
    };
    root.render(
      <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Model scale" data-testid="scale-dialog"
        style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.5)', display: 'grid', placeItems: 'center', zIndex: 1000 }}>
        <div className="modal" style={{ background: '#23272c', color: '#e8e8e8', padding: 20, borderRadius: 8, maxWidth: 460, font: '14px system-ui, sans-serif' }}>
          <h3 style={{ marginTop: 0 }}>What units is “{fileName}” in?</h3>
          <p>{s.reason}</p>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {s.options.map((o) => (
              <button key={o.scale} data-testid={`scale-option-${o.scale}`} autoFocus={o.scale === s.recommended} onClick={() => done(o.scale)}
                style={{ textAlign: 'left', padding: '8px 10px', fontWeight: o.scale === s.recommended ? 700 : 400 }}>
                {o.label} → {fmt(o.largestMetres)} across{o.scale === s.recommended ? ' (likely)' : ''}
              </button>
            ))}
            <button data-testid="scale-cancel" onClick={() => done(null)} style={{ padding: '6px 10px' }}>
              Cancel import
            </button>
          </div>
        </div>
      </div>,
    );
  });
}
