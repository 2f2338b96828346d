// Playback: a requestAnimationFrame loop that moves the playhead at the project rate (× the J/K/L shuttle
// rate). It never touches React; the viewport reads playhead.frame in useFrame, panels subscribe.
// Real-time mode drops frames to stay in sync with the clock (what a director watches); every-frame mode
// shows each frame once, however slow (what a check of the animation needs).
import { playhead } from '../../store/playhead';
import { projectStore } from '../../store/projectStore';
import { exactFps } from '../../core/timeline';

export interface TransportState {
  playing: boolean;
  rate: number;
  loop: boolean;
  everyFrame: boolean;
  /** playback range override (a shot's in/out); null = project range */
  range: { in: number; out: number } | null;
}

type StateListener = (s: TransportState) => void;

const state: TransportState = { playing: false, rate: 1, loop: true, everyFrame: false, range: null };
const listeners = new Set<StateListener>();
let raf = 0;
let anchorTime = 0;
let anchorFrame = 0;
let lastTick = 0;

function emit() {
  playhead.playing = state.playing;
  playhead.rate = state.rate;
  const snap = { ...state };
  for (const l of listeners) l(snap);
}

export function playRange(): { in: number; out: number } {
  const s = projectStore.getState().project.settings;
  const r = state.range ?? { in: s.frameIn, out: s.frameOut };
  return r.out > r.in ? r : { in: r.in, out: r.in + 1 };
}

function wrap(f: number): number {
  const { in: a, out: b } = playRange();
  const len = b - a;
  if (state.loop) return a + ((((f - a) % len) + len) % len);
  return Math.min(b - 1, Math.max(a, f));
}

function tick(now: number) {
  raf = 0;
  if (!state.playing) return;
  const fps = exactFps(projectStore.getState().project.settings.fps);
  let next: number;
  if (state.everyFrame) {
    // advance one frame each time a frame's worth of time (or more) has passed, never skipping
    const due = 1000 / (fps * Math.abs(state.rate));
    if (now - lastTick < due - 1) {
      raf = requestAnimationFrame(tick);
      return;
    }
    lastTick = now;
    next = wrap(playhead.frame + Math.sign(state.rate));
  } else {
    const f = anchorFrame + ((now - anchorTime) / 1000) * fps * state.rate;
    next = wrap(Math.floor(f));
  }
  const { in: a, out: b } = playRange();
  const ended = !state.loop && ((state.rate > 0 && next >= b - 1) || (state.rate < 0 && next <= a));
  if (next !== playhead.frame) playhead.set(next);
  if (ended) {
    pause();
    return;
  }
  raf = requestAnimationFrame(tick);
}

function start() {
  anchorTime = performance.now();
  anchorFrame = playhead.frame;
  lastTick = anchorTime;
  if (!raf) raf = requestAnimationFrame(tick);
}

export const transport = {
  getState: (): TransportState => ({ ...state }),
  subscribe(l: StateListener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  play(rate = 1) {
    state.playing = true;
    state.rate = rate;
    start();
    emit();
  },
  pause,
  toggle() {
    if (state.playing) pause();
    else transport.play(1);
  },
  /** L: forward, faster on each press (1, 2, 4, 8×); J: the same backwards; K: stop */
  shuttle(dir: 'J' | 'K' | 'L') {
    if (dir === 'K') return pause();
    const sign = dir === 'L' ? 1 : -1;
    const same = state.playing && Math.sign(state.rate) === sign;
    const speed = same ? Math.min(8, Math.abs(state.rate) * 2) : 1;
    transport.play(sign * speed);
  },
  /** Moves the playhead by n frames (pauses playback, as frame stepping does in every NLE). */
  step(n: number) {
    if (state.playing) pause();
    transport.seek(playhead.frame + n);
  },
  seek(frame: number) {
    const { in: a, out: b } = playRange();
    const f = Math.round(Math.min(b - 1, Math.max(a, frame)));
    if (state.playing) {
      anchorFrame = f;
      anchorTime = performance.now();
    }
    if (f !== playhead.frame) playhead.set(f);
  },
  setLoop(loop: boolean) {
    state.loop = loop;
    emit();
  },
  setEveryFrame(on: boolean) {
    state.everyFrame = on;
    if (state.playing) start();
    emit();
  },
  setRange(r: { in: number; out: number } | null) {
    state.range = r;
    emit();
  },
};

function pause() {
  state.playing = false;
  state.rate = 1;
  if (raf) cancelAnimationFrame(raf);
  raf = 0;
  emit();
}
