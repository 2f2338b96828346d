import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { PdfDocument, paperSize, num, pdfDate } from './pdfWriter';
import { inspectPdf, decodeLiteral } from './pdfInspect';
import { encodeWinAnsi, pdfLiteral, winAnsiChar } from './winAnsi';
import { textWidth, wrapText, fitText } from './helvetica';

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

/** A w × h RGBA image: left half red, right half blue, the bottom-right pixel half-transparent green. */
function testImage(w: number, h: number) {
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      rgba.set(x < w / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], i);
    }
  rgba.set([0, 255, 0, 128], (w * h - 1) * 4);
  return { width: w, height: h, rgba };
}

function sample() {
  const doc = new PdfDocument({ title: 'Plan — 日本', creationDate: new Date(Date.UTC(2026, 10, 30, 9, 5, 7)) });
  const img = doc.addImage(testImage(8, 4));
  const p1 = doc.addPage(paperSize('A4', 'landscape'));
  p1.image(img, 100, 100, 400, 200);
  p1.text('Shot (1A) \\ back', 50, 50, { size: 14, font: 'bold' });
  p1.text('Café 35 mm · 6′ 7″ − ok', 50, 70);
  p1.rect(10, 10, 20, 30, { fill: '#ff8800', stroke: '#000000' });
  p1.line(0, 0, 100, 100, { dash: [4, 2] });
  const p2 = doc.addPage(paperSize('Letter', 'portrait'));
  p2.image(img, 10, 10, 80, 40); // the same image again: stored once
  p2.text('東京 street', 20, 200, { align: 'right' });
  return { doc, bytes: doc.toBytes() };
}

describe('pdf writer', () => {
  it('writes a header, objects whose xref offsets point at "N 0 obj", a trailer and startxref', () => {
    const { bytes } = sample();
    const text = latin1(bytes);
    expect(text.startsWith('%PDF-1.4\n%')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    // read the xref by hand, independently of inspectPdf
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
    expect(first).toBe('0');
    const entriesAt = startxref + `xref\n0 ${count}\n`.length;
    for (let n = 0; n < Number(count); n++) {
      const e = text.slice(entriesAt + 20 * n, entriesAt + 20 * (n + 1));
      expect(e).toMatch(/^\d{10} \d{5} [nf] \n$/);
      if (n === 0) {
        expect(e).toBe('0000000000 65535 f \n');
        continue;
      }
      const off = Number(e.slice(0, 10));
      expect(text.slice(off, off + `${n} 0 obj`.length)).toBe(`${n} 0 obj`);
    }
    expect(text.slice(entriesAt + 20 * Number(count))).toMatch(/^trailer\n<< \/Size \d+ \/Root 1 0 R \/Info 3 0 R >>\nstartxref\n/);
  });

  it('reads back: page count and sizes, text, images decoded to the composited pixels', () => {
    const { bytes } = sample();
    const pdf = inspectPdf(bytes);
    expect(pdf.version).toBe('1.4');
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pages[0]!.width).toBeCloseTo(841.89, 2);
    expect(pdf.pages[0]!.height).toBeCloseTo(595.276, 2);
    expect([pdf.pages[1]!.width, pdf.pages[1]!.height]).toEqual([612, 792]);
    expect(pdf.pages[0]!.text).toEqual(['Shot (1A) \\ back', "Café 35 mm · 6' 7\" - ok"]);
    expect(pdf.pages[1]!.text).toEqual(['?? street']);
    const im = pdf.pages[0]!.images[0]!;
    expect([im.width, im.height]).toEqual([8, 4]);
    expect([...im.rgb.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect([...im.rgb.subarray(7 * 3, 8 * 3)]).toEqual([0, 0, 255]);
    // 50 % green over white paper
    expect([...im.rgb.subarray(31 * 3, 32 * 3)]).toEqual([127, 255, 127]);
    // one image object, drawn on both pages
    const imageObjects = [...pdf.objects.values()].filter((o) => /\/Subtype \/Image/.test(o.head));
    expect(imageObjects).toHaveLength(1);
    expect(pdf.pages[1]!.images[0]!.name).toBe(im.name);
    expect(pdf.info.Title).toBe('Plan — 日本');
    expect(pdf.info.CreationDate).toBe('D:20261130090507Z');
  });

  it('draws in top-left page coordinates: the image box and a rectangle land where PDF expects', () => {
    const { bytes } = sample();
    const page = inspectPdf(bytes).pages[0]!;
    // 400 × 200 at (100, 100) from the top of a 595.276 pt page → y from the bottom = 595.276 − 300
    expect(page.content).toContain('q 400 0 0 200 100 295.276 cm /Im1 Do Q');
    expect(page.content).toContain('1 0.533 0 rg');
    expect(page.content).toMatch(/10 555\.276 20 30 re B/);
    expect(page.content).toContain('[4 2] 0 d');
  });

  it('reports every character the standard font cannot print, and what was printed instead', () => {
    const { doc } = sample();
    expect(Object.fromEntries(doc.substitutions)).toEqual({ '′': "'", '″': '"', '−': '-', 東: '?', 京: '?' });
  });

  it('is deterministic for the same input', () => {
    expect(sample().bytes).toEqual(sample().bytes);
  });

  it('refuses bad input with a clear message', () => {
    const doc = new PdfDocument();
    expect(() => doc.toBytes()).toThrow(/at least one page/);
    expect(() => doc.addImage({ width: 2, height: 2, rgba: new Uint8Array(15) })).toThrow(/needs 16/);
    expect(() => doc.addPage({ width: 0, height: 10 })).toThrow(/page size/);
    const p = doc.addPage(paperSize('A4'));
    expect(() => p.text('x', NaN, 0)).toThrow(/finite/);
    expect(() => p.rect(0, 0, 1, 1, { fill: 'orange' })).toThrow(/#rrggbb/);
  });

  it('a tampered file fails the read-back', () => {
    const { bytes } = sample();
    const bad = bytes.slice();
    // shift an xref offset by one byte
    const text = latin1(bad);
    const at = text.lastIndexOf(' 00000 n \n') - 10;
    const digit = bad[at + 9]!;
    bad[at + 9] = digit === 0x39 ? 0x30 : digit + 1;
    expect(() => inspectPdf(bad)).toThrow(/does not point at/);
    expect(() => inspectPdf(bytes.subarray(0, bytes.length - 7))).toThrow(/%%EOF/);
  });
});

describe('WinAnsi text', () => {
  it('escapes parentheses and backslashes, writes high bytes as octal', () => {
    const { bytes } = encodeWinAnsi('a(b)c\\ é—€');
    expect(pdfLiteral(bytes)).toBe('(a\\(b\\)c\\\\ \\351\\227\\200)');
    expect(decodeLiteral(pdfLiteral(bytes))).toBe('a(b)c\\ é—€');
    // unbalanced parentheses are fine when escaped
    expect(decodeLiteral(pdfLiteral(encodeWinAnsi('))(').bytes))).toBe('))(');
  });
  it('uses base letters for marks the encoding lacks, "?" for scripts it lacks', () => {
    expect(encodeWinAnsi('Dvořák Łódź')).toEqual({
      bytes: encodeWinAnsi('Dvorák ?ódz').bytes,
      substituted: [
        { char: 'ř', as: 'r' },
        { char: 'Ł', as: '?' },
        { char: 'ź', as: 'z' },
      ],
    });
    expect(encodeWinAnsi('🎬').substituted).toEqual([{ char: '🎬', as: '?' }]);
  });
  it('round-trips every printable WinAnsi byte', () => {
    for (let b = 0x20; b <= 0xff; b++) {
      const ch = winAnsiChar(b);
      if (ch === '\ufffd') continue;
      expect(encodeWinAnsi(ch).bytes).toEqual(new Uint8Array([b]));
    }
    expect(winAnsiChar(0x81)).toBe('\ufffd');
  });
});

describe('Helvetica metrics', () => {
  it('measures with the AFM widths', () => {
    // "Shot" = S 667 + h 556 + o 556 + t 278 = 2057 → 20.57 pt at 10 pt
    expect(textWidth('Shot', 10)).toBeCloseTo(20.57, 6);
    expect(textWidth('Shot', 10, 'bold')).toBeCloseTo((667 + 611 + 611 + 333) / 100, 6);
    expect(textWidth('€', 1000)).toBe(556);
  });
  it('wraps at spaces, cuts over-long words and keeps hard breaks', () => {
    const lines = wrapText('Establish the street, ANA and TOM meet.\nSecond', 60, 10);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(60);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe('Establish the street, ANA and TOM meet. Second');
    expect(lines.at(-1)).toBe('Second');
    const long = wrapText('x'.repeat(40), 50, 10);
    expect(long.join('')).toBe('x'.repeat(40));
    for (const l of long) expect(textWidth(l, 10)).toBeLessThanOrEqual(50);
  });
  it('fits with an ellipsis', () => {
    const s = fitText('A long shot name that will not fit', 60, 10);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s, 10)).toBeLessThanOrEqual(60);
    expect(fitText('Short', 60, 10)).toBe('Short');
  });
});

describe('numbers and dates', () => {
  it('writes numbers without exponents and dates in UTC', () => {
    expect(num(1e-7)).toBe('0');
    expect(num(-0.0001)).toBe('0');
    expect(num(12.34567)).toBe('12.346');
    expect(num(1234567)).toBe('1234567');
    expect(pdfDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('D:20260102030405Z');
  });
  it('content streams are zlib streams', () => {
    const { bytes } = sample();
    const pdf = inspectPdf(bytes);
    const contents = [...pdf.objects.values()].find((o) => o.stream && !/Image/.test(o.head))!;
    expect(latin1(unzlibSync(contents.stream!))).toContain('BT /F2 14 Tf');
  });
});
