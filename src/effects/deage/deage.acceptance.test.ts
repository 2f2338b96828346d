// Acceptance of the de-age effect, measured with the shipped models on public-domain face fixtures
// (tests/fixtures/faces/LICENSES.md), on the WASM backend in Node:
//   - the faceres age estimate of the output is lower than the input's, by at least AGE_DROP_FLOOR years
//     on average (expected-value age; human's arg-max estimate is reported too);
//   - identity is kept: face-api's recognition net (dlib ResNet, independent of faceres) calls input and output
//     the same person (Euclidean distance < 0.6, its documented threshold); faceres cosines are reported beside
//     the floor measured on re-crops of the inputs (a much stricter, crop-only yardstick);
//   - every pixel outside the face mask is bit-identical;
//   - on a clip made from a still with known motion, flicker inside the mask is at most 1.2× the input's (the
//     goal of issue 15; the mesh warp and colour cues follow the filtered landmarks, so they add a little).
// The real numbers are printed and written to .tmp/deage-acceptance.json for the report.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { decodePng, type Raster } from '../plates/png';
import { getRuntime } from '../runtime';
import { runtimeRunner } from './runtimeRunner';
import { FaceTracker } from './face/track';
import { cosine, measureFace, type FaceMeasure } from './face/measure';
import { deageFrame } from './pipeline';
import { DEFAULT_PARAMS } from './params';
import { flickerInMask, motionClip } from './flicker';
import { loadFaceres } from '../../../models/face/faceres';
import { estimate, euclidean, FACEAPI_SAME_PERSON } from '../../../tests/eval/deage/estimators';

/** What this procedural pipeline claims at the default 15 years: see the report for the measured values. */
const AGE_DROP_FLOOR = 3;
const FIXTURES = ['astronaut', 'grace_hopper'] as const;
const RECROPS: { enlarge?: number; shift?: [number, number] }[] = [
  { enlarge: 1.35 },
  { enlarge: 1.65 },
  { shift: [0.03, 0] },
  { shift: [-0.03, 0] },
  { shift: [0, 0.03] },
  { shift: [0, -0.03] },
];

const runner = runtimeRunner(getRuntime(), 'wasm');
const load = (name: string): Raster => decodePng(new Uint8Array(readFileSync(`tests/fixtures/faces/${name}.png`)));
const results: Record<string, unknown> = {};

function report() {
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/deage-acceptance.json', JSON.stringify(results, null, 2));
}

describe('de-age acceptance (measured)', () => {
  it('lowers the estimated age, keeps identity, leaves pixels outside the mask bit-identical', async () => {
    const faceres = await loadFaceres();
    const rows: { name: string; before: FaceMeasure; after: FaceMeasure; cos: number; recropCos: number[]; faceapiDistance: number }[] = [];
    for (const name of FIXTURES) {
      const plate = load(name);
      const { points } = await new FaceTracker(runner, 24).next(plate);
      const res = await deageFrame(runner, plate, points, DEFAULT_PARAMS);

      // outside the mask: every byte equal; inside: something changed
      let outsideDiffs = 0;
      for (let i = 0; i < res.mask.length; i++) {
        if (res.mask[i]) continue;
        for (let c = 0; c < 4; c++) if (res.output.data[4 * i + c] !== plate.data[4 * i + c]) outsideDiffs++;
      }
      expect(outsideDiffs).toBe(0);
      expect(res.changed).toBeGreaterThan(1000);
      // the mask is a face, not the frame
      expect(res.touched).toBeLessThan(0.5 * plate.width * plate.height);

      // same landmarks, same crop: the measurement sees only what the effect changed
      const before = await measureFace(runner, faceres, plate, points);
      const after = await measureFace(runner, faceres, res.output, points);
      const recropCos: number[] = [];
      for (const rc of RECROPS) recropCos.push(cosine(before.descriptor, (await measureFace(runner, faceres, plate, points, rc)).descriptor));
      const [ea, eb] = [await estimate(runner, plate, points), await estimate(runner, res.output, points)];
      rows.push({ name, before, after, cos: cosine(before.descriptor, after.descriptor), recropCos, faceapiDistance: euclidean(ea.faceapi, eb.faceapi) });
    }
    const floor = Math.min(...rows.flatMap((r) => r.recropCos));
    const meanDrop = rows.reduce((a, r) => a + (r.before.ageMean - r.after.ageMean), 0) / rows.length;
    const meanDropArgmax = rows.reduce((a, r) => a + (r.before.age - r.after.age), 0) / rows.length;
    results.stills = {
      yearsYounger: DEFAULT_PARAMS.yearsYounger,
      identityFloorFromRecrops: floor,
      meanAgeDropExpectedValue: meanDrop,
      meanAgeDropHumanArgmax: meanDropArgmax,
      faces: rows.map((r) => ({
        name: r.name,
        ageBefore: r.before.ageMean,
        ageAfter: r.after.ageMean,
        ageBeforeArgmax: r.before.age,
        ageAfterArgmax: r.after.age,
        identityCosine: r.cos,
        faceapiDistance: r.faceapiDistance,
        recropCosines: r.recropCos,
      })),
    };
    report();
    console.log(JSON.stringify(results.stills, null, 2));
    for (const r of rows) expect(r.faceapiDistance).toBeLessThan(FACEAPI_SAME_PERSON);
    expect(meanDrop).toBeGreaterThanOrEqual(AGE_DROP_FLOOR);
  }, 300_000);

  it('on a clip with known motion, flicker inside the mask is at most 1.2× the input clip', async () => {
    const still = load('astronaut');
    const { frames, toFrame } = motionClip(still, 12);
    const tracker = new FaceTracker(runner, 24);
    const outputs: Raster[] = [];
    let mask: Uint8Array | null = null;
    for (const frame of frames) {
      const { points } = await tracker.next(frame);
      const res = await deageFrame(runner, frame, points, DEFAULT_PARAMS);
      outputs.push(res.output);
      mask ??= res.mask; // frame 0's transform is close to identity: its mask marks the face in reference space
    }
    // measure well inside the face so the border of the (moving) mask does not count as flicker
    const inner = mask!.map((v) => (v === 255 ? 1 : 0));
    const input = flickerInMask(frames, toFrame, inner, still.width, still.height);
    const output = flickerInMask(outputs, toFrame, inner, still.width, still.height);
    results.video = { frames: frames.length, flickerInput: input.mean, flickerOutput: output.mean, perPairInput: input.perPair, perPairOutput: output.perPair };
    report();
    console.log(JSON.stringify(results.video));
    expect(inner.reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);
    expect(output.mean).toBeLessThanOrEqual(1.2 * input.mean);
  }, 300_000);
});
