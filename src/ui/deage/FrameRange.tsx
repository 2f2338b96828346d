// Where a video plate sits on the scene timeline (its start frame) and which of its frames to de-age
// (in inclusive, out exclusive, in plate frames). "At playhead" takes the plate frame the viewport shows.
import { patchObject, type Plate } from '../../core/document';
import { exactFps } from '../../core/timeline';
import { projectStore, useProject } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { plateFrameAt } from '../../effects/plates/timing';

export interface PlateRange {
  start: number;
  end: number;
}

/** Why a range cannot be run, or null when it can. */
export function rangeProblem(r: PlateRange, frameCount: number): string | null {
  if (!Number.isInteger(r.start) || !Number.isInteger(r.end)) return 'the frame range must be whole frames';
  if (r.start < 0 || r.end > frameCount) return `the frame range must lie inside the plate's ${frameCount} frames (0 … ${frameCount})`;
  if (r.end <= r.start) return 'the out frame must come after the in frame';
  return null;
}

function NumberBox(props: { label: string; value: number; min?: number; max?: number; testId: string; onCommit(v: number): void }) {
  return (
    <label className="field deage-range-field">
      <span className="field-label">{props.label}</span>
      <input
        type="number"
        step={1}
        min={props.min}
        max={props.max}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(v)) props.onCommit(Math.round(v));
        }}
      />
    </label>
  );
}

export function FrameRange({ plate, sceneId, range, onChange, disabled }: { plate: Plate; sceneId: string; range: PlateRange; onChange(r: PlateRange): void; disabled?: boolean }) {
  const fps = exactFps(useProject((s) => s.project.settings.fps));
  const here = () => plateFrameAt(plate, playhead.frame, fps);
  const problem = rangeProblem(range, plate.frameCount);
  const setStart = (v: number) => {
    if (Math.abs(v) > 1_000_000) return editorStore.getState().notify('error', 'a plate can start at most a million frames from zero');
    projectStore.getState().execute('Plate start frame', patchObject(sceneId, plate.id, { startFrame: v } as Partial<Plate>));
  };
  return (
    <fieldset className="deage-range" disabled={disabled} data-testid="deage-range">
      <legend>Frames</legend>
      <NumberBox label="Plate starts at scene frame" value={plate.startFrame ?? 0} testId="plate-start" onCommit={setStart} />
      <div className="row">
        <NumberBox label="In" value={range.start} min={0} max={plate.frameCount - 1} testId="deage-in" onCommit={(v) => onChange({ ...range, start: v })} />
        <button title="the plate frame at the playhead" onClick={() => onChange({ ...range, start: here() })}>
          at playhead
        </button>
      </div>
      <div className="row">
        <NumberBox label="Out (exclusive)" value={range.end} min={1} max={plate.frameCount} testId="deage-out" onCommit={(v) => onChange({ ...range, end: v })} />
        <button title="the frame after the one at the playhead" onClick={() => onChange({ ...range, end: here() + 1 })}>
          at playhead
        </button>
      </div>
      <div className={problem ? 'notice error' : 'dim'} data-testid="deage-range-note">
        {problem ?? `${range.end - range.start} of ${plate.frameCount} frames`}
      </div>
    </fieldset>
  );
}
