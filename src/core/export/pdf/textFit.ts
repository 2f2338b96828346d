// Fitting text into a box: wrapping at spaces and shortening with an ellipsis, measured by the document's
// own embedded font (so what is measured is what prints).
import type { PdfFont } from './sheetFonts';

/** Width in points of `text` set at `size` points in `font`. */
export type MeasureText = (text: string, size: number, font?: PdfFont) => number;

/**
 * Breaks text into lines no wider than `maxWidth` points: at spaces, or inside a word longer than a line.
 * Hard line breaks in the text are kept.
 */
export function wrapText(measure: MeasureText, text: string, maxWidth: number, size: number, font: PdfFont = 'regular'): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, size, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // a word wider than the line (a long URL, a name in a script without spaces): cut it by characters
      let rest = [...word];
      while (measure(rest.join(''), size, font) > maxWidth && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && measure(rest.slice(0, n).join(''), size, font) > maxWidth) n--;
        lines.push(rest.slice(0, n).join(''));
        rest = rest.slice(n);
      }
      line = rest.join('');
    }
    lines.push(line);
  }
  return lines;
}

/** `text` shortened with an ellipsis to fit `maxWidth` points (cut between code points, never inside one). */
export function fitText(measure: MeasureText, text: string, maxWidth: number, size: number, font: PdfFont = 'regular'): string {
  if (measure(text, size, font) <= maxWidth) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && measure(chars.slice(0, n).join('') + '…', size, font) > maxWidth) n--;
  return chars.slice(0, n).join('').trimEnd() + '…';
}
