// Printable sheets (floor plans, storyboards) through pdf-lib: pages of a paper size, RGB images, text in an
// embedded, subset Unicode font (Noto Sans, given as bytes: the core reads no files), lines, rectangles and
// polygons. Text is real text (Type0/CIDFont with a ToUnicode map), so readers select and search it in any
// script the font covers. Page coordinates are points from the TOP-LEFT corner, y growing down, as a layout
// is drawn; the writer turns them into PDF's bottom-left user space.
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  PDFName,
  type PDFFont,
  type PDFPage,
  beginText,
  closePath,
  concatTransformationMatrix,
  drawObject,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFOperator,
} from 'pdf-lib';
import { zlibSync } from 'fflate';
import type { SheetFonts, PdfFont } from './sheetFonts';

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

/** A number rounded to 3 decimals: content streams stay short and diffable. */
export function num(v: number): number {
  if (!Number.isFinite(v)) throw new Error(`pdf: a coordinate or size is not a finite number (${v})`);
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? 0 : r;
}

function rgb(c: Colour): [number, number, number] {
  if (typeof c !== 'string') return [c[0], c[1], c[2]];
  const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
  if (!m) throw new Error(`pdf: colour "${c}" is not #rrggbb`);
  const n = parseInt(m[1]!, 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const fillColour = (c: Colour) => setFillingRgbColor(...(rgb(c).map(num) as [number, number, number]));
const strokeColour = (c: Colour) => setStrokingRgbColor(...(rgb(c).map(num) as [number, number, number]));

export interface PdfImageRef {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

/** A face the document can set text in, with the code points it has glyphs for. */
interface Face {
  pdf: PDFFont;
  has(cp: number): boolean;
}

/** What prints when no embedded font has a character (documented in README: CJK needs the optional font). */
export const MISSING_GLYPH = '?';

export class PdfPage {
  private readonly fontNames = new Map<PDFFont, PDFName>();

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly doc: PdfDocument,
    private readonly page: PDFPage,
  ) {}

  private y(top: number): number {
    return num(this.height - top);
  }

  private push(...ops: PDFOperator[]): void {
    this.page.pushOperators(...ops);
  }

  /** Draws an image into the box whose top-left corner is (x, y), w × h points. */
  image(ref: PdfImageRef, x: number, y: number, w: number, h: number): void {
    this.page.node.setXObject(PDFName.of(ref.name), this.doc.imageRef(ref.name));
    this.push(pushGraphicsState(), concatTransformationMatrix(num(w), 0, 0, num(h), num(x), this.y(y + h)), drawObject(ref.name), popGraphicsState());
  }

  /** One line of text with its baseline at y. Returns the width it took, in points. */
  text(text: string, x: number, y: number, style: TextStyle = {}): number {
    const size = style.size ?? 10;
    const runs = this.doc.runs(text, style.font ?? 'regular');
    const w = runs.reduce((s, r) => s + r.face.pdf.widthOfTextAtSize(r.text, size), 0);
    let left = style.align === 'right' ? x - w : style.align === 'center' ? x - w / 2 : x;
    this.push(beginText(), fillColour(style.colour ?? '#000000'));
    for (const r of runs) {
      this.push(setFontAndSize(this.fontName(r.face.pdf), num(size)), setTextMatrix(1, 0, 0, 1, num(left), this.y(y)), showText(r.face.pdf.encodeText(r.text)));
      left += r.face.pdf.widthOfTextAtSize(r.text, size);
    }
    this.push(endText());
    return w;
  }

  line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle = {}): void {
    this.push(pushGraphicsState(), ...this.strokeState(style), moveTo(num(x1), this.y(y1)), lineTo(num(x2), this.y(y2)), stroke(), popGraphicsState());
  }

  rect(x: number, y: number, w: number, h: number, style: ShapeStyle): void {
    this.path([rectangle(num(x), this.y(y + h), num(w), num(h))], style);
  }

  /** A closed polygon through the points (top-left coordinates). */
  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): void {
    if (points.length < 2) return;
    const [first, ...rest] = points;
    this.path([moveTo(num(first![0]), this.y(first![1])), ...rest.map((p) => lineTo(num(p[0]), this.y(p[1]))), closePath()], style);
  }

  private fontName(f: PDFFont): PDFName {
    let n = this.fontNames.get(f);
    if (!n) {
      n = this.page.node.newFontDictionary(f.name, f.ref);
      this.fontNames.set(f, n);
    }
    return n;
  }

  private strokeState(s: StrokeStyle): PDFOperator[] {
    return [setLineWidth(num(s.width ?? 1)), strokeColour(s.colour ?? '#000000'), setDashPattern(s.dash?.length ? s.dash.map(num) : [], 0)];
  }

  private path(d: PDFOperator[], s: ShapeStyle): void {
    if (!s.fill && !s.stroke) return;
    const state = [...(s.fill ? [fillColour(s.fill)] : []), ...(s.stroke ? this.strokeState({ width: s.lineWidth, colour: s.stroke }) : [])];
    const paint = s.fill && s.stroke ? fillAndStroke() : s.fill ? fill() : stroke();
    this.push(pushGraphicsState(), ...state, ...d, paint, popGraphicsState());
  }
}

export class PdfDocument {
  readonly pages: PdfPage[] = [];
  /** characters no embedded font can print, and what was printed instead (first occurrence of each) */
  readonly substitutions = new Map<string, string>();
  private readonly images = new Map<string, ReturnType<PDFDocument['context']['register']>>();

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly faces: Record<PdfFont, Face>,
    private readonly fallback: Face | null,
  ) {}

  /** A document whose text is set in the given fonts (subset on save: only the glyphs used are embedded). */
  static async create(fonts: SheetFonts, info: DocumentInfo = {}): Promise<PdfDocument> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    let tags = 0;
    const face = async (bytes: Uint8Array): Promise<Face> => {
      // the same parse pdf-lib makes, asked which code points it maps (fontkit's cmap lookup)
      const fk = fontkit.create(bytes as unknown as Buffer);
      // a subset's BaseFont is "six capitals + PostScript name" (ISO 32000-1 §9.6.4), which is how readers
      // (pdffonts "sub yes") know not to look for the full face on the system; unique per face in the file
      const tag = `PRV${String.fromCharCode(65 + Math.floor(tags / 26 / 26) % 26, 65 + Math.floor(tags / 26) % 26, 65 + (tags % 26))}`;
      tags++;
      const pdfFont = await pdf.embedFont(bytes, { subset: true, customName: `${tag}+${fk.postscriptName}` });
      return { pdf: pdfFont, has: (cp) => fk.hasGlyphForCodePoint(cp) };
    };
    const faces = { regular: await face(fonts.regular), bold: await face(fonts.bold) };
    const fallback = fonts.fallback ? await face(fonts.fallback) : null;
    pdf.setTitle(info.title ?? '', { showInWindowTitleBar: Boolean(info.title) });
    if (info.author) pdf.setAuthor(info.author);
    if (info.subject) pdf.setSubject(info.subject);
    pdf.setCreator(info.creator ?? 'Previs Sandbox');
    pdf.setProducer('Previs Sandbox (pdf-lib)');
    if (info.creationDate) {
      pdf.setCreationDate(info.creationDate);
      pdf.setModificationDate(info.creationDate);
    }
    return new PdfDocument(pdf, faces, fallback);
  }

  addPage(size: { width: number; height: number }): PdfPage {
    if (!(size.width > 0 && size.height > 0 && size.width <= 14400 && size.height <= 14400)) {
      throw new Error(`pdf: page size ${size.width} × ${size.height} pt is outside 1–14400 pt`);
    }
    const p = new PdfPage(size.width, size.height, this, this.pdf.addPage([size.width, size.height]));
    this.pages.push(p);
    return p;
  }

  /** Adds an image once (pages may draw it any number of times): RGB, alpha composited onto white, Flate. */
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
    // raw pixels as an image XObject: pdf-lib's embedPng would only decode a PNG we would have to encode first
    const stream = this.pdf.context.stream(zlibSync(rgbBytes, { level: 6 }), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    const name = `Im${this.images.size + 1}`;
    this.images.set(name, this.pdf.context.register(stream));
    return { name, width, height };
  }

  /** @internal the object an image name refers to */
  imageRef(name: string) {
    const r = this.images.get(name);
    if (!r) throw new Error(`pdf: no image ${name} in this document`);
    return r;
  }

  /** Width of `text` at `size` points, as `text()` would set it. */
  widthOf(text: string, size: number, font: PdfFont = 'regular'): number {
    return this.runs(text, font).reduce((s, r) => s + r.face.pdf.widthOfTextAtSize(r.text, size), 0);
  }

  /** Splits text into runs by the face that has each character: the sheet font, then the fallback, else "?". */
  runs(text: string, font: PdfFont): Array<{ face: Face; text: string }> {
    const primary = this.faces[font];
    const out: Array<{ face: Face; text: string }> = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let face = primary;
      let t = ch;
      if (!primary.has(cp)) {
        if (this.fallback?.has(cp)) face = this.fallback;
        else {
          t = MISSING_GLYPH;
          if (!this.substitutions.has(ch)) this.substitutions.set(ch, MISSING_GLYPH);
        }
      }
      const last = out.at(-1);
      if (last && last.face === face) last.text += t;
      else out.push({ face, text: t });
    }
    return out;
  }

  /**
   * When some characters had no glyph, says so on every page in a line above the bottom edge, so a reader of
   * the printout knows a "?" is not in the project (the app warns too). Call after everything is drawn.
   */
  noteMissingGlyphs(bottomMargin: number): void {
    if (!this.substitutions.size) return;
    const chars = [...this.substitutions.keys()].slice(0, 12).join(' ');
    const note = `Printed as ${MISSING_GLYPH}: ${[...chars].map((c) => (c === ' ' ? ' ' : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join('').trim()} (no glyph in the embedded Noto Sans; CJK needs a CJK font, see Previs Sandbox README)`;
    for (const p of this.pages) p.text(note, 6, p.height - Math.max(4, bottomMargin / 3), { size: 6, colour: '#aa0000' });
  }

  async toBytes(): Promise<Uint8Array> {
    if (!this.pages.length) throw new Error('pdf: a document needs at least one page');
    // classic xref table, no object streams: the widest range of readers (and poppler) read it plainly
    return this.pdf.save({ useObjectStreams: false });
  }
}
