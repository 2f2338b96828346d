import { describe, expect, it } from 'vitest';
import { centredView, difference, fitView, pan, pixelRect, sideHalves, snap, sourcePixelAt, stepFrame, stepZoom, wipeSideAt, wipeX, zoomAbout, zoomLabel } from './viewMath';

describe('viewer zoom and pan', () => {
  it('fits a source into the box, centred, keeping its aspect', () => {
    const v = fitView(1920, 1080, 960, 960);
    expect(v.zoom).toBeCloseTo(0.5);
    expect(v.ox).toBeCloseTo(0);
    expect(v.oy).toBeCloseTo((960 - 540) / 2);
  });

  it('at 1:1 and above a source pixel covers exactly zoom × zoom whole canvas pixels', () => {
    for (const zoom of [1, 2, 4]) {
      // an odd box and source put the centre on a half pixel: the offset is snapped to a whole one
      const v = centredView(287, 336, 1001, 777, zoom);
      expect(Number.isInteger(v.ox) && Number.isInteger(v.oy)).toBe(true);
      const r = pixelRect(v, 10, 20);
      expect(r).toEqual({ x: v.ox + 10 * zoom, y: v.oy + 20 * zoom, w: zoom, h: zoom });
      // every canvas pixel of that rectangle maps back to the same source pixel, and its neighbours do not
      for (let dy = 0; dy < zoom; dy++) for (let dx = 0; dx < zoom; dx++) expect(sourcePixelAt(v, r.x + dx, r.y + dy, 287, 336)).toEqual({ x: 10, y: 20 });
      expect(sourcePixelAt(v, r.x + zoom, r.y, 287, 336)).toEqual({ x: 11, y: 20 });
      expect(sourcePixelAt(v, r.x - 1, r.y, 287, 336)).toEqual({ x: 9, y: 20 });
    }
  });

  it('zooming about the cursor keeps the source point under it', () => {
    const v0 = fitView(1000, 500, 800, 600);
    const ax = 413;
    const ay = 277;
    const before = { x: (ax - v0.ox) / v0.zoom, y: (ay - v0.oy) / v0.zoom };
    const v1 = zoomAbout(v0, 4, ax, ay);
    expect(v1.zoom).toBe(4);
    // within the half pixel the whole-pixel snap may move it
    expect(Math.abs(v1.ox + before.x * 4 - ax)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(v1.oy + before.y * 4 - ay)).toBeLessThanOrEqual(0.5);
    const v2 = zoomAbout(v0, 0.3, ax, ay);
    expect(v2.ox + before.x * 0.3).toBeCloseTo(ax);
  });

  it('pans by whole canvas pixels at 1:1 and above, freely below', () => {
    expect(pan({ zoom: 2, ox: 10, oy: 10 }, 3.4, -2.6)).toEqual({ zoom: 2, ox: 13, oy: 7 });
    expect(pan({ zoom: 0.5, ox: 10, oy: 10 }, 3.4, -2.6)).toEqual({ zoom: 0.5, ox: 13.4, oy: 7.4 });
    expect(snap({ zoom: 1, ox: 0.5, oy: -0.4 })).toEqual({ zoom: 1, ox: 1, oy: -0 });
  });

  it('steps the zoom through the named steps, and names them', () => {
    expect(stepZoom(1, 1)).toBe(2);
    expect(stepZoom(2, 1)).toBe(3);
    expect(stepZoom(1, -1)).toBeCloseTo(2 / 3);
    expect(stepZoom(0.37, 1)).toBe(0.5);
    expect(zoomLabel(1)).toBe('1:1');
    expect(zoomLabel(4)).toBe('4:1');
    expect(zoomLabel(0.25)).toBe('1:4');
    expect(zoomLabel(0.37)).toBe('37 %');
  });

  it('knows which picture a column shows in a wipe, and splits side by side', () => {
    expect(wipeX(0.5, 801)).toBe(401);
    expect(wipeSideAt(400, 0.5, 801)).toBe('a');
    expect(wipeSideAt(401, 0.5, 801)).toBe('b');
    expect(wipeSideAt(0, 0, 800)).toBe('b');
    expect(wipeSideAt(799, 1, 800)).toBe('a');
    expect(sideHalves(801)).toEqual({ a: { x: 0, w: 400 }, b: { x: 400, w: 401 } });
  });

  it('frame steps stay inside the clip', () => {
    expect(stepFrame(0, -1, 10)).toBe(0);
    expect(stepFrame(9, 1, 10)).toBe(9);
    expect(stepFrame(4, 1, 10)).toBe(5);
    expect(stepFrame(0, 1, 1)).toBe(0);
  });
});

describe('difference', () => {
  const img = (px: number[][]) => ({ width: px.length, height: 1, data: px.flat() });
  it('is |A − B| per channel times the gain, opaque, with the largest difference and the changed share', () => {
    const a = img([[10, 20, 30, 255], [100, 100, 100, 255], [0, 0, 0, 255], [255, 255, 255, 0]]);
    const b = img([[12, 20, 25, 255], [100, 100, 100, 0], [200, 0, 0, 255], [250, 255, 255, 255]]);
    const { data, stats } = difference(a, b, 8);
    expect([...data]).toEqual([16, 0, 40, 255, 0, 0, 0, 255, 255, 0, 0, 255, 40, 0, 0, 255]);
    expect(stats.max).toBe(200);
    expect(stats.changed).toBe(0.75);
    // gain 1 gives the plain absolute difference, and identical pictures give black
    expect([...difference(a, a, 1).data.filter((_, i) => i % 4 !== 3)].every((v) => v === 0)).toBe(true);
  });
  it('refuses pictures of different sizes', () => {
    expect(() => difference({ width: 2, height: 1, data: [0, 0, 0, 0, 0, 0, 0, 0] }, { width: 1, height: 2, data: [0, 0, 0, 0, 0, 0, 0, 0] }, 1)).toThrow(/differ in size/);
  });
});
