// Reads a PDF back the way a checker would: the cross-reference table must point at each object, the
// trailer must name the catalog, the page tree must hold the pages it counts, and each page's text and
// images can be pulled out. It reads classic-xref PDFs with direct dictionaries (what pdfWriter writes and
// what most simple PDFs are); it is an export check, not a general PDF reader.
import { unzlibSync } from 'fflate';
import { winAnsiChar } from './winAnsi';

export interface PdfObject {
  num: number;
  offset: number;
  /** the dictionary (or other value) text before any stream */
  head: string;
  /** the stream's bytes as stored (still filtered) */
  stream: Uint8Array | null;
}

export interface PdfImageInfo {
  name: string;
  width: number;
  height: number;
  /** decoded samples, RGB */
  rgb: Uint8Array;
}

export interface PdfPageInfo {
  width: number;
  height: number;
  /** the decoded content stream */
  content: string;
  /** text shown with Tj, decoded from WinAnsi, in drawing order */
  text: string[];
  images: PdfImageInfo[];
}

export interface PdfInspection {
  version: string;
  objects: Map<number, PdfObject>;
  trailer: string;
  pageCount: number;
  pages: PdfPageInfo[];
  info: Record<string, string>;
}

const latin1 = (b: Uint8Array, from = 0, to = b.length) => {
  let s = '';
  for (let i = from; i < to; i += 0x8000) s += String.fromCharCode(...b.subarray(i, Math.min(to, i + 0x8000)));
  return s;
};

function fail(msg: string): never {
  throw new Error(`pdf: ${msg}`);
}

const ref = (head: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(head);
  return m ? Number(m[1]) : null;
};

export function inspectPdf(bytes: Uint8Array): PdfInspection {
  const text = latin1(bytes);
  const version = /^%PDF-(\d\.\d)/.exec(text)?.[1] ?? fail('no %PDF- header');
  const sx = text.lastIndexOf('startxref');
  if (sx < 0) fail('no startxref');
  if (!/%%EOF\s*$/.test(text.slice(sx))) fail('no %%EOF at the end');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(text.slice(sx))?.[1] ?? fail('startxref has no offset'));
  if (text.slice(xrefAt, xrefAt + 4) !== 'xref') fail(`startxref ${xrefAt} does not point at "xref"`);
  const objects = new Map<number, PdfObject>();
  let at = xrefAt + 4;
  const lineRe = /\s*(\d+) (\d+)\r?\n/y;
  let trailerAt = -1;
  for (;;) {
    lineRe.lastIndex = at;
    const sub = lineRe.exec(text);
    if (!sub) {
      trailerAt = text.indexOf('trailer', at);
      break;
    }
    const first = Number(sub[1]), count = Number(sub[2]);
    at = lineRe.lastIndex;
    for (let i = 0; i < count; i++) {
      const entry = text.slice(at, at + 20);
      const m = /^(\d{10}) (\d{5}) ([nf])(?: \n| \r|\r\n)$/.exec(entry);
      if (!m) fail(`xref entry ${first + i} is not 20 bytes of "oooooooooo ggggg n": ${JSON.stringify(entry)}`);
      at += 20;
      if (m[3] === 'f') continue;
      const num = first + i, offset = Number(m[1]);
      const want = `${num} ${Number(m[2])} obj`;
      if (text.slice(offset, offset + want.length) !== want) fail(`xref offset ${offset} of object ${num} does not point at "${want}"`);
      objects.set(num, readObject(bytes, text, num, offset + want.length, offset));
    }
  }
  if (trailerAt < 0) fail('no trailer');
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(trailerAt))?.[1] ?? fail('trailer dictionary unreadable');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? fail('trailer has no /Size'));
  if (size !== Math.max(0, ...objects.keys()) + 1) fail(`trailer /Size ${size} but the highest object is ${Math.max(...objects.keys())}`);
  const root = objects.get(ref(trailer, 'Root') ?? fail('trailer has no /Root')) ?? fail('/Root object missing');
  if (!/\/Type\s*\/Catalog/.test(root.head)) fail('/Root is not a /Catalog');
  const tree = objects.get(ref(root.head, 'Pages') ?? fail('catalog has no /Pages')) ?? fail('page tree missing');
  const pageCount = Number(/\/Count\s+(\d+)/.exec(tree.head)?.[1] ?? fail('page tree has no /Count'));
  const kids = [.../\/Kids\s*\[([^\]]*)\]/.exec(tree.head)?.[1]?.matchAll(/(\d+)\s+0\s+R/g) ?? []].map((m) => Number(m[1]));
  if (kids.length !== pageCount) fail(`page tree /Count ${pageCount} but ${kids.length} kids`);
  const pages = kids.map((k) => readPage(objects, k));
  const infoNum = ref(trailer, 'Info');
  const info = infoNum !== null ? readInfo(objects.get(infoNum)?.head ?? '') : {};
  return { version, objects, trailer, pageCount, pages, info };
}

function readObject(bytes: Uint8Array, text: string, num: number, from: number, offset: number): PdfObject {
  let i = from;
  while (/\s/.test(text[i] ?? '')) i++;
  if (!text.startsWith('<<', i)) {
    const end = text.indexOf('endobj', from);
    if (end < 0) fail(`object ${num} has no endobj`);
    return { num, offset, head: text.slice(from, end).trim(), stream: null };
  }
  const dictEnd = matchDict(text, i, num);
  const head = text.slice(i, dictEnd);
  const rest = /^\s*stream(\r\n|\n)/.exec(text.slice(dictEnd, dictEnd + 16));
  if (!rest) {
    if (!/^\s*endobj/.test(text.slice(dictEnd, dictEnd + 16))) fail(`object ${num} has no endobj after its dictionary`);
    return { num, offset, head, stream: null };
  }
  const length = Number(/\/Length\s+(\d+)/.exec(head)?.[1] ?? fail(`stream object ${num} has no direct /Length`));
  // the keyword is followed by CRLF or LF (§7.3.8.1)
  const dataAt = dictEnd + rest[0].length;
  const after = text.slice(dataAt + length, dataAt + length + 30);
  if (!/^\r?\n?endstream\s*endobj/.test(after)) fail(`object ${num}: /Length ${length} does not end at "endstream endobj"`);
  return { num, offset, head, stream: bytes.subarray(dataAt, dataAt + length) };
}

/** The index just past the `>>` that closes the dictionary opening at `at` (literal strings skipped). */
function matchDict(text: string, at: number, num: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // a literal string: balanced parentheses, backslash escapes
      let paren = 1;
      for (i++; i < text.length && paren > 0; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') paren++;
        else if (text[i] === ')') paren--;
      }
      i--;
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  fail(`object ${num}: its dictionary is not closed`);
}

function decoded(o: PdfObject): Uint8Array {
  if (!o.stream) fail(`object ${o.num} has no stream`);
  const filter = /\/Filter\s*\/(\w+)/.exec(o.head)?.[1];
  if (!filter) return o.stream;
  if (filter !== 'FlateDecode') fail(`object ${o.num}: filter ${filter} is not read here`);
  return unzlibSync(o.stream);
}

function readPage(objects: Map<number, PdfObject>, n: number): PdfPageInfo {
  const page = objects.get(n) ?? fail(`page object ${n} missing`);
  if (!/\/Type\s*\/Page\b/.test(page.head)) fail(`object ${n} is not a /Page`);
  const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(page.head) ?? fail(`page ${n} has no /MediaBox`);
  const contents = objects.get(ref(page.head, 'Contents') ?? fail(`page ${n} has no /Contents`)) ?? fail(`page ${n}: contents missing`);
  const content = latin1(decoded(contents));
  const images: PdfImageInfo[] = [];
  const xo = /\/XObject\s*<<([^>]*)>>/.exec(page.head)?.[1] ?? '';
  for (const m of xo.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) {
    const o = objects.get(Number(m[2])) ?? fail(`image ${m[1]} missing`);
    const width = Number(/\/Width\s+(\d+)/.exec(o.head)?.[1]);
    const height = Number(/\/Height\s+(\d+)/.exec(o.head)?.[1]);
    if (!/\/ColorSpace\s*\/DeviceRGB/.test(o.head) || !/\/BitsPerComponent\s+8/.test(o.head)) fail(`image ${m[1]} is not 8-bit RGB`);
    const rgb = decoded(o);
    if (rgb.length !== width * height * 3) fail(`image ${m[1]}: ${rgb.length} bytes for ${width} × ${height} RGB`);
    images.push({ name: m[1]!, width, height, rgb });
  }
  return {
    width: Number(box[3]) - Number(box[1]),
    height: Number(box[4]) - Number(box[2]),
    content,
    text: [...content.matchAll(/(\((?:\\[\s\S]|[^\\)])*\))\s*Tj/g)].map((m) => decodeLiteral(m[1]!)),
    images,
  };
}

/** A literal string `( … )` back to text: escapes per §7.3.4.2, bytes through WinAnsi. */
export function decodeLiteral(lit: string): string {
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    let c = body.charCodeAt(i);
    if (c === 0x5c) {
      const e = body[++i] ?? '';
      if (/[0-7]/.test(e)) {
        const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
        i += oct.length - 1;
        c = parseInt(oct, 8);
      } else {
        c = ({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[e] ?? e.charCodeAt(0);
      }
    }
    out += c < 0x20 ? String.fromCharCode(c) : winAnsiChar(c);
  }
  return out;
}

function readInfo(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of head.matchAll(/\/(\w+)\s*(<[0-9A-Fa-f]*>|\((?:\\[\s\S]|[^\\)])*\))/g)) {
    const v = m[2]!;
    if (v.startsWith('<')) {
      const hex = v.slice(1, -1);
      let s = '';
      // UTF-16BE after the FEFF mark
      for (let i = 4; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      out[m[1]!] = s;
    } else out[m[1]!] = decodeLiteral(v);
  }
  return out;
}
