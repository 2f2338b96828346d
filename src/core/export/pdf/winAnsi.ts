// Text for PDF's standard 14 fonts: they carry no glyphs of their own, so a string must be written in
// WinAnsiEncoding (PDF 32000-1:2008 Annex D.2; the Windows code page 1252). What the encoding lacks is
// written as its nearest plain form (a prime ′ as ', a minus − as -) or as "?", and every such change is
// reported so the exporter can tell the user instead of silently dropping a name written in Japanese.

/** cp1252 0x80–0x9F: the slots where it differs from Latin-1 (undefined slots are absent). */
const HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const BYTE_TO_UNICODE = new Map<number, number>(Object.entries(HIGH).map(([u, b]) => [b, Number(u)]));

/** Characters the app itself writes (feet and inches, minus, arrows) and their plain-text stand-ins. */
const PLAIN: Record<string, string> = {
  '′': "'", '″': '"', '−': '-', '‐': '-', '‑': '-', '‒': '-', '⁄': '/', '→': '->', '←': '<-', '↔': '<->',
  '≤': '<=', '≥': '>=', '≈': '~', '≠': '!=', '∞': 'inf', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u200a': ' ',
  '\t': ' ',
};

/** The WinAnsi byte of one Unicode code point, or null when the encoding has no slot for it. */
export function winAnsiByte(cp: number): number | null {
  if (cp >= 0x20 && cp <= 0x7e) return cp;
  if (cp >= 0xa0 && cp <= 0xff) return cp;
  return HIGH[cp] ?? null;
}

/** The Unicode character a WinAnsi byte stands for (for reading text back out of a PDF). */
export function winAnsiChar(byte: number): string {
  if ((byte >= 0x20 && byte <= 0x7e) || (byte >= 0xa0 && byte <= 0xff)) return String.fromCharCode(byte);
  const u = BYTE_TO_UNICODE.get(byte);
  return u === undefined ? '\ufffd' : String.fromCodePoint(u);
}

export interface WinAnsiText {
  bytes: Uint8Array;
  /** each character that could not be written as itself, and what was written instead */
  substituted: Array<{ char: string; as: string }>;
}

export function encodeWinAnsi(text: string): WinAnsiText {
  const out: number[] = [];
  const substituted: Array<{ char: string; as: string }> = [];
  const push = (s: string) => {
    for (const ch of s) out.push(winAnsiByte(ch.codePointAt(0)!) ?? 0x3f);
  };
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    const b = winAnsiByte(cp);
    if (b !== null) {
      out.push(b);
      continue;
    }
    const plain = PLAIN[ch];
    if (plain !== undefined) {
      push(plain);
      substituted.push({ char: ch, as: plain });
      continue;
    }
    if (cp === 0x0a || cp === 0x0d) {
      // a line break inside one run of text: the layout splits lines, a stray one becomes a space
      out.push(0x20);
      continue;
    }
    // a letter with a mark the encoding lacks (ő, ł is not decomposable): its base letter when that exists
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base && base !== ch && [...base].every((c) => winAnsiByte(c.codePointAt(0)!) !== null)) {
      push(base);
      substituted.push({ char: ch, as: base });
      continue;
    }
    out.push(0x3f);
    substituted.push({ char: ch, as: '?' });
  }
  return { bytes: Uint8Array.from(out), substituted };
}

/**
 * A PDF literal string `( … )` of WinAnsi bytes: parentheses and backslashes escaped (§7.3.4.2), and every
 * byte outside printable ASCII as a three-digit octal escape, so the file stays 7-bit text around its streams.
 */
export function pdfLiteral(bytes: Uint8Array): string {
  let s = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += '\\' + String.fromCharCode(b);
    else if (b >= 0x20 && b <= 0x7e) s += String.fromCharCode(b);
    else s += '\\' + b.toString(8).padStart(3, '0');
  }
  return s + ')';
}

/** A text string for the document information dictionary: UTF-16BE with a byte-order mark, in hex (§7.9.2.2). */
export function pdfTextString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex + '>';
}
