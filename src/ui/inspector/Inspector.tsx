// Edits the selected object's fields with units: name, transform, then the sections for its type.
import { updateObject, type SceneObject, type Transform } from '../../core/document';
import { useActiveScene, useProject, projectStore } from '../../store/projectStore';
import { useEditor } from '../../store/editorStore';
import { NumberField } from './NumberField';
import { inspectorSections } from './sections';

const DEG = 180 / Math.PI;

export function Inspector() {
  const scene = useActiveScene();
  const sceneId = useProject((s) => s.activeSceneId);
  const selection = useEditor((s) => s.selection);
  const object = selection.length === 1 ? scene.objects[selection[0]!] : undefined;
  if (selection.length > 1) return <div className="empty">{selection.length} objects selected</div>;
  if (!object) return <div className="empty">Nothing selected</div>;
  const setT = (fn: (t: Transform) => Transform) => updateObject<SceneObject>(sceneId, object.id, (o) => ({ ...o, transform: fn(o.transform) }));
  const vec = (key: keyof Transform, i: number, v: number) =>
    setT((t) => ({ ...t, [key]: t[key].map((x, j) => (j === i ? v : x)) as Transform[typeof key] }));
  const axes = ['X', 'Y', 'Z'];
  const sections = inspectorSections.filter(
    (s) => s.types.includes(object.type) && (!s.effect || (object.type === 'effectLayer' && object.effect === s.effect)),
  );
  return (
    <div className="inspector" data-testid="inspector">
      <label className="field">
        <span className="field-label">Name</span>
        <input
          key={object.id}
          defaultValue={object.name}
          onBlur={(e) => {
            const name = e.target.value;
            if (name !== object.name) projectStore.getState().execute('Rename', updateObject<SceneObject>(sceneId, object.id, (o) => ({ ...o, name })));
          }}
        />
      </label>
      <div className="type-tag">{object.type}</div>
      <h4>Position</h4>
      {axes.map((a, i) => (
        <NumberField key={a} label={a} unit="m" testId={`pos-${a.toLowerCase()}`} value={object.transform.position[i]!} edit={(v) => vec('position', i, v)} />
      ))}
      <h4>Rotation</h4>
      {axes.map((a, i) => (
        <NumberField key={a} label={a} unit="°" display={DEG} digits={2} step={0.01} value={object.transform.rotation[i]!} edit={(v) => vec('rotation', i, v)} />
      ))}
      <h4>Scale</h4>
      {axes.map((a, i) => (
        <NumberField key={a} label={a} step={0.01} min={0.001} value={object.transform.scale[i]!} edit={(v) => vec('scale', i, v)} />
      ))}
      {sections.map(({ id, title, Component }) => (
        <section key={id}>
          <h4>{title}</h4>
          <Component object={object} sceneId={sceneId} />
        </section>
      ))}
    </div>
  );
}
