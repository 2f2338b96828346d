// Names in any European script print as themselves: the storyboard is read back by poppler's pdftotext
// (an independent reader going through the embedded font's ToUnicode map), not by the writer's own code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from './pdfRead.testutil';
import { nodeSheetFonts } from './fonts.testutil';
import { storyboardPdf } from './storyboardSheet';
import { shotRows } from '../shotlist';
import { exportFixture } from '../storyboard.fixture';

const fonts = nodeSheetFonts();
const NAMES = ['Łódź', 'Ștefan', 'Αθήνα', 'Москва'];

function panelsNamed(names: string[], notes = '') {
  const { p, sceneId } = exportFixture();
  const base = shotRows(p, sceneId)[0]!;
  return names.map((name, i) => ({
    row: { ...base, number: String(i + 1), name, notes },
    image: { width: 8, height: 8, rgba: new Uint8Array(8 * 8 * 4).fill(200) },
    frame: 0,
  }));
}

function pdffonts(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdffonts-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), bytes);
    return execFileSync('pdffonts', [join(dir, 'f.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('storyboard PDF in Polish, Romanian, Greek and Russian', () => {
  it('pdftotext reads every shot name back exactly, and pdfinfo has no complaint', async () => {
    const out = await storyboardPdf(panelsNamed(NAMES, 'Ђорђе и Ψυχή: ăâîșț ĄĘŻ'), { title: 'Wrocław — Śródmieście', creationDate: new Date(0) }, fonts);
    expect(out.substitutions.size).toBe(0);
    const pdf = await readPdf(out.bytes);
    expect(pdf.pdfinfoWarnings).toBe('');
    const lines = pdf.pages[0]!.text;
    const text = lines.join('\n');
    // each name as its own word, code point for code point (no "?", no decomposed or look-alike letters)
    for (const [i, name] of NAMES.entries()) expect(text.normalize('NFC'), name).toMatch(new RegExp(`(^|\\s)${i + 1}\\s+${name}(\\s|$)`, 'm'));
    for (const name of NAMES) expect(text.includes(name), name).toBe(true);
    expect(text).toContain('Wrocław — Śródmieście');
    expect(text).toContain('Ђорђе и Ψυχή: ăâîșț ĄĘŻ');
    expect(text).not.toContain('?');
    expect(pdf.info.Title).toBe('Wrocław — Śródmieście');
  });

  it('embeds Noto Sans as a subset (only the glyphs used), not the whole 600 KB face', async () => {
    const out = await storyboardPdf(panelsNamed(NAMES), { title: 'T' }, fonts);
    const list = pdffonts(out.bytes);
    // "name type encoding emb sub uni": both faces embedded, subset, with a ToUnicode map
    const rows = list.split('\n').filter((l) => /NotoSans/.test(l));
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(out.bytes.length).toBeLessThan(fonts.regular.length / 3);
  });

  it('CJK without a CJK font: printed as "?", listed, and the sheet says so in print', async () => {
    const out = await storyboardPdf(panelsNamed(['東京', 'Kraków']), { title: 'T' }, fonts);
    expect([...out.substitutions.keys()]).toEqual(['東', '京']);
    const text = (await readPdf(out.bytes)).pages[0]!.text.join('\n');
    expect(text).toMatch(/1\s+\?\?/);
    expect(text).toContain('Kraków');
    expect(text).toContain('Printed as ?: U+6771 U+4EAC (no glyph in the embedded Noto Sans; CJK needs a CJK font');
  });
});
