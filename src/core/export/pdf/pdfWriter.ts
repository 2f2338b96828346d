// A small PDF writer for printable sheets (floor plans, storyboards): pages of a paper size, RGB images,
// text in the standard Helvetica fonts, lines, rectangles and polygons. PDF 1.4 (ISO 32000-1 subset):
// a classic cross-reference table, FlateDecode (zlib) streams, no fonts embedded (Helvetica is one of the
// 14 fonts every reader has). Page coordinates are points from the TOP-LEFT corner, y growing down, as a
// layout is drawn; the writer turns them into PDF's bottom-left user space.
import { zlibSync } from 'fflate';
import { concatBytes } from '../bindBytes';
import { BASE_FONT, bytesWidth, type PdfFont } from './helvetica';
import { encodeWinAnsi, pdfLiteral, pdfTextString } from './winAnsi';

export type PaperName = 'A4' | 'Letter';
export type Orientation = 'portrait' | 'landscape';

/** ISO 216 A4 is 210 × 297 mm; US Letter 8.5 × 11 in. 1 pt = 1/72 in = 25.4/72 mm. */
const PAPER_PT: Record<PaperName, [number, number]> = {
  A4: [(210 / 25.4) * 72, (297 / 25.4) * 72],
  Letter: [8.5 * 72, 11 * 72],
};

export const MM_PER_PT = 25.4 / 72;

export function paperSize(name: PaperName, orientation: Orientation = 'portrait'): { width: number; height: number } {
  const [w, h] = PAPER_PT[name];
  return orientation === 'portrait' ? { width: w, height: h } : { width: h, height: w };
}

/** An image as pixels, row by row from the top; alpha is composited onto white paper. */
export interface PdfImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel */
  rgba: Uint8Array | Uint8ClampedArray;
}

export type Colour = string | readonly [number, number, number];

export interface TextStyle {
  size?: number;
  font?: PdfFont;
  colour?: Colour;
  align?: 'left' | 'center' | 'right';
}

export interface StrokeStyle {
  width?: number;
  colour?: Colour;
  /** dash and gap lengths in points */
  dash?: readonly number[];
}

export interface ShapeStyle {
  fill?: Colour;
  stroke?: Colour;
  lineWidth?: number;
}

export interface DocumentInfo {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
  /** the date written as CreationDate; pass one for byte-identical output */
  creationDate?: Date;
}

/** A number as PDF writes it: finite, at most 3 decimals, no exponent. */
export function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`pdf: a coordinate or size is not a finite number (${v})`);
  const s = (Math.round(v * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

function rgb(c: Colour): [number, number, number] {
  if (typeof c !== 'string') return [c[0], c[1], c[2]];
  const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
  if (!m) throw new Error(`pdf: colour "${c}" is not #rrggbb`);
  const n = parseInt(m[1]!, 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const colourOp = (c: Colour, op: 'rg' | 'RG') => `${rgb(c).map(num).join(' ')} ${op}`;

interface ImageEntry {
  name: string;
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PdfImageRef {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

export class PdfPage {
  /** content stream operators, one per line */
  readonly ops: string[] = [];
  readonly images = new Set<string>();

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly doc: PdfDocument,
  ) {}

  private y(top: number): number {
    return this.height - top;
  }

  /** Draws an image into the box whose top-left corner is (x, y), w × h points. */
  image(ref: PdfImageRef, x: number, y: number, w: number, h: number): void {
    this.images.add(ref.name);
    this.ops.push(`q ${num(w)} 0 0 ${num(h)} ${num(x)} ${num(this.y(y + h))} cm /${ref.name} Do Q`);
  }

  /** One line of text with its baseline at y. Returns the width it took, in points. */
  text(text: string, x: number, y: number, style: TextStyle = {}): number {
    const size = style.size ?? 10;
    const font = style.font ?? 'regular';
    const enc = this.doc.encode(text);
    const w = (bytesWidth(enc, font) * size) / 1000;
    const left = style.align === 'right' ? x - w : style.align === 'center' ? x - w / 2 : x;
    const fontName = font === 'bold' ? 'F2' : 'F1';
    this.ops.push(`BT /${fontName} ${num(size)} Tf ${colourOp(style.colour ?? '#000000', 'rg')} 1 0 0 1 ${num(left)} ${num(this.y(y))} Tm ${pdfLiteral(enc)} Tj ET`);
    return w;
  }

  line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle = {}): void {
    this.ops.push(
      `q ${this.strokeState(style)} ${num(x1)} ${num(this.y(y1))} m ${num(x2)} ${num(this.y(y2))} l S Q`,
    );
  }

  rect(x: number, y: number, w: number, h: number, style: ShapeStyle): void {
    this.path(`${num(x)} ${num(this.y(y + h))} ${num(w)} ${num(h)} re`, style);
  }

  /** A closed polygon through the points (top-left coordinates). */
  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): void {
    if (points.length < 2) return;
    const [first, ...rest] = points;
    const d = [`${num(first![0])} ${num(this.y(first![1]))} m`, ...rest.map((p) => `${num(p[0])} ${num(this.y(p[1]))} l`), 'h'];
    this.path(d.join(' '), style);
  }

  private strokeState(s: StrokeStyle): string {
    const dash = s.dash?.length ? `[${s.dash.map(num).join(' ')}] 0 d` : '[] 0 d';
    return `${num(s.width ?? 1)} w ${colourOp(s.colour ?? '#000000', 'RG')} ${dash}`;
  }

  private path(d: string, s: ShapeStyle): void {
    if (!s.fill && !s.stroke) return;
    const state = [s.fill ? colourOp(s.fill, 'rg') : '', s.stroke ? this.strokeState({ width: s.lineWidth, colour: s.stroke }) : ''].filter(Boolean).join(' ');
    const paint = s.fill && s.stroke ? 'B' : s.fill ? 'f' : 'S';
    this.ops.push(`q ${state} ${d} ${paint} Q`);
  }
}

const enc = new TextEncoder();

export class PdfDocument {
  readonly pages: PdfPage[] = [];
  private readonly imageList: ImageEntry[] = [];
  /** characters the standard fonts cannot print, and what was printed instead (first occurrence of each) */
  readonly substitutions = new Map<string, string>();

  constructor(private readonly info: DocumentInfo = {}) {}

  addPage(size: { width: number; height: number }): PdfPage {
    if (!(size.width > 0 && size.height > 0 && size.width <= 14400 && size.height <= 14400)) {
      throw new Error(`pdf: page size ${size.width} × ${size.height} pt is outside 1–14400 pt`);
    }
    const p = new PdfPage(size.width, size.height, this);
    this.pages.push(p);
    return p;
  }

  /** Adds an image once (pages may draw it any number of times): RGB, alpha composited onto white. */
  addImage(img: PdfImage): PdfImageRef {
    const { width, height, rgba } = img;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new Error(`pdf: image size ${width} × ${height} must be whole pixels`);
    }
    if (rgba.length !== width * height * 4) {
      throw new Error(`pdf: image data is ${rgba.length} bytes, ${width} × ${height} RGBA needs ${width * height * 4}`);
    }
    const rgbBytes = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      const a = rgba[i + 3]!;
      // onto white: c·a + 255·(1−a)
      rgbBytes[j] = Math.round((rgba[i]! * a + 255 * (255 - a)) / 255);
      rgbBytes[j + 1] = Math.round((rgba[i + 1]! * a + 255 * (255 - a)) / 255);
      rgbBytes[j + 2] = Math.round((rgba[i + 2]! * a + 255 * (255 - a)) / 255);
    }
    const entry: ImageEntry = { name: `Im${this.imageList.length + 1}`, width, height, data: zlibSync(rgbBytes, { level: 6 }) };
    this.imageList.push(entry);
    return { name: entry.name, width, height };
  }

  /** WinAnsi bytes of `text`, recording what had to be substituted. */
  encode(text: string): Uint8Array {
    const r = encodeWinAnsi(text);
    for (const s of r.substituted) if (!this.substitutions.has(s.char)) this.substitutions.set(s.char, s.as);
    return r.bytes;
  }

  toBytes(): Uint8Array {
    if (!this.pages.length) throw new Error('pdf: a document needs at least one page');
    // object numbers: 1 catalog, 2 page tree, 3 info, 4–5 fonts, then images, then page + content per page
    const imageNum = new Map<string, number>();
    this.imageList.forEach((im, i) => imageNum.set(im.name, 6 + i));
    const firstPage = 6 + this.imageList.length;
    const pageNum = (i: number) => firstPage + 2 * i;
    const bodies: Array<Uint8Array[]> = [];
    const dict = (s: string) => [enc.encode(s)];
    const stream = (head: string, data: Uint8Array) => [
      enc.encode(`<< ${head} /Length ${data.length} >>\nstream\n`),
      data,
      enc.encode('\nendstream'),
    ];
    bodies.push(dict('<< /Type /Catalog /Pages 2 0 R >>'));
    bodies.push(dict(`<< /Type /Pages /Kids [${this.pages.map((_, i) => `${pageNum(i)} 0 R`).join(' ')}] /Count ${this.pages.length} >>`));
    bodies.push(dict(this.infoDict()));
    for (const f of ['regular', 'bold'] as const) {
      bodies.push(dict(`<< /Type /Font /Subtype /Type1 /BaseFont /${BASE_FONT[f]} /Encoding /WinAnsiEncoding >>`));
    }
    for (const im of this.imageList) {
      bodies.push(stream(`/Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`, im.data));
    }
    this.pages.forEach((p, i) => {
      const xobjects = [...p.images].map((n) => `/${n} ${imageNum.get(n)} 0 R`).join(' ');
      bodies.push(
        dict(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(p.width)} ${num(p.height)}] ` +
            `/Resources << /ProcSet [/PDF /Text /ImageC] /Font << /F1 4 0 R /F2 5 0 R >>${xobjects ? ` /XObject << ${xobjects} >>` : ''} >> ` +
            `/Contents ${pageNum(i) + 1} 0 R >>`,
        ),
      );
      bodies.push(stream('/Filter /FlateDecode', zlibSync(enc.encode(p.ops.join('\n') + '\n'), { level: 6 })));
    });
    // header: the binary comment line tells transfer tools the file is binary (§7.5.2)
    const parts: Uint8Array[] = [enc.encode('%PDF-1.4\n'), new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
    let offset = parts.reduce((n, b) => n + b.length, 0);
    const offsets: number[] = [];
    bodies.forEach((b, i) => {
      offsets.push(offset);
      const chunk = [enc.encode(`${i + 1} 0 obj\n`), ...b, enc.encode('\nendobj\n')];
      for (const c of chunk) {
        parts.push(c);
        offset += c.length;
      }
    });
    // each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, n/f, space + LF (§7.5.4)
    const xref = [`xref\n0 ${bodies.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    parts.push(enc.encode(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
    return concatBytes(parts);
  }

  private infoDict(): string {
    const i = this.info;
    const fields: string[] = [];
    if (i.title) fields.push(`/Title ${pdfTextString(i.title)}`);
    if (i.author) fields.push(`/Author ${pdfTextString(i.author)}`);
    if (i.subject) fields.push(`/Subject ${pdfTextString(i.subject)}`);
    fields.push(`/Creator ${pdfTextString(i.creator ?? 'Previs Sandbox')}`);
    fields.push(`/Producer ${pdfTextString('Previs Sandbox PDF writer')}`);
    if (i.creationDate) fields.push(`/CreationDate (${pdfDate(i.creationDate)})`);
    return `<< ${fields.join(' ')} >>`;
  }
}

/** D:YYYYMMDDHHmmSSZ (§7.9.4), in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}
