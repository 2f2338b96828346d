import { describe, expect, it } from 'vitest';
import { buildDemoProject } from './demo';
import { evaluateObject } from '../timeline';
import { lensSet, setHasFocalLength } from '../lens';
import type { Camera } from './schema';

const p = buildDemoProject();
const sid = p.sceneOrder[0]!;
const cam = (id: string, f: number) => evaluateObject(p, sid, id, f) as Camera;

describe('demo street set', () => {
  it('shot cameras are on named lens sets that carry their focal lengths', () => {
    for (const id of ['cam_a', 'cam_b']) {
      const c = cam(id, 0);
      const set = lensSet(c.lens.lensSetId);
      expect(set?.maker, id).toBeTruthy();
      expect(setHasFocalLength(set!, c.lens.focalLengthMm), id).toBe(true);
    }
  });

  it('camera A holds its mark at frame 0, pushes in 3.5 m with an ease, and settles by frame 72', () => {
    expect(cam('cam_a', 0).transform.position).toEqual([0.5, 1.65, 9]);
    expect(cam('cam_a', 72).transform.position).toEqual([0.5, 1.65, 5.5]);
    expect(cam('cam_a', 96).transform.position).toEqual([0.5, 1.65, 5.5]);
    // ease in-out: symmetric about the middle, slow at the ends
    expect(cam('cam_a', 36).transform.position[2]).toBeCloseTo(7.25, 6);
    const z6 = cam('cam_a', 6).transform.position[2];
    expect(9 - z6).toBeLessThan((3.5 * 6) / 72);
    // the dolly runs on the floor: height never changes
    for (let f = 0; f <= 96; f += 8) expect(cam('cam_a', f).transform.position[1]).toBe(1.65);
    // focus follows from 7.5 m to 4 m
    expect(cam('cam_a', 0).lens.focusDistanceM).toBe(7.5);
    expect(cam('cam_a', 72).lens.focusDistanceM).toBe(4);
  });

  it('camera B does not move', () => {
    expect(cam('cam_b', 100)).toEqual(cam('cam_b', 160));
  });
});
