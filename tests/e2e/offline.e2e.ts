// Installable and offline: one visit with the network on, then the browser's offline mode, a reload, and an
// export (storyboard PDF + EDL) made entirely from the service worker's cache. Along the way: the CSP is
// in force and nothing violates it, cross-origin isolation still holds under the service worker, and the
// build's licence notices are served and listed in the About dialog.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, inApp, openApp, type App } from './harness';
import { readPdf } from '../../src/core/export/pdf/pdfRead.testutil';
import { readEdl } from '../../src/core/export/edlRead.testutil';

let app: App;
const heavy = readdirSync(`${DIST}/assets`).filter((f) => /\.(wasm|onnx|ttf)$/.test(f));

beforeAll(async () => {
  app = await openApp({ serviceWorkers: 'allow' });
  // every CSP violation the page or its workers report, from before the first script runs
  await app.page.addInitScript(() => {
    (globalThis as any).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (globalThis as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 180_000);
afterAll(async () => app?.close());

describe('offline app', () => {
  it('precaches the app, its WebAssembly, models and fonts on the first visit', async () => {
    const { page } = app;
    await page.waitForFunction(() => (globalThis as any).__previs.pwa.offlineState().offlineReady, undefined, { timeout: 300_000 });
    const cached: string[] = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname);
      return out;
    });
    expect(heavy.length).toBeGreaterThanOrEqual(6);
    for (const f of heavy) expect(cached, f).toContain(`/assets/${f}`);
    expect(cached).toContain('/index.html');
    expect(cached).toContain('/licences.json');
  }, 320_000);

  it('reloads with the network off, still cross-origin isolated, under the CSP, and exports a PDF and an EDL', async () => {
    const { page, context } = app;
    await context.setOffline(true);
    try {
      await app.reload();
      const state = await page.evaluate(() => ({
        controlled: !!navigator.serviceWorker.controller,
        isolated: globalThis.crossOriginIsolated,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      }));
      expect(state.controlled).toBe(true);
      expect(state.isolated).toBe(true);
      expect(state.csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      // an inline script is refused by the policy (and reported)
      const inlineRan = await page.evaluate(async () => {
        (globalThis as any).__inline = false;
        const s = document.createElement('script');
        s.textContent = 'globalThis.__inline = true';
        document.head.appendChild(s);
        await new Promise((r) => setTimeout(r, 50));
        return (globalThis as any).__inline;
      });
      expect(inlineRan).toBe(false);
      const violations: string[] = await page.evaluate(() => (globalThis as any).__cspViolations.splice(0));
      // reported once per policy in force: the <meta> and the server's header
      expect(violations.length).toBeGreaterThan(0);
      expect(new Set(violations)).toEqual(new Set(['script-src-elem inline']));

      const r = (await inApp(page, (h) => h.exporter.run({ formats: ['pdf', 'edl'], purpose: 'previs', width: 320 }))) as { ok: boolean; reason?: string; files: { name: string; b64: string }[] };
      expect(r.reason ?? '').toBe('');
      const file = (n: string) => Buffer.from(r.files.find((f) => f.name === n)!.b64, 'base64');
      const pdf = await readPdf(new Uint8Array(file('storyboard.pdf')));
      expect(pdf.pdfinfoWarnings).toBe('');
      expect(pdf.pages[0]!.text.join('\n')).toMatch(/1\s+Wide — street/);
      const edl = readEdl(file('Street.edl').toString('utf8'), [24, 1]);
      expect(edl.events.map((e) => e.clipName)).toEqual(['1 Wide — street', '2 Over ANA to TOM']);

      // the notices the build wrote, served from the cache and listed by the About dialog
      await page.getByTestId('about').click();
      const rows = page.getByTestId('about-licences').locator('tr');
      await rows.first().waitFor({ timeout: 30_000 });
      const listed = await rows.allInnerTexts();
      for (const want of [/^package\s+three\b/, /^package\s+pdf-lib\b.*MIT/, /^package\s+onnxruntime-web\b/, /^model\s+faceres\b/, /^font\s+Noto Sans.*OFL-1\.1/]) expect(listed.some((t) => want.test(t)), String(want)).toBe(true);
      await page.getByTestId('about-dialog').getByText('Close', { exact: true }).click();
      expect(await page.evaluate(() => (globalThis as any).__cspViolations)).toEqual([]);
      expect(app.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Executing inline script violates/.test(e))).toEqual([]);
    } finally {
      await context.setOffline(false);
    }
  }, 600_000);
});
