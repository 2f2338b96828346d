import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfReadBack } from './pdfRead.testutil';
import { nodeSheetFonts } from './fonts.testutil';
import { PdfDocument } from './pdfWriter';
import { planSheetPdf, niceBar, printScale } from './planSheet';
import { storyboardPdf } from './storyboardSheet';
import { shotRows } from '../shotlist';
import { exportFixture } from '../storyboard.fixture';

const fonts = nodeSheetFonts();

function solid(w: number, h: number, rgb: [number, number, number]) {
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([...rgb, 255], i * 4);
  return { width: w, height: h, rgba };
}

describe('scale bars', () => {
  it('picks 1–2–5 lengths no longer than the room', () => {
    expect(niceBar(0.05, 140)).toEqual({ length: 5, pt: 100 }); // 7 m of room → 5 m
    expect(niceBar(0.05 / 0.3048, 140).length).toBe(20); // 22.97 ft of room → 20 ft
    expect(niceBar(0.001, 140)).toEqual({ length: 0.1, pt: 100 });
    expect(() => niceBar(0, 100)).toThrow(/positive/);
  });
  it('states the print scale: 1 pt = 0.3528 mm of paper', () => {
    // 1 m of ground per 100 pt of paper (35.28 mm) → 1 : 28.3
    expect(printScale(0.01)).toBe(28.3);
    expect(printScale(0.05)).toBe(142);
  });
});

describe('floor plan sheet', () => {
  let sheet: Awaited<ReturnType<typeof planSheetPdf>>;
  let pdf: PdfReadBack;
  beforeAll(async () => {
  sheet = await planSheetPdf({
    image: solid(1400, 900, [40, 60, 80]),
    metresPerPx: 0.04,
    title: { project: 'Demo — Street set', scene: 'Street', shot: '1 — Wide (street)', date: '2026-11-30' },
    cameras: [
      { shot: '1', camera: 'A camera', lens: '32 mm · ARRI Signature Prime', horizontalFovDeg: 59.7, heightM: 1.65 },
      { shot: '2', camera: 'B camera', lens: '75 mm', horizontalFovDeg: 18.9, heightM: 1.55 },
    ],
    creationDate: new Date(Date.UTC(2026, 10, 30)),
  }, fonts);
  pdf = await readPdf(sheet.bytes);
  });

  it('is one A4 landscape page with the plan image at full resolution', () => {
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pages[0]!.width).toBeCloseTo(841.89, 2);
    const im = pdf.pages[0]!.images[0]!;
    expect([im.width, im.height]).toEqual([1400, 900]);
    expect([...im.rgb.subarray(0, 3)]).toEqual([40, 60, 80]);
  });

  it('scale bars are true to the plan: bar points × metres per point = the stated length', () => {
    // the image is fitted: 1400 px across box.w points
    expect(sheet.metresPerPt).toBeCloseTo((0.04 * 1400) / sheet.imageBox.w, 9);
    expect(sheet.metreBar.pt * sheet.metresPerPt).toBeCloseTo(sheet.metreBar.length, 9);
    expect(sheet.footBar.pt * sheet.metresPerPt).toBeCloseTo(sheet.footBar.length * 0.3048, 9);
    expect(sheet.metreBar.pt).toBeLessThanOrEqual(140);
    expect(sheet.metreBar.pt).toBeGreaterThan(140 / 2.5);
    const text = pdf.pages[0]!.text.join('\n');
    expect(text).toContain(`${sheet.metreBar.length} m`);
    expect(text).toContain(`${sheet.footBar.length} ft`);
    // the bar's quarters are drawn at the bar's length in the content
    expect(pdf.pages[0]!.content).toContain(` ${+(sheet.metreBar.pt / 4).toFixed(3)} 4 re`);
    expect(pdf.pdfinfoWarnings).toBe('');
  });

  it('has the title block: project, scene, shot, date, scale, and the camera legend', () => {
    const text = pdf.pages[0]!.text.join('\n');
    for (const want of ['PROJECT', 'Demo — Street set', 'Street', '1 — Wide (street)', '2026-11-30', 'SCALE ON A4 AT 100 %', `1 : ${sheet.scaleDenominator.toLocaleString('en-US')}`, 'Shot 1 — A camera', '32 mm · ARRI Signature Prime', '59.7° H · height 1.65 m'])
      expect(text, want).toContain(want);
    expect(pdf.info.Title).toBe('Demo — Street set — Street — floor plan');
  });

  it('fits Letter portrait too, with the image inside the page margins', async () => {
    const s = await planSheetPdf({ image: solid(300, 200, [0, 0, 0]), metresPerPx: 0.1, title: { project: 'P', scene: 'S', shot: 'All shots', date: 'd' }, cameras: [], paper: 'Letter', orientation: 'portrait' }, fonts);
    const p = (await readPdf(s.bytes)).pages[0]!;
    expect([p.width, p.height]).toEqual([612, 792]);
    expect(s.imageBox.x).toBeGreaterThanOrEqual(28);
    expect(s.imageBox.x + s.imageBox.w).toBeLessThanOrEqual(612 - 28);
    expect(s.imageBox.w / s.imageBox.h).toBeCloseTo(1.5, 6);
  });
});

describe('storyboard PDF', () => {
  const { p, sceneId } = exportFixture();
  const rows = shotRows(p, sceneId);
  const colours: Array<[number, number, number]> = [[200, 0, 0], [0, 200, 0], [0, 0, 200]];

  it('one panel per shot with number, lens, camera height and notes', async () => {
    const panels = rows.map((row, i) => ({ row, image: solid(64, 36, colours[i]!), frame: row.in }));
    const out = await storyboardPdf(panels, { title: 'Street chase (storyboard)', subtitle: '3 shots', creationDate: new Date(0) }, fonts);
    const pdf = await readPdf(out.bytes);
    expect(out.pageCount).toBe(1);
    expect(pdf.pageCount).toBe(1);
    const page = pdf.pages[0]!;
    expect(page.images.map((im) => [...im.rgb.subarray(0, 3)])).toEqual(colours);
    const text = page.text.join('\n');
    for (const r of rows) {
      expect(text).toMatch(new RegExp(`${r.number}\\s+${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(text).toContain(`Cam height ${r.cameraHeightM.toFixed(2)} m`);
    }
    expect(text).toContain('Lens 75 mm (zoom) 2× anamorphic');
    expect(text).toContain('Dolly in, "slow"');
    expect(text).toContain('=cmd|calc');
    expect(text).toContain('Page 1 of 1');
  });

  it('breaks onto more pages, and cuts long notes with an ellipsis inside the panel', async () => {
    const long = 'Push in slowly while ANA turns. '.repeat(40);
    const panels = Array.from({ length: 8 }, (_, i) => ({ row: { ...rows[i % 3]!, number: `${i + 1}`, notes: i === 0 ? long : rows[i % 3]!.notes }, image: solid(32, 18, [9, 9, 9]), frame: 0 }));
    const out = await storyboardPdf(panels, { title: 'T', paper: 'Letter', orientation: 'portrait' }, fonts);
    const pdf = await readPdf(out.bytes);
    expect(out.pageCount).toBe(2); // 2 × 3 per portrait page
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pages[1]!.text.join('\n')).toContain('Page 2 of 2');
    const noteLines = pdf.pages[0]!.text.filter((t) => t.includes('Push in') || t.includes('ANA'));
    expect(noteLines.length).toBeGreaterThan(2);
    expect(noteLines.at(-1)!.endsWith('…')).toBe(true);
    const cellW = (612 - 56 - 14) / 2;
    const measure = await PdfDocument.create(fonts);
    for (const l of noteLines) expect(measure.widthOf(l, 8)).toBeLessThanOrEqual(cellW - 8);
  });

  it('refuses no panels and grids that cannot fit', async () => {
    await expect(storyboardPdf([], { title: 'x' }, fonts)).rejects.toThrow(/no panels/);
    const panels = rows.map((row) => ({ row, image: solid(4, 4, [0, 0, 0]), frame: 0 }));
    await expect(storyboardPdf(panels, { title: 'x', rows: 6, columns: 1, orientation: 'landscape' }, fonts)).rejects.toThrow(/do not fit/);
  });
});

describe('storyboard PDF of moves', () => {
  const { p, sceneId } = exportFixture();
  const rows = shotRows(p, sceneId);

  it('a moving shot shows start and end frames with its arrows; a static shot keeps one frame and no arrow', async () => {
    const { shotMoves } = await import('../storyboardMoves');
    const { ARROW_COLOURS } = await import('./storyboardSheet');
    const scene = p.scenes[sceneId]!;
    const panels = rows.map((row) => {
      const m = shotMoves(p, sceneId, scene.shots[row.shotId]!);
      const [first, ...rest] = m.frames.map((f, i) => ({ image: solid(48, 27, [10 * (i + 1), 20 * (i + 1), 200]), frame: f }));
      return { row, image: first!.image, frame: first!.frame, ...(rest.length ? { keyFrames: rest, arrows: m.arrows } : {}) };
    });
    // shot 10 dollies in, shot 20 zooms, shot 30 holds
    expect(panels.map((q) => 1 + (q.keyFrames?.length ?? 0))).toEqual([2, 2, 1]);
    const out = await storyboardPdf(panels, { title: 'moves', creationDate: new Date(0) }, fonts);
    const pdf = await readPdf(out.bytes);
    const page = pdf.pages[0]!;
    // two pictures for each moving panel, one for the held shot
    expect(page.images).toHaveLength(5);
    const text = page.text.join('\n');
    expect(text).toContain('start · fr 0');
    expect(text).toContain('end · fr 47');
    expect(text).toContain('Camera: push in');
    // amber camera arrows are stroked: the colour appears as a stroke colour in the content stream
    const amber = ARROW_COLOURS.camera.match(/[0-9a-f]{2}/gi)!.map((h) => +(parseInt(h, 16) / 255).toFixed(6));
    const strokes = page.content.split('\n').filter((l) => l.trim().endsWith(' RG'));
    expect(strokes.some((l) => l.trim().split(/\s+/).slice(0, 3).every((v, i) => Math.abs(Number(v) - amber[i]!) < 0.01))).toBe(true);
    // a sheet with only the static shot draws no arrow and one picture
    const still = await readPdf((await storyboardPdf([panels[2]!], { title: 'held', creationDate: new Date(0) }, fonts)).bytes);
    expect(still.pages[0]!.images).toHaveLength(1);
    expect(still.pages[0]!.content.split('\n').some((l) => l.trim().endsWith(' RG') && l.trim().split(/\s+/).slice(0, 3).every((v, i) => Math.abs(Number(v) - amber[i]!) < 0.01))).toBe(false);
  });
});
