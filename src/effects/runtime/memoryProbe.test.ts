// Memory in run reports is measured, not estimated: ORT's wasm heap read from the Memory its glue made, and
// the GPUBuffers ORT allocates on the device it asked our adapter for.
import { describe, expect, it } from 'vitest';
import { getRuntime } from './index';
import { GpuBufferMeter, ortWasmHeapBytes } from './memoryProbe';
import { generateInput } from './testVectors';

describe('wasm heap', () => {
  it('a WASM run reports the heap ORT really used, at least its inputs and outputs', async () => {
    // 1×3×1024×1024 float32 in and out: 24 MiB, more than the 16 MiB heap emscripten starts with, so the
    // heap must have grown to hold both while ORT ran
    const image = await generateInput({ kind: 'uniform', seed: 4, range: [0, 1] }, 'float32', [1, 3, 1024, 1024]);
    const { outputs, report } = await getRuntime().run('previs.gauss-blur', { image }, { backend: 'wasm' });
    const io = image.data.byteLength + outputs.blurred!.data.byteLength;
    expect(io).toBe(2 * 3 * 1024 * 1024 * 4);
    const heap = report.memory.wasmHeapBytes;
    expect(heap).not.toBeNull();
    expect(heap!).toBeGreaterThan(io);
    // a wasm32 heap is whole 64 KiB pages and at most 4 GiB
    expect(heap! % 65536).toBe(0);
    expect(heap!).toBeLessThanOrEqual(2 ** 32);
    expect(report.memory.webgpuBufferPeakBytes).toBeNull();
    expect(report.memory.processRssPeakBytes).toBeGreaterThan(0);
    expect(report.peakMemoryBytes).toBe(heap);
    expect(ortWasmHeapBytes()).toBe(heap);
  });
});

describe('GpuBufferMeter', () => {
  function fakeAdapter() {
    let lose: (v: unknown) => void = () => undefined;
    const device = {
      lost: new Promise((r) => (lose = r)),
      createBuffer: (desc: { size: number }) => ({ size: desc.size, destroy: () => undefined }),
    };
    const adapter = { info: { vendor: 'acme' }, requestDevice: async () => device };
    return { adapter, lose: () => lose({ reason: 'destroyed' }) };
  }

  it('counts the buffers of the device the adapter hands out, live and peak per job', async () => {
    const meter = new GpuBufferMeter();
    const { adapter, lose } = fakeAdapter();
    meter.meter(adapter);
    expect(meter.attached).toBe(false);
    const device = (await adapter.requestDevice()) as unknown as { createBuffer(d: { size: number }): { destroy(): void } };
    expect(meter.attached).toBe(true);
    const weights = device.createBuffer({ size: 1000 });
    meter.startJob();
    const a = device.createBuffer({ size: 400 });
    const b = device.createBuffer({ size: 600 });
    a.destroy();
    a.destroy(); // twice is once
    expect(meter.live).toBe(1600);
    expect(meter.peak).toBe(2000);
    b.destroy();
    meter.startJob();
    expect(meter.peak).toBe(1000);
    lose();
    await Promise.resolve();
    await Promise.resolve();
    expect(meter.live).toBe(0);
    weights.destroy();
    expect(meter.live).toBe(0);
  });
});
