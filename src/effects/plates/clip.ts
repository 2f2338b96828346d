// Frame-exact access to a video plate (main thread or worker), on WebCodecs through mediabunny. Frame i is
// the i-th frame in presentation order: its start timestamp is read from the container once, so a seek asks
// the decoder for exactly that frame, never "the frame near t". Playing forwards keeps one decode stream
// open (each packet decoded once); a jump restarts from the key frame before the target. Recent frames stay
// cached as ImageBitmaps, so scrubbing back and forth over a few frames decodes nothing.
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input, VideoSampleSink, type VideoSample } from 'mediabunny';
import type { Raster } from './png';
import { PlateImportError, checkPlateSize } from './sniff';

type Ctx2D = OffscreenCanvasRenderingContext2D;

/** A forward jump this short is decoded through rather than restarted from a key frame. */
const READ_THROUGH = 12;
/** Cached frames, in bytes of RGBA (≈ 30 frames of 1080p). */
const CACHE_BYTES = 256 * 2 ** 20;

export class VideoClip {
  private readonly sink: VideoSampleSink;
  private readonly scratch: OffscreenCanvas;
  private readonly g: Ctx2D;
  private stream: { it: AsyncGenerator<VideoSample, void, unknown>; next: number } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<number, ImageBitmap>();
  private disposed = false;
  /** frames decoded (for tests and the bench: a cached frame costs none) */
  decoded = 0;

  private constructor(
    private readonly input: Input,
    track: ConstructorParameters<typeof VideoSampleSink>[0],
    readonly width: number,
    readonly height: number,
    /** start timestamp of each frame in presentation order, seconds */
    readonly timestamps: readonly number[],
    readonly fps: number,
  ) {
    this.sink = new VideoSampleSink(track);
    this.scratch = new OffscreenCanvas(width, height);
    const g = this.scratch.getContext('2d', { willReadFrequently: true });
    if (!g) throw new PlateImportError('this browser cannot read pixels back (no 2D canvas)');
    this.g = g;
  }

  get frameCount(): number {
    return this.timestamps.length;
  }

  static async open(name: string, bytes: Uint8Array): Promise<VideoClip> {
    const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(bytes as Uint8Array<ArrayBuffer>) });
    try {
      let track;
      try {
        track = await input.getPrimaryVideoTrack();
      } catch (e) {
        throw new PlateImportError(`${name} could not be read as a video container (${(e as Error).message})`);
      }
      if (!track) throw new PlateImportError(`${name} holds no video track`);
      if (!(await track.canDecode())) throw new PlateImportError(`${name}: this browser cannot decode its codec (${track.codec ?? 'unknown'})`);
      const stamps: number[] = [];
      for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) stamps.push(p.timestamp);
      // packets come in decode order; B-frames put presentation order elsewhere
      stamps.sort((a, b) => a - b);
      if (stamps.length < 1) throw new PlateImportError(`${name} has no frames`);
      const width = track.displayWidth;
      const height = track.displayHeight;
      checkPlateSize(name, width, height, stamps.length);
      const span = stamps.length > 1 ? stamps[stamps.length - 1]! - stamps[0]! : 0;
      const rate = span > 0 ? (stamps.length - 1) / span : 24;
      const fps = Math.min(240, Math.max(1, Math.round(rate * 1000) / 1000));
      return new VideoClip(input, track, width, height, stamps, fps);
    } catch (e) {
      input.dispose?.();
      throw e;
    }
  }

  /** Frame i as an ImageBitmap owned by the clip's cache: draw it, never close it. */
  bitmap(i: number): Promise<ImageBitmap> {
    const index = Math.min(this.frameCount - 1, Math.max(0, Math.floor(i)));
    const hit = this.cache.get(index);
    if (hit) {
      // most recently used last
      this.cache.delete(index);
      this.cache.set(index, hit);
      return Promise.resolve(hit);
    }
    // one decode at a time: the stream is stateful
    const job = this.queue.then(() => this.decode(index));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Frame i as RGBA8 pixels (a fresh copy). */
  async raster(i: number): Promise<Raster> {
    const bmp = await this.bitmap(i);
    this.g.clearRect(0, 0, this.width, this.height);
    this.g.drawImage(bmp, 0, 0);
    const img = this.g.getImageData(0, 0, this.width, this.height);
    return { width: this.width, height: this.height, data: img.data };
  }

  /** Frames [start, end) in order, as rasters; reads through one decode stream. */
  async *rasters(start = 0, end = this.frameCount): AsyncGenerator<Raster> {
    for (let i = Math.max(0, start); i < Math.min(end, this.frameCount); i++) {
      yield await this.raster(i);
      // a long run would otherwise fill the cache with frames nobody will ask for again
      this.evict(i);
    }
  }

  private async decode(index: number): Promise<ImageBitmap> {
    if (this.disposed) throw new Error('the plate clip was closed');
    const hit = this.cache.get(index);
    if (hit) return hit;
    let s = this.stream;
    if (!s || index < s.next || index >= s.next + READ_THROUGH) {
      await s?.it.return(undefined);
      s = this.stream = { it: this.sink.samples(this.timestamps[index]!), next: index };
    }
    let out: ImageBitmap | null = null;
    while (s.next <= index) {
      const r = await s.it.next();
      if (r.done) break;
      const sample = r.value;
      const at = s.next++;
      try {
        if (at === index) {
          this.g.clearRect(0, 0, this.width, this.height);
          sample.draw(this.g, 0, 0, this.width, this.height);
          this.decoded++;
          out = await createImageBitmap(this.scratch);
        }
      } finally {
        sample.close();
      }
    }
    if (!out) throw new Error(`the plate has no frame ${index}`);
    this.remember(index, out);
    return out;
  }

  private remember(index: number, bmp: ImageBitmap) {
    this.cache.set(index, bmp);
    const limit = Math.max(2, Math.floor(CACHE_BYTES / (4 * this.width * this.height)));
    while (this.cache.size > limit) {
      const [oldest, old] = this.cache.entries().next().value as [number, ImageBitmap];
      this.cache.delete(oldest);
      old.close();
    }
  }

  private evict(index: number) {
    const bmp = this.cache.get(index);
    if (!bmp) return;
    this.cache.delete(index);
    bmp.close();
  }

  dispose(): void {
    this.disposed = true;
    void this.stream?.it.return(undefined);
    this.stream = null;
    for (const b of this.cache.values()) b.close();
    this.cache.clear();
    this.input.dispose?.();
  }
}
