// The runtime end to end in Node on the WASM backend: shipped models against their own test vectors, tiling,
// cancel and progress, and the WebGPU device-loss fallback with a stand-in device (real WASM compute).
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { franStandinRef } from '../../../models/procedural/franStandin';
import { RuntimeEngine } from './engine';
import { loadInstalled } from './host';
import { getRuntime, installedModels } from './index';
import { generateInput } from './testVectors';
import type { ModelCard } from './modelCard';
import type { Progress, TensorData } from './types';

const MINE = ['previs.gauss-blur', 'previs.fran-standin', 'mediapipe.blazeface-front-128'];

describe('shipped models', () => {
  it('are all installed with valid cards', () => {
    const ids = installedModels().map((e) => e.card?.id);
    for (const id of MINE) expect(ids).toContain(id);
    for (const e of installedModels()) expect(e.errors, e.cardPath).toEqual([]);
  });

  it.each(MINE)('%s passes its own test vectors on WASM', async (id) => {
    const results = await getRuntime().testVectors(id, { backend: 'wasm' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.failures, r.name).toEqual([]);
      expect(r.pass).toBe(true);
      expect(r.backend).toBe('wasm');
    }
  });

  it('fails a test vector when the model does not do what the card says', async () => {
    const card = JSON.parse(readFileSync('models/procedural/previs.gauss-blur.card.json', 'utf8')) as ModelCard;
    const bytes = new Uint8Array(readFileSync('models/procedural/previs.gauss-blur.onnx'));
    const wrong = structuredClone(card);
    const s = wrong.testVectors[0]!.expect.blurred![0]!;
    if (s.kind !== 'samples') throw new Error('expected samples first');
    s.values[3] = s.values[3]! + 0.01;
    const [first] = await getRuntime().testVectors({ card: wrong, bytes });
    expect(first!.pass).toBe(false);
    expect(first!.failures[0]).toMatch(new RegExp(`blurred: sample at index ${s.indices[3]} off by 1\\.000e-2`));
  });
});

describe('running', () => {
  it('reports what it did and refuses bad feeds', async () => {
    const image = await generateInput({ kind: 'uniform', seed: 1, range: [0, 1] }, 'float32', [1, 3, 40, 30]);
    const seen: Progress[] = [];
    const { outputs, report } = await getRuntime().run('previs.gauss-blur', { image }, { onProgress: (p) => seen.push(p) });
    expect(outputs.blurred!.dims).toEqual([1, 3, 40, 30]);
    expect(report.backend).toBe('wasm');
    expect(report.fallbackReason).toMatch(/no navigator\.gpu/);
    expect(report.timingsMs.total).toBeGreaterThan(0);
    expect(report.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.peakMemoryBytes).toBeGreaterThan(0);
    expect(seen.map((p) => p.stage)).toEqual(['load', 'verify', 'session', 'run', 'done']);
    expect(seen.every((p, i) => i === 0 || p.fraction >= seen[i - 1]!.fraction)).toBe(true);
    await expect(getRuntime().run('previs.gauss-blur', { image: { ...image, dims: [1, 3, 30, 30] } })).rejects.toThrow(/dims \[1, 3, 30, 30\] but 3600 values/);
    await expect(getRuntime().run('previs.gauss-blur', { picture: image })).rejects.toThrow(/needs input "image"/);
    await expect(getRuntime().run('no.such-model', { image })).rejects.toThrow(/no installed model with id "no.such-model"/);
  });

  it('cancels a tiled job between tiles', async () => {
    const input = await generateInput({ kind: 'uniform', seed: 3, range: [0, 1] }, 'float32', [1, 5, 900, 900]);
    const controller = new AbortController();
    const stages: string[] = [];
    const job = getRuntime().run('previs.fran-standin', { input }, {
      tiled: true,
      signal: controller.signal,
      onProgress: (p) => {
        stages.push(p.message);
        if (p.stage === 'tile') controller.abort();
      },
    });
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(stages).toContain('tile 1 of 4');
    expect(stages).not.toContain('tile 2 of 4');
  });
});

describe('FRAN-style tiling through the card alone', () => {
  it('tiles a 700×600 plate with overlap and matches the whole-image reference', async () => {
    const [h, w] = [600, 700];
    const input = await generateInput({ kind: 'uniform', seed: 9, range: [0, 1] }, 'float32', [1, 5, h, w]);
    const { outputs, report } = await getRuntime().run('previs.fran-standin', { input }, { tiled: true });
    expect(report.tiles).toBe(4);
    const delta = outputs.delta as TensorData;
    expect(delta.dims).toEqual([1, 3, h, w]);
    const ref = franStandinRef(input.data as Float32Array, h, w);
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i]! - (delta.data as Float32Array)[i]!));
    expect(worst).toBeLessThan(1e-5);
  });

  it('refuses an untiled plate that is not 512²', async () => {
    const input = await generateInput({ kind: 'constant', value: 0.5 }, 'float32', [1, 5, 600, 700]);
    await expect(getRuntime().run('previs.fran-standin', { input })).rejects.toThrow(/axis 2 is 600, the card fixes it at 512/);
  });
});

describe('WebGPU device loss', () => {
  /** Real ORT on WASM underneath; only the GPU device and adapter are stand-ins, so the fallback path runs for real. */
  function engineWithFakeGpu() {
    let lose: (info: { reason: string; message: string }) => void = () => undefined;
    const device = {
      lost: new Promise<{ reason: string; message: string }>((r) => (lose = r)),
      destroy: () => lose({ reason: 'destroyed', message: 'forced by test' }),
    };
    let webgpuSessions = 0;
    const fakeOrt = {
      ...ort,
      env: { ...ort.env, wasm: ort.env.wasm, versions: ort.env.versions, webgpu: { device: Promise.resolve(device) } },
      InferenceSession: {
        create: (bytes: Uint8Array, opts: { executionProviders: string[] }) => {
          if (opts.executionProviders[0] === 'webgpu') webgpuSessions++;
          return ort.InferenceSession.create(bytes, { ...opts, executionProviders: ['wasm'] });
        },
      },
    } as unknown as typeof ort;
    const engine = new RuntimeEngine({
      ort: fakeOrt,
      gpu: { requestAdapter: async () => ({ info: { vendor: 'acme', architecture: 'rdna9', isFallbackAdapter: false } }) },
      crossOriginIsolated: false,
      hardwareConcurrency: 1,
      loadInstalled,
    });
    return { engine, webgpuSessions: () => webgpuSessions };
  }

  it('once both backends are timed for a model and size, auto follows the faster', async () => {
    const { engine } = engineWithFakeGpu();
    const image = await generateInput({ kind: 'uniform', seed: 2, range: [0, 1] }, 'float32', [1, 3, 128, 128]);
    const wasm = await engine.run('previs.gauss-blur', { image }, { backend: 'wasm' });
    const gpu = await engine.run('previs.gauss-blur', { image }, { backend: 'webgpu' });
    const auto = await engine.run('previs.gauss-blur', { image });
    const faster = gpu.report.timingsMs.run < wasm.report.timingsMs.run ? 'webgpu' : 'wasm';
    expect(auto.report.backend).toBe(faster);
    if (faster === 'wasm') expect(auto.report.fallbackReason).toMatch(/measured here: wasm [\d.]+ ms, webgpu [\d.]+ ms/);
    // another size has no measurements yet: the adapter policy decides (hardware adapter → WebGPU)
    const other = await engine.run('previs.gauss-blur', { image: await generateInput({ kind: 'constant', value: 0 }, 'float32', [1, 3, 16, 16]) });
    expect(other.report.backend).toBe('webgpu');
  });

  it('picks WebGPU on a hardware adapter, and finishes on WASM when the device is lost mid-job', async () => {
    const { engine, webgpuSessions } = engineWithFakeGpu();
    const input = await generateInput({ kind: 'uniform', seed: 5, range: [0, 1] }, 'float32', [1, 5, 600, 700]);
    const first = await engine.run('previs.fran-standin', { input }, { tiled: true });
    expect(first.report.backend).toBe('webgpu');
    expect(first.report.fallbackReason).toBeNull();
    expect(webgpuSessions()).toBe(1);

    await engine.armDeviceLoss(1);
    const stages: Progress[] = [];
    const second = await engine.run('previs.fran-standin', { input }, { tiled: true, onProgress: (p) => stages.push(p) });
    expect(second.report.backendsUsed).toEqual(['webgpu', 'wasm']);
    expect(second.report.backend).toBe('wasm');
    expect(second.report.fallbackReason).toMatch(/WebGPU device lost mid-job \(destroyed: forced by test\) after 1 of 4 step/);
    expect(stages.some((p) => p.stage === 'fallback')).toBe(true);
    // the outputs are whole and right despite the switch
    const ref = franStandinRef(input.data as Float32Array, 600, 700);
    const got = second.outputs.delta!.data as Float32Array;
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i]! - got[i]!));
    expect(worst).toBeLessThan(1e-5);

    const third = await engine.run('previs.gauss-blur', { image: await generateInput({ kind: 'constant', value: 1 }, 'float32', [1, 3, 8, 8]) });
    expect(third.report.backend).toBe('wasm');
    expect(third.report.fallbackReason).toMatch(/device was lost earlier/);
    expect((await engine.status()).webgpuLost).toMatch(/destroyed/);
  });
});
