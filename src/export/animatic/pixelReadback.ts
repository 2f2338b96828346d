// Reading a rendered frame back without stalling the main thread: WebGL2 readPixels into a pixel-pack buffer,
// a fence after it, and the copy out only once the fence has passed. Meanwhile the main thread poses and
// submits the next frame. The browser updates a fence's status between tasks, so callers poll `ready()` from
// one task to the next rather than spin.
export interface PendingRead {
  readonly pbo: WebGLBuffer;
  readonly sync: WebGLSync;
}

export class PixelReadback {
  private readonly free: WebGLBuffer[] = [];
  private readonly all: WebGLBuffer[] = [];
  readonly bytes: number;

  constructor(private readonly gl: WebGL2RenderingContext, readonly width: number, readonly height: number) {
    this.bytes = width * height * 4;
  }

  /** Queues a read of the bound framebuffer (the frame just drawn); rows come bottom row first. */
  start(): PendingRead {
    const gl = this.gl;
    let pbo = this.free.pop();
    if (!pbo) {
      pbo = gl.createBuffer();
      if (!pbo) throw new Error('the GL gave no pixel buffer for the read-back');
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pbo);
      gl.bufferData(gl.PIXEL_PACK_BUFFER, this.bytes, gl.STREAM_READ);
      this.all.push(pbo);
    } else gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pbo);
    gl.readPixels(0, 0, this.width, this.height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!sync) throw new Error('the GL gave no fence for the read-back');
    // without a flush the fence may never be reached
    gl.flush();
    return { pbo, sync };
  }

  /** Whether the GL has finished the frame and its read (never blocks). */
  ready(p: PendingRead): boolean {
    const s = this.gl.clientWaitSync(p.sync, 0, 0);
    if (s === this.gl.WAIT_FAILED) throw new Error('the GL lost the read-back fence (context lost?)');
    return s === this.gl.ALREADY_SIGNALED || s === this.gl.CONDITION_SATISFIED;
  }

  /** Copies a finished read into `into` (this.bytes long) and frees its buffer. */
  take(p: PendingRead, into: ArrayBuffer): void {
    const gl = this.gl;
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, p.pbo);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, new Uint8Array(into, 0, this.bytes));
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    gl.deleteSync(p.sync);
    this.free.push(p.pbo);
  }

  dispose(): void {
    for (const b of this.all) this.gl.deleteBuffer(b);
    this.all.length = 0;
    this.free.length = 0;
  }
}
