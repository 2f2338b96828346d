import { describe, expect, it } from 'vitest';
import { createObject, type Plate } from '../../core/document';
import { plateFitHeight } from '../../core/placement/placement';
import { placeAtView, plateDistance, plateInFrontOf } from './viewPlacement';

describe('placing new objects (no live view: the view centre is the origin)', () => {
  it('moves a new actor clear of one already standing there, keeps cameras as made', () => {
    const there = createObject('actor', { id: 'a', heightCm: 180 });
    const [actor, cam] = placeAtView({ a: there }, [createObject('actor', { id: 'b', heightCm: 180 }), createObject('camera', { id: 'c', transform: { position: [1, 2, 3], rotation: [0, 0, 0], scale: [1, 1, 1] } })]);
    const [x, y, z] = actor!.transform.position;
    expect(y).toBe(0);
    expect(Math.hypot(x, z)).toBeGreaterThanOrEqual(0.26 * 2 + 0.3 - 1e-9);
    expect(cam!.transform.position).toEqual([1, 2, 3]);
  });
  it('moves a light over the spot and keeps its height', () => {
    const [light] = placeAtView({}, [createObject('light', { transform: { position: [0, 4, 3], rotation: [-0.7, 0, 0], scale: [1, 1, 1] } })]);
    expect(light!.transform.position).toEqual([0, 4, 0]);
    expect(light!.transform.rotation).toEqual([-0.7, 0, 0]);
  });
});

describe('a plate for a shot', () => {
  it('is the camera child on its lens axis, facing it, filling its frame', () => {
    const cam = createObject('camera', { id: 'cam' });
    const plate = { id: 'p', parentId: null, widthPx: 1920, heightPx: 1080, transform: { position: [0, 1, -4], rotation: [0, 0, 0], scale: [1, 1, 1] } } as unknown as Plate;
    const out = plateInFrontOf(plate, cam);
    const d = plateDistance(cam);
    expect(d).toBeGreaterThanOrEqual(10);
    expect(out.parentId).toBe('cam');
    expect(out.transform.position).toEqual([0, 0, -d]);
    // planes are 2 m tall at scale 1
    expect(out.transform.scale[0] * 2).toBeCloseTo(plateFitHeight(cam, 1920 / 1080, d), 9);
  });
});
