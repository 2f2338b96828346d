// A shot made from words carries its words to the shot list (CSV, JSON) and onto both storyboards (HTML, PDF).
import { describe, expect, it } from 'vitest';
import { shotRows, shotListCsv } from '../export/shotlist';
import { storyboardHtml } from '../export/storyboard';
import { storyboardPdf } from '../export/pdf/storyboardSheet';
import { readPdf } from '../export/pdf/pdfRead.testutil';
import { nodeSheetFonts } from '../export/pdf/fonts.testutil';
import { testScene } from './fixture.testutil';
import { planFromWords } from './apply';

describe('the words travel with the shot', () => {
  const { project, sceneId } = testScene();
  const res = planFromWords('low-angle medium shot on Ana, 35 mm <b>', { project, sceneId, frame: 0, templateCameraId: 'cam_main' });
  it('is refused with the stray word named', () => {
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.word).toBe('<b>');
  });
  const ok = planFromWords('low-angle medium shot on Ana, 35 mm', { project, sceneId, frame: 0, templateCameraId: 'cam_main' });
  if (!ok.ok) throw new Error(ok.error);
  const after = ok.plan.edit(project);
  const rows = shotRows(after, sceneId);

  it('is a shot list column', () => {
    expect(rows[0]!.description).toBe('low-angle medium shot on Ana, 35 mm');
    const csv = shotListCsv(rows).split('\r\n');
    const header = csv[0]!.split(',');
    expect(header.at(-1)).toBe('Description');
    expect(csv[1]!.endsWith('"low-angle medium shot on Ana, 35 mm"')).toBe(true);
  });

  it('is printed on the HTML and PDF storyboards', async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const html = storyboardHtml([{ row: { ...rows[0]!, description: 'MS on <Ana>' }, png, frame: 0 }], { title: 'Boards' });
    expect(html).toContain('“MS on &lt;Ana&gt;”');
    const image = { width: 4, height: 2, rgba: new Uint8Array(4 * 2 * 4).fill(200) };
    const out = await storyboardPdf([{ row: rows[0]!, image, frame: 0 }], { title: 'Boards' }, nodeSheetFonts());
    const pdf = await readPdf(out.bytes);
    expect(JSON.stringify(pdf)).toContain('low-angle medium shot on Ana, 35 mm');
  });
});
