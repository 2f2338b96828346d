// Region masks and the jaw warp on real landmarks of a public-domain face: regions lie on skin, skin lies in
// the face, the eyes and lips are not skin, and the jaw grid moves only near the jaw.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodePng } from '../../plates/png';
import { getRuntime } from '../../runtime';
import { runtimeRunner } from '../runtimeRunner';
import { FaceTracker } from './track';
import { prepareFace } from '../pipeline';
import { REGIONS } from '../constants';
import { jawGrid, identityGrid, geometry } from './regions';
import { OneEuro } from './oneEuro';
import { annotations } from './mesh';

describe('face regions', () => {
  it('builds nested, non-empty region masks in face space from tracked landmarks', async () => {
    const runner = runtimeRunner(getRuntime(), 'wasm');
    const plate = decodePng(new Uint8Array(readFileSync('tests/fixtures/faces/grace_hopper.png')));
    const { points } = await new FaceTracker(runner, 24).next(plate);
    const face = prepareFace(plate, points);
    const S = face.space.size;
    const n = S * S;
    const plane = (r: string) => face.masks.subarray(REGIONS.indexOf(r as never) * n, (REGIONS.indexOf(r as never) + 1) * n);
    const area = (m: Float32Array) => m.reduce((a, b) => a + b, 0);
    for (const r of REGIONS) expect(area(plane(r)), r).toBeGreaterThan(200);
    const faceM = plane('face');
    const skin = plane('skin');
    for (let i = 0; i < n; i++) {
      if (skin[i]) expect(faceM[i]).toBe(1);
      for (const r of REGIONS.slice(2)) if (plane(r)[i]) expect(skin[i]).toBe(1);
    }
    // the pupils and the lip centre are never skin
    const at = (idx: number) => {
      const x = Math.round(face.points[2 * idx]!);
      const y = Math.round(face.points[2 * idx + 1]!);
      return skin[y * S + x];
    };
    expect(at(annotations.rightEyeLower0![4]!)).toBe(0);
    expect(at(13)).toBe(0);
    expect(area(faceM)).toBeLessThan(0.8 * n);

    const { iod } = geometry(face.points);
    const grid = jawGrid(face.points, S, 1);
    const id = identityGrid(S);
    let moved = 0;
    let maxShiftPx = 0;
    for (let i = 0; i < grid.length; i++) {
      const d = Math.abs(grid[i]! - id[i]!) * (S / 2);
      if (d > 0.5) moved++; // half a face-space pixel: a visible shift
      maxShiftPx = Math.max(maxShiftPx, d);
    }
    expect(moved).toBeGreaterThan(1000);
    expect(moved).toBeLessThan(0.5 * grid.length);
    expect(maxShiftPx).toBeLessThan(0.1 * iod);
  }, 120_000);
});

describe('One Euro filter', () => {
  it('smooths jitter on a still point and follows a moving one without lasting lag', () => {
    const f = new OneEuro();
    let s = 7;
    const noise = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
    let rawVar = 0;
    let outVar = 0;
    for (let i = 0; i < 200; i++) {
      const v = 100 + noise();
      const o = f.filter(Float32Array.of(v), 1 / 24, 100)[0]!;
      if (i > 20) {
        rawVar += (v - 100) ** 2;
        outVar += (o - 100) ** 2;
      }
    }
    expect(outVar).toBeLessThan(0.6 * rawVar);
    const g = new OneEuro();
    let last = 0;
    for (let i = 0; i < 48; i++) last = g.filter(Float32Array.of(i * 10), 1 / 24, 100)[0]!;
    expect(Math.abs(last - 470)).toBeLessThan(10);
  });
});
