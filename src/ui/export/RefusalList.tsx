// A refused deliverable, every reason of every layer, each a link that selects the layer and opens the panel
// where that reason is put right (review queue, consent registry, studio, the effect's panel, the inspector).
import type { FixPlace, GateRefusal } from '../../core/disclosure';
import { editorStore } from '../../store/editorStore';
import { projectStore } from '../../store/projectStore';
import { openPanel, panelTitle } from '../panelFocus';
import './export.css';

const PLACE_PANEL: Record<Exclude<FixPlace, 'effect'>, string> = {
  review: 'review',
  consent: 'consent',
  studio: 'studio',
  inspector: 'inspector',
};

/** The panel a reason is fixed in: an effect's own panel when it has one (a re-run), else the inspector. */
export function fixPanel(place: FixPlace, effect: string | null): string {
  if (place !== 'effect') return PLACE_PANEL[place];
  return effect && panelTitle(effect) ? effect : 'inspector';
}

/** Selects the layer and brings forward the panel that fixes the reason, with the layer's card in view. */
export function goToFix(r: GateRefusal, place: FixPlace): void {
  const ps = projectStore.getState();
  if (r.sceneId && r.sceneId !== ps.activeSceneId) ps.setActiveScene(r.sceneId);
  editorStore.getState().select([r.layerId]);
  const id = fixPanel(place, r.effect);
  openPanel(id);
  // the panel renders on the next frame; then show the layer's own card where the panel has one
  requestAnimationFrame(() => {
    const card = document.querySelector(`[data-testid="panel-${id}"] [data-layer-id="${CSS.escape(r.layerId)}"]`);
    card?.scrollIntoView({ block: 'nearest' });
  });
}

export function RefusalList({ refusals, testId }: { refusals: GateRefusal[]; testId: string }) {
  const count = refusals.reduce((n, r) => n + r.blockers.length, 0);
  return (
    <div className="refusal" data-testid={testId}>
      <p className="refusal-head">
        Deliverable export refused: {count} reason{count === 1 ? '' : 's'} on {refusals.length} layer{refusals.length === 1 ? '' : 's'}. Each
        link opens the panel where it is put right.
      </p>
      <ul>
        {refusals.map((r) => (
          <li key={r.layerId} data-refused-layer={r.layerId}>
            <b>{r.name}</b>
            <ul>
              {r.blockers.map((b, i) => (
                <li key={i}>
                  {b.fix ? (
                    <button className="link" data-fix={b.fix} data-panel-target={fixPanel(b.fix, r.effect)} onClick={() => goToFix(r, b.fix!)}>
                      {b.text}
                    </button>
                  ) : (
                    b.text
                  )}
                  {b.fix ? <span className="dim"> → {panelTitle(fixPanel(b.fix, r.effect)) ?? fixPanel(b.fix, r.effect)} panel</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
