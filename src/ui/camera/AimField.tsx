// The camera section's aiming controls: look-at target (an actor's eyes or head, any object, a fixed point),
// focus follows, the aim keyed on / off at the playhead, and the camera ↔ viewport commands.
import type { Camera } from '../../core/document';
import { formatDistance } from '../../core/lens';
import { useProject } from '../../store/projectStore';
import { KeyDiamond, useKeying } from '../inspector/keying';
import { aimAtPlayhead, aimCameraAt, aimChoices, aimValue, keyAim, keyFocusPull, pointAhead, setFollowFocus } from './aimCommands';
import { cameraToCurrentView, currentViewToCamera } from './viewCommands';
import { editorStore } from '../../store/editorStore';

export function AimField({ c, sceneId }: { c: Camera; sceneId: string }) {
  const objects = useProject((s) => s.project.scenes[sceneId]?.objects);
  // re-read on every document change: the target's distance moves with any edit
  useProject((s) => s.project);
  const frame = useKeying()?.frame ?? 0;
  const choices = aimChoices(objects ?? {}, c.id);
  const aim = c.aim ?? null;
  const value = aimValue(aim?.target);
  const live = aim ? aimAtPlayhead(c.id, frame) : null;
  const point = aim?.target.kind === 'point' ? aim.target.point : null;
  const withSelected = (fn: () => boolean) => {
    const ed = editorStore.getState();
    if (ed.viewMode !== 'lookThrough' && !ed.selection.includes(c.id)) ed.select([c.id]);
    fn();
  };
  return (
    <div className="camera-aim" data-testid="camera-aim">
      <label className="field">
        <span className="field-label">{aim ? <KeyDiamond property="aim.weight" /> : null}Aim at</span>
        <select
          data-testid="camera-aim-target"
          value={value}
          title="A look-at constraint: the camera pans and tilts (roll level) to keep the target centred through the shot"
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'point') aimCameraAt(c.id, pointAhead(c.id));
            else aimCameraAt(c.id, choices.find((x) => x.value === v)?.target ?? null);
          }}
        >
          <option value="">None</option>
          {choices.map((x) => (
            <option key={x.value} value={x.value}>{x.label}</option>
          ))}
          <option value="point">{point ? `Fixed point ${point.map((v) => v.toFixed(2)).join(', ')}` : 'Fixed point (where it looks now)'}</option>
        </select>
      </label>
      {aim ? (
        <>
          <label className="field">
            <span className="field-label">Focus</span>
            <span>
              <input type="checkbox" data-testid="camera-aim-focus" checked={aim.followFocus} onChange={(e) => setFollowFocus(c.id, e.target.checked)} /> follows the target
              {aim.followFocus ? (
                <>
                  {' '}
                  <button data-testid="camera-focus-pull" title="Key the followed focus over this camera's shot as a focus pull (then set by hand)" onClick={() => keyFocusPull(c.id)}>Key pull</button>
                </>
              ) : null}
            </span>
          </label>
          <div className="row">
            <button data-testid="camera-aim-key-on" title="Key the aim on at the playhead (a step key)" onClick={() => keyAim(c.id, true)}>Aim on here</button>{' '}
            <button data-testid="camera-aim-key-off" title="Key the aim off at the playhead: the camera's own rotation from here" onClick={() => keyAim(c.id, false)}>Aim off here</button>
          </div>
          <div className="row mono" data-testid="camera-aim-state" data-weight={live?.weight ?? ''}>
            {live ? `${live.weight >= 1 ? 'Aimed' : live.weight <= 0 ? 'Aim off' : `Aim ${Math.round(live.weight * 100)} %`}${live.distanceM !== null ? ` · target ${formatDistance(live.distanceM)}` : ''}` : ''}
          </div>
        </>
      ) : null}
      <div className="row">
        <button data-testid="camera-to-view" title="Move this camera to the viewport's view (Shift+C)" onClick={() => withSelected(cameraToCurrentView)}>Camera to view</button>{' '}
        <button data-testid="view-to-camera" title="Move the viewport's view to this camera (Shift+V)" onClick={() => withSelected(currentViewToCamera)}>View to camera</button>
      </div>
    </div>
  );
}
