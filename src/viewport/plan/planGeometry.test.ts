import { describe, expect, it } from 'vitest';
import { createObject, newScene, type Camera } from '../../core/document';
import { cameraWedge, fitView, planDistance, planModel, planToScreen, scaleBarMetres, screenToPlan, snap, snapTargets, zoomAt, type PlanView } from './planGeometry';

const ff = (focal: number, ry = 0): Camera =>
  createObject('camera', {
    id: 'c1',
    body: { sensorPresetId: 'full-frame', sensorWidthMm: 36, sensorHeightMm: 24 },
    lens: { focalLengthMm: focal, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 5, lensSetId: null },
    deliveryAspect: 1.5,
    transform: { position: [2, 1.6, 3], rotation: [0, ry, 0], scale: [1, 1, 1] },
  });

const angle = (a: [number, number], o: [number, number], b: [number, number]) => {
  const u = [a[0] - o[0], a[1] - o[1]], v = [b[0] - o[0], b[1] - o[1]];
  return Math.acos((u[0]! * v[0]! + u[1]! * v[1]!) / (Math.hypot(u[0]!, u[1]!) * Math.hypot(v[0]!, v[1]!)));
};

describe('camera wedge', () => {
  it('opens to the true horizontal angle of view: 39.60° for FF 50 mm', () => {
    const w = cameraWedge(ff(50), [], 10);
    expect((angle(w.left, w.apex, w.right) * 180) / Math.PI).toBeCloseTo(39.5978, 3);
    expect(w.apex).toEqual([2, 3]);
    // looking down −z: both rays go to smaller z, symmetric about x = 2
    expect(w.left[1]).toBeLessThan(3);
    expect(w.left[0] - 2).toBeCloseTo(-(w.right[0] - 2), 9);
    expect(planDistance(w.apex, w.left)).toBeCloseTo(10, 9);
  });
  it('turns with the pan: rotation y = 90° looks down −x', () => {
    const w = cameraWedge(ff(24, Math.PI / 2), [], 10);
    expect(w.heading[0]).toBeCloseTo(-1, 9);
    expect(w.heading[1]).toBeCloseTo(0, 9);
    expect((angle(w.left, w.apex, w.right) * 180) / Math.PI).toBeCloseTo(73.7398, 3);
  });
  it('the plan model lists shot numbers per camera and actor marks', () => {
    const s = newScene();
    const cam = ff(35);
    const actor = createObject('actor', { id: 'a1', name: 'ANA', transform: { position: [1, 0, -2], rotation: [0, 0, 0], scale: [1, 1, 1] } });
    s.objects = { c1: cam, a1: actor };
    s.shots = { s1: { id: 's1', number: '4A', name: '', cameraId: 'c1', in: 0, out: 10, take: 1, size: null, angle: null, notes: '' } };
    s.shotOrder = ['s1'];
    const m = planModel(s);
    expect(m.cameras[0]!.shots).toEqual(['4A']);
    expect(m.actors[0]!.at).toEqual([1, -2]);
    expect(snapTargets(m)).toHaveLength(2);
  });
});

describe('plan view mapping and measuring', () => {
  const v: PlanView = { centre: [3, -1], metresPerPx: 0.02, width: 800, height: 600 };
  it('screen and plan coordinates invert each other', () => {
    const p: [number, number] = [4.37, 2.2];
    const back = screenToPlan(v, planToScreen(v, p));
    expect(back[0]).toBeCloseTo(p[0], 12);
    expect(back[1]).toBeCloseTo(p[1], 12);
    expect(planToScreen(v, [3, -1])).toEqual([400, 300]);
  });
  it('zoom keeps the point under the cursor still', () => {
    const s: [number, number] = [123, 456];
    const before = screenToPlan(v, s);
    const after = screenToPlan(zoomAt(v, s, 0.5), s);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
  });
  it('fit shows every point', () => {
    const pts: [number, number][] = [[-20, 5], [30, -12], [0, 40]];
    const f = fitView(pts, 900, 700);
    for (const p of pts) {
      const s = planToScreen(f, p);
      expect(s[0]).toBeGreaterThanOrEqual(0);
      expect(s[0]).toBeLessThanOrEqual(900);
      expect(s[1]).toBeGreaterThanOrEqual(0);
      expect(s[1]).toBeLessThanOrEqual(700);
    }
  });
  it('snaps to the nearest target within the radius only', () => {
    const t = [{ at: [0, 0] as [number, number] }, { at: [1, 0] as [number, number] }];
    expect(snap([0.9, 0.05], t, 0.2)).toEqual({ at: [1, 0], snapped: true });
    expect(snap([0.5, 0.5], t, 0.2)).toEqual({ at: [0.5, 0.5], snapped: false });
    expect(planDistance([0, 0], [3, 4])).toBe(5);
  });
  it('scale bar lengths are round numbers', () => {
    expect(scaleBarMetres(0.02, 120)).toBe(2);
    expect(scaleBarMetres(0.1, 120)).toBe(10);
    expect(scaleBarMetres(0.005, 140)).toBe(0.5);
  });
});
