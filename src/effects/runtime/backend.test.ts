import { describe, expect, it } from 'vitest';
import { chooseBackend, probeAdapter } from './backend';

const card = { id: 'm', backends: ['wasm', 'webgpu'] as ('wasm' | 'webgpu')[] };

describe('backend choice', () => {
  it('calls SwiftShader a fallback even when only adapter.info says so, and prefers WASM', async () => {
    const { report } = await probeAdapter({ requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } }) });
    expect(report.isFallbackAdapter).toBe(true);
    const c = chooseBackend(report, 'auto', card, null);
    expect(c.backend).toBe('wasm');
    expect(c.fallbackReason).toBe('the WebGPU adapter is a software fallback (google swiftshader); WASM on the CPU is faster');
    // forced, it still runs there (tests and the bench compare the two)
    expect(chooseBackend(report, 'webgpu', card, null).backend).toBe('webgpu');
  });

  it('reads the old adapter.isFallbackAdapter and software names too', async () => {
    const old = await probeAdapter({ requestAdapter: async () => ({ isFallbackAdapter: true, info: { vendor: 'x' } }) });
    expect(old.report.isFallbackAdapter).toBe(true);
    const llvm = await probeAdapter({ requestAdapter: async () => ({ info: { vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15)' } }) });
    expect(llvm.report.isFallbackAdapter).toBe(true);
  });

  it('takes a hardware adapter, unless the card or a lost device says no', async () => {
    const { report } = await probeAdapter({ requestAdapter: async () => ({ info: { vendor: 'nvidia', architecture: 'hopper' } }) });
    expect(chooseBackend(report, 'auto', card, null)).toEqual({ backend: 'webgpu', fallbackReason: null });
    expect(chooseBackend(report, 'auto', { id: 'm', backends: ['wasm'] }, null).fallbackReason).toMatch(/not declared for WebGPU/);
    expect(chooseBackend(report, 'auto', card, 'destroyed').fallbackReason).toMatch(/lost earlier \(destroyed\)/);
    expect(() => chooseBackend(report, 'webgpu', card, 'destroyed')).toThrow(/WebGPU was requested but cannot be used/);
  });

  it('falls back to WASM with the reason when there is no adapter', async () => {
    expect((await probeAdapter(null)).report.reason).toMatch(/no navigator\.gpu/);
    const none = await probeAdapter({ requestAdapter: async () => null });
    expect(chooseBackend(none.report, 'auto', card, null)).toEqual({ backend: 'wasm', fallbackReason: 'requestAdapter returned no adapter' });
    const thrown = await probeAdapter({ requestAdapter: async () => { throw new Error('blocklisted'); } });
    expect(thrown.report.reason).toBe('requestAdapter failed: blocklisted');
  });
});
