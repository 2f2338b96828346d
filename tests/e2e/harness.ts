// openApp(): serves the built app, opens it in a fresh headless Chromium, records every request so a
// test can assert nothing left the app's own origin, and waits until the app has started.
import type { Page, BrowserContext } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from './staticServer';
import { launchChromium } from './chromium';

export const DIST = resolve(process.env.PREVIS_DIST ?? 'dist');

export interface App {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** every URL the page asked for */
  requests: string[];
  /** console errors and page errors */
  errors: string[];
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function openApp(opts: { flags?: string[]; viewport?: { width: number; height: number }; path?: string; serviceWorkers?: 'allow' | 'block'; /** another built app (a bench's baseline) */ dist?: string } = {}): Promise<App> {
  const dist = opts.dist ? resolve(opts.dist) : DIST;
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`no built app at ${dist}: run "vite build" first`);
  const server = await serveStatic(dist);
  const browser = await launchChromium(opts.flags, opts.viewport, opts.serviceWorkers);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  // tsx/esbuild wrap named functions in __name(); functions passed to page.evaluate carry that call
  await page.addInitScript('globalThis.__name = (f) => f');
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(server.origin + (opts.path ?? '/'));
  await waitForApp(page);
  return {
    page,
    context: browser.context,
    origin: server.origin,
    requests,
    errors,
    async reload() {
      await page.reload();
      await waitForApp(page);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const h = (globalThis as unknown as { __previs?: { ready?: { done: boolean } } }).__previs;
    return !!h?.ready?.done;
  }, undefined, { timeout: 60_000 });
  // the first frame is drawn
  await page.waitForFunction(() => (globalThis as unknown as { __previs: { frameStats: { frames: number } } }).__previs.frameStats.frames > 2, undefined, {
    timeout: 60_000,
  });
}

/**
 * For tests of several people on one 2-core machine: the viewport draws only when something in it changes
 * (R3F's "demand" loop) instead of every frame, so four idle profiles do not starve the one being used. Each
 * person has a machine of their own in real life; use only where the test does not look at the viewport.
 */
export async function drawOnDemand(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as any).__previs.viewport.get().setFrameloop('demand'));
}

/** One person's profile in a test of several: the app open, its viewport drawn on demand, its own timeout. */
export async function openPerson(timeoutMs: number): Promise<App> {
  const app = await openApp();
  await drawOnDemand(app.page);
  app.page.setDefaultTimeout(timeoutMs);
  return app;
}

/** Evaluates in the page with the test hook as the argument. */
export function inApp<T>(page: Page, fn: (h: any) => T | Promise<T>): Promise<T> {
  return page.evaluate(`(${fn.toString()})(globalThis.__previs)`) as Promise<T>;
}

/** Waits until the viewport has drawn more than `n` frames from now. */
export async function nextFrames(page: Page, n: number): Promise<void> {
  const f0 = await inApp(page, (h) => h.frameStats.frames as number);
  await page.waitForFunction(([f, k]) => (globalThis as any).__previs.frameStats.frames > f! + k!, [f0, n]);
}

/** RGBA pixels of the viewport canvas (or any canvas matching selector), moved across as base64. */
export async function canvasPixels(page: Page, selector = '[data-testid=viewport] canvas'): Promise<{ width: number; height: number; data: Uint8Array }> {
  // the editor view draws at a lower resolution while its camera moves: read a rested, full-resolution frame
  // (and rested: two frames drawn since full resolution came back, so the buffer was resized and redrawn)
  if (selector === '[data-testid=viewport] canvas') {
    for (let k = 0; k < 50; k++) {
      await page.waitForFunction(() => !(globalThis as any).__previs?.viewportPerformance?.lowered);
      // and laid out: a panel that just grew (the timeline's rows for a new selection) resizes the canvas a
      // frame or more later, through a ResizeObserver; a read in between gets the old size
      await page.waitForFunction(() => {
        const box = document.querySelector('[data-testid=viewport]')?.getBoundingClientRect();
        const c = document.querySelector('[data-testid=viewport] canvas')?.getBoundingClientRect();
        // within a pixel: a box of fractional height holds a canvas sized from its measured rectangle
        return !!box && !!c && Math.abs(c.width - box.width) < 1 && Math.abs(c.height - box.height) < 1;
      });
      const f0 = await page.evaluate(() => (globalThis as any).__previs.frameStats.frames as number);
      await page.waitForFunction((f) => (globalThis as any).__previs.frameStats.frames > f + 1, f0);
      if (await page.evaluate(() => !(globalThis as any).__previs?.viewportPerformance?.lowered)) break;
    }
  }
  const r = await page.evaluate((sel) => {
    const src = document.querySelector(sel) as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let bin = '';
    for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode(...d.subarray(i, i + 0x8000));
    return { width: c.width, height: c.height, b64: btoa(bin) };
  }, selector);
  return { width: r.width, height: r.height, data: new Uint8Array(Buffer.from(r.b64, 'base64')) };
}
