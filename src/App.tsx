// The editor layout: toolbar, left and right panel columns, the viewport, bottom panels, status bar.
import { useEffect, useState } from 'react';
import { Toolbar } from './ui/Toolbar';
import { StatusBar } from './ui/StatusBar';
import { Notices } from './ui/Notices';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { ImportProgress } from './ui/build/ImportProgress';
import { BigViewer } from './ui/viewer/BigViewer';
import { panels, type PanelDef } from './ui/panels';
import { Viewport } from './viewport/Viewport';
import { installShortcuts } from './ui/shortcuts';
import { dispatchFiles } from './ui/dropHandlers';
import { editorStore } from './store/editorStore';
import { registerColumn } from './ui/panelFocus';
import './ui/projectActions';

function PanelColumn({ area }: { area: PanelDef['area'] }) {
  const list = panels.filter((p) => p.area === area).sort((a, b) => a.order - b.order);
  const [active, setActive] = useState(list[0]?.id);
  const tabbed = area !== 'left';
  const key = list.map((p) => `${p.id}\t${p.title}`).join('\n');
  useEffect(
    () =>
      registerColumn({
        titles: Object.fromEntries(key.split('\n').filter(Boolean).map((l) => l.split('\t'))),
        show: (id) => (tabbed ? setActive(id) : document.querySelector(`[data-testid="panel-${id}"]`)?.scrollIntoView({ block: 'nearest' })),
      }),
    [key, tabbed],
  );
  if (!list.length) return null;
  const current = list.find((p) => p.id === active) ?? list[0]!;
  return (
    <aside className={`panels panels-${area}`}>
      {tabbed ? (
        <>
          <nav className="tabs">
            {list.map((p) => (
              <button key={p.id} data-panel={p.id} className={p.id === current.id ? 'on' : ''} onClick={() => setActive(p.id)}>
                {p.title}
                {p.Badge ? <p.Badge /> : null}
              </button>
            ))}
          </nav>
          <div className="panel-body" data-testid={`panel-${current.id}`}>
            <ErrorBoundary part={`${current.title} panel`}>
              <current.Component />
            </ErrorBoundary>
          </div>
        </>
      ) : (
        list.map((p) => (
          <section key={p.id} className="panel" data-testid={`panel-${p.id}`}>
            <h3>{p.title}</h3>
            <ErrorBoundary part={`${p.title} panel`}>
              <p.Component />
            </ErrorBoundary>
          </section>
        ))
      )}
    </aside>
  );
}

export function App() {
  const [dragging, setDragging] = useState(false);
  useEffect(installShortcuts, []);
  return (
    <div
      className="app"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void dispatchFiles([...e.dataTransfer.files], (l, t) => editorStore.getState().notify(l, t), { clientX: e.clientX, clientY: e.clientY });
      }}
    >
      <Toolbar />
      <div className="workspace">
        <PanelColumn area="left" />
        <main className="centre">
          <ErrorBoundary part="viewport">
            <Viewport />
          </ErrorBoundary>
          <PanelColumn area="bottom" />
        </main>
        <PanelColumn area="right" />
      </div>
      <Notices />
      <StatusBar />
      <ErrorBoundary part="viewer">
        <BigViewer />
      </ErrorBoundary>
      <ImportProgress />
      {dragging ? <div className="drop-overlay">Drop a project, glTF/GLB or plate</div> : null}
    </div>
  );
}
