// Renderer, frame time, save state and counts, refreshed a few times a second (never per frame).
import { useEffect, useState, type ComponentType } from 'react';
import { useStore } from 'zustand';
import { frameStats } from '../viewport/frameStats';
import { saveStatus } from '../store/autosave';
import { useActiveScene, useProject } from '../store/projectStore';
import { useEditor } from '../store/editorStore';
import { ConnectionBadge } from './studio/ConnectionBadge';
import { NeedsApprovalStatus } from './review/NeedsApprovalBadge';

export const statusItems: { id: string; Component: ComponentType }[] = [
  { id: 'studio', Component: ConnectionBadge },
  { id: 'needs-approval', Component: NeedsApprovalStatus },
];

export function StatusBar() {
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(t);
  }, []);
  const save = useStore(saveStatus);
  const scene = useActiveScene();
  const name = useProject((s) => s.project.name);
  const selection = useEditor((s) => s.selection);
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span data-testid="renderer">{frameStats.renderer}</span>
      <span data-testid="frame-time">{frameStats.frameMs ? `${frameStats.frameMs.toFixed(1)} ms/frame` : '—'}</span>
      <span>{name}</span>
      <span>{Object.keys(scene.objects).length} objects</span>
      <span>{selection.length} selected</span>
      <span data-testid="save-status" className={save.status === 'error' ? 'bad' : ''}>
        {save.status === 'saved' ? 'All changes saved' : save.status === 'error' ? 'Save failed' : 'Saving…'}
      </span>
      {statusItems.map(({ id, Component }) => (
        <Component key={id} />
      ))}
    </footer>
  );
}
