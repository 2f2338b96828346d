import { describe, expect, it } from 'vitest';
import { shotRows, shotListCsv, shotListJson, csvCell } from './shotlist';
import { storyboardHtml, panelFileName } from './storyboard';
import { exportFixture } from './storyboard.fixture';

/** A strict RFC 4180 reader, to read the CSV back rather than string-match it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('shot list', () => {
  it('reads lens, height and timing per shot', () => {
    const { p, sceneId } = exportFixture(29.97);
    const rows = shotRows(p, sceneId);
    expect(rows.map((r) => r.number)).toEqual(['10', '20', '30']);
    expect(rows[0]).toMatchObject({ focalLengthMm: 35, cameraHeightM: 1.6, moves: true, zooms: false, durationFrames: 48, recordIn: 0 });
    expect(rows[1]).toMatchObject({ focalLengthMm: 75, zooms: true, cameraHeightM: 0.6, tiltDeg: 11.5, recordIn: 48, take: 3 });
    expect(rows[2]).toMatchObject({ moves: false, inTimecode: '00:00:03;10', recordInTimecode: '00:00:02;12' });
    expect(rows[0]!.durationSeconds).toBeCloseTo(48 / (30000 / 1001), 3);
  });
  it('writes CSV that reads back cell for cell, with quotes and formula text defused', () => {
    const { p, sceneId } = exportFixture();
    const csv = shotListCsv(shotRows(p, sceneId));
    const table = parseCsv(csv);
    expect(table).toHaveLength(4);
    const head = table[0]!;
    const col = (name: string) => head.indexOf(name);
    expect(table[1]![col('Notes')]).toBe('Dolly in, "slow"');
    expect(table[2]![col('Notes')]).toBe("'=cmd|calc");
    expect(table[2]![col('Lens (mm)')]).toBe('75');
    expect(table[1]![col('Camera moves')]).toBe('yes');
    expect(table.every((r) => r.length === head.length)).toBe(true);
    expect(csvCell(-3)).toBe('-3');
  });
  it('writes JSON with the exact rate', () => {
    const { p, sceneId } = exportFixture(23.976);
    const j = JSON.parse(JSON.stringify(shotListJson(p, sceneId)));
    expect(j.fpsRational).toEqual({ num: 24000, den: 1001 });
    expect(j.dropFrame).toBe(false);
    expect(j.shots).toHaveLength(3);
  });
  it('refuses a shot whose camera is gone, naming the shot', () => {
    const { p, sceneId } = exportFixture();
    const s = p.scenes[sceneId]!;
    const broken = { ...p, scenes: { [sceneId]: { ...s, objects: { cam_a: s.objects.cam_a! } } } };
    expect(() => shotRows(broken, sceneId)).toThrow(/shot 20/);
  });
});

describe('storyboard sheet', () => {
  it('lays out one panel per shot with number, lens, height and escaped notes', () => {
    const { p, sceneId } = exportFixture();
    const rows = shotRows(p, sceneId);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const html = storyboardHtml(rows.map((row) => ({ row, png, frame: row.in })), { title: 'Street <chase>' });
    expect(html.match(/<figure class="panel">/g)).toHaveLength(3);
    expect(html).toContain('Street &lt;chase&gt;');
    expect(html).toContain('Lens 75 mm (zoom) 2× anamorphic');
    expect(html).toContain('Cam height 0.60 m');
    expect(html).toContain('Dolly in, &quot;slow&quot;');
    expect(html).toContain('data:image/png;base64,iVBORw==');
    expect(panelFileName(rows[1]!)).toBe('shot_20_take3.png');
  });
});
