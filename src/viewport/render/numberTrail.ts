// A frame's run of numbers compared with the previous frame's: the core both fingerprints (the picture's, for
// held animatic frames, and the shadow casters', for reused shadow maps) build on. Two buffers swap each frame,
// so nothing is allocated per frame once they are big enough.
export class NumberTrail {
  private cur: Float64Array;
  private prev: Float64Array;
  private prevLength = -1;
  private n = 0;

  constructor(initial: number) {
    this.cur = new Float64Array(initial);
    this.prev = new Float64Array(initial);
  }

  /** Starts this frame's run. */
  protected begin(): void {
    this.n = 0;
  }

  protected record(v: number): void {
    if (this.n === this.cur.length) {
      const grown = new Float64Array(this.cur.length * 2);
      grown.set(this.cur);
      this.cur = grown;
    }
    this.cur[this.n++] = v;
  }

  /** Ends this frame's run: whether it differs from the previous one (always after reset()). */
  protected settle(): boolean {
    let same = this.n === this.prevLength;
    if (same) {
      for (let i = 0; i < this.n; i++) {
        if (this.cur[i] !== this.prev[i]) {
          same = false;
          break;
        }
      }
    }
    const t = this.prev;
    this.prev = this.cur;
    this.cur = t.length >= this.prev.length ? t : new Float64Array(this.prev.length);
    this.prevLength = this.n;
    return !same;
  }

  reset(): void {
    this.prevLength = -1;
  }
}
