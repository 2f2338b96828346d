// Toolbar toggle for the look-through view (selected camera, else the first shot's camera).
import { editorStore, useEditor } from '../../store/editorStore';

export function LookThroughButton() {
  const on = useEditor((s) => s.viewMode === 'lookThrough');
  return (
    <button
      data-testid="look-through-toggle"
      className={on ? 'on' : ''}
      title="View through the selected camera (or the first shot's camera)"
      onClick={() => {
        const ed = editorStore.getState();
        if (on) return ed.setViewMode('perspective');
        const camId = ed.selection[0] ?? null;
        ed.setViewMode('lookThrough', camId);
      }}
    >
      Look through
    </button>
  );
}
