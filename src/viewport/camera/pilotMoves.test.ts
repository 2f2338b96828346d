import { describe, expect, it } from 'vitest';
import { attitude, forwardVector, rotationFromAttitude } from '../../core/lens';
import { dollyMove, flyMove, lookMove, orbitMove, truckMove, type Placement } from './pilotMoves';

const start: Placement = { position: [2, 1.6, 6], rotation: rotationFromAttitude({ pan: 0.3, tilt: -0.1, dutch: 0.05 }) };
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('piloting moves', () => {
  it('orbit keeps the distance to the pivot, frames it on the lens axis and keeps the dutch', () => {
    const pivot: [number, number, number] = [0, 1.5, 0];
    const m = orbitMove(start, pivot, 0.8, 0.2);
    expect(dist(m.position, pivot)).toBeCloseTo(dist(start.position, pivot), 9);
    const f = forwardVector(m.rotation);
    const d = [pivot[0] - m.position[0], pivot[1] - m.position[1], pivot[2] - m.position[2]];
    const n = Math.hypot(...d);
    expect(f[0]).toBeCloseTo(d[0]! / n, 9);
    expect(f[1]).toBeCloseTo(d[1]! / n, 9);
    expect(f[2]).toBeCloseTo(d[2]! / n, 9);
    expect(attitude(m.rotation).dutch).toBeCloseTo(0.05, 9);
    // a zero move is the start
    const z = orbitMove(start, pivot, 0, 0);
    expect(dist(z.position, start.position)).toBeLessThan(1e-9);
  });
  it('look pans and tilts in place; tilt stops short of straight up', () => {
    const m = lookMove(start, 0.2, 5);
    expect(m.position).toEqual(start.position);
    const a = attitude(m.rotation);
    expect(a.pan).toBeCloseTo(0.5, 9);
    expect(a.tilt).toBeCloseTo((89 * Math.PI) / 180, 9);
  });
  it('truck moves across the frame and dolly along the lens, the aim unchanged', () => {
    const t = truckMove(start, 1, 0);
    expect(dist(t.position, start.position)).toBeCloseTo(1, 9);
    const f = forwardVector(start.rotation);
    const moved = [t.position[0] - start.position[0], t.position[1] - start.position[1], t.position[2] - start.position[2]];
    expect(moved[0]! * f[0] + moved[1]! * f[1] + moved[2]! * f[2]).toBeCloseTo(0, 9);
    const d = dollyMove(start, 2);
    expect(d.position.map((v, i) => (v - start.position[i]!) / 2)).toEqual(f.map((v) => expect.closeTo(v, 9)));
    expect(d.rotation).toEqual(start.rotation);
    const w = flyMove(start, [0, 0, -1], 3);
    expect(dist(w.position, dollyMove(start, 3).position)).toBeLessThan(1e-9);
  });
});
