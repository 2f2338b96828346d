import { describe, expect, it } from 'vitest';
import { planAnimatic } from './plan';
import { exportFixture } from '../../core/export/storyboard.fixture';

describe('animatic plan', () => {
  it('follows the cut: shots in order, each through its own camera', () => {
    const { p, sceneId } = exportFixture();
    const plan = planAnimatic(p, sceneId);
    expect(plan).toHaveLength(84);
    expect(plan[0]).toMatchObject({ sceneFrame: 0, cameraId: 'cam_a', shotFrame: 1, shotLength: 48 });
    expect(plan[48]).toMatchObject({ sceneFrame: 48, cameraId: 'cam_b', shotFrame: 1 });
    expect(plan[72]).toMatchObject({ sceneFrame: 100, cameraId: 'cam_a' });
    expect(planAnimatic(p, sceneId, { shotIds: ['shot_2'] }).map((f) => f.sceneFrame)).toEqual(Array.from({ length: 24 }, (_, i) => 48 + i));
  });
  it('falls back to the project range through one camera when there are no shots', () => {
    const { p, sceneId } = exportFixture();
    const s = p.scenes[sceneId]!;
    const q = { ...p, settings: { ...p.settings, frameIn: 10, frameOut: 20 }, scenes: { [sceneId]: { ...s, shots: {}, shotOrder: [] } } };
    const plan = planAnimatic(q, sceneId, { cameraId: 'cam_b' });
    expect(plan.map((f) => f.sceneFrame)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(plan.every((f) => f.cameraId === 'cam_b' && f.shot === null)).toBe(true);
  });
});
