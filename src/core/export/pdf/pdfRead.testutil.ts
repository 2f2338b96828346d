// Reads an exported PDF back with readers other than the writer: pdf-lib parses the structure (pages, sizes,
// the document info, image XObjects, content streams) and poppler's pdftotext extracts the text as a
// viewer would (through the fonts' ToUnicode maps), pdfinfo reports anything it finds wrong. Tests and the
// e2e harness only (Node: spawns poppler, which .ci/run installs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzlibSync } from 'fflate';
import { PDFDocument, PDFName, PDFRawStream, PDFDict, PDFArray, PDFNumber, PDFRef, decodePDFRawStream } from 'pdf-lib';

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
  /** the decoded content stream(s) */
  content: string;
  /** the page's text as poppler reads it: runs of words on one baseline, split where a gap is wider than a space */
  text: string[];
  images: PdfImageInfo[];
}

export interface PdfReadBack {
  pageCount: number;
  pages: PdfPageInfo[];
  info: { Title?: string; Author?: string; Subject?: string; Creator?: string; Producer?: string };
  /** pdfinfo's standard error: empty when poppler found nothing wrong */
  pdfinfoWarnings: string;
  /** pdfinfo's report */
  pdfinfo: string;
}

const latin1 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
};

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const dir = mkdtempSync(join(tmpdir(), 'pdfread-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (info.error) throw new Error(`pdfinfo could not run (${info.error.message}): apt-get install -y poppler-utils`);
    if (info.status !== 0) throw new Error(`pdfinfo refused the PDF: ${info.stderr}`);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = doc.getPages().map((p, i): PdfPageInfo => {
      const { width, height } = p.getSize();
      const contents = p.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
      const content = streams.map((s) => latin1(decodePDFRawStream(s as PDFRawStream).decode())).join('\n');
      const images: PdfImageInfo[] = [];
      const xobjects = p.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      // images in the order the content stream draws them
      for (const m of content.matchAll(/\/(\S+) Do/g)) {
        const ref = xobjects?.get(PDFName.of(m[1]!));
        const im = ref instanceof PDFRef ? doc.context.lookup(ref) : null;
        if (!(im instanceof PDFRawStream) || im.dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
        const n = (k: string) => (im.dict.get(PDFName.of(k)) as PDFNumber).asNumber();
        const filter = im.dict.get(PDFName.of('Filter'))?.toString();
        if (filter !== '/FlateDecode') throw new Error(`image ${m[1]} is ${filter}, the reader decodes FlateDecode`);
        images.push({ name: m[1]!, width: n('Width'), height: n('Height'), rgb: unzlibSync(im.contents) });
      }
      const text = textRuns(execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
      return { width, height, content, text, images };
    });
    return {
      pageCount: doc.getPageCount(),
      pages,
      info: { Title: doc.getTitle(), Author: doc.getAuthor(), Subject: doc.getSubject(), Creator: doc.getCreator(), Producer: doc.getProducer() },
      pdfinfoWarnings: info.stderr.trim(),
      pdfinfo: info.stdout,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * pdftotext -bbox gives each word with its box; words on one baseline whose gap is under half the line
 * height (a space at most) form one run, joined by one space. Runs come top to bottom, left to right.
 */
function textRuns(bboxHtml: string): string[] {
  const words = [...bboxHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    t: m[5]!.replace(/&(\w+);/g, (e, n: string) => ENTITY[n] ?? e),
  }));
  words.sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const runs: string[] = [];
  let cur: (typeof words)[number] | null = null;
  let text = '';
  for (const w of words) {
    const sameRun = cur && Math.abs(w.y1 - cur.y1) < 0.5 && w.x0 - cur.x1 < 0.5 * (w.y1 - w.y0) && w.x0 >= cur.x1 - 0.5;
    if (sameRun) text += ` ${w.t}`;
    else {
      if (cur) runs.push(text);
      text = w.t;
    }
    cur = w;
  }
  if (cur) runs.push(text);
  return runs;
}
