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
    // scrolled out of its panel: hidden by the panel, not covered by a notice
    let shown = true;
    for (let a = b.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflow === 'visible') continue;
      const c = a.getBoundingClientRect();
      if (x < c.left || x > c.right || y < c.top || y > c.bottom) shown = false;
    }
    if (!shown) continue;
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
    // the 3D view is not what is measured here: its render loop stops while the panels are shot, so each
    // screenshot is quick on software GL
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForFunction((w) => innerWidth === w, size.width);
      // a few frames of the 3D view at the new size, so the screenshots show the set
      await inApp(page, (h) => h.viewport.get().setFrameloop('always'));
      const f0 = await inApp(page, (h) => h.frameStats.frames as number);
      await page.waitForFunction((n) => (globalThis as any).__previs.frameStats.frames > n + 2, f0);
      await inApp(page, (h) => h.viewport.get().setFrameloop('never'));
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

  it('information fades on its own (paused while the pointer is on the strip); an error stays until dismissed', async () => {
    const { page } = app;
    await page.$$eval('.notices .notice button', (bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
    await page.waitForFunction(() => !document.querySelector('.notices .notice'));
    // resting on the strip holds the information past its time (the pointer is there before it comes)
    const strip = (await page.getByTestId('notices').boundingBox())!;
    await page.mouse.move(strip.x + strip.width / 2, strip.y + strip.height / 2);
    await inApp(page, (h) => {
      h.editorStore.getState().notify('error', 'Save failed: the browser storage is full');
      h.editorStore.getState().notify('info', 'Shot 3 added');
    });
    await page.locator('.notices .notice.info').waitFor();
    const since = Date.now();
    await page.waitForFunction((t0) => Date.now() - t0 > 7000, since, { polling: 500 });
    expect(await page.locator('.notices .notice.info').count()).toBe(1);
    // moved away, it goes; the error stays
    await page.mouse.move(5, 400);
    await page.locator('.notices .notice.info').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.getByTestId('notice-error').count()).toBe(1);
    await page.getByTestId('notice-error').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('notice-error').waitFor({ state: 'detached' });
  });

  it('"+ Shot" after shots 1 and 2 makes shot 3', async () => {
    const { page } = app;
    const before = await inApp(page, (h) => {
      const st = h.projectStore.getState();
      return Object.values(st.project.scenes[st.activeSceneId].shots).map((s: any) => s.number).sort() as string[];
    });
    expect(before).toEqual(['1', '2']);
    await page.click('button[data-panel=shots]');
    await page.getByTestId('add-shot').click();
    await page.waitForFunction(() => {
      const st = (globalThis as any).__previs.projectStore.getState();
      return Object.keys(st.project.scenes[st.activeSceneId].shots).length === 3;
    });
    const after = await inApp(page, (h) => {
      const st = h.projectStore.getState();
      return Object.values(st.project.scenes[st.activeSceneId].shots).map((s: any) => s.number).sort() as string[];
    });
    expect(after).toEqual(['1', '2', '3']);
    await inApp(page, (h) => h.projectStore.getState().undo());
  });

  it('the consent form answers in sentences beside the fields', async () => {
    const { page } = app;
    await page.click('button[data-panel=consent]');
    if ((await page.getByTestId('consent-form').count()) === 0) await page.getByText('New consent record…').click();
    await page.getByTestId('record-consent').click();
    const beside = async (aria: string) => page.locator(`[data-testid=consent-form] label:has([aria-label="${aria}"]) [data-testid=field-error]`).textContent();
    expect(await beside('performer')).toBe("Enter the performer's name.");
    expect(await beside('intended use')).toBe('Describe the specific intended use: which shots, what change, what for.');
    expect(await beside('signed date')).toBe('Enter the date the consent was signed.');
    expect(await beside('signed document')).toBe('Attach the signed consent document.');
    const all = await page.$$eval('[data-testid=consent-form] [data-testid=field-error]', (els) => els.map((e) => e.textContent ?? ''));
    for (const t of all) expect(t).not.toMatch(/Too small|performer\.name|>=|expected string/);
    // typing clears the sentence beside that field, and nothing was recorded
    await page.fill('[aria-label="performer"]', 'Jo Performer');
    await page.locator('[data-testid=consent-form] label:has([aria-label="performer"]) [data-testid=field-error]').waitFor({ state: 'detached' });
    expect(await page.getByTestId('consent-item').count()).toBe(0);
  });

  it('a refused deliverable lists every reason; each link selects the layer and opens the panel where it is fixed', async () => {
    const { page } = app;
    await page.setViewportSize(SIZES[1]!);
    const layerId = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const hex = async (s: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const store = h.projectStore.getState();
      const sceneId = store.activeSceneId;
      const plate = {
        id: 'plate_layout', name: 'Jo close-up', parentId: null, transform: { position: [0, 1.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
        visible: true, locked: false, type: 'plate', assetId: await hex('plate bytes'), mediaKind: 'image', widthPx: 512, heightPx: 512,
        frameCount: 1, fps: 24, rights: 'owned', depictsPerson: true, performerName: 'Jo Performer',
      };
      store.execute('Add plate', (p: any) => ({ ...p, scenes: { ...p.scenes, [sceneId]: { ...p.scenes[sceneId], objects: { ...p.scenes[sceneId].objects, [plate.id]: plate } } } }));
      const out = await hex('de-aged output for the layout test');
      const layer = {
        id: 'layer_layout', name: 'Jo de-aged', parentId: null, transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
        visible: true, locked: false, type: 'effectLayer', effect: 'deage', targetIds: [plate.id], params: { yearsYounger: 12 }, seed: 1,
        models: [{ id: 'deage-procedural', version: '1.0.0', sha256: await hex('graph'), license: 'MIT', kind: 'procedural' }],
        status: 'done', inputHashes: {}, output: { assetId: out, contentHash: out },
        runReport: { backend: 'wasm', adapter: null, fallbackReason: null, timingsMs: { total: 40 }, peakMemoryBytes: null, softwareVersion: '0.1.0', startedAt: new Date().toISOString() },
        frameRange: null, intendedUse: 'may-reach-final', thirdPartyIp: false, consentId: null, runCount: 0, altersLikeness: true,
      };
      await h.disclosure.enrolAs('Ada Artist', ['artist']);
      await h.disclosure.commitEffectRun({ sceneId, layer, label: 'De-age plate' });
      return layer.id;
    });
    const gate = await inApp(page, async (h) => (await h.disclosure.gate('deliverable')).refusals.map((r: any) => ({ layerId: r.layerId, reasons: r.reasons })));
    const expected = gate.flatMap((r: { layerId: string; reasons: string[] }) => r.reasons.map((t) => `${r.layerId}: ${t}`)).sort();
    expect(expected.length).toBeGreaterThan(1);

    await page.click('button[data-panel=export]');
    await page.check('[data-testid=purpose-deliverable]');
    await page.uncheck('[data-format=png]');
    await page.uncheck('[data-format=glb]');
    await page.click('[data-testid=export-start]');
    await page.getByTestId('export-refused').waitFor({ timeout: 120_000 });
    // every reason of every layer, the first line no longer standing for the rest
    const listed = await page.$$eval('[data-testid=export-refused] [data-refused-layer] li', (els) =>
      els.map((e) => ({ layer: e.closest('[data-refused-layer]')!.getAttribute('data-refused-layer'), text: e.querySelector('button.link')?.textContent ?? e.textContent, fix: e.querySelector('button.link')?.getAttribute('data-panel-target') ?? null })),
    );
    expect(listed.map((l) => `${l.layer}: ${l.text}`).sort()).toEqual(expected);
    const mine = listed.filter((l) => l.layer === layerId);
    expect(mine.map((l) => l.fix)).toEqual(expect.arrayContaining(['review', 'consent']));
    expect(await page.getByTestId('notice-error').last().textContent()).toMatch(/Deliverable export refused: \d+ reasons?, listed in the Export panel/);

    const follow = async (panel: string) => {
      await inApp(page, (h) => h.editorStore.getState().select([]));
      await page.click('button[data-panel=export]');
      await page.click(`[data-testid=export-refused] [data-refused-layer="${layerId}"] button.link[data-panel-target=${panel}]`);
      await page.getByTestId(`panel-${panel}`).waitFor();
      expect(await page.getAttribute(`button[data-panel=${panel}]`, 'class')).toBe('on');
      expect(await inApp(page, (h) => h.editorStore.getState().selection)).toEqual([layerId]);
    };
    await follow('consent');
    await follow('review');
    // the layer's own card is in view in the review panel
    const card = page.locator(`[data-testid=panel-review] [data-testid=review-layer][data-layer-id="${layerId}"]`);
    await card.waitFor();
    await page.waitForFunction((id) => {
      const c = document.querySelector(`[data-testid=panel-review] [data-layer-id="${id}"]`)!.getBoundingClientRect();
      const col = document.querySelector('.panels-right')!.getBoundingClientRect();
      return c.top >= col.top - 1 && c.top < col.bottom;
    }, layerId);
  });
});
