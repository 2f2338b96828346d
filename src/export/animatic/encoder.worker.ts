/// <reference lib="webworker" />
// The animatic encoder: frames in, an MP4 (H.264) or, where H.264 cannot be encoded, a WebM (VP9) out, through
// WebCodecs and mediabunny. Frames are stamped from their index at the exact rational rate, so 23.976 material
// gets 1001/24000 s per frame rather than a rounded 41.708 ms. Frames come either finished (VideoFrames, the
// serial pipeline) or as read-back pixels that the worker turns the right way up and burns the slate and
// disclosure labels into, so the main thread can draw the next frame meanwhile; a held frame is sent as a
// repeat of the current picture and costs no read-back at all.
import { BufferTarget, Mp4OutputFormat, Output, VideoSample, VideoSampleSource, WebMOutputFormat, canEncodeVideo } from 'mediabunny';
import type { BurnIns, FromEncoder, ToEncoder } from './protocol';
import { drawSlate } from '../../viewport/render/slate';
import { burnDisclosureLabels } from '../../viewport/labels/burnInDraw';

declare const self: DedicatedWorkerGlobalScope;

let output: Output | null = null;
let source: VideoSampleSource | null = null;
let frameSeconds = 0;
let count = 0;
let cancelled = false;
let encoderConfig: string | null = null;
let size = { width: 0, height: 0 };
// the current picture (top row first) for pixels and repeats, and the 2D canvas burn-ins are drawn on
let picture: Uint8ClampedArray<ArrayBuffer> | null = null;
let composer: { canvas: OffscreenCanvas; g: OffscreenCanvasRenderingContext2D } | null = null;
const stats = { encodeMs: 0, composeMs: 0 };
let captureIndices = new Set<number>();
// hand-over times of frames not yet out of the encoder, in order (H.264/VP9 here have no reordering)
const handedOver: number[] = [];
let lastPacketAt = 0;
// frames are encoded strictly in order; each waits for the previous add() (encoder backpressure)
let chain: Promise<void> = Promise.resolve();

const post = (m: FromEncoder, transfer: Transferable[] = []) => self.postMessage(m, transfer);
const fail = (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });

async function start(m: Extract<ToEncoder, { type: 'start' }>) {
  const sz = { width: m.width, height: m.height, bitrate: m.bitrate };
  size = { width: m.width, height: m.height };
  captureIndices = new Set(m.captureIndices ?? []);
  let codec: 'avc' | 'vp9';
  if (m.prefer !== 'vp9' && (await canEncodeVideo('avc', sz))) codec = 'avc';
  else if (m.prefer !== 'avc' && (await canEncodeVideo('vp9', sz))) codec = 'vp9';
  else throw new Error(`this browser can encode neither H.264 nor VP9 at ${m.width}×${m.height}`);
  frameSeconds = m.fpsDen / m.fpsNum;
  output = new Output({
    format: codec === 'avc' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  if (m.tags) output.setMetadataTags(m.tags);
  source = new VideoSampleSource({
    codec,
    bitrate: m.bitrate,
    keyFrameInterval: m.keyFrameIntervalS,
    onEncoderConfig: (c) => (encoderConfig = c.codec),
    onEncodedPacket: () => {
      const now = performance.now();
      const inAt = handedOver.shift() ?? now;
      stats.encodeMs += now - Math.max(inAt, lastPacketAt);
      lastPacketAt = now;
    },
  });
  output.addVideoTrack(source, { frameRate: m.fpsNum / m.fpsDen });
  await output.start();
  post({ type: 'started', container: codec === 'avc' ? 'mp4' : 'webm', codec, codecString: encoderConfig });
}

async function addFrame(index: number, frame: VideoFrame) {
  if (!source || cancelled) {
    frame.close();
    return;
  }
  if (captureIndices.has(index)) {
    // what the encoder gets, in one layout whichever way the frame was made (canvas or pixels)
    const rgba = new ArrayBuffer(size.width * size.height * 4);
    await frame.copyTo(rgba, { format: 'RGBA', colorSpace: 'srgb' });
    post({ type: 'captured', index, rgba }, [rgba]);
  }
  const sample = new VideoSample(frame, { timestamp: index * frameSeconds, duration: frameSeconds });
  try {
    handedOver.push(performance.now());
    await source.add(sample);
  } finally {
    sample.close();
    frame.close();
  }
  count++;
  post({ type: 'encoded', index });
}

/** Copies read-back rows into the current picture, top row first. */
function takePixels(pixels: ArrayBuffer, flipY: boolean) {
  const { width, height } = size;
  const row = width * 4;
  if (pixels.byteLength !== row * height) throw new Error(`frame of ${pixels.byteLength} bytes, expected ${row * height} for ${width}×${height}`);
  if (!picture) picture = new Uint8ClampedArray(row * height);
  const src = new Uint8Array(pixels);
  if (!flipY) picture.set(src);
  else for (let y = 0; y < height; y++) picture.set(src.subarray((height - 1 - y) * row, (height - y) * row), y * row);
}

/** The current picture with `burn` drawn over it, as a VideoFrame for `index`. */
function composeFrame(index: number, burn: BurnIns | null): VideoFrame {
  if (!picture) throw new Error(`frame ${index} repeats a picture that never came`);
  const { width, height } = size;
  const us = frameSeconds * 1e6;
  const init = { timestamp: Math.round(index * us), duration: Math.round(us) };
  if (!burn || (!burn.slate && !burn.labels?.length)) {
    return new VideoFrame(picture, { ...init, format: 'RGBA', codedWidth: width, codedHeight: height });
  }
  if (!composer) {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser gives the encoder worker no 2D canvas for burn-ins');
    composer = { canvas, g };
  }
  const { canvas, g } = composer;
  g.putImageData(new ImageData(picture, width, height), 0, 0);
  if (burn.labels?.length) burnDisclosureLabels(g, width, height, burn.labels);
  if (burn.slate) drawSlate(g, width, height, burn.slate);
  return new VideoFrame(canvas, init);
}

async function addPicture(index: number, burn: BurnIns | null, pixels?: { buffer: ArrayBuffer; flipY: boolean }) {
  if (!source || cancelled) return;
  const t0 = performance.now();
  if (pixels) {
    takePixels(pixels.buffer, pixels.flipY);
    post({ type: 'buffer', buffer: pixels.buffer }, [pixels.buffer]);
  }
  const frame = composeFrame(index, burn);
  stats.composeMs += performance.now() - t0;
  await addFrame(index, frame);
}

async function finish() {
  if (!output || !source) throw new Error('encoder was not started');
  source.close();
  await output.finalize();
  const buf = (output.target as BufferTarget).buffer;
  if (!buf) throw new Error('encoder produced no file');
  post({ type: 'done', bytes: buf, mime: output.format.mimeType, frames: count, stats }, [buf]);
}

self.onmessage = (e: MessageEvent<ToEncoder>) => {
  const m = e.data;
  switch (m.type) {
    case 'start':
      chain = chain.then(() => start(m)).catch(fail);
      break;
    case 'frame':
      chain = chain.then(() => addFrame(m.index, m.frame)).catch((err) => {
        m.frame.close();
        fail(err);
      });
      break;
    case 'pixels':
      chain = chain.then(() => addPicture(m.index, m.burn, { buffer: m.pixels, flipY: m.flipY })).catch(fail);
      break;
    case 'repeat':
      chain = chain.then(() => addPicture(m.index, m.burn)).catch(fail);
      break;
    case 'finish':
      chain = chain.then(finish).catch(fail);
      break;
    case 'cancel':
      cancelled = true;
      chain = chain
        .catch(() => undefined)
        .then(async () => {
          await output?.cancel();
          post({ type: 'cancelled' });
        });
      break;
  }
};
