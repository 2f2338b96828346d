// Storyboard sheets as a multi-panel PDF: a grid of panels per page, each the shot's frame through its
// camera with its number, name, take, lens, camera height, tilt, size/angle tags, timing and notes.
import type { ShotRow } from '../shotlist';
import { PdfDocument, paperSize, type Orientation, type PaperName, type PdfImage, type PdfPage } from './pdfWriter';
import { fitText, wrapText } from './textFit';
import type { SheetFonts } from './sheetFonts';

export interface StoryboardPdfPanel {
  row: ShotRow;
  image: PdfImage;
  /** the frame the image shows */
  frame: number;
}

export interface StoryboardPdfOptions {
  title: string;
  subtitle?: string;
  paper?: PaperName;
  orientation?: Orientation;
  /** panels across and down a page; default 3 × 2 landscape, 2 × 3 portrait */
  columns?: number;
  rows?: number;
  creationDate?: Date;
}

export interface StoryboardPdf {
  bytes: Uint8Array;
  pageCount: number;
  substitutions: Map<string, string>;
}

const MARGIN = 28;
const HEADER_H = 34;
const GAP = 14;
/** the frame box every panel image is fitted into (wider deliveries letterbox inside it) */
const BOX_ASPECT = 1.85;

export function panelLens(row: ShotRow): string {
  return `${Number(row.focalLengthMm.toFixed(2))} mm${row.zooms ? ' (zoom)' : ''}${row.lensKind === 'anamorphic' ? ` ${row.squeeze}× anamorphic` : ''}`;
}

export async function storyboardPdf(panels: StoryboardPdfPanel[], opts: StoryboardPdfOptions, fonts: SheetFonts): Promise<StoryboardPdf> {
  if (!panels.length) throw new Error('storyboard: no panels to print');
  const orientation = opts.orientation ?? 'landscape';
  const cols = clampInt(opts.columns ?? (orientation === 'landscape' ? 3 : 2), 1, 6);
  const rows = clampInt(opts.rows ?? (orientation === 'landscape' ? 2 : 3), 1, 6);
  const perPage = cols * rows;
  const size = paperSize(opts.paper ?? 'A4', orientation);
  const doc = await PdfDocument.create(fonts, { title: opts.title, subject: 'Storyboard', creationDate: opts.creationDate });
  const measure = doc.widthOf.bind(doc);
  const pageCount = Math.ceil(panels.length / perPage);
  const cellW = (size.width - 2 * MARGIN - GAP * (cols - 1)) / cols;
  const cellH = (size.height - 2 * MARGIN - HEADER_H - GAP * (rows - 1)) / rows;
  const boxH = Math.min(cellW / BOX_ASPECT, cellH - 50);
  if (boxH < 30) throw new Error(`storyboard: ${cols} × ${rows} panels do not fit on ${opts.paper ?? 'A4'} ${orientation}`);
  for (let pg = 0; pg < pageCount; pg++) {
    const page = doc.addPage(size);
    page.text(fitText(measure, opts.title, size.width - 2 * MARGIN - 90, 14, 'bold'), MARGIN, MARGIN + 12, { size: 14, font: 'bold' });
    if (opts.subtitle) page.text(fitText(measure, opts.subtitle, size.width - 2 * MARGIN - 90, 8.5), MARGIN, MARGIN + 25, { size: 8.5, colour: '#555555' });
    page.text(`Page ${pg + 1} of ${pageCount}`, size.width - MARGIN, MARGIN + 12, { size: 9, align: 'right', colour: '#333333' });
    page.line(MARGIN, MARGIN + HEADER_H - 4, size.width - MARGIN, MARGIN + HEADER_H - 4, { width: 0.5 });
    panels.slice(pg * perPage, (pg + 1) * perPage).forEach((p, i) => {
      const x = MARGIN + (i % cols) * (cellW + GAP);
      const y = MARGIN + HEADER_H + Math.floor(i / cols) * (cellH + GAP);
      drawPanel(doc, page, p, x, y, cellW, cellH, boxH);
    });
  }
  doc.noteMissingGlyphs(MARGIN);
  return { bytes: await doc.toBytes(), pageCount, substitutions: doc.substitutions };
}

function drawPanel(doc: PdfDocument, page: PdfPage, p: StoryboardPdfPanel, x: number, y: number, w: number, h: number, boxH: number): void {
  const { row, image } = p;
  const measure = doc.widthOf.bind(doc);
  page.rect(x, y, w, boxH, { fill: '#000000' });
  const k = Math.min(w / image.width, boxH / image.height);
  const iw = image.width * k, ih = image.height * k;
  page.image(doc.addImage(image), x + (w - iw) / 2, y + (boxH - ih) / 2, iw, ih);
  page.rect(x, y, w, h, { stroke: '#888888', lineWidth: 0.5 });
  let ty = y + boxH + 12;
  const take = `take ${row.take}`;
  page.text(take, x + w - 4, ty, { size: 8, align: 'right', colour: '#555555' });
  page.text(fitText(measure, `${row.number}  ${row.name}`, w - 50, 10, 'bold'), x + 4, ty, { size: 10, font: 'bold' });
  const meta = [
    `Lens ${panelLens(row)} · T${row.tStop} · Cam height ${row.cameraHeightM.toFixed(2)} m · Tilt ${row.tiltDeg}°`,
    `${[row.size, row.angle].filter(Boolean).join(' · ')}${row.size || row.angle ? ' · ' : ''}${row.durationFrames} fr · ${row.inTimecode}–${row.outTimecode}${row.moves ? ' · camera moves' : ''}`,
    // the shot in words, when it was made from words
    ...(row.description?.trim() ? [`"${row.description.trim()}"`] : []),
  ];
  for (const line of meta) {
    ty += 11;
    page.text(fitText(measure, line, w - 8, 7.5), x + 4, ty, { size: 7.5, colour: '#222222' });
  }
  if (!row.notes.trim()) return;
  const lines = wrapText(measure, row.notes.trim(), w - 8, 8);
  const room = Math.max(0, Math.floor((y + h - 4 - ty) / 10));
  const shown = lines.slice(0, room);
  // notes longer than the panel: the last line that fits ends in an ellipsis, so nothing is cut silently
  if (lines.length > room && shown.length) shown[shown.length - 1] = fitText(measure, `${shown[shown.length - 1]}…`, w - 8, 8);
  for (const line of shown) {
    ty += 10;
    page.text(line, x + 4, ty, { size: 8 });
  }
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(v)));
}
