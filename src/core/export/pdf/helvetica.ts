// Advance widths of the two standard fonts the sheets use, in 1/1000 em, by WinAnsi byte 0x20–0xFF, so
// text can be measured for centring, right-aligning and wrapping without any font file.
// Source: Adobe's Core 14 AFM files "Helvetica" (Version 001.006) and "Helvetica-Bold" (001.007),
// Copyright 1985–1990 Adobe Systems, whose licence permits use for any purpose; the glyph for each byte
// follows WinAnsiEncoding (PDF 32000-1:2008 Annex D.2). The Euro (0x80, absent from those AFMs) is 556
// in the later Core 14 AFMs. Undefined WinAnsi slots are 0.
import { encodeWinAnsi } from './winAnsi';

export type PdfFont = 'regular' | 'bold';

const parse = (s: string) => Uint16Array.from(s.split(',').map(Number));

const REGULAR = parse(
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,' +
    '1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,' +
    '333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584,0,' +
    '556,0,222,556,333,1000,556,556,333,1000,667,333,1000,0,611,0,0,222,222,333,333,350,556,1000,333,1000,500,333,944,0,500,667,' +
    '278,333,556,556,556,556,260,556,333,737,370,556,584,333,737,333,400,584,333,333,333,556,537,278,333,333,365,556,834,834,834,611,' +
    '667,667,667,667,667,667,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,' +
    '556,556,556,556,556,556,889,500,556,556,556,556,278,278,278,278,556,556,556,556,556,556,556,584,611,556,556,556,556,500,556,500',
);

const BOLD = parse(
  '278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,' +
    '975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,' +
    '333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584,0,' +
    '556,0,278,556,500,1000,556,556,333,1000,667,333,1000,0,611,0,0,278,278,500,500,350,556,1000,333,1000,556,333,944,0,500,667,' +
    '278,333,556,556,556,556,280,556,333,737,370,556,584,333,737,333,400,584,333,333,333,611,556,278,333,333,365,556,834,834,834,611,' +
    '722,722,722,722,722,722,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,' +
    '556,556,556,556,556,556,889,556,556,556,556,556,278,278,278,278,611,611,611,611,611,611,611,584,611,611,611,611,611,556,611,556',
);

export const BASE_FONT: Record<PdfFont, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/** Width in 1/1000 em of WinAnsi bytes in this font. */
export function bytesWidth(bytes: Uint8Array, font: PdfFont): number {
  const t = font === 'bold' ? BOLD : REGULAR;
  let w = 0;
  for (const b of bytes) w += b >= 0x20 ? (t[b - 0x20] ?? 0) : 0;
  return w;
}

/** Width in points of `text` set at `size` points (after WinAnsi substitution, as it will print). */
export function textWidth(text: string, size: number, font: PdfFont = 'regular'): number {
  return (bytesWidth(encodeWinAnsi(text).bytes, font) * size) / 1000;
}

/**
 * Breaks text into lines no wider than `maxWidth` points: at spaces, or inside a word longer than a line.
 * Hard line breaks in the text are kept.
 */
export function wrapText(text: string, maxWidth: number, size: number, font: PdfFont = 'regular'): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // a word wider than the line (a long URL, a name in a script without spaces): cut it by characters
      let rest = word;
      while (textWidth(rest, size, font) > maxWidth && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && textWidth(rest.slice(0, n), size, font) > maxWidth) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** `text` shortened with an ellipsis to fit `maxWidth` points. */
export function fitText(text: string, maxWidth: number, size: number, font: PdfFont = 'regular'): string {
  if (textWidth(text, size, font) <= maxWidth) return text;
  let n = text.length;
  while (n > 0 && textWidth(text.slice(0, n) + '…', size, font) > maxWidth) n--;
  return text.slice(0, n).trimEnd() + '…';
}
