// The serial animatic pipeline (before issue 18, kept for comparison: `pipeline: 'serial'`): every frame is
// posed, drawn, copied onto a 2D canvas on the main thread (which waits for the GL to finish the frame), made
// into a VideoFrame there and handed to the encoder.
import { drawSlate } from '../../viewport/render/slate';
import { burnDisclosureLabels } from '../../viewport/labels/burnInDraw';
import { abortError } from './encoderLink';
import { yieldTask } from './yieldTask';
import { drawPlannedFrame, type FrameJob } from './frameJob';

export async function serialFrames(job: FrameJob, capture: 'canvas2d' | 'direct'): Promise<void> {
  const { renderer, link, t, width, height } = job;
  const gl = renderer.renderer.getContext();
  const px = new Uint8Array(4);
  let startWait = 0;
  for (const f of job.plan) {
    if (job.signal?.aborted) throw abortError();
    const { camera, labels, drawnAt: r1 } = await drawPlannedFrame(job, f, false);
    if (job.syncTimings) {
      // one pixel read back waits for every queued draw of the frame
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      t.gpuMs += performance.now() - r1;
    }
    const slate = job.slateFor(f, camera);
    let source: OffscreenCanvas | HTMLCanvasElement = renderer.canvas;
    if (capture === 'canvas2d' || labels.length || slate) {
      source = renderer.compose((g) => {
        if (labels.length) burnDisclosureLabels(g, width, height, labels);
        if (slate) drawSlate(g, width, height, slate);
      });
    }
    const frame = new VideoFrame(source, { timestamp: Math.round(f.index * job.usPerFrame), duration: Math.round(job.usPerFrame) });
    t.captureMs += performance.now() - r1;
    if (f.index === 0) {
      const w0 = performance.now();
      await link.waitFor(() => link.started !== null);
      startWait = performance.now() - w0;
    }
    link.send({ type: 'frame', index: f.index, frame }, [frame]);
    job.report(f.index + 1);
    // let the UI breathe (progress bar, Cancel) between frames, and respect encoder backpressure
    const w0 = performance.now();
    await yieldTask();
    await link.waitFor(() => f.index + 1 - link.encoded < job.maxInFlight);
    t.encoderWaitMs += performance.now() - w0;
    if (f.index === 0) t.firstFrameMs = performance.now() - job.t0;
  }
  t.encoderWaitMs += startWait;
}
