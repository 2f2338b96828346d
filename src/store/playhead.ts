// The playhead lives outside React and outside the document: the viewport reads it every frame,
// panels subscribe at a low rate. Setting it never re-renders React by itself.
type Listener = (frame: number) => void;

export const playhead = {
  frame: 0,
  playing: false,
  /** playback speed multiplier (J/K/L shuttle), negative plays backwards */
  rate: 1,
  listeners: new Set<Listener>(),
  set(frame: number) {
    this.frame = frame;
    for (const l of this.listeners) l(frame);
  },
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  },
};
