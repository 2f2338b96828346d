// Plan view: every shot camera's wedge is drawn to its true horizontal angle of view (checked against an
// independent computation in this file), the measuring tool reports known distances within 1 cm, the
// printable plan is a real PNG with the marks in it, and the PDF sheets (floor plan, storyboard) download
// and parse: pages, images, scale bars true to the plan, title block and panel text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Euler, Vector3 } from 'three';
import { openApp, inApp, canvasPixels, type App } from './harness';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPngChunks } from '../../src/core/export/pngChunks';
import { readPdf } from '../../src/core/export/pdf/pdfRead.testutil';

/** the sheets are kept here for a look after the run */
const OUT = resolve('.tmp/e2e-plan');

let app: App;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await openApp({ viewport: { width: 1400, height: 900 } });
  await inApp(app.page, (h) => h.editorStore.getState().setViewMode('plan'));
  await app.page.waitForFunction(() => (globalThis as any).__previs.plan.state.getState().view !== null);
  await app.page.getByTestId('plan-marks').waitFor();
});
afterAll(async () => {
  await app?.close();
});

type Cam = { id: string; name: string; transform: { position: number[]; rotation: number[] }; body: { sensorWidthMm: number; sensorHeightMm: number }; lens: { focalLengthMm: number; kind: string; squeeze: number }; deliveryAspect: number };

/** Horizontal angle of view of the delivery frame, computed here from first principles. */
function horizontalFov(c: Cam): number {
  const sq = c.lens.kind === 'anamorphic' ? c.lens.squeeze : 1;
  const w = c.body.sensorWidthMm * sq;
  const used = c.deliveryAspect >= w / c.body.sensorHeightMm ? w : c.body.sensorHeightMm * c.deliveryAspect;
  return 2 * Math.atan(used / (2 * c.lens.focalLengthMm));
}

async function view(page: App['page']) {
  return inApp(page, (h) => h.plan.state.getState().view) as Promise<{ centre: [number, number]; metresPerPx: number; width: number; height: number }>;
}

async function setView(page: App['page'], centre: [number, number], metresPerPx: number) {
  await page.evaluate(
    ([c, m]) => {
      const st = (globalThis as any).__previs.plan.state.getState();
      st.setView({ ...st.view, centre: c, metresPerPx: m });
    },
    [centre, metresPerPx] as const,
  );
}

describe('plan view', () => {
  it("draws each shot camera's wedge at its true horizontal FOV", async () => {
    const { page } = app;
    const cams = (await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const sc = s.project.scenes[s.activeSceneId];
      return sc.shotOrder.map((id: string) => sc.objects[sc.shots[id].cameraId]);
    })) as Cam[];
    expect(cams.length).toBeGreaterThanOrEqual(2);
    // fit both cameras at a scale where 3 m is plenty of pixels
    const xs = cams.map((c) => c.transform.position[0]!), zs = cams.map((c) => c.transform.position[2]!);
    await setView(page, [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...zs) + Math.max(...zs)) / 2 - 2], 0.025);
    await page.waitForFunction(() => (globalThis as any).__previs.plan.state.getState().view.metresPerPx === 0.025);
    const v = await view(page);
    const px = await canvasPixels(page, '[data-testid=plan-marks]');
    const scale = px.width / v.width;
    const strongOrange = (x: number, y: number) => {
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) {
          const X = Math.round(x * scale) + dx, Y = Math.round(y * scale) + dy;
          const i = (Y * px.width + X) * 4;
          const [r, g, b, a] = [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!, px.data[i + 3]!];
          if (a > 180 && r > 200 && g > 110 && g < 190 && b < 80) return true;
        }
      return false;
    };
    for (const c of cams) {
      const f = new Vector3(0, 0, -1).applyEuler(new Euler(c.transform.rotation[0], c.transform.rotation[1], c.transform.rotation[2], 'XYZ'));
      const heading = Math.atan2(f.x, f.z); // angle in the plan
      const half = horizontalFov(c) / 2;
      const toScreen = (ang: number, d: number) => [
        (c.transform.position[0]! + Math.sin(ang) * d - v.centre[0]) / v.metresPerPx + v.width / 2,
        (c.transform.position[2]! + Math.cos(ang) * d - v.centre[1]) / v.metresPerPx + v.height / 2,
      ];
      for (const side of [-1, 1]) {
        for (const d of [1.5, 2.5, 3.5]) {
          const [x, y] = toScreen(heading + side * half, d);
          expect(strongOrange(x!, y!), `${c.name} edge ${side} at ${d} m`).toBe(true);
          // 5° further out is outside the wedge: no edge there
          const [ox, oy] = toScreen(heading + side * (half + (5 * Math.PI) / 180), d);
          expect(strongOrange(ox!, oy!), `${c.name} outside edge ${side} at ${d} m`).toBe(false);
        }
      }
    }
  });

  it('measures a known distance within 1 cm (m and ft shown)', async () => {
    const { page } = app;
    await setView(page, [0, -5], 0.005);
    await page.waitForFunction(() => (globalThis as any).__previs.plan.state.getState().view.metresPerPx === 0.005);
    await page.getByTestId('plan-measure').click();
    const v = await view(page);
    const rect = await page.locator('[data-testid=viewport] canvas').first().boundingBox();
    const at = (x: number, z: number) => ({ x: rect!.x + (x - v.centre[0]) / v.metresPerPx + v.width / 2, y: rect!.y + (z - v.centre[1]) / v.metresPerPx + v.height / 2 });
    // (−0.6, −5.8) → (0.6, −4.2): 2.000 m
    const a = at(-0.6, -5.8), b = at(0.6, -4.2);
    await page.mouse.click(a.x, a.y);
    await page.mouse.click(b.x, b.y);
    await page.getByTestId('plan-distance').filter({ hasText: ' m (' }).waitFor();
    const d = await inApp(page, (h) => h.plan.state.getState().measurement.distanceM as number);
    console.log(`free measurement: ${d.toFixed(4)} m for 2.0000 m`);
    expect(Math.abs(d - 2)).toBeLessThan(0.01);
    const text = await page.getByTestId('plan-distance').textContent();
    expect(text).toMatch(/^2\.0\d m \(6′ 7″\)$/);
  });

  it('snaps to a camera and an actor and reports their exact distance', async () => {
    const { page } = app;
    const [cam, actor] = (await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const objs = Object.values(s.project.scenes[s.activeSceneId].objects) as any[];
      return [objs.find((o) => o.type === 'camera').transform.position, objs.find((o) => o.type === 'actor').transform.position];
    })) as [number[], number[]];
    const want = Math.hypot(cam[0]! - actor[0]!, cam[2]! - actor[2]!);
    await setView(page, [(cam[0]! + actor[0]!) / 2, (cam[2]! + actor[2]!) / 2], 0.02);
    await page.waitForFunction(() => (globalThis as any).__previs.plan.state.getState().view.metresPerPx === 0.02);
    const v = await view(page);
    const rect = await page.locator('[data-testid=viewport] canvas').first().boundingBox();
    const at = (x: number, z: number) => ({ x: rect!.x + (x - v.centre[0]) / v.metresPerPx + v.width / 2, y: rect!.y + (z - v.centre[1]) / v.metresPerPx + v.height / 2 });
    // click a few pixels off each mark: the tool snaps onto them (notices from earlier steps are closed first,
    // as a person would, so none sits over a mark)
    await page.$$eval('.notices .notice button', (bs) => bs.forEach((x) => (x as HTMLButtonElement).click()));
    await page.waitForFunction(() => !document.querySelector('.notices .notice'));
    const a = at(cam[0]!, cam[2]!), b = at(actor[0]!, actor[2]!);
    await page.mouse.click(a.x + 4, a.y - 3);
    await page.mouse.click(b.x - 3, b.y + 4);
    const d = await inApp(page, (h) => h.plan.state.getState().measurement.distanceM as number);
    console.log(`snapped measurement: ${d.toFixed(4)} m for ${want.toFixed(4)} m`);
    expect(Math.abs(d - want)).toBeLessThan(0.01);
  });

  it('exports a printable PNG of the plan with the wedges in it', async () => {
    const { page } = app;
    await setView(page, [0, 4], 0.04);
    const b64 = (await inApp(page, (h) => h.plan.exportPngBase64())) as string;
    const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
    const chunks = readPngChunks(bytes);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    const ihdr = chunks[0]!.data;
    const w = new DataView(ihdr.buffer, ihdr.byteOffset).getUint32(0);
    const hgt = new DataView(ihdr.buffer, ihdr.byteOffset).getUint32(4);
    const v = await view(page);
    expect(w).toBe(Math.round(v.width));
    expect(hgt).toBeGreaterThan(v.height); // the title block sits under the plan
    // decode it in the browser and count wedge-orange pixels and non-blank content
    const counts = await page.evaluate(async (data) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, img.width, img.height).data;
      let orange = 0, dark = 0, sky = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i]! > 200 && d[i + 1]! > 110 && d[i + 1]! < 190 && d[i + 2]! < 80) orange++;
        if (d[i]! < 40 && d[i + 1]! < 40 && d[i + 2]! < 40) dark++;
        // the demo's sky colour #9db7cf: a sheet of only background means the set was not drawn
        if (Math.abs(d[i]! - 0x9d) < 10 && Math.abs(d[i + 1]! - 0xb7) < 10 && Math.abs(d[i + 2]! - 0xcf) < 10) sky++;
      }
      return { orange, dark, skyFraction: sky / (d.length / 4) };
    }, b64);
    expect(counts.orange).toBeGreaterThan(200);
    expect(counts.dark).toBeGreaterThan(200); // title text
    expect(counts.skyFraction).toBeLessThan(0.5); // the set's ground and buildings are on the sheet
  });

  it('downloads a PDF floor-plan sheet that parses: A4, the plan image, scale bars true to the plan, title block', async () => {
    const { page } = app;
    await setView(page, [0, 4], 0.04);
    await page.waitForFunction(() => (globalThis as any).__previs.plan.state.getState().view.metresPerPx === 0.04);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('plan-export-pdf').click()]);
    expect(dl.suggestedFilename()).toMatch(/plan\.pdf$/);
    const planBytes = new Uint8Array(readFileSync((await dl.path())!));
    writeFileSync(`${OUT}/plan.pdf`, planBytes);
    console.log(`[plan] floor-plan PDF ${(planBytes.length / 1024).toFixed(0)} KB`);
    const pdf = await readPdf(planBytes);
    expect(pdf.pdfinfoWarnings).toBe('');
    expect(pdf.pageCount).toBe(1);
    const pg = pdf.pages[0]!;
    expect(pg.width).toBeCloseTo(841.89, 1); // A4 landscape
    expect(pg.height).toBeCloseTo(595.28, 1);
    // the plan image: as many pixels as the drawing buffer, wedge orange in it
    const v = await view(page);
    const im = pg.images[0]!;
    const canvasWidth = await page.evaluate(() => (document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement).width);
    expect(im.width).toBe(canvasWidth);
    let orange = 0;
    for (let i = 0; i < im.rgb.length; i += 3) if (im.rgb[i]! > 200 && im.rgb[i + 1]! > 110 && im.rgb[i + 1]! < 190 && im.rgb[i + 2]! < 80) orange++;
    expect(orange).toBeGreaterThan(200);
    // scale: the image spans the view's width in metres over its printed width in points
    const placed = /q\s+([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\s+\/Im1 Do\s+Q/.exec(pg.content)!;
    const metresPerPt = (v.width * v.metresPerPx) / Number(placed[1]);
    const nice = (perPt: number) => {
      const max = perPt * 140;
      const p10 = 10 ** Math.floor(Math.log10(max));
      return [5, 2, 1].map((k) => k * p10).find((x) => x <= max)!;
    };
    const metres = nice(metresPerPt), feet = nice(metresPerPt / 0.3048);
    const pgText = pg.text.join('\n'); // pdftotext's lines
    expect(pgText).toContain(`${metres} m`);
    expect(pgText).toContain(`${feet} ft`);
    // the bars' quarters are drawn at the length they claim (to the writer's 3 decimals)
    expect(pg.content).toContain(` ${Number((metres / metresPerPt / 4).toFixed(3))} 4 re`);
    expect(pg.content).toContain(` ${Number((feet * 0.3048 / metresPerPt / 4).toFixed(3))} 4 re`);
    // title block and legend
    const frame = await page.evaluate(() => (globalThis as any).__previs.playhead.frame as number);
    expect(frame).toBeLessThan(96); // shot 1 at the playhead
    for (const want of ['Demo — Street set', 'Street', '1 — Wide — street', new Date().toISOString().slice(0, 10), 'Shot 1 — A camera', 'Shot 2 — B camera', 'Floor plan'])
      expect(pgText, want).toContain(want);
    expect(pgText).toMatch(/^32 mm · FUJINON Premista 28–100$/m);
    expect(pgText).toContain('SCALE ON A4 AT 100 %');
    expect(pgText).toMatch(/^1 : [\d,.]+$/m);

    // Letter from the paper menu
    await page.getByTestId('plan-paper').selectOption('Letter');
    const b64 = (await inApp(page, (h) => h.plan.exportPdfBase64())) as string;
    const letter = await readPdf(new Uint8Array(Buffer.from(b64, 'base64')));
    expect([letter.pages[0]!.width, letter.pages[0]!.height]).toEqual([792, 612]);
    expect(letter.pages[0]!.text.join('\n')).toContain('SCALE ON LETTER AT 100 %');
    await page.getByTestId('plan-paper').selectOption('A4');
  });

  it('exports storyboard sheets as a multi-panel PDF: a rendered panel per shot with number, lens, camera height, notes', async () => {
    const { page } = app;
    await page.locator('[data-panel=shots]').click();
    // the shots panel renders its thumbnails as it opens: on a loaded machine that takes a while
    const button = page.getByTestId('export-storyboard-pdf');
    await button.waitFor({ timeout: 120_000 });
    // a plain DOM click: the page renders the panels between events, so no waiting for "stable" layout
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), button.dispatchEvent('click', undefined, { timeout: 120_000 })]);
    expect(dl.suggestedFilename()).toMatch(/_storyboard\.pdf$/);
    const sbBytes = new Uint8Array(readFileSync((await dl.path())!));
    writeFileSync(`${OUT}/storyboard.pdf`, sbBytes);
    console.log(`[plan] storyboard PDF ${(sbBytes.length / 1024).toFixed(0)} KB`);
    const pdf = await readPdf(sbBytes);
    expect(pdf.pageCount).toBe(1);
    const pg = pdf.pages[0]!;
    // shot 1 dollies in: its panel shows start and end (each rendered half as wide); shot 2 holds: one frame
    expect(pg.images).toHaveLength(3);
    expect(pg.images.map((im) => im.width)).toEqual([480, 480, 960]);
    for (const im of pg.images) {
      // a rendered frame, not a blank: the channel values spread widely
      let lo = 255, hi = 0;
      for (let i = 0; i < im.rgb.length; i += 3 * 97) {
        lo = Math.min(lo, im.rgb[i]!);
        hi = Math.max(hi, im.rgb[i]!);
      }
      expect(hi - lo).toBeGreaterThan(60);
    }
    const text = pg.text.join('\n');
    expect(text).toMatch(/1\s+Wide — street/);
    expect(text).toMatch(/2\s+Over ANA to TOM/);
    expect(text).toMatch(/Lens 32 mm · T2\.9 · Cam height 1\.65 m/);
    expect(text).toMatch(/Lens 75 mm · T2 · Cam height 1\.55 m/);
    expect(text).toContain('camera moves'); // camera A's dolly over shot 1
    expect(text).toContain('Camera: push in');
    expect(text).toContain('Establish the street, ANA and TOM meet.');
  });

  it('switching plan → look-through → perspective gives the editor camera back', async () => {
    const { page } = app;
    const camInfo = () => inApp(page, (h) => {
      const c = h.viewport.get().camera;
      return { type: c.type as string, uuid: c.uuid as string };
    });
    await inApp(page, (h) => h.editorStore.getState().setViewMode('perspective'));
    await page.waitForFunction(() => (globalThis as any).__previs.viewport.get().camera.type === 'PerspectiveCamera');
    const editorCam = await camInfo();
    await inApp(page, (h) => h.editorStore.getState().setViewMode('plan'));
    await page.waitForFunction(() => (globalThis as any).__previs.viewport.get().camera.type === 'OrthographicCamera');
    await inApp(page, (h) => h.editorStore.getState().setViewMode('lookThrough', null));
    await page.waitForFunction((u) => {
      const c = (globalThis as any).__previs.viewport.get().camera;
      return c.type === 'PerspectiveCamera' && c.uuid !== u;
    }, editorCam.uuid);
    await inApp(page, (h) => h.editorStore.getState().setViewMode('perspective'));
    await page.waitForFunction((u) => (globalThis as any).__previs.viewport.get().camera.uuid === u, editorCam.uuid);
    expect(app.errors).toEqual([]);
  });
});
