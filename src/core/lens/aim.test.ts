import { describe, expect, it } from 'vitest';
import { aimRotation, blendRotation, depthAlongLens, focusOnPoint } from './aim';
import { attitude, eulerXYZMatrix, forwardVector } from './framing';
import { createRng } from '../util/prng';

// atan2 of |a×b| and a·b: exact near 0, where acos of a dot product loses half the digits
const angleBetween = (a: readonly number[], b: readonly number[]) => {
  const [ax, ay, az] = a as [number, number, number];
  const [bx, by, bz] = b as [number, number, number];
  return Math.atan2(Math.hypot(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx), ax * bx + ay * by + az * bz);
};
/** The angle of the rotation taking a to b (from the trace of Aᵀ·B). */
const rotationAngle = (a: readonly [number, number, number], b: readonly [number, number, number]) => {
  const A = eulerXYZMatrix(a);
  const B = eulerXYZMatrix(b);
  let tr = 0;
  for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) tr += A[k * 3 + i]! * B[k * 3 + i]!;
  return Math.acos(Math.max(-1, Math.min(1, (tr - 1) / 2)));
};

describe('aimRotation: pan and tilt onto a point, roll level', () => {
  it('puts 500 random targets on the lens axis with no dutch', () => {
    const rnd = createRng(20);
    let worstAxis = 0;
    let worstDutch = 0;
    for (let i = 0; i < 500; i++) {
      const from: [number, number, number] = [rnd() * 40 - 20, rnd() * 10, rnd() * 40 - 20];
      const to: [number, number, number] = [rnd() * 40 - 20, rnd() * 10, rnd() * 40 - 20];
      const r = aimRotation(from, to)!;
      const f = forwardVector(r);
      worstAxis = Math.max(worstAxis, angleBetween(f, [to[0] - from[0], to[1] - from[1], to[2] - from[2]]));
      worstDutch = Math.max(worstDutch, Math.abs(attitude(r).dutch));
    }
    expect(worstAxis).toBeLessThan(1e-9);
    expect(worstDutch).toBeLessThan(1e-9);
  });
  it('reads as an operator would: a point ahead and 1 m up at 10 m is a tilt of atan(0.1), pan 0', () => {
    const a = attitude(aimRotation([0, 1.5, 0], [0, 2.5, -10])!);
    expect(a.pan).toBeCloseTo(0, 12);
    expect(a.tilt).toBeCloseTo(Math.atan(0.1), 12);
    // to the left (−x) is a positive pan
    expect(attitude(aimRotation([0, 0, 0], [-5, 0, -5])!).pan).toBeCloseTo(Math.PI / 4, 12);
  });
  it('keeps the given heading straight overhead and refuses a target at the lens', () => {
    const r = aimRotation([0, 0, 0], [0, 10, 0], 0.7)!;
    // looking straight up, the heading lives in the camera's right vector: (cos pan, 0, −sin pan), level
    const m = eulerXYZMatrix(r);
    expect([m[0], m[3], m[6]].map((v) => Number(v.toFixed(9)) + 0)).toEqual([Number(Math.cos(0.7).toFixed(9)), 0, Number((-Math.sin(0.7)).toFixed(9))]);
    expect(forwardVector(r)[1]).toBeCloseTo(1, 9);
    expect(aimRotation([1, 2, 3], [1, 2, 3])).toBeNull();
  });
});

describe('focus on a point', () => {
  it('is the depth along the lens axis: the distance when aimed, less when the point is off-axis', () => {
    const from: [number, number, number] = [2, 1.6, 8];
    const eyes: [number, number, number] = [-1, 1.65, 0.5];
    const r = aimRotation(from, eyes)!;
    const dist = Math.hypot(eyes[0] - from[0], eyes[1] - from[1], eyes[2] - from[2]);
    expect(focusOnPoint(from, r, eyes)).toBeCloseTo(dist, 12);
    // the same point seen 30° off the axis lies on the plane of focus at d·cos 30°
    const off = blendRotation(r, aimRotation(from, [from[0] + 10, from[1], from[2]])!, 0); // unchanged = aimed
    expect(off).toEqual(r);
    expect(depthAlongLens([0, 0, 0], [0, 0, 0], [Math.sin(Math.PI / 6) * 4, 0, -Math.cos(Math.PI / 6) * 4])).toBeCloseTo(4 * Math.cos(Math.PI / 6), 12);
  });
  it('stays inside the lens field range behind the camera', () => {
    expect(focusOnPoint([0, 0, 0], [0, 0, 0], [0, 0, 5])).toBe(0.05);
  });
});

describe('blendRotation', () => {
  it('returns the ends exactly and turns half the angle at 0.5', () => {
    const a = aimRotation([0, 0, 0], [0, 0, -1])!;
    const b = aimRotation([0, 0, 0], [-1, 0.3, -0.2])!;
    expect(blendRotation(a, b, 0)).toEqual(a);
    expect(blendRotation(a, b, 1)).toEqual(b);
    const half = blendRotation(a, b, 0.5);
    expect(rotationAngle(a, half)).toBeCloseTo(rotationAngle(a, b) / 2, 9);
    expect(rotationAngle(half, b)).toBeCloseTo(rotationAngle(a, b) / 2, 9);
  });
});
