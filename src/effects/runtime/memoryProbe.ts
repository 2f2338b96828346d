// What the runtime's memory really is, measured where ORT keeps it:
// - the WebAssembly heap: onnxruntime-web's emscripten glue makes one WebAssembly.Memory when ORT starts and
//   never exposes it. We watch WebAssembly.Memory construction while the first session is created and keep
//   the memory made then; its buffer's byteLength is the heap size (a wasm heap only grows, so after a job it
//   is the high-water mark since ORT started in this worker or process).
// - WebGPU: the GPUBuffers ORT creates on the device it requests from the adapter we hand it; we count their
//   bytes while they live.
import type { GpuAdapterLike } from './backend';

type MemoryListener = (m: WebAssembly.Memory) => void;

interface MemoryWatch {
  listeners: Set<MemoryListener>;
  /** ORT's heap once seen, kept per realm: ORT starts once per realm however many engines there are */
  ortHeap: WebAssembly.Memory[];
}

const WATCH = Symbol.for('previs.runtime.wasmMemoryWatch');

/** Installs (once per realm) a transparent constructor wrapper that tells listeners about each new Memory. */
function memoryWatch(): MemoryWatch | null {
  const g = globalThis as unknown as Record<symbol, MemoryWatch | undefined>;
  const existing = g[WATCH];
  if (existing) return existing;
  const wasm = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (!wasm?.Memory) return null;
  const watch: MemoryWatch = { listeners: new Set(), ortHeap: [] };
  const Original = wasm.Memory;
  const Watched = new Proxy(Original, {
    construct(target, args, newTarget) {
      const memory = Reflect.construct(target, args, newTarget) as WebAssembly.Memory;
      for (const l of watch.listeners) l(memory);
      return memory;
    },
  });
  try {
    wasm.Memory = Watched;
  } catch {
    // a frozen WebAssembly namespace: the heap stays unmeasured (null), never guessed
    return null;
  }
  g[WATCH] = watch;
  return watch;
}

// installed when the runtime loads, before ORT can start its wasm
const watch = memoryWatch();

/**
 * Runs `start` (a session creation: the first one starts ORT's wasm) and keeps any non-empty memory made
 * meanwhile as ORT's heap. Once the heap is known nothing more is watched.
 */
export async function watchOrtStart<T>(start: () => Promise<T>): Promise<T> {
  if (!watch || watch.ortHeap.length) return start();
  const seen: WebAssembly.Memory[] = [];
  const listener: MemoryListener = (m) => seen.push(m);
  watch.listeners.add(listener);
  try {
    return await start();
  } finally {
    watch.listeners.delete(listener);
    // the glue also makes a 0-page shared memory to find the SharedArrayBuffer constructor; that is not the heap
    if (!watch.ortHeap.length) watch.ortHeap.push(...seen.filter((m) => m.buffer.byteLength > 0));
  }
}

/** Bytes of ORT's WebAssembly heap now, or null when ORT started before the watch (or has not started). */
export function ortWasmHeapBytes(): number | null {
  if (!watch?.ortHeap.length) return null;
  return watch.ortHeap.reduce((a, m) => a + m.buffer.byteLength, 0);
}

interface BufferLike {
  size?: number;
  destroy(): void;
}
interface DeviceLike {
  createBuffer(desc: { size: number }): BufferLike;
  lost?: Promise<unknown>;
}

/** Live and peak bytes of the GPUBuffers ORT created on its device. */
export class GpuBufferMeter {
  private readonly held = new Map<BufferLike, number>();
  live = 0;
  peak = 0;
  /** a device was requested through the metered adapter, so the numbers mean something */
  attached = false;

  /** Starts a job's window: its peak begins at what is already held (weights, cached buffers). */
  startJob(): void {
    this.peak = this.live;
  }

  /** Wraps `adapter.requestDevice` so the device ORT gets counts what it allocates. */
  meter(adapter: GpuAdapterLike): void {
    const a = adapter as GpuAdapterLike & { requestDevice?: (d?: unknown) => Promise<DeviceLike> };
    const request = a.requestDevice;
    if (typeof request !== 'function') return;
    a.requestDevice = async (descriptor?: unknown) => {
      const device = await request.call(adapter, descriptor);
      this.instrument(device);
      return device;
    };
  }

  private free(buffer: BufferLike): void {
    const bytes = this.held.get(buffer);
    if (bytes === undefined) return;
    this.held.delete(buffer);
    this.live -= bytes;
  }

  private instrument(device: DeviceLike): void {
    this.attached = true;
    const create = device.createBuffer.bind(device);
    device.createBuffer = (desc) => {
      const buffer = create(desc);
      const bytes = buffer.size ?? desc.size;
      this.held.set(buffer, bytes);
      this.live += bytes;
      this.peak = Math.max(this.peak, this.live);
      const destroy = buffer.destroy.bind(buffer);
      buffer.destroy = () => {
        this.free(buffer);
        destroy();
      };
      return buffer;
    };
    // a lost device frees everything it held
    void device.lost?.then(() => {
      for (const b of [...this.held.keys()]) this.free(b);
    });
  }
}
