// The project list stored in this browser: open, duplicate, delete, new.
import { useEffect, useState } from 'react';
import { listProjects } from '../store/persistence';
import { useProject } from '../store/projectStore';
import { createNewProject, deleteStoredProject, duplicateStoredProject, switchToProject } from './projectActions';

export function ProjectsDialog({ onClose }: { onClose(): void }) {
  const [items, setItems] = useState<{ id: string; name: string; modifiedAt: string }[]>([]);
  const openId = useProject((s) => s.project.id);
  const refresh = () => void listProjects().then(setItems);
  useEffect(refresh, []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" onClick={(e) => e.stopPropagation()} data-testid="projects-dialog">
        <h3>Projects in this browser</h3>
        <button onClick={() => void createNewProject().then(onClose)}>New project</button>
        <table>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} className={p.id === openId ? 'current' : ''}>
                <td>{p.name}</td>
                <td>{new Date(p.modifiedAt).toLocaleString()}</td>
                <td>
                  <button onClick={() => void switchToProject(p.id).then(onClose)}>Open</button>
                  <button onClick={() => void duplicateStoredProject(p.id).then(refresh)}>Duplicate</button>
                  <button disabled={p.id === openId} onClick={() => void deleteStoredProject(p.id).then(refresh)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
