// The main thread's end of the encoder worker: sends frames, counts what came back, and lets the render loop
// wait for a condition (a free slot, the file) while watching for failures and Cancel.
import type { EncoderStats, FromEncoder, ToEncoder } from './protocol';

export const abortError = () => new DOMException('animatic export cancelled', 'AbortError');

export class EncoderLink {
  private readonly worker = new Worker(new URL('./encoder.worker.ts', import.meta.url), { type: 'module' });
  encoded = 0;
  failure: Error | null = null;
  started: { container: 'mp4' | 'webm'; codec: 'avc' | 'vp9' } | null = null;
  done: { bytes: ArrayBuffer; mime: string; frames: number; stats: EncoderStats } | null = null;
  private cancelled = false;
  /** frames asked for with captureIndices, as handed to the encoder (RGBA) */
  readonly captured = new Map<number, Uint8Array>();
  private waiter: (() => void) | null = null;
  /** read-back buffers the worker has handed back, for the next frames */
  private readonly buffers: ArrayBuffer[] = [];

  constructor(private readonly signal?: AbortSignal) {
    this.worker.onmessage = (e: MessageEvent<FromEncoder>) => {
      const m = e.data;
      if (m.type === 'started') this.started = m;
      else if (m.type === 'encoded') this.encoded++;
      else if (m.type === 'buffer') this.buffers.push(m.buffer);
      else if (m.type === 'captured') this.captured.set(m.index, new Uint8Array(m.rgba));
      else if (m.type === 'done') this.done = m;
      else if (m.type === 'cancelled') this.cancelled = true;
      else if (m.type === 'error') this.failure = new Error(`encoder: ${m.message}`);
      this.wake();
    };
    this.worker.onerror = (e) => {
      this.failure = new Error(`encoder worker failed: ${e.message}`);
      this.wake();
    };
    signal?.addEventListener('abort', this.wake);
  }

  private readonly wake = () => {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  };

  send(m: ToEncoder, transfer: Transferable[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  /** A buffer of `bytes` for a read-back: one the worker returned, or a new one. */
  buffer(bytes: number): ArrayBuffer {
    let b = this.buffers.pop();
    while (b && b.byteLength !== bytes) b = this.buffers.pop();
    return b ?? new ArrayBuffer(bytes);
  }

  /**
   * Resolves once `cond` holds; throws the encoder's failure or AbortError. `pollMs` also re-checks after
   * that long without a message (for conditions no message announces, such as a GL fence).
   */
  async waitFor(cond: () => boolean, pollMs?: number): Promise<void> {
    while (!cond()) {
      if (this.failure) throw this.failure;
      if (this.signal?.aborted) throw abortError();
      await new Promise<void>((r) => {
        this.waiter = r;
        if (pollMs !== undefined) setTimeout(this.wake, pollMs);
      });
    }
    if (this.failure) throw this.failure;
  }

  /** Asks the worker to drop its encoder, waiting a moment for it. */
  async cancel(): Promise<void> {
    this.send({ type: 'cancel' });
    const until = performance.now() + 500;
    // not waitFor: the signal is already aborted, and that must not cut this wait short
    while (!this.cancelled && !this.failure && performance.now() < until) {
      await new Promise<void>((r) => {
        this.waiter = r;
        setTimeout(this.wake, 50);
      });
    }
  }

  close(): void {
    this.signal?.removeEventListener('abort', this.wake);
    this.worker.terminate();
  }
}
