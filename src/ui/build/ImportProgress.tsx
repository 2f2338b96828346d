// A model import's progress with a cancel button, while its file is checked in a worker and built.
import { useStore } from 'zustand';
import { importProgress } from './importProgress';

export function ImportProgress() {
  const active = useStore(importProgress, (s) => s.active);
  if (!active) return null;
  return (
    <div className="notices" role="status">
      <div className="notice info" data-testid="import-progress">
        <span>
          Importing {active.name}: {active.stage} <progress max={1} value={active.fraction} />
        </span>
        <button onClick={active.cancel} data-testid="import-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}
