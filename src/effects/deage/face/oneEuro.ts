// The One Euro filter (Casiez, Roussel, Vogel 2012) over a vector of coordinates: strong smoothing when the
// face is still (kills landmark jitter, the main source of flicker), little lag when it moves.
export interface OneEuroOptions {
  /** Hz: cutoff when still */
  minCutoff: number;
  /** how fast the cutoff rises with speed, per (scale units / s) */
  beta: number;
  /** Hz: cutoff of the speed estimate */
  dCutoff: number;
}

// Measured on a moving clip (see deage.acceptance.test.ts): a low cutoff lags real motion and the lag itself
// flickers; this setting removes jitter without measurable lag.
export const DEFAULT_ONE_EURO: OneEuroOptions = { minCutoff: 5, beta: 40, dCutoff: 1 };

const alpha = (cutoff: number, dt: number) => 1 / (1 + 1 / (2 * Math.PI * cutoff * dt));

export class OneEuro {
  private x: Float32Array | null = null;
  private dx: Float32Array | null = null;

  constructor(private readonly opts: OneEuroOptions = DEFAULT_ONE_EURO) {}

  reset(): void {
    this.x = null;
    this.dx = null;
  }

  /** `scale` normalises speed (e.g. the face size in pixels), so one setting fits close-ups and wides. */
  filter(value: Float32Array, dt: number, scale = 1): Float32Array {
    if (!this.x || !this.dx || this.x.length !== value.length) {
      this.x = value.slice();
      this.dx = new Float32Array(value.length);
      return this.x.slice();
    }
    const ad = alpha(this.opts.dCutoff, dt);
    for (let i = 0; i < value.length; i++) {
      const d = (value[i]! - this.x[i]!) / dt;
      this.dx[i] = this.dx[i]! + ad * (d - this.dx[i]!);
      const cutoff = this.opts.minCutoff + (this.opts.beta * Math.abs(this.dx[i]!)) / scale;
      this.x[i] = this.x[i]! + alpha(cutoff, dt) * (value[i]! - this.x[i]!);
    }
    return this.x.slice();
  }
}
