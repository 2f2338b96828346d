// The undo history as a list of named steps; clicking a step jumps there.
import { useProject, projectStore } from '../store/projectStore';

export function HistoryPanel() {
  const history = useProject((s) => s.history);
  const jump = (pastLength: number) => {
    const s = projectStore.getState();
    let n = s.history.past.length - pastLength;
    while (n > 0 && projectStore.getState().history.past.length) (projectStore.getState().undo(), n--);
    while (n < 0 && projectStore.getState().history.future.length) (projectStore.getState().redo(), n++);
  };
  return (
    <ol className="history" data-testid="history">
      <li className={history.past.length === 0 ? 'current' : ''} onClick={() => jump(0)}>Opened</li>
      {history.past.map((s, i) => (
        <li key={`p${i}`} className={i === history.past.length - 1 ? 'current' : ''} onClick={() => jump(i + 1)}>
          {s.label}
        </li>
      ))}
      {history.future.map((s, i) => (
        <li key={`f${i}`} className="future" onClick={() => jump(history.past.length + i + 1)}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}
