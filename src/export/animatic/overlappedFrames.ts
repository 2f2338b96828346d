// The overlapped animatic pipeline (the default since issue 18). Per frame the main thread only evaluates the
// document at t, poses the live scene graph and submits the draw; the frame is read back asynchronously
// (pixel-pack buffer + fence, see pixelReadback.ts) while the next one is posed and drawn, and the encoder
// worker turns it the right way up, burns in the slate and labels, and encodes. A frame whose picture cannot
// differ from the previous one (a hold: nothing moved, see pictureFingerprint.ts) is not drawn or read back
// at all: the worker repeats its current picture under this frame's slate. Shadow maps are redrawn only when
// a caster or a light moved. The encoder's queue is bounded (maxInFlight frames, counting reads under way),
// so the GPU, the read-back and the encoder each have the next frame ready when they want it.
import { abortError } from './encoderLink';
import { PixelReadback, type PendingRead } from './pixelReadback';
import { yieldTask } from './yieldTask';
import type { BurnIns } from './protocol';
import { drawPlannedFrame, type FrameJob } from './frameJob';

interface Outgoing {
  index: number;
  read: PendingRead | null;
  burn: BurnIns | null;
}

export async function overlappedFrames(job: FrameJob): Promise<void> {
  const { renderer, link, t } = job;
  const gl = renderer.renderer.getContext();
  if (!(typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext)) {
    throw new Error('the overlapped animatic pipeline needs WebGL2 (pixel-pack buffers); use pipeline: "serial"');
  }
  const readback = new PixelReadback(gl, job.width, job.height);
  const outgoing: Outgoing[] = [];
  let sent = 0;
  const px = new Uint8Array(4);
  // hands frames to the worker in order, as far as their reads have finished
  const pump = () => {
    while (outgoing.length) {
      const o = outgoing[0]!;
      if (o.read) {
        const c0 = performance.now();
        if (!readback.ready(o.read)) {
          t.readbackMs += performance.now() - c0;
          return;
        }
        const buf = link.buffer(readback.bytes);
        readback.take(o.read, buf);
        t.readbackMs += performance.now() - c0;
        link.send({ type: 'pixels', index: o.index, pixels: buf, flipY: true, burn: o.burn }, [buf]);
      } else link.send({ type: 'repeat', index: o.index, burn: o.burn });
      outgoing.shift();
      sent++;
    }
  };
  try {
    for (const f of job.plan) {
      if (job.signal?.aborted) throw abortError();
      const { camera, labels, drawn, drawnAt: r1 } = await drawPlannedFrame(job, f, true);
      let read: PendingRead | null = null;
      if (drawn) {
        if (job.syncTimings) {
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
          t.gpuMs += performance.now() - r1;
        }
        const c0 = performance.now();
        read = readback.start();
        t.readbackMs += performance.now() - c0;
      }
      const slate = job.slateFor(f, camera);
      const burn = slate || labels.length ? { ...(slate ? { slate } : {}), ...(labels.length ? { labels } : {}) } : null;
      outgoing.push({ index: f.index, read, burn });
      if (job.syncTimings && read) {
        // profiling: the read-back timed on its own, before anything else is queued
        const w0 = performance.now();
        await link.waitFor(() => (pump(), outgoing.length === 0), 1);
        t.readbackMs += performance.now() - w0;
      }
      pump();
      job.report(f.index + 1);
      const w0 = performance.now();
      await yieldTask();
      // a free slot: frames handed over but not yet taken by the encoder, plus reads under way
      await link.waitFor(() => (pump(), f.index + 1 - link.encoded < job.maxInFlight), 2);
      t.encoderWaitMs += performance.now() - w0;
      if (f.index === 0) t.firstFrameMs = performance.now() - job.t0;
    }
    const w0 = performance.now();
    await link.waitFor(() => (pump(), sent === job.plan.length), 2);
    t.encoderWaitMs += performance.now() - w0;
  } finally {
    readback.dispose();
  }
}
