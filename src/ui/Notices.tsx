// Messages in a strip of their own between the workspace and the status bar, so a notice never covers a
// control and never resizes the viewport when it comes or goes. The newest is in view, one line each; "All"
// lists every notice in full. Errors stay until dismissed; the rest fade (ui/noticeFade), paused on hover.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useEditor, editorStore } from '../store/editorStore';
import { FadeClock } from './noticeFade';

/** how long a fading notice takes to disappear once its time is up */
const FADE_OUT_MS = 300;

export function Notices() {
  const notices = useEditor((s) => s.notices);
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState<ReadonlySet<number>>(new Set());
  const list = useRef<HTMLDivElement>(null);
  const clock = useMemo(
    () =>
      new FadeClock((id) => {
        setLeaving((l) => new Set(l).add(id));
        setTimeout(() => editorStore.getState().dismiss(id), FADE_OUT_MS);
      }),
    [],
  );
  useEffect(() => clock.track(notices), [clock, notices]);
  useEffect(() => () => clock.stop(), [clock]);
  useEffect(() => {
    if (!notices.length) setOpen(false);
  }, [notices.length]);
  // the newest notice in view
  useLayoutEffect(() => {
    if (list.current && !open) list.current.scrollTop = list.current.scrollHeight;
  }, [notices, open]);

  return (
    <div className={`notices${open ? ' open' : ''}`} data-testid="notices" onMouseEnter={() => clock.pause()} onMouseLeave={() => clock.resume()}>
      <div className="notice-list" ref={list}>
        {notices.map((n) => (
          <div
            key={n.id}
            role={n.level === 'error' ? 'alert' : 'status'}
            className={`notice ${n.level}${leaving.has(n.id) ? ' leaving' : ''}`}
            data-testid={`notice-${n.level}`}
            title={n.text}
          >
            <span className="notice-text">{n.text}</span>
            <button aria-label="Dismiss" onClick={() => editorStore.getState().dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {notices.length ? (
        <button className="notice-all" data-testid="notice-all" aria-expanded={open} onClick={() => setOpen(!open)} title="Every notice, in full">
          {open ? 'Close' : `All (${notices.length})`}
        </button>
      ) : null}
    </div>
  );
}
