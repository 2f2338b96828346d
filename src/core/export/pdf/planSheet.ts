// The floor plan as a printable sheet: the top view as rendered (with its camera wedges and actor marks),
// fitted to the paper, a scale bar in metres and one in feet drawn as vectors from the plan's true scale,
// a north arrow, a camera legend and a title block (project, scene, shot, date, scale).
import { PdfDocument, paperSize, MM_PER_PT, type Orientation, type PaperName, type PdfImage, type PdfPage } from './pdfWriter';
import { fitText, type MeasureText } from './textFit';
import type { SheetFonts } from './sheetFonts';

export interface PlanSheetTitle {
  project: string;
  scene: string;
  /** the shot this plan is for, e.g. "1 — Wide — street", or "All shots" */
  shot: string;
  /** as the crew writes it, e.g. 2026-11-30 */
  date: string;
  author?: string;
}

export interface PlanSheetCamera {
  shot: string;
  camera: string;
  lens: string;
  horizontalFovDeg: number;
  heightM: number;
}

export interface PlanSheetInput {
  /** the plan as rendered, marks drawn, north (−Z) up */
  image: PdfImage;
  /** ground metres per image pixel, the same across and down */
  metresPerPx: number;
  title: PlanSheetTitle;
  cameras: PlanSheetCamera[];
  paper?: PaperName;
  orientation?: Orientation;
  creationDate?: Date;
}

export interface ScaleBar {
  /** length the bar stands for, in its unit */
  length: number;
  /** its printed length in points */
  pt: number;
}

export interface PlanSheet {
  bytes: Uint8Array;
  substitutions: Map<string, string>;
  /** ground metres per printed point */
  metresPerPt: number;
  /** the print scale 1 : N at 100 % */
  scaleDenominator: number;
  imageBox: { x: number; y: number; w: number; h: number };
  metreBar: ScaleBar;
  footBar: ScaleBar;
}

const FOOT = 0.3048;
const MARGIN = 28; // ≈ 10 mm, inside most printers' unprintable edge
const TITLE_H = 58;
const LEGEND_W = 190;

/** The longest 1–2–5 × 10ⁿ length (in the unit of `unitsPerPt`) whose bar is no longer than `maxPt`. */
export function niceBar(unitsPerPt: number, maxPt: number): ScaleBar {
  if (!(unitsPerPt > 0) || !Number.isFinite(unitsPerPt)) throw new Error('plan sheet: the plan scale must be a positive number');
  const max = unitsPerPt * maxPt;
  const p = 10 ** Math.floor(Math.log10(max));
  const length = [5, 2, 1].map((k) => k * p).find((v) => v <= max) ?? p;
  return { length, pt: length / unitsPerPt };
}

/** 1 : N rounded to three significant figures (a print scale, not a survey). */
export function printScale(metresPerPt: number): number {
  const n = metresPerPt / (MM_PER_PT / 1000);
  const p = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.round(n / p) * p;
}

export async function planSheetPdf(input: PlanSheetInput, fonts: SheetFonts): Promise<PlanSheet> {
  const { image, metresPerPx, title } = input;
  if (!(metresPerPx > 0)) throw new Error('plan sheet: metres per pixel must be positive');
  const doc = await PdfDocument.create(fonts, {
    title: `${title.project} — ${title.scene} — floor plan`,
    subject: `Shot ${title.shot}`,
    author: title.author,
    creationDate: input.creationDate,
  });
  const measure: MeasureText = doc.widthOf.bind(doc);
  const size = paperSize(input.paper ?? 'A4', input.orientation ?? 'landscape');
  const page = doc.addPage(size);
  const ref = doc.addImage(image);
  // the drawing area: above the title block, left of the legend
  const area = { x: MARGIN, y: MARGIN, w: size.width - 2 * MARGIN - LEGEND_W - 10, h: size.height - 2 * MARGIN - TITLE_H - 10 };
  const k = Math.min(area.w / image.width, area.h / image.height);
  const box = { w: image.width * k, h: image.height * k, x: 0, y: 0 };
  box.x = area.x + (area.w - box.w) / 2;
  box.y = area.y + (area.h - box.h) / 2;
  page.rect(area.x, area.y, area.w, area.h, { fill: '#f4f4f4' });
  page.image(ref, box.x, box.y, box.w, box.h);
  page.rect(box.x, box.y, box.w, box.h, { stroke: '#000000', lineWidth: 0.75 });
  const metresPerPt = metresPerPx / k;
  const metreBar = niceBar(metresPerPt, 140);
  const footBar = niceBar(metresPerPt / FOOT, 140);
  drawScaleBars(page, box.x + 10, box.y + box.h - 12, metreBar, footBar);
  drawNorth(page, box.x + box.w - 22, box.y + 12);
  const scaleDenominator = printScale(metresPerPt);
  drawLegend(page, measure, size.width - MARGIN - LEGEND_W, MARGIN, LEGEND_W, area.h, input.cameras);
  drawTitleBlock(page, measure, MARGIN, size.height - MARGIN - TITLE_H, size.width - 2 * MARGIN, TITLE_H, title, scaleDenominator, input.paper ?? 'A4');
  doc.noteMissingGlyphs(MARGIN);
  return { bytes: await doc.toBytes(), substitutions: doc.substitutions, metresPerPt, scaleDenominator, imageBox: box, metreBar, footBar };
}

/** Two bars, metres over feet, each in alternating black and white quarters, on a white card. */
function drawScaleBars(page: PdfPage, x: number, bottom: number, m: ScaleBar, ft: ScaleBar): void {
  const w = Math.max(m.pt, ft.pt);
  const cardH = 52;
  page.rect(x - 6, bottom - cardH, w + 44, cardH + 4, { fill: '#ffffff', stroke: '#000000', lineWidth: 0.5 });
  const bar = (y: number, b: ScaleBar, unit: string) => {
    for (let i = 0; i < 4; i++) page.rect(x + (b.pt / 4) * i, y, b.pt / 4, 4, { fill: i % 2 ? '#ffffff' : '#000000', stroke: '#000000', lineWidth: 0.5 });
    page.text('0', x, y - 2, { size: 7 });
    page.text(`${trim(b.length / 2)}`, x + b.pt / 2, y - 2, { size: 7, align: 'center' });
    page.text(`${trim(b.length)} ${unit}`, x + b.pt, y - 2, { size: 7, align: 'center' });
  };
  bar(bottom - 34, m, 'm');
  bar(bottom - 8, ft, 'ft');
}

const trim = (v: number) => String(Number(v.toPrecision(6)));

function drawNorth(page: PdfPage, x: number, y: number): void {
  page.polygon([[x, y], [x - 7, y + 18], [x + 7, y + 18]], { fill: '#000000', stroke: '#ffffff', lineWidth: 0.75 });
  page.rect(x - 9, y + 20, 18, 11, { fill: '#ffffff' });
  page.text('N', x, y + 29, { size: 9, font: 'bold', align: 'center' });
}

function drawLegend(page: PdfPage, measure: MeasureText, x: number, y: number, w: number, h: number, cameras: PlanSheetCamera[]): void {
  page.rect(x, y, w, h, { stroke: '#000000', lineWidth: 0.75 });
  page.text('Cameras', x + 8, y + 16, { size: 10, font: 'bold' });
  let cy = y + 32;
  for (const c of cameras) {
    if (cy + 34 > y + h) {
      page.text(`… ${cameras.length - cameras.indexOf(c)} more`, x + 8, cy, { size: 8, colour: '#555555' });
      break;
    }
    page.rect(x + 8, cy - 7, 7, 7, { fill: c.shot ? '#ff9a00' : '#5cc8ff' });
    page.text(fitText(measure, c.shot ? `Shot ${c.shot} — ${c.camera}` : c.camera, w - 28, 8.5, 'bold'), x + 20, cy, { size: 8.5, font: 'bold' });
    page.text(fitText(measure, c.lens, w - 28, 8), x + 20, cy + 11, { size: 8 });
    page.text(`${c.horizontalFovDeg.toFixed(1)}° H · height ${c.heightM.toFixed(2)} m`, x + 20, cy + 21, { size: 8, colour: '#333333' });
    cy += 34;
  }
  page.text('Wedges: true horizontal angle of', x + 8, y + h - 20, { size: 7, colour: '#555555' });
  page.text('view; dashed chord: focus distance', x + 8, y + h - 11, { size: 7, colour: '#555555' });
}

function drawTitleBlock(page: PdfPage, measure: MeasureText, x: number, y: number, w: number, h: number, t: PlanSheetTitle, scale: number, paper: PaperName): void {
  page.rect(x, y, w, h, { stroke: '#000000', lineWidth: 1 });
  const cells: Array<[string, string, number]> = [
    ['PROJECT', t.project, 0.28],
    ['SCENE', t.scene, 0.16],
    ['SHOT', t.shot, 0.2],
    ['DATE', t.date, 0.1],
    [`SCALE ON ${paper.toUpperCase()} AT 100 %`, `1 : ${scale.toLocaleString('en-US')}`, 0.16],
    ['SHEET', 'Floor plan', 0.1],
  ];
  let cx = x;
  for (const [label, value, frac] of cells) {
    const cw = w * frac;
    if (cx > x) page.line(cx, y, cx, y + 40, { width: 0.5 });
    page.text(fitText(measure, label, cw - 12, 6.5), cx + 6, y + 13, { size: 6.5, colour: '#555555' });
    page.text(fitText(measure, value, cw - 12, 11, 'bold'), cx + 6, y + 31, { size: 11, font: 'bold' });
    cx += cw;
  }
  page.line(x, y + 40, x + w, y + 40, { width: 0.5 });
  page.text(
    fitText(measure, `${t.author ? `${t.author} · ` : ''}Previs Sandbox · print at 100 % (no "fit to page") for the stated scale · north (−Z) up`, w - 12, 7),
    x + 6,
    y + 51,
    { size: 7, colour: '#333333' },
  );
}
