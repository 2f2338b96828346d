import { describe, expect, it } from 'vitest';
import { createObject } from '../document';
import { cameraFieldOfView } from '../lens';
import { distanceToFootprint, footprints, freeSpot, groundHit, groundPointOfView, plateFitHeight, type Footprint } from './placement';

describe('ground point of a view', () => {
  it('is where the ray meets the ground', () => {
    // eye 10 m up, looking 45° down along −z: the ground 10 m ahead
    const p = groundPointOfView([2, 10, 5], [0, -Math.SQRT1_2, -Math.SQRT1_2]);
    expect(p[0]).toBeCloseTo(2, 9);
    expect(p[1]).toBe(0);
    expect(p[2]).toBeCloseTo(-5, 9);
  });
  it('never lands behind the eye or beyond the horizon', () => {
    expect(groundHit([0, 2, 0], [0, 0.2, -1])).toBeNull();
    expect(groundHit([0, 2, 0], [1, 0, 0])).toBeNull();
    // looking up: 10 m ahead on the same heading
    const up = groundPointOfView([1, 2, 1], [0.6, 0.5, -0.8]);
    expect(Math.hypot(up[0] - 1, up[2] - 1)).toBeCloseTo(10, 9);
    expect(up[0] - 1).toBeGreaterThan(0);
    expect(up[2] - 1).toBeLessThan(0);
    // grazing: capped at 150 m out
    const far = groundPointOfView([0, 1.7, 0], [0, -0.001, -1]);
    expect(Math.hypot(far[0], far[2])).toBeLessThanOrEqual(150 + 1e-9);
    expect(far[2]).toBeLessThan(-100);
  });
  it('on a raised ground plane', () => {
    const p = groundPointOfView([0, 5, 0], [0, -1, 0], 2);
    expect(p).toEqual([0, 2, 0]);
  });
});

describe('free spot', () => {
  const box = (x: number, z: number, halfX: number, halfZ: number, yaw = 0): Footprint => ({ x, z, halfX, halfZ, yaw });
  it('keeps the wanted point when nothing is there', () => {
    expect(freeSpot([3, 4], 0.3, [box(10, 10, 1, 1)])).toEqual([3, 4]);
  });
  it('moves clear of what stands there, as little as it can, towards the viewer', () => {
    const taken = [box(0, 0, 0.26, 0.26)];
    const s = freeSpot([0, 0], 0.26, taken, 0.3, [0, 10]);
    expect(distanceToFootprint(taken[0]!, s[0], s[1])).toBeGreaterThanOrEqual(0.26 + 0.3 - 1e-9);
    expect(Math.hypot(s[0], s[1])).toBeLessThan(1.2);
    // towards the viewer at +z
    expect(s[1]).toBeGreaterThan(0.5);
    expect(Math.abs(s[0])).toBeLessThan(0.3);
  });
  it('a second, third and fourth actor at the same point never overlap', () => {
    const taken: Footprint[] = [];
    for (let i = 0; i < 4; i++) {
      const s = freeSpot([0, 0], 0.26, taken, 0.3);
      for (const t of taken) expect(Math.hypot(t.x - s[0], t.z - s[1])).toBeGreaterThanOrEqual(0.52 + 0.3 - 1e-9);
      taken.push(box(s[0], s[1], 0.26, 0.26));
    }
  });
  it('reads a turned footprint as turned', () => {
    // a 10 × 1 wall turned 90°: it now runs along z
    const wall = box(0, 0, 5, 0.5, Math.PI / 2);
    expect(distanceToFootprint(wall, 0, 4)).toBe(0);
    expect(distanceToFootprint(wall, 4, 0)).toBeCloseTo(3.5, 9);
  });
  it('floors (a road, a pavement) do not push things off them; buildings do', () => {
    const objects = Object.fromEntries(
      [
        createObject('setPiece', { id: 'road', shape: 'plane', size: [12, 0, 120] }),
        createObject('setPiece', { id: 'kerb', size: [4, 0.15, 120] }),
        createObject('building', { id: 'b', footprint: { width: 10, depth: 8 }, transform: { position: [20, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] } }),
        createObject('camera', { id: 'c' }),
      ].map((o) => [o.id, o]),
    );
    const f = footprints(objects);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ x: 20, halfX: 5, halfZ: 4 });
    expect(freeSpot([0, 0], 0.26, f)).toEqual([0, 0]);
  });
});

describe('plate fit', () => {
  const cam = createObject('camera', {
    body: { sensorPresetId: null, sensorWidthMm: 36, sensorHeightMm: 24 },
    lens: { focalLengthMm: 50, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 5, lensSetId: null },
    deliveryAspect: 16 / 9,
  });
  it('fills the frame from focal length and sensor: width for a narrow plate, height for a wide one', () => {
    const fov = cameraFieldOfView(cam);
    const frameW = 2 * Math.tan(fov.horizontalRad / 2) * 10;
    const frameH = 2 * Math.tan(fov.verticalRad / 2) * 10;
    // 36 mm wide sensor on a 50: 7.2 m wide at 10 m
    expect(frameW).toBeCloseTo(7.2, 6);
    expect(frameH).toBeCloseTo(7.2 / (16 / 9), 6);
    // a 4:3 plate is narrower than 16:9: its width sets the size, its top and bottom are cropped
    const h43 = plateFitHeight(cam, 4 / 3, 10, 1);
    expect(h43 * (4 / 3)).toBeCloseTo(frameW, 9);
    expect(h43).toBeGreaterThan(frameH);
    // a 2.39 plate is wider: its height sets the size
    expect(plateFitHeight(cam, 2.39, 10, 1)).toBeCloseTo(frameH, 9);
    // twice as far, twice as big; a longer lens, smaller
    expect(plateFitHeight(cam, 2.39, 20, 1)).toBeCloseTo(2 * frameH, 9);
    expect(plateFitHeight({ ...cam, lens: { ...cam.lens, focalLengthMm: 100 } }, 2.39, 10, 1)).toBeCloseTo(frameH / 2, 9);
  });
});
