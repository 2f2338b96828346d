// Hostile inputs in the built app: a sample of fuzzed project files (and the ones the issue named) is opened one
// after another; a refused one leaves the open project as it was, an admitted one draws without a render failure,
// and the page never blanks. A 50,000-node glTF is refused in under 5 s and a 100,000-key track opens, while the
// page keeps producing animation frames (the checks run in workers); both print their times and stalls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inApp, openApp, type App } from './harness';
import { serializeProject } from '../../src/core/document';
import { buildDemoProject } from '../../src/core/document/demo';
import { createRng } from '../../src/core/util/prng';
import { ASSET_BYTES, ProjectFuzzer, richProject } from '../../src/core/projectFile/projectFuzz.testutil';
import { bigTrackProject } from '../../src/core/projectFile/bigTrack.testutil';
import { manyNodes } from '../fixtures/models/gltfCorpus';

let app: App;
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const SAMPLE = Number(process.env.FUZZ_E2E ?? 40);

beforeAll(async () => {
  app = await openApp();
  // a frame counter that only runs while the main thread is free
  await app.page.evaluate(() => {
    const g = globalThis as unknown as { __rafCount: number; __rafLast: number; __rafMaxGap: number };
    g.__rafCount = 0;
    g.__rafLast = performance.now();
    g.__rafMaxGap = 0;
    const tick = () => {
      g.__rafCount++;
      const now = performance.now();
      g.__rafMaxGap = Math.max(g.__rafMaxGap, now - g.__rafLast);
      g.__rafLast = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The page still shows the editor: toolbar, viewport canvas, and no part reporting that it could not draw. */
async function pageIsWhole(): Promise<{ editor: boolean; failures: string[] }> {
  return app.page.evaluate(() => ({
    editor: !!document.querySelector('[data-testid=viewport] canvas') && document.querySelectorAll('.panels').length > 0,
    failures: [...document.querySelectorAll('[data-testid^=render-failure]')].map((e) => e.textContent ?? ''),
  }));
}

describe('hostile inputs in the browser', () => {
  it(`opens ${SAMPLE} fuzzed project files and the named attacks; the page never blanks`, async () => {
    const demo = buildDemoProject();
    const named: [string, string][] = [
      ['proto-scene.previs.json', JSON.stringify({ ...demo, sceneOrder: ['__proto__'] })],
      ['tostring-target.previs.json', serializeProject(demo).replace('"targetId": "cam_a"', '"targetId": "toString"')],
      ['proto-key.previs.json', serializeProject(demo).replace('"road": {', '"__proto__": {')],
    ];
    const rnd = createRng(Number(process.env.FUZZ_SEED ?? 20261207));
    const fuzz = [new ProjectFuzzer(demo, rnd), new ProjectFuzzer(richProject(createHash('sha256').update(ASSET_BYTES).digest('hex')), rnd)];
    const files: [string, string][] = [...named];
    for (let i = 0; i < SAMPLE; i++) files.push([`fuzz-${i}.previs.json`, fuzz[i % 2]!.next()]);
    let admitted = 0;
    for (const [name, text] of files) {
      const before = await inApp(app.page, (h) => h.projectStore.getState().project.id);
      const r = await app.page.evaluate(([n, t]) => (globalThis as any).__previs.exporter.openProject(n, t), [name, b64(text)] as const);
      if (r.ok) {
        admitted++;
        // two animation frames: the new project has been drawn (or a part has reported that it could not)
        await app.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      } else {
        expect(r.error.split(name).length - 1, r.error).toBe(1);
        expect(await inApp(app.page, (h) => h.projectStore.getState().project.id)).toBe(before);
      }
      const whole = await pageIsWhole();
      expect(whole.editor, `${name}: the editor is gone`).toBe(true);
      expect(whole.failures, `${name}`).toEqual([]);
    }
    console.log(`browser sample: ${files.length} files, ${admitted} admitted and drawn, ${files.length - admitted} refused; page whole after each`);
    expect(admitted).toBeGreaterThan(0);
    expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 300_000);

  it('refuses a 50,000-node glTF in under 5 s with the page drawing throughout', async () => {
    const bytes = manyNodes(50_000);
    const r = await app.page.evaluate(async (data) => {
      const raw = atob(data);
      const u8 = Uint8Array.from(raw, (c) => c.charCodeAt(0));
      const g = globalThis as any;
      const frames0 = g.__rafCount;
      const t0 = performance.now();
      let error = '';
      try {
        await g.__previs.importModel(u8, 'crowd.glb');
      } catch (e) {
        error = (e as Error).message;
      }
      return { ms: performance.now() - t0, frames: g.__rafCount - frames0, error };
    }, b64(bytes));
    console.log(`50,000-node glTF in the browser: refused in ${r.ms.toFixed(0)} ms, ${r.frames} animation frames meanwhile`);
    expect(r.error).toBe('crowd.glb has 50,000 nodes; the import limit is 10,000');
    expect(r.ms).toBeLessThan(5000);
    expect(r.frames).toBeGreaterThan(0);
  }, 120_000);

  it('opens a 100,000-key track with the page drawing while a worker reads it', async () => {
    const text = serializeProject(bigTrackProject(100_000));
    await app.page.evaluate((t) => ((globalThis as any).__bigTrack = t), b64(text));
    const r = await app.page.evaluate(async () => {
      const g = globalThis as any;
      // the bytes as a dropped file gives them: the test's base64 transport is not part of the open
      const bytes = Uint8Array.from(atob(g.__bigTrack), (c) => c.charCodeAt(0));
      // main-thread tasks over 50 ms (the browser's long tasks) while the file opens and is drawn
      const long: number[] = [];
      const watch = new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration)));
      watch.observe({ type: 'longtask' });
      const frames0 = g.__rafCount;
      g.__rafMaxGap = 0;
      g.__rafLast = performance.now();
      const t0 = performance.now();
      const res = await g.__previs.exporter.openProjectBytes('long-take.previs.json', bytes);
      const ms = performance.now() - t0;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const drawnMs = performance.now() - t0;
      // the autosave that follows a switch: it must find the document stored and write nothing more
      await new Promise((ok) => setTimeout(ok, 1500));
      long.push(...watch.takeRecords().map((e) => e.duration));
      watch.disconnect();
      return { ok: res.ok, ms, drawnMs, frames: g.__rafCount - frames0, maxGap: g.__rafMaxGap, long };
    });
    const longest = Math.max(0, ...r.long);
    console.log(
      `100,000-key track in the browser: opened in ${r.ms.toFixed(0)} ms, drawn by ${r.drawnMs.toFixed(0)} ms, ` +
        `${r.frames} animation frames meanwhile, longest main-thread stall ${r.maxGap.toFixed(0)} ms; ` +
        `${r.long.length} long tasks, ${r.long.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, longest ${longest.toFixed(0)} ms`,
    );
    expect(r.ok).toBe(true);
    // the goal is 5 s, met on an idle machine (see README); on a shared, loaded 2-core machine with software
    // GL it can take several times longer, so this bound only catches a return of the old minutes-long freeze
    expect(r.drawnMs).toBeLessThan(30_000);
    expect(r.frames).toBeGreaterThan(0);
    expect((await pageIsWhole()).failures).toEqual([]);
  }, 120_000);
});
