import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { applyLens, applyCameraTransform } from './applyLens';

const ff50 = {
  body: { sensorWidthMm: 36, sensorHeightMm: 24 },
  lens: { focalLengthMm: 50, kind: 'spherical' as const, squeeze: 1 },
  deliveryAspect: 16 / 9,
};

/** Where a world point lands in normalised device coordinates. */
function ndc(cam: PerspectiveCamera, p: Vector3): Vector3 {
  return p.clone().project(cam);
}

describe('applyLens on a three PerspectiveCamera', () => {
  it('frame mode: the frame edges are the lens half-angle, 39.60° across for FF 50 mm', () => {
    const cam = new PerspectiveCamera();
    cam.filmGauge = 70; // stale film-gauge settings must not leak in
    cam.zoom = 3;
    applyLens(cam, ff50, 1, { mode: 'frame' });
    cam.updateMatrixWorld();
    const half = (39.597752709 / 2) * (Math.PI / 180);
    // a point on the right frame edge at 10 m
    const x = Math.tan(half) * 10;
    expect(ndc(cam, new Vector3(x, 0, -10)).x).toBeCloseTo(1, 9);
    expect(cam.getFocalLength()).not.toBe(50); // three's idea of focal length is irrelevant here
  });
  it('viewport mode: the letterbox frame edges map to the lens angle in a wider viewport', () => {
    const cam = new PerspectiveCamera();
    const p = applyLens(cam, { ...ff50, deliveryAspect: 2.39 }, 16 / 9);
    cam.updateMatrixWorld();
    const half = (39.597752709 / 2) * (Math.PI / 180);
    const x = Math.tan(half) * 10;
    expect(ndc(cam, new Vector3(x, 0, -10)).x).toBeCloseTo(p.frame.width, 9);
    // top frame edge: vertical half-angle of the 2.39 crop lands at the letterbox line
    const v = Math.atan(36 / 2.39 / 2 / 50);
    expect(ndc(cam, new Vector3(0, Math.tan(v) * 10, -10)).y).toBeCloseTo(p.frame.height, 9);
  });
  it('applies the document transform with the same axes', () => {
    const cam = new PerspectiveCamera();
    applyCameraTransform(cam, { position: [1, 2, 3], rotation: [0, Math.PI / 2, 0] });
    const dir = cam.getWorldDirection(new Vector3());
    expect(dir.x).toBeCloseTo(-1, 9);
    expect(cam.position.toArray()).toEqual([1, 2, 3]);
  });
});
