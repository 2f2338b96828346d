// Errors and warnings stay on screen until dismissed: nothing is swallowed.
import { useEditor, editorStore } from '../store/editorStore';

export function Notices() {
  const notices = useEditor((s) => s.notices);
  if (!notices.length) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} data-testid={`notice-${n.level}`}>
          <span>{n.text}</span>
          <button aria-label="Dismiss" onClick={() => editorStore.getState().dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
