// Edits the selected object's fields with units: name, transform, then the sections for its type.
// Fields show the object as evaluated at the playhead; edits of keyed properties become keys (keying.tsx).
import { updateObject, type SceneObject, type Transform } from '../../core/document';
import { evaluateObject } from '../../core/timeline';
import { useActiveScene, useProject, projectStore } from '../../store/projectStore';
import { useEditor } from '../../store/editorStore';
import { NumberField } from './NumberField';
import { inspectorSections } from './sections';
import { KeyDiamond, KeyingProvider, useInspectorFrame } from './keying';
import './inspector.css';

const DEG = 180 / Math.PI;

export function Inspector() {
  const scene = useActiveScene();
  const sceneId = useProject((s) => s.activeSceneId);
  const selection = useEditor((s) => s.selection);
  const project = useProject((s) => s.project);
  const frame = useInspectorFrame();
  const stored = selection.length === 1 ? scene.objects[selection[0]!] : undefined;
  // an aimed camera is evaluated too: its rotation and followed focus come from the constraint
  const animated = stored && (Object.values(scene.tracks).some((t) => t.targetId === stored.id) || (stored.type === 'camera' && !!stored.aim));
  const object = stored && animated ? (evaluateObject(project, sceneId, stored.id, frame) ?? stored) : stored;
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
    <KeyingProvider objectId={object.id} frame={frame}>
    <div className="inspector" data-testid="inspector" data-frame={frame}>
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
      <h4><KeyDiamond property="transform.position" />Position</h4>
      {axes.map((a, i) => (
        <NumberField key={a} label={a} unit="m" testId={`pos-${a.toLowerCase()}`} channel="transform.position" diamond={false} value={object.transform.position[i]!} edit={(v) => vec('position', i, v)} />
      ))}
      <h4><KeyDiamond property="transform.rotation" />Rotation</h4>
      {axes.map((a, i) => (
        <NumberField key={a} label={a} channel="transform.rotation" diamond={false} unit="°" display={DEG} digits={2} step={0.01} value={object.transform.rotation[i]!} edit={(v) => vec('rotation', i, v)} />
      ))}
      <h4><KeyDiamond property="transform.scale" />Scale</h4>
      {axes.map((a, i) => (
        <NumberField key={a} label={a} channel="transform.scale" diamond={false} step={0.01} min={0.001} value={object.transform.scale[i]!} edit={(v) => vec('scale', i, v)} />
      ))}
      {sections.map(({ id, title, Component }) => (
        <section key={id}>
          <h4>{title}</h4>
          <Component object={object} sceneId={sceneId} />
        </section>
      ))}
    </div>
    </KeyingProvider>
  );
}
