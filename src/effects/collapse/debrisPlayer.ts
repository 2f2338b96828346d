// Debris state at any frame of a collapse: particles go live at their spawn time and are stepped frame by frame
// by the debris step graph through the effect runtime. Checkpoints every few frames make scrubbing back
// cheap. If the runtime cannot run the graph, the TypeScript reference steps instead and `fallback` says why.
import type { Runtime } from '../runtime';
import { DEBRIS_MODEL_ID, STATE, debrisEnv, stepDebrisReference, type DebrisSpawns } from './particles';

const CHECKPOINT_EVERY = 8;

export class DebrisPlayer {
  private readonly checkpoints = new Map<number, Float32Array>();
  private last: { frame: number; state: Float32Array } | null = null;
  private readonly env: Float32Array;
  fallback: string | null = null;
  backend: string | null = null;

  constructor(
    readonly spawns: DebrisSpawns,
    private readonly fps: number,
    gravity: number,
    private readonly runtime: Runtime | null,
  ) {
    this.env = debrisEnv(gravity, 1 / fps);
    this.checkpoints.set(0, spawns.state.slice());
  }

  /** Particles live at a frame (their spawn time has come): always a prefix, spawns are time-ordered. */
  liveAt(frame: number): number {
    const t = frame / this.fps;
    let lo = 0, hi = this.spawns.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spawns.time[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async stateAt(frame: number, signal?: { stale: boolean }): Promise<Float32Array> {
    let from = 0;
    let state = this.checkpoints.get(0)!;
    for (const [f, s] of this.checkpoints) {
      if (f <= frame && f > from) {
        from = f;
        state = s;
      }
    }
    if (this.last && this.last.frame <= frame && this.last.frame >= from) {
      from = this.last.frame;
      state = this.last.state;
    }
    let cur = state.slice();
    for (let f = from; f < frame; f++) {
      if (signal?.stale) return cur;
      // step the particles live during this frame; the rest wait at their spawn state
      const live = this.liveAt(f);
      if (live > 0) cur.set(await this.step(cur.subarray(0, live * STATE), live), 0);
      if ((f + 1) % CHECKPOINT_EVERY === 0) this.checkpoints.set(f + 1, cur.slice());
    }
    this.last = { frame, state: cur };
    return cur;
  }

  private async step(state: Float32Array, n: number): Promise<Float32Array> {
    if (this.runtime && !this.fallback) {
      try {
        const { outputs, report } = await this.runtime.run(DEBRIS_MODEL_ID, {
          state: { dtype: 'float32', dims: [n, STATE], data: state.slice() },
          drag: { dtype: 'float32', dims: [n, 1], data: this.spawns.drag.slice(0, n) },
          env: { dtype: 'float32', dims: [1, 6], data: this.env },
        });
        this.backend = report.backendsUsed.join('→');
        return outputs.next_state!.data as Float32Array;
      } catch (e) {
        this.fallback = `debris step graph failed (${(e as Error).message}); stepping on the CPU reference`;
      }
    }
    this.backend = 'cpu-reference';
    return stepDebrisReference(state, this.spawns.drag, this.env, n);
  }
}
