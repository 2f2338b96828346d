// The set's environment: sky colour (background and sky light), ground colour and ground size.
import { editEnvironment } from '../../core/document';
import { projectStore, useActiveScene, useProject } from '../../store/projectStore';
import { ColourField } from '../inspector/basicSections';
import { NumberField } from '../inspector/NumberField';

export function EnvironmentPanel() {
  const scene = useActiveScene();
  const sceneId = useProject((s) => s.activeSceneId);
  const env = scene.environment;
  const run = (label: string, patch: Partial<typeof env>) => projectStore.getState().execute(label, editEnvironment(sceneId, patch));
  return (
    <div data-testid="environment-panel">
      <ColourField label="Sky" value={env.skyColour} onChange={(c) => run('Set sky colour', { skyColour: c })} />
      <ColourField label="Ground" value={env.groundColour} onChange={(c) => run('Set ground colour', { groundColour: c })} />
      <NumberField label="Ground size" unit="m" min={1} max={100000} step={1} digits={0} value={env.groundSize} edit={(v) => editEnvironment(sceneId, { groundSize: v })} />
    </div>
  );
}
