// When notices leave on their own: errors never (they stay until dismissed, nothing is swallowed); warnings
// and information after NOTICE_FADE_MS on screen. While the pointer rests on the notice strip every clock
// stops, so a message being read never disappears under the reader.
export const NOTICE_FADE_MS = 6000;

export type NoticeLevel = 'error' | 'warning' | 'info';

export const fadesAfter = (level: NoticeLevel): number | null => (level === 'error' ? null : NOTICE_FADE_MS);

interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

interface Clock {
  left: number;
  since: number;
  handle: unknown;
}

export class FadeClock {
  private clocks = new Map<number, Clock>();
  private paused = false;

  constructor(
    private expire: (id: number) => void,
    private timers: Timers = realTimers,
  ) {}

  /** Starts a clock for each new fading notice and forgets the ones no longer shown. */
  track(notices: readonly { id: number; level: NoticeLevel }[]): void {
    const shown = new Set(notices.map((n) => n.id));
    for (const [id, c] of this.clocks) {
      if (shown.has(id)) continue;
      this.timers.clear(c.handle);
      this.clocks.delete(id);
    }
    for (const n of notices) {
      const ms = fadesAfter(n.level);
      if (ms === null || this.clocks.has(n.id)) continue;
      const c: Clock = { left: ms, since: this.timers.now(), handle: null };
      this.clocks.set(n.id, c);
      if (!this.paused) this.start(n.id, c);
    }
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    const now = this.timers.now();
    for (const c of this.clocks.values()) {
      this.timers.clear(c.handle);
      c.handle = null;
      c.left = Math.max(0, c.left - (now - c.since));
    }
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const [id, c] of this.clocks) this.start(id, c);
  }

  stop(): void {
    for (const c of this.clocks.values()) this.timers.clear(c.handle);
    this.clocks.clear();
  }

  private start(id: number, c: Clock): void {
    c.since = this.timers.now();
    c.handle = this.timers.set(() => {
      this.clocks.delete(id);
      this.expire(id);
    }, c.left);
  }
}
