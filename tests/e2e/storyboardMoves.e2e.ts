// Storyboards of moves, in Chromium: a shot whose camera dollies in while an actor walks across gets its
// start and end frames side by side with amber camera arrows and a red actor path, in the storyboard strip
// (the thumbnail is two frames wide) and in the storyboard PDF (read back with pdf-lib and poppler: two
// pictures for that panel, the arrows' stroke colours in its content, "start"/"end" and the move in words);
// a held shot keeps one frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inApp, openApp, type App } from './harness';
import { readPdf } from '../../src/core/export/pdf/pdfRead.testutil';
import { ARROW_COLOURS } from '../../src/core/export/storyboardMoves';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 860 } });
});
afterAll(async () => {
  await app?.close();
});

const rgbOf = (hex: string) => hex.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16) / 255);
/** Whether the content stream sets `hex` as a stroke colour (the arrows are stroked). */
const strokes = (content: string, hex: string) => {
  const want = rgbOf(hex);
  return content.split('\n').some((l) => {
    const t = l.trim().split(/\s+/);
    return t.at(-1) === 'RG' && t.slice(0, 3).every((v, i) => Math.abs(Number(v) - want[i]!) < 0.01);
  });
};

describe('storyboard of moves', () => {
  it('a moving shot shows start and end with arrows in the strip and in the PDF; a held shot one frame', async () => {
    const { page } = app;
    await inApp(page, (h) => {
      const st = h.projectStore.getState();
      const p = st.project;
      const sid = st.activeSceneId;
      const objects = p.scenes[sid].objects;
      const base = { parentId: null, visible: true, locked: false };
      const lens = { focalLengthMm: 28, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 6, lensSetId: null };
      const body = { sensorPresetId: null, sensorWidthMm: 36, sensorHeightMm: 24 };
      const cam = (id: string, z: number) => ({ ...base, id, name: id, type: 'camera', body, lens, deliveryAspect: 16 / 9, backgroundPlateId: null, transform: { position: [0, 1.6, z], rotation: [0, 0, 0], scale: [1, 1, 1] } });
      const ana = { ...objects.actor_ana, transform: { position: [-2.5, 0, -2], rotation: [0, 0, 0], scale: [1, 1, 1] } };
      const tom = { ...objects.actor_tom, transform: { position: [1, 0, -3], rotation: [0, 0, 0], scale: [1, 1, 1] } };
      const scene = {
        ...p.scenes[sid],
        objects: { road: objects.road, actor_ana: ana, actor_tom: tom, dolly: cam('dolly', 8), locked: cam('locked', 6) },
        shots: {
          s1: { id: 's1', number: '1', name: 'Push in as ANA crosses', cameraId: 'dolly', in: 0, out: 24, take: 1, size: null, angle: null, notes: '' },
          s2: { id: 's2', number: '2', name: 'Held wide', cameraId: 'locked', in: 24, out: 48, take: 1, size: null, angle: null, notes: '' },
        },
        shotOrder: ['s1', 's2'],
        tracks: {
          push: { id: 'push', targetId: 'dolly', property: 'transform.position', keys: [{ frame: 0, value: [0, 1.6, 8], interp: 'linear' }, { frame: 23, value: [0, 1.6, 4], interp: 'linear' }] },
          walk: { id: 'walk', targetId: 'actor_ana', property: 'transform.position', keys: [{ frame: 0, value: [-2.5, 0, -2], interp: 'linear' }, { frame: 23, value: [2.5, 0, -2], interp: 'linear' }] },
        },
      };
      st.load({ ...p, scenes: { ...p.scenes, [sid]: scene } });
    });
    await page.locator('[data-panel=shots]').click();
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.notices .notice button').forEach((b) => b.click()));

    // the strip: the moving shot's thumbnail is two frames wide, the held one a single frame
    await page.locator('.shots input[type=checkbox]').first().check();
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('[data-testid=storyboard-strip] img')];
      return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    }, undefined, { timeout: 120_000 });
    const sizes = await page.$$eval('[data-testid=storyboard-strip] img', (els) => els.map((e) => [(e as HTMLImageElement).naturalWidth, (e as HTMLImageElement).naturalHeight]));
    console.log(`strip thumbnails: ${JSON.stringify(sizes)}`);
    expect(sizes[0]![0]).toBe(2 * sizes[1]![0]!);
    expect(sizes[0]![1]).toBe(sizes[1]![1]);
    // amber (camera) and red (actor) arrow pixels in the moving thumbnail's start half, none in the held one
    const arrowPixels = await page.$$eval('[data-testid=storyboard-strip] img', (els) =>
      els.map((e) => {
        const img = e as HTMLImageElement;
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width / (c.width > 300 ? 2 : 1), c.height).data;
        let amber = 0, red = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i]! > 220 && d[i + 1]! > 140 && d[i + 1]! < 210 && d[i + 2]! < 70) amber++;
          if (d[i]! > 220 && d[i + 1]! < 90 && d[i + 2]! < 90) red++;
        }
        return { amber, red };
      }),
    );
    console.log(`arrow pixels (moving, held): ${JSON.stringify(arrowPixels)}`);
    expect(arrowPixels[0]!.amber).toBeGreaterThan(20);
    expect(arrowPixels[0]!.red).toBeGreaterThan(20);
    expect(arrowPixels[1]!.amber).toBe(0);

    // the PDF
    const button = page.getByTestId('export-storyboard-pdf');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), button.dispatchEvent('click')]);
    const pdf = await readPdf(new Uint8Array(readFileSync((await dl.path())!)));
    const pg = pdf.pages[0]!;
    // panel 1: start and end; panel 2: one frame
    expect(pg.images).toHaveLength(3);
    const [start, end, held] = pg.images;
    expect(start!.width).toBe(end!.width);
    expect(held!.width).toBe(2 * start!.width);
    // the start and end frames differ (the camera moved, ANA crossed)
    let diff = 0;
    for (let i = 0; i < start!.rgb.length; i += 3) diff += Math.abs(start!.rgb[i]! - end!.rgb[i]!);
    expect(diff / (start!.rgb.length / 3)).toBeGreaterThan(0.5);
    const text = pg.text.join('\n');
    expect(text).toContain('start · fr 0');
    expect(text).toContain('end · fr 23');
    expect(text).toContain('Camera: push in');
    expect(text).toMatch(/ANA moves/);
    expect(strokes(pg.content, ARROW_COLOURS.camera)).toBe(true);
    expect(strokes(pg.content, ARROW_COLOURS.actor)).toBe(true);
    expect(pdf.pdfinfoWarnings).toBe('');
  });
});
