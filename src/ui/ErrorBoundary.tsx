// One failing panel (or the viewport) must not blank the page. The boundary shows what failed and offers to try
// again or to undo the last change; while it shows, autosave keeps the last good copy (store/renderHealth).
// It resets by itself when the project changes (an undo, an open), so a fixed project simply draws again.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { projectStore } from '../store/projectStore';
import { clearRenderFailure, reportRenderFailure } from '../store/renderHealth';

interface Props {
  part: string;
  resetKey: unknown;
  children: ReactNode;
}

class Boundary extends Component<Props, { error: Error | null; key: unknown }> {
  override state: { error: Error | null; key: unknown } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    reportRenderFailure(this.props.part, error.message);
    console.error(`${this.props.part} failed to draw`, error, info.componentStack);
  }

  override componentDidUpdate(): void {
    if (!this.state.error) clearRenderFailure(this.props.part);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="render-failure notice error" role="alert" data-testid={`render-failure-${this.props.part}`}>
        <p>
          The {this.props.part} could not draw this project ({error.message}). Autosave keeps the last copy that drew.
        </p>
        <button onClick={() => this.setState({ error: null })}>Try again</button>{' '}
        <button onClick={() => projectStore.getState().undo()}>Undo last change</button>
      </div>
    );
  }
}

/** Guards one part of the editor; `part` names it in the message ("viewport", "timeline panel"…). */
export function ErrorBoundary({ part, children }: { part: string; children: ReactNode }) {
  const project = useStore(projectStore, (s) => s.project);
  return (
    <Boundary part={part} resetKey={project}>
      {children}
    </Boundary>
  );
}
