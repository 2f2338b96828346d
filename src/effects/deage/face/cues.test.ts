// The age cues beyond smoothing, on real landmarks of a public-domain face: the colour cues touch skin and lips
// only, the mesh warp moves the jaw inward and the chin up and holds still on the eyes, brows and far from the
// face, and a glasses-like dark line across the eye band is taken out of the skin and kept.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodePng } from '../../plates/png';
import { getRuntime } from '../../runtime';
import { runtimeRunner } from '../runtimeRunner';
import { FaceTracker } from './track';
import { prepareFace, type PreparedFace } from '../pipeline';
import { applyColourCues } from './cues';
import { meshWarpGrid } from './meshWarp';
import { warpFreedom } from './keep';
import { identityGrid, geometry } from './regions';
import { featherPlane } from './feather';
import { protectEdges } from './protect';
import { regionMasks } from './regions';
import { SCALES } from '../constants';

let face: PreparedFace;
const S = 512;
const n = S * S;

/** Paints a 3-px bar of `value` across the eye band (between the eyes, just below the brows) into `crop`. */
function eyeBandBar(f: PreparedFace, crop: Float32Array, value: number): { y: number; x0: number; x1: number } {
  const y = Math.round((f.points[2 * 159 + 1]! + f.points[2 * 105 + 1]!) / 2);
  const x0 = Math.round(Math.min(f.points[2 * 33]!, f.points[2 * 263]!));
  const x1 = Math.round(Math.max(f.points[2 * 33]!, f.points[2 * 263]!));
  for (let yy = y; yy < y + 3; yy++) for (let x = x0; x <= x1; x++) for (let c = 0; c < 3; c++) crop[c * n + yy * S + x] = value;
  return { y, x0, x1 };
}

async function hopper(): Promise<PreparedFace> {
  if (face) return face;
  const runner = runtimeRunner(getRuntime(), 'wasm');
  const plate = decodePng(new Uint8Array(readFileSync('tests/fixtures/faces/grace_hopper.png')));
  const { points } = await new FaceTracker(runner, 24).next(plate);
  face = prepareFace(plate, points);
  return face;
}

describe('age cues', () => {
  it('colour cues change skin and lips only: the keep mask (brows, eyes) and the background stay exact', async () => {
    const f = await hopper();
    const skin = featherPlane(f.masks.subarray(n, 2 * n), S, S, SCALES.maskSigma);
    const cued = f.crop.slice();
    applyColourCues(cued, S, f.points, skin, { contrast: 0.7, lips: 0.7, warmth: 0.7 });
    let changedSkin = 0;
    let changedElsewhere = 0;
    // the mouth's box, a little dilated: lip colour may change there
    const lipIdx = [61, 291, 0, 17, 37, 267, 84, 314];
    const lx = lipIdx.map((i) => f.points[2 * i]!);
    const ly = lipIdx.map((i) => f.points[2 * i + 1]!);
    const nearMouth = (i: number) => {
      const x = i % S;
      const y = Math.floor(i / S);
      return x >= Math.min(...lx) - 12 && x <= Math.max(...lx) + 12 && y >= Math.min(...ly) - 12 && y <= Math.max(...ly) + 12;
    };
    let lipsRedder = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(cued[i]! - f.crop[i]!) + Math.abs(cued[n + i]! - f.crop[n + i]!) + Math.abs(cued[2 * n + i]! - f.crop[2 * n + i]!);
      if (skin[i]! > 0.99 && d > 1e-4) changedSkin++;
      if (d > 0 && skin[i] === 0 && !nearMouth(i)) changedElsewhere++;
    }
    // the lip centre (landmark 0 is the upper lip's top centre; 17 the lower lip's bottom centre) reads redder
    for (const idx of [0, 17]) {
      const x = Math.round(f.points[2 * idx]!);
      const y = Math.round(f.points[2 * idx + 1]! + (idx === 0 ? 3 : -3));
      const i = y * S + x;
      if (cued[i]! - cued[n + i]! > f.crop[i]! - f.crop[n + i]!) lipsRedder++;
    }
    expect(changedSkin).toBeGreaterThan(10_000);
    expect(changedElsewhere).toBe(0);
    expect(lipsRedder).toBe(2);
  }, 120_000);

  it('the mesh warp tightens the jaw and lifts the chin, and holds still on the eyes, brows and far away', async () => {
    const f = await hopper();
    const { iod } = geometry(f.points);
    const grid = meshWarpGrid(f.points, S, { midface: 0.7, jaw: 0.7, chin: 0.7, lips: 0.7 }, warpFreedom(f.points, f.keep, S));
    const id = identityGrid(S);
    const shift = (x: number, y: number): [number, number] => {
      const k = Math.round(y) * S + Math.round(x);
      // content moves by −(grid − identity) · S/2
      return [-(grid[2 * k]! - id[2 * k]!) * (S / 2), -(grid[2 * k + 1]! - id[2 * k + 1]!) * (S / 2)];
    };
    const nose = f.points[2 * 1]!;
    const jawR = [f.points[2 * 136]!, f.points[2 * 136 + 1]!] as const;
    const [jx] = shift(jawR[0] + Math.sign(nose - jawR[0]) * 3, jawR[1]);
    expect(Math.sign(jx)).toBe(Math.sign(nose - jawR[0])); // inward
    const [, cy] = shift(f.points[2 * 152]!, f.points[2 * 152 + 1]! - 4);
    expect(cy).toBeLessThan(-0.3); // chin up
    let keepMoved = 0;
    for (let i = 0; i < n; i++) {
      if (!f.keep[i]) continue;
      const [dx, dy] = shift(i % S, Math.floor(i / S));
      if (Math.hypot(dx, dy) > 0.05) keepMoved++;
    }
    expect(keepMoved).toBe(0);
    // the corners of face space are far from every control and outside the face: exactly still
    for (const v of [...shift(2, 2), ...shift(S - 3, S - 3)]) expect(Math.abs(v)).toBe(0);
    let most = 0;
    for (let k = 0; k < n; k++) most = Math.max(most, Math.hypot(...shift(k % S, Math.floor(k / S))));
    expect(most).toBeGreaterThan(0.02 * iod);
    expect(most).toBeLessThan(0.12 * iod);
  }, 120_000);

  it('a dark glasses-like line across the eye band leaves the skin mask and enters the keep mask', async () => {
    const f = await hopper();
    const crop = f.crop.slice();
    // a 3-px dark bar between the eyes and just below the brows, like a frame's top rim
    const { y, x0, x1 } = eyeBandBar(f, crop, 0.05);
    const masks = regionMasks(f.points, S);
    const skinBefore = masks.slice(n, 2 * n);
    const keep = new Float32Array(n);
    const count = protectEdges(masks, crop, f.points, S, keep);
    expect(count).toBeGreaterThan(0);
    let barOnSkin = 0;
    let barKept = 0;
    for (let x = x0; x <= x1; x++) {
      const i = (y + 1) * S + x;
      if (skinBefore[i]) {
        barOnSkin++;
        if (!masks[n + i] && keep[i]) barKept++;
      }
    }
    expect(barOnSkin).toBeGreaterThan(10);
    expect(barKept).toBe(barOnSkin);
  }, 120_000);

  it('on a low-contrast face the band\'s own strongest edges are kept even below the absolute threshold', async () => {
    const f = await hopper();
    // a flat grey face with one faint bar (a lash line on soft skin): below PROTECT_EDGE, yet the band's strongest edge
    const crop = new Float32Array(3 * n).fill(0.5);
    const { y, x0, x1 } = eyeBandBar(f, crop, 0.44);
    const masks = regionMasks(f.points, S);
    const skinBefore = masks.slice(n, 2 * n);
    const keep = new Float32Array(n);
    expect(protectEdges(masks, crop, f.points, S, keep)).toBeGreaterThan(0);
    let onSkin = 0;
    let kept = 0;
    for (let x = x0 + 2; x <= x1 - 2; x++) {
      // the bar's upper edge: the row above it, where the blurred luminance steps down
      const i = y * S + x;
      if (skinBefore[i]) {
        onSkin++;
        if (keep[i] && !masks[n + i]) kept++;
      }
    }
    expect(onSkin).toBeGreaterThan(10);
    expect(kept).toBe(onSkin);
    // and a face with no edges at all keeps nothing
    const flatMasks = regionMasks(f.points, S);
    const none = new Float32Array(n);
    expect(protectEdges(flatMasks, new Float32Array(3 * n).fill(0.5), f.points, S, none)).toBe(0);
  }, 120_000);
});
