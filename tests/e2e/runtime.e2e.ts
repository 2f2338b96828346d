// The effect runtime in real Chromium: it finds SwiftShader's WebGPU adapter, calls it a software fallback
// and picks multithreaded WASM; forced onto WebGPU the same models agree with WASM within 1e-4; a device lost
// mid-job finishes on WASM and says so; the model panel runs test vectors and refuses a tampered model; a
// brought model survives a reload; run reports carry measured memory.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawOnDemand, openApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1500, height: 950 } });
  // the viewport shares the GPU process with the WebGPU jobs timed here and nobody looks at it: draw on demand
  await drawOnDemand(app.page);
});
afterAll(async () => {
  await app?.close();
});

/** Runs `model` on WASM and on forced WebGPU with the same seeded input; returns both reports and the max difference. */
async function agreement(page: App['page'], model: string, shape: number[], input: string) {
  return page.evaluate(
    async ({ model, shape, input }) => {
      const h = (globalThis as any).__previs.runtime;
      const feeds = { [input]: await h.generateInput({ kind: 'uniform', seed: 17, range: [0, 1] }, 'float32', shape) };
      const wasm = await h.runtime.run(model, feeds, { backend: 'wasm' });
      const gpu = await h.runtime.run(model, feeds, { backend: 'webgpu' });
      let maxDiff = 0;
      let count = 0;
      for (const name of Object.keys(wasm.outputs)) {
        const a = wasm.outputs[name].data;
        const b = gpu.outputs[name].data;
        for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        count += a.length;
      }
      return { maxDiff, count, wasm: wasm.report, gpu: gpu.report };
    },
    { model, shape, input },
  );
}

describe('effect runtime in Chromium', () => {
  it('finds the SwiftShader adapter, reports it as a fallback and picks threaded WASM', async () => {
    const status = await app.page.evaluate(() => (globalThis as any).__previs.runtime.runtime.status());
    expect(status.adapter.available).toBe(true);
    expect(status.adapter.architecture).toMatch(/swiftshader/i);
    expect(status.adapter.isFallbackAdapter).toBe(true);
    expect(status.chosen).toBe('wasm');
    expect(status.fallbackReason).toMatch(/software fallback/);
    expect(status.crossOriginIsolated).toBe(true);
    expect(status.threads).toBeGreaterThanOrEqual(2);
    expect(status.threads).toBe(await app.page.evaluate(() => navigator.hardwareConcurrency));

    const report = await app.page.evaluate(async () => {
      const h = (globalThis as any).__previs.runtime;
      const image = await h.generateInput({ kind: 'uniform', seed: 1, range: [0, 1] }, 'float32', [1, 3, 64, 64]);
      return (await h.runtime.run('previs.gauss-blur', { image })).report;
    });
    expect(report.backend).toBe('wasm');
    expect(report.adapter.isFallbackAdapter).toBe(true);
    expect(report.fallbackReason).toMatch(/software fallback \(google swiftshader\)/);
    expect(report.threads).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('forced onto WebGPU, the same models agree with WASM within 1e-4', async () => {
    const blur = await agreement(app.page, 'previs.gauss-blur', [1, 3, 96, 128], 'image');
    expect(blur.gpu.backend).toBe('webgpu');
    expect(blur.wasm.backend).toBe('wasm');
    expect(blur.count).toBe(3 * 96 * 128);
    expect(blur.maxDiff).toBeLessThan(1e-4);
    // memory is measured in the worker, each number under its own name
    const io = 2 * 3 * 96 * 128 * 4;
    expect(blur.wasm.memory.wasmHeapBytes).toBeGreaterThan(io);
    expect(blur.wasm.memory.webgpuBufferPeakBytes).toBeNull();
    expect(blur.wasm.peakMemoryBytes).toBe(blur.wasm.memory.wasmHeapBytes);
    expect(blur.gpu.memory.webgpuBufferPeakBytes).toBeGreaterThan(io);
    expect(blur.gpu.memory.processRssPeakBytes).toBeNull();
    console.log(`memory: wasm heap ${blur.wasm.memory.wasmHeapBytes} B; webgpu buffers peak ${blur.gpu.memory.webgpuBufferPeakBytes} B (io ${io} B)`);

    const face = await agreement(app.page, 'mediapipe.blazeface-front-128', [1, 128, 128, 3], 'input:0');
    expect(face.gpu.backend).toBe('webgpu');
    expect(face.count).toBe(512 + 384 + 512 * 16 + 384 * 16);
    expect(face.maxDiff).toBeLessThan(1e-4);
  }, 480_000);

  it('a device lost mid-job completes on WASM and says so', async () => {
    const r = await app.page.evaluate(async () => {
      const h = (globalThis as any).__previs.runtime;
      const input = await h.generateInput({ kind: 'uniform', seed: 23, range: [0, 1] }, 'float32', [1, 5, 600, 700]);
      const reference = await h.runtime.run('previs.fran-standin', { input }, { tiled: true, backend: 'wasm' });
      await h.runtime.armDeviceLoss(1);
      const stages: string[] = [];
      const lost = await h.runtime.run('previs.fran-standin', { input }, { tiled: true, backend: 'webgpu', onProgress: (p: any) => stages.push(p.stage) });
      const a = reference.outputs.delta.data;
      const b = lost.outputs.delta.data;
      let maxDiff = 0;
      for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      const after = await h.runtime.status();
      return { report: lost.report, stages, maxDiff, length: b.length, after };
    });
    expect(r.report.backendsUsed).toEqual(['webgpu', 'wasm']);
    expect(r.report.backend).toBe('wasm');
    expect(r.report.tiles).toBe(4);
    expect(r.report.fallbackReason).toMatch(/WebGPU device lost mid-job \(destroyed.*\) after 1 of 4 step/);
    expect(r.stages).toContain('fallback');
    expect(r.length).toBe(3 * 600 * 700);
    expect(r.maxDiff).toBeLessThan(1e-4);
    expect(r.after.webgpuLost).toMatch(/destroyed/);
  }, 480_000);

  it('cancels a job mid-way and keeps working', async () => {
    const r = await app.page.evaluate(async () => {
      const h = (globalThis as any).__previs.runtime;
      const input = await h.generateInput({ kind: 'uniform', seed: 3, range: [0, 1] }, 'float32', [1, 5, 1200, 1200]);
      const controller = new AbortController();
      const stages: string[] = [];
      const t0 = performance.now();
      let error = '';
      try {
        await h.runtime.run('previs.fran-standin', { input }, {
          tiled: true,
          backend: 'wasm',
          signal: controller.signal,
          onProgress: (p: any) => {
            stages.push(p.message);
            if (p.stage === 'tile') controller.abort();
          },
        });
      } catch (e) {
        error = (e as Error).name;
      }
      const ms = performance.now() - t0;
      const after = await h.runtime.run('previs.gauss-blur', { image: await h.generateInput({ kind: 'constant', value: 0.5 }, 'float32', [1, 3, 16, 16]) });
      return { error, stages, ms, after: after.report.backend };
    });
    expect(r.error).toBe('AbortError');
    expect(r.stages).toContain('tile 1 of 9');
    // the cancel crosses to the worker while it works; it stops at the next tile boundary, well before the end
    const lastTile = Math.max(...r.stages.filter((m) => m.startsWith('tile ')).map((m) => Number(m.split(' ')[1])));
    expect(lastTile).toBeLessThan(9);
    expect(r.stages).not.toContain('done on wasm');
    expect(r.after).toBe('wasm');
  }, 300_000);

  it('the model panel runs test vectors and refuses a tampered model by sha256', async () => {
    const page = app.page;
    await page.locator('button[data-panel=models]').click();
    await page.locator('[data-testid=runtime-status]').waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid=runtime-status]').getAttribute('data-backend')).toBe('wasm');
    const row = page.locator('[data-testid="model-previs.gauss-blur"]');
    await row.scrollIntoViewIfNeeded();
    await row.locator('[data-testid=run-vectors]').click();
    const results = row.locator('[data-testid=vector-results]');
    await results.waitFor({ timeout: 60_000 });
    expect(await results.getAttribute('data-total')).toBe('2');
    expect(await results.getAttribute('data-passed')).toBe('2');
    expect(await results.innerText()).toMatch(/pass .* wasm/);

    const onnx = new Uint8Array(readFileSync('models/procedural/previs.gauss-blur.onnx'));
    onnx[onnx.length - 20]! ^= 0x10;
    const card = readFileSync('models/procedural/previs.gauss-blur.card.json');
    await page.locator('[data-testid=byo-onnx]').setInputFiles({ name: 'mine.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(onnx) });
    await page.locator('[data-testid=byo-card]').setInputFiles({ name: 'mine.card.json', mimeType: 'application/json', buffer: card });
    await page.locator('[data-testid=byo-check]').click();
    const refusals = page.locator('[data-testid=byo-refusals]');
    await refusals.waitFor();
    expect(await refusals.innerText()).toMatch(/sha256 [0-9a-f]{64} does not match the card/);

    // the recent jobs show each memory measure by name
    const jobMemory = page.locator('[data-testid=recent-jobs] [data-testid=job-memory]').first();
    expect(Number(await jobMemory.getAttribute('data-wasm-heap'))).toBeGreaterThan(0);
    expect(await jobMemory.innerText()).toMatch(/wasm heap [\d.]+ MiB/);

    // every request stayed on the app's own origin (ORT's wasm and the models included)
    const foreign = app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(app.requests.some((u) => /ort-wasm-simd-threaded\.jsep.*\.wasm$/.test(u))).toBe(true);
  }, 300_000);

  it('a brought model is saved, listed again after a reload, runs, and can be removed', async () => {
    const page = app.page;
    const openModels = async () => {
      if (!(await page.locator('[data-testid=models-panel]').isVisible())) await page.locator('button[data-panel=models]').click();
      await page.locator('[data-testid=models-panel]').waitFor();
    };
    /** the notices the app showed, for a failure message */
    const notices = () => page.evaluate(() => (globalThis as any).__previs.editorStore.getState().notices.map((n: any) => `${n.level}: ${n.text}`).join('\n'));
    await openModels();
    // the shipped blur under another id: a user's own copy of a model, with its own card
    const card = JSON.parse(readFileSync('models/procedural/previs.gauss-blur.card.json', 'utf8'));
    card.id = 'mine.gauss-blur';
    card.name = 'My blur';
    const onnx = readFileSync('models/procedural/previs.gauss-blur.onnx');
    await page.locator('[data-testid=byo-onnx]').setInputFiles({ name: 'my-blur.onnx', mimeType: 'application/octet-stream', buffer: onnx });
    await page.locator('[data-testid=byo-card]').setInputFiles({ name: 'my-blur.card.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(card)) });
    await page.locator('[data-testid=byo-check]').click();
    const row = page.locator('[data-testid="model-mine.gauss-blur"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('[data-testid=byo-saved]').getAttribute('data-persisted')).toBe('true');

    await app.reload();
    await openModels();
    const restored = page.locator('[data-testid="model-mine.gauss-blur"]');
    await restored.waitFor({ timeout: 120_000 });
    expect(await restored.locator('[data-testid=byo-saved]').getAttribute('data-persisted')).toBe('true');
    expect(await page.locator('[data-testid=byo-refused-stored]').count()).toBe(0);
    await restored.locator('[data-testid=run-vectors]').click();
    const results = restored.locator('[data-testid=vector-results]');
    // a fresh worker after the reload compiles ORT's wasm first: slow on a shared 2-core machine
    await results.waitFor({ timeout: 240_000 }).catch(async (e) => {
      throw new Error(`${(e as Error).message}\nnotices:\n${await notices()}`);
    });
    expect(await results.getAttribute('data-passed')).toBe('2');
    expect(await results.getAttribute('data-total')).toBe('2');

    // a project whose layer names a model this browser lacks says so in the panel
    await page.evaluate(() => {
      const h = (globalThis as any).__previs;
      const ps = h.projectStore.getState();
      const project = structuredClone(ps.project);
      const scene = project.scenes[project.sceneOrder[0]];
      const sha = 'c'.repeat(64);
      scene.objects.layer_missing = {
        id: 'layer_missing', name: 'Old de-age', parentId: null, visible: true, locked: false,
        transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
        type: 'effectLayer', effect: 'deage', targetIds: [], params: {}, seed: 1,
        models: [{ id: 'lost.fran', version: '2.0.0', sha256: sha, license: 'studio-internal', kind: 'learned' }],
        status: 'done', inputHashes: {}, output: null, runReport: null, frameRange: null,
        intendedUse: 'previs-only', thirdPartyIp: false, consentId: null, runCount: 1,
      };
      ps.load(project);
    });
    const missing = page.locator('[data-testid=byo-missing]');
    await missing.waitFor();
    expect(await missing.innerText()).toMatch(/model "lost\.fran" v2\.0\.0 \(sha256 cccccccccccc…\) used by Old de-age is not in this browser/);

    await restored.locator('[data-testid=byo-remove]').click();
    await restored.waitFor({ state: 'detached' });
    await app.reload();
    await openModels();
    await page.locator('[data-testid="model-previs.gauss-blur"]').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => (globalThis as any).__previs.runtime.byoModels.getState().restore === 'ready');
    expect(await page.locator('[data-testid="model-mine.gauss-blur"]').count()).toBe(0);
  }, 600_000);
});
