import { describe, expect, it } from 'vitest';
import { axisOrigins, cropTile, featherWeight, planTiles, TileBlender, tiledJob } from './tiling';

const rules = { mode: 'tiled' as const, tile: [8, 8] as [number, number], overlap: 4, blend: 'feather-linear' as const, pad: 'reflect' as const, imageInput: 'x' };

describe('tiling', () => {
  it('places tiles every tile-overlap, the last flush with the edge', () => {
    expect(axisOrigins(512, 512, 64)).toEqual([0]);
    expect(axisOrigins(300, 512, 64)).toEqual([0]);
    expect(axisOrigins(1000, 512, 64)).toEqual([0, 448, 488]);
    expect(axisOrigins(960, 512, 64)).toEqual([0, 448]);
    expect(planTiles(20, 12, rules)).toHaveLength(4 * 2);
  });

  it('feathers with a zero guard band at inner edges', () => {
    expect(featherWeight(0, 64)).toBe(0);
    expect(featherWeight(15, 64)).toBe(0);
    expect(featherWeight(16, 64)).toBeCloseTo(0.5 / 32);
    expect(featherWeight(47, 64)).toBeCloseTo(31.5 / 32);
    expect(featherWeight(48, 64)).toBe(1);
    expect(featherWeight(200, 64)).toBe(1);
  });

  it('pads by reflection without repeating the edge', () => {
    const t = { dtype: 'float32' as const, dims: [1, 1, 1, 4], data: Float32Array.from([1, 2, 3, 4]) };
    const c = cropTile(t, { y: 0, x: 2 }, 1, 4, 'reflect');
    expect([...c.data]).toEqual([3, 4, 3, 2]);
    expect([...cropTile(t, { y: 0, x: 2 }, 1, 4, 'edge').data]).toEqual([3, 4, 4, 4]);
    expect([...cropTile(t, { y: 0, x: 2 }, 1, 4, 'zero').data]).toEqual([3, 4, 0, 0]);
  });

  it('blends an identity model back to the exact image', () => {
    const [h, w] = [19, 13];
    const data = Float32Array.from({ length: 2 * h * w }, (_, i) => Math.sin(i));
    const feeds = { x: { dtype: 'float32' as const, dims: [1, 2, h, w], data } };
    const job = tiledJob(feeds, rules);
    const blender = new TileBlender(job, rules);
    for (const o of job.tiles) blender.add(o, { y: cropTile(feeds.x, o, 8, 8, 'reflect') });
    const out = blender.finish().y!;
    expect(out.dims).toEqual([1, 2, h, w]);
    for (let i = 0; i < data.length; i++) expect(out.data[i]).toBeCloseTo(data[i]!, 6);
  });
});
