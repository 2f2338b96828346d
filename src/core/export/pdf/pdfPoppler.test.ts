// Optional: a second, independent reader. When poppler-utils (pdfinfo, pdftotext, pdftoppm) is installed,
// the writer's output is opened with it, its text extracted and its pages rasterised, and pixels checked.
// Without poppler these tests are skipped with the reason; pdfWriter.test.ts always checks the structure.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfDocument, paperSize } from './pdfWriter';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'pipe' });
    return true;
  } catch (e) {
    // poppler tools print their version and exit 0 or 99 depending on the build; ENOENT means absent
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const popplerMissing = !['pdfinfo', 'pdftotext', 'pdftoppm'].every(has);
const reason = popplerMissing ? ' (SKIPPED: poppler-utils not installed — apt-get install -y poppler-utils)' : '';

/** Reads a binary PPM (P6) as pdftoppm writes it. */
function readPpm(buf: Buffer): { width: number; height: number; rgb: Uint8Array } {
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!m) throw new Error('not a P6 PPM');
  return { width: Number(m[1]), height: Number(m[2]), rgb: new Uint8Array(buf.subarray(m[0].length)) };
}

describe.skipIf(popplerMissing)(`pdf read by poppler${reason}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdfw-'));
  const file = join(dir, 'sheet.pdf');
  const doc = new PdfDocument({ title: 'Floor plan (test)' });
  // an image: 20 × 10, left half orange, right half teal
  const rgba = new Uint8Array(20 * 10 * 4);
  for (let i = 0; i < 200; i++) rgba.set((i % 20) < 10 ? [255, 136, 0, 255] : [0, 128, 128, 255], i * 4);
  const img = doc.addImage({ width: 20, height: 10, rgba });
  const a4 = paperSize('A4', 'landscape');
  const p = doc.addPage(a4);
  p.image(img, 72, 72, 288, 144); // 1 in from the top-left, 4 × 2 in
  p.rect(432, 72, 72, 72, { fill: '#2040c0' }); // a blue square 6 in from the left
  p.text('Shot (1A) \\ Café — 35 mm', 72, 300, { size: 18 });
  doc.addPage(paperSize('Letter'));
  writeFileSync(file, doc.toBytes());

  it('pdfinfo reads two pages of the right size', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.276 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Floor plan \(test\)/);
  });

  it('pdftotext gets the text back, escapes and accents intact', () => {
    const txt = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(txt).toContain('Shot (1A) \\ Café — 35 mm');
  });

  it('pdftoppm renders the image and the square where they were placed', () => {
    // 72 dpi: one pixel per point
    execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const ppmName = readdirPage(dir);
    const { width, height, rgb } = readPpm(readFileSync(join(dir, ppmName)));
    // 841.89 × 595.276 pt round up to whole pixels
    expect(width).toBe(842);
    expect([595, 596]).toContain(height);
    const at = (x: number, y: number) => [...rgb.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 3);
    expect(near(at(72 + 72, 72 + 72), [255, 136, 0]), `orange half ${at(144, 144)}`).toBe(true);
    expect(near(at(72 + 216, 72 + 72), [0, 128, 128]), `teal half ${at(288, 144)}`).toBe(true);
    expect(near(at(468, 108), [0x20, 0x40, 0xc0]), `square ${at(468, 108)}`).toBe(true);
    expect(near(at(400, 108), [255, 255, 255]), 'paper between them').toBe(true);
    expect(near(at(60, 108), [255, 255, 255]), 'paper left of the image').toBe(true);
    // the text line darkens pixels just above its baseline
    let dark = 0;
    for (let y = 285; y < 300; y++) for (let x = 72; x < 300; x++) if (at(x, y)[0]! < 100) dark++;
    expect(dark).toBeGreaterThan(200);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});

function readdirPage(dir: string): string {
  const f = readdirSync(dir).find((n) => n.startsWith('page') && n.endsWith('.ppm'));
  if (!f) throw new Error('pdftoppm wrote no page');
  return f;
}
