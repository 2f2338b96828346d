// A DOM layer over the viewport canvas, mounted from inside the R3F tree. R3F's reconciler cannot host
// DOM nodes, so the overlay gets its own small React root (the stores are global; no context is needed).
import { useEffect, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { useThree } from '@react-three/fiber';

export function useDomOverlay(Component: ComponentType, className: string): void {
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    // R3F wraps the canvas in two divs; the outer one is position: relative and sized like the canvas
    const host = canvas.parentElement?.parentElement ?? canvas.parentElement;
    if (!host) return;
    const div = document.createElement('div');
    div.className = className;
    div.style.cssText = 'position:absolute;inset:0;pointer-events:none;overflow:hidden;';
    host.appendChild(div);
    const root = createRoot(div);
    root.render(<Component />);
    return () => {
      // unmounting a root synchronously while React is committing another one is not allowed
      queueMicrotask(() => {
        root.unmount();
        div.remove();
      });
    };
  }, [canvas, Component, className]);
}

/** Size of an element, kept current with a ResizeObserver. */
export function observeSize(el: HTMLElement, cb: (w: number, h: number) => void): () => void {
  const ro = new ResizeObserver(() => cb(el.clientWidth, el.clientHeight));
  ro.observe(el);
  cb(el.clientWidth, el.clientHeight);
  return () => ro.disconnect();
}
