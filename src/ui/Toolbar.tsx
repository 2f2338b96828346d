// Project menu, undo/redo, add menu, tools and view modes.
import { useRef, useState, type ComponentType } from 'react';
import { useProject, projectStore } from '../store/projectStore';
import { editorStore, useEditor } from '../store/editorStore';
import { addMenuItems, runAddItem } from './addMenu';
import { openFile, saveProjectToFile } from './projectActions';
import { ProjectsDialog } from './ProjectsDialog';
import { AboutDialog } from './AboutDialog';
import { applyUpdate, useAppUpdate } from './appUpdate';

/** Extra toolbar controls registered by features (export, effects…). */
export const toolbarItems: { id: string; Component: ComponentType }[] = [];

export function Toolbar() {
  const [showProjects, setShowProjects] = useState(false);
  const [showAbout, setShowAbout] = useState(false);
  const update = useAppUpdate();
  const fileInput = useRef<HTMLInputElement>(null);
  const canUndo = useProject((s) => s.history.past.length > 0);
  const canRedo = useProject((s) => s.history.future.length > 0);
  const mode = useEditor((s) => s.transformMode);
  const nav = useEditor((s) => s.navMode);
  const viewMode = useEditor((s) => s.viewMode);
  const groups = [...new Set(addMenuItems.map((i) => i.group))];
  return (
    <header className="toolbar">
      <strong className="brand">Previs Sandbox</strong>
      <button onClick={() => setShowProjects(true)}>Projects…</button>
      <button data-testid="open-file" onClick={() => fileInput.current?.click()}>Open file…</button>
      <input
        ref={fileInput}
        type="file"
        hidden
        data-testid="open-file-input"
        accept=".json,.zip"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFile(f);
          e.target.value = '';
        }}
      />
      <button onClick={() => void saveProjectToFile()}>Save file</button>
      <span className="sep" />
      <button data-testid="undo" disabled={!canUndo} onClick={() => projectStore.getState().undo()} title="Ctrl/Cmd+Z">Undo</button>
      <button data-testid="redo" disabled={!canRedo} onClick={() => projectStore.getState().redo()} title="Shift+Ctrl/Cmd+Z">Redo</button>
      <span className="sep" />
      <select
        data-testid="add-menu"
        value=""
        onChange={(e) => {
          const item = addMenuItems.find((i) => i.id === e.target.value);
          if (item) runAddItem(item);
        }}
      >
        <option value="">Add…</option>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {addMenuItems.filter((i) => i.group === g).map((i) => (
              <option key={i.id} value={i.id}>{i.label}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <span className="sep" />
      {(['translate', 'rotate', 'scale'] as const).map((m, i) => (
        <button key={m} className={mode === m ? 'on' : ''} onClick={() => editorStore.getState().setTransformMode(m)} title={'WER'[i]}>
          {m === 'translate' ? 'Move' : m === 'rotate' ? 'Rotate' : 'Scale'}
        </button>
      ))}
      <button className={nav === 'fly' ? 'on' : ''} onClick={() => editorStore.getState().setNavMode(nav === 'fly' ? 'orbit' : 'fly')} title="Fly: drag to look, WASD/QE to move">
        Fly
      </button>
      <span className="sep" />
      <button className={viewMode === 'perspective' ? 'on' : ''} onClick={() => editorStore.getState().setViewMode('perspective')}>Perspective</button>
      <button className={viewMode === 'plan' ? 'on' : ''} onClick={() => editorStore.getState().setViewMode('plan')}>Plan</button>
      {toolbarItems.map(({ id, Component }) => (
        <Component key={id} />
      ))}
      {update.needRefresh ? (
        <button data-testid="app-update" className="on" title="A new version has been downloaded: reload to use it" onClick={applyUpdate}>Reload to update</button>
      ) : null}
      <button data-testid="about" onClick={() => setShowAbout(true)} title="Version and third-party licences">About</button>
      {showProjects ? <ProjectsDialog onClose={() => setShowProjects(false)} /> : null}
      {showAbout ? <AboutDialog onClose={() => setShowAbout(false)} /> : null}
    </header>
  );
}
