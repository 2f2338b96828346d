// Every object of the scene, grouped by type; click selects, Shift/Ctrl-click adds to the selection.
import { useActiveScene } from '../store/projectStore';
import { editorStore, useEditor } from '../store/editorStore';
import type { ObjectType } from '../core/document';

const GROUPS: { type: ObjectType; title: string }[] = [
  { type: 'camera', title: 'Cameras' },
  { type: 'actor', title: 'Cast' },
  { type: 'building', title: 'Buildings' },
  { type: 'setPiece', title: 'Set pieces' },
  { type: 'asset', title: 'Imported' },
  { type: 'plate', title: 'Plates' },
  { type: 'light', title: 'Lights' },
  { type: 'effectLayer', title: 'Effect layers' },
];

export function Outliner() {
  const scene = useActiveScene();
  const selection = useEditor((s) => s.selection);
  const objects = Object.values(scene.objects);
  return (
    <div className="outliner" data-testid="outliner">
      {GROUPS.map(({ type, title }) => {
        const items = objects.filter((o) => o.type === type).sort((a, b) => a.name.localeCompare(b.name));
        if (!items.length) return null;
        return (
          <div key={type} className="outliner-group">
            <div className="outliner-title">{title}</div>
            {items.map((o) => (
              <button
                key={o.id}
                data-id={o.id}
                className={selection.includes(o.id) ? 'outliner-item selected' : 'outliner-item'}
                onClick={(e) => {
                  const ed = editorStore.getState();
                  if (e.shiftKey || e.ctrlKey || e.metaKey) ed.toggleSelect(o.id);
                  else ed.select([o.id]);
                }}
              >
                {o.name || o.id}
              </button>
            ))}
          </div>
        );
      })}
    </div>
  );
}
