import { describe, expect, it } from 'vitest';
import { frameAtX, gridLines, niceStep, valueAtY, xOf, yOf, zoomView, type CurveView } from './curveView';

const view: CurveView = { f0: 0, f1: 100, v0: -10, v1: 10, width: 500, height: 200 };

describe('curve view maths', () => {
  it('maps frames and values to pixels and back (values grow upwards)', () => {
    expect(xOf(view, 50)).toBe(250);
    expect(yOf(view, 10)).toBe(0);
    expect(yOf(view, -10)).toBe(200);
    for (const f of [0, 12.5, 99]) expect(frameAtX(view, xOf(view, f))).toBeCloseTo(f, 10);
    for (const v of [-10, 0.25, 7]) expect(valueAtY(view, yOf(view, v))).toBeCloseTo(v, 10);
  });
  it('picks round grid steps', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(48, 5)).toBe(10);
    expect(niceStep(0.3, 4)).toBeCloseTo(0.1, 12);
    expect(niceStep(0, 5)).toBe(1);
    expect(gridLines(-3.8, 51.8, 5)).toEqual([0, 10, 20, 30, 40, 50]);
  });
  it('zooms around the pointer, one axis at a time', () => {
    const z = zoomView(view, 0.5, 20, 0, { time: true, value: false });
    expect([z.f0, z.f1, z.v0, z.v1]).toEqual([10, 60, -10, 10]);
    const v = zoomView(view, 2, 0, 5, { time: false, value: true });
    expect([v.f0, v.f1, v.v0, v.v1]).toEqual([0, 100, -25, 15]);
  });
});
