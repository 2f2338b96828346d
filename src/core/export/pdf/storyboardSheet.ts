// Storyboard sheets as a multi-panel PDF: a grid of panels per page, each the shot's frame through its
// camera with its number, name, take, lens, camera height, tilt, size/angle tags, timing and notes.
import type { ShotRow } from '../shotlist';
import { PdfDocument, paperSize, type Orientation, type PaperName, type PdfImage, type PdfPage } from './pdfWriter';
import { fitText, wrapText } from './textFit';
import type { SheetFonts } from './sheetFonts';
import { ARROW_COLOURS, type PanelArrow, type UV } from '../storyboardMoves';

export { ARROW_COLOURS };

export interface StoryboardPdfPanel {
  row: ShotRow;
  image: PdfImage;
  /** the frame the image shows */
  frame: number;
  /** a moving shot's later key frames (its end frame last), shown beside the first */
  keyFrames?: Array<{ image: PdfImage; frame: number }>;
  /** camera and actor moves, drawn over the first frame (frame fractions, v down) */
  arrows?: PanelArrow[];
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
  const { row } = p;
  const measure = doc.widthOf.bind(doc);
  page.rect(x, y, w, boxH, { fill: '#000000' });
  // key frames side by side in the frame box, each letterboxed in its share of it
  const pictures = [{ image: p.image, frame: p.frame }, ...(p.keyFrames ?? [])];
  const slotW = w / pictures.length;
  pictures.forEach((f, i) => {
    const k = Math.min(slotW / f.image.width, boxH / f.image.height);
    const iw = f.image.width * k, ih = f.image.height * k;
    const ix = x + i * slotW + (slotW - iw) / 2, iy = y + (boxH - ih) / 2;
    page.image(doc.addImage(f.image), ix, iy, iw, ih);
    if (pictures.length > 1) {
      page.text(`${i === 0 ? 'start' : i === pictures.length - 1 ? 'end' : 'key'} · fr ${f.frame}`, ix + 3, iy + 9, { size: 6.5, colour: '#ffffff' });
      if (i > 0) page.line(x + i * slotW, y, x + i * slotW, y + boxH, { width: 1, colour: '#ffffff' });
    }
    if (i === 0) for (const a of p.arrows ?? []) drawArrow(page, a, ix, iy, iw, ih);
  });
  page.rect(x, y, w, h, { stroke: '#888888', lineWidth: 0.5 });
  let ty = y + boxH + 12;
  const take = `take ${row.take}`;
  page.text(take, x + w - 4, ty, { size: 8, align: 'right', colour: '#555555' });
  page.text(fitText(measure, `${row.number}  ${row.name}`, w - 50, 10, 'bold'), x + 4, ty, { size: 10, font: 'bold' });
  const meta = [
    `Lens ${panelLens(row)} · T${row.tStop} · Cam height ${row.cameraHeightM.toFixed(2)} m · Tilt ${row.tiltDeg}°`,
    `${[row.size, row.angle].filter(Boolean).join(' · ')}${row.size || row.angle ? ' · ' : ''}${row.durationFrames} fr · ${row.inTimecode}–${row.outTimecode}${row.moves ? ' · camera moves' : ''}`,
    ...(p.arrows?.length ? [movesLine(p.arrows)] : []),
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

/** The moves in words under the panel: "Camera: push in · ANA walks". */
export function movesLine(arrows: readonly PanelArrow[]): string {
  const camera = arrows.find((a) => a.kind === 'camera')?.label;
  const actors = [...new Set(arrows.filter((a) => a.kind === 'actor').map((a) => a.label))];
  return [camera ? `Camera: ${camera}` : '', ...actors.map((n) => `${n} moves`)].filter(Boolean).join(' · ');
}

/** An arrow along the points (frame fractions of the picture at ix, iy, iw × ih), its head at the last one. */
function drawArrow(page: PdfPage, a: PanelArrow, ix: number, iy: number, iw: number, ih: number): void {
  const at = ([u, v]: UV): [number, number] => [ix + Math.min(1, Math.max(0, u)) * iw, iy + Math.min(1, Math.max(0, v)) * ih];
  const pts = a.points.map(at);
  if (pts.length < 2) return;
  const colour = ARROW_COLOURS[a.kind];
  const lw = Math.max(1, iw / 160);
  for (const [width, c] of [[lw + 1.2, '#000000'], [lw, colour]] as const)
    for (let i = 1; i < pts.length; i++) page.line(pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1], { width, colour: c });
  const [tx, ty] = pts[pts.length - 1]!;
  const [fx, fy] = pts[pts.length - 2]!;
  const len = Math.hypot(tx - fx, ty - fy) || 1;
  const ux = (tx - fx) / len, uy = (ty - fy) / len;
  const head = Math.max(4, iw / 28);
  page.polygon(
    [
      [tx, ty],
      [tx - ux * head - uy * head * 0.5, ty - uy * head + ux * head * 0.5],
      [tx - ux * head + uy * head * 0.5, ty - uy * head - ux * head * 0.5],
    ],
    { fill: colour, stroke: '#000000', lineWidth: 0.6 },
  );
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(v)));
}
