/// <reference lib="webworker" />
// The animatic encoder: VideoFrames in, an MP4 (H.264) or, where H.264 cannot be encoded, a WebM (VP9)
// out, through WebCodecs and mediabunny. Frames are stamped from their index at the exact rational rate,
// so 23.976 material gets 1001/24000 s per frame rather than a rounded 41.708 ms.
import { BufferTarget, Mp4OutputFormat, Output, VideoSample, VideoSampleSource, WebMOutputFormat, canEncodeVideo } from 'mediabunny';
import type { FromEncoder, ToEncoder } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let output: Output | null = null;
let source: VideoSampleSource | null = null;
let frameSeconds = 0;
let count = 0;
let cancelled = false;
let encoderConfig: string | null = null;
// frames are encoded strictly in order; each waits for the previous add() (encoder backpressure)
let chain: Promise<void> = Promise.resolve();

const post = (m: FromEncoder, transfer: Transferable[] = []) => self.postMessage(m, transfer);
const fail = (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });

async function start(m: Extract<ToEncoder, { type: 'start' }>) {
  const size = { width: m.width, height: m.height, bitrate: m.bitrate };
  let codec: 'avc' | 'vp9';
  if (m.prefer !== 'vp9' && (await canEncodeVideo('avc', size))) codec = 'avc';
  else if (m.prefer !== 'avc' && (await canEncodeVideo('vp9', size))) codec = 'vp9';
  else throw new Error(`this browser can encode neither H.264 nor VP9 at ${m.width}×${m.height}`);
  frameSeconds = m.fpsDen / m.fpsNum;
  output = new Output({
    format: codec === 'avc' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  source = new VideoSampleSource({
    codec,
    bitrate: m.bitrate,
    keyFrameInterval: m.keyFrameIntervalS,
    onEncoderConfig: (c) => (encoderConfig = c.codec),
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
  const sample = new VideoSample(frame, { timestamp: index * frameSeconds, duration: frameSeconds });
  try {
    await source.add(sample);
  } finally {
    sample.close();
    frame.close();
  }
  count++;
  post({ type: 'encoded', index });
}

async function finish() {
  if (!output || !source) throw new Error('encoder was not started');
  source.close();
  await output.finalize();
  const buf = (output.target as BufferTarget).buffer;
  if (!buf) throw new Error('encoder produced no file');
  post({ type: 'done', bytes: buf, mime: output.format.mimeType, frames: count }, [buf]);
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
