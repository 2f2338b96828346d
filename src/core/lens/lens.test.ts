import { describe, expect, it } from 'vitest';
import {
  SENSOR_PRESETS,
  sensorPreset,
  LENS_SETS,
  lensSet,
  stepFocalLength,
  imageArea,
  fieldOfView,
  circleOfConfusionMm,
  depthOfField,
  blurCircleMm,
  cameraProjection,
  letterboxRect,
  predictedWidthPx,
  parseAspect,
  namedAspect,
  stepLens,
  switchLensSet,
  focalLengthForAngle,
} from './index';

const FF = { sensorWidthMm: 36, sensorHeightMm: 24 };
const S35 = { sensorWidthMm: 24.89, sensorHeightMm: 18.66 };
const sph = (f: number) => ({ focalLengthMm: f, squeeze: 1 });

// Held table: angles of view from published FOV charts / the pinhole formula evaluated independently.
// [filmback, focal mm, squeeze, delivery aspect, horizontal °, vertical °]
const TABLE: [string, typeof FF, number, number, number, number, number][] = [
  ['FF 50 mm open 3:2', FF, 50, 1, 1.5, 39.5978, 26.9915],
  ['FF 50 mm 16:9', FF, 50, 1, 16 / 9, 39.5978, 22.8952],
  ['FF 24 mm 3:2', FF, 24, 1, 1.5, 73.7398, 53.1301],
  ['FF 85 mm 3:2', FF, 85, 1, 1.5, 23.9132, 16.0714],
  ['S35 4-perf 35 mm full gate', S35, 35, 1, 24.89 / 18.66, 39.1479, 29.8526],
  ['S35 4-perf 35 mm 2.39', S35, 35, 1, 2.39, 39.1479, 16.9242],
  ['2× anamorphic 50 mm on 4:3 full desqueezed gate', S35, 50, 2, (2 * 24.89) / 18.66, 52.9282, 21.1397],
  ['2× anamorphic 50 mm on 4:3 for 2.39', S35, 50, 2, 2.39, 48.0713, 21.1397],
];

describe('angle of view (held table)', () => {
  for (const [name, back, f, sq, aspect, h, v] of TABLE) {
    it(name, () => {
      const fov = fieldOfView(back, { focalLengthMm: f, squeeze: sq }, aspect);
      expect(fov.horizontalDeg).toBeCloseTo(h, 3);
      expect(fov.verticalDeg).toBeCloseTo(v, 3);
    });
  }

  it('Full Frame 50 mm is 39.60° horizontal, as every FOV chart says', () => {
    expect(fieldOfView(FF, sph(50), 1.5).horizontalDeg.toFixed(2)).toBe('39.60');
  });

  it('a 2× anamorphic covers horizontally what a spherical lens covers on twice the width', () => {
    const ana = fieldOfView(S35, { focalLengthMm: 50, squeeze: 2 }, (2 * 24.89) / 18.66);
    const wide = fieldOfView({ sensorWidthMm: 2 * 24.89, sensorHeightMm: 18.66 }, sph(50), (2 * 24.89) / 18.66);
    expect(ana.horizontalDeg).toBeCloseTo(wide.horizontalDeg, 10);
    // and the same as a 25 mm spherical over the real width
    expect(ana.horizontalDeg).toBeCloseTo(fieldOfView(S35, sph(25), 24.89 / 18.66).horizontalDeg, 10);
    // vertical is untouched by the squeeze
    expect(ana.verticalDeg).toBeCloseTo(fieldOfView(S35, sph(50), 24.89 / 18.66).verticalDeg, 10);
  });

  it('focalLengthForAngle inverts the angle', () => {
    const fov = fieldOfView(FF, sph(35), 1.5);
    expect(focalLengthForAngle(36, fov.horizontalRad)).toBeCloseTo(35, 10);
  });
});

describe('image area (crop to the delivery aspect)', () => {
  it('a wide delivery keeps the sensor width and trims height', () => {
    const a = imageArea(FF, 1, 2.39);
    expect(a.limitedBy).toBe('width');
    expect(a.widthMm).toBe(36);
    expect(a.heightMm).toBeCloseTo(36 / 2.39, 12);
  });
  it('a tall delivery keeps the sensor height and trims width', () => {
    const a = imageArea(FF, 1, 9 / 16);
    expect(a.limitedBy).toBe('height');
    expect(a.heightMm).toBe(24);
    expect(a.widthMm).toBeCloseTo(13.5, 12);
  });
  it('anamorphic: the crop is taken from the desqueezed sensor, the physical width stays squeezed', () => {
    const a = imageArea(S35, 2, 2.39);
    expect(a.limitedBy).toBe('height');
    expect(a.desqueezedWidthMm).toBeCloseTo(18.66 * 2.39, 10);
    expect(a.widthMm).toBeCloseTo((18.66 * 2.39) / 2, 10);
  });
});

describe('sensor presets', () => {
  it('hold the published dimensions and a source for each', () => {
    const want: Record<string, [number, number]> = {
      'full-frame': [36, 24],
      'super35-4perf': [24.89, 18.66],
      'alexa35-og': [27.99, 19.22],
      'alexa-mini-lf-og': [36.7, 25.54],
      'alexa-mini-lf-16x9': [31.68, 17.82],
      'alexa65-og': [54.12, 25.58],
      'red-vraptor-8k-vv': [40.96, 21.6],
      'red-monstro-8k-vv': [40.96, 21.6],
      super16: [12.52, 7.41],
      'imax-15-70': [70.41, 52.63],
    };
    expect(SENSOR_PRESETS.map((s) => s.id).sort()).toEqual(Object.keys(want).sort());
    for (const [id, [w, h]] of Object.entries(want)) {
      const s = sensorPreset(id)!;
      expect([s.widthMm, s.heightMm]).toEqual([w, h]);
      expect(s.source.length).toBeGreaterThan(10);
    }
    expect(sensorPreset('nope')).toBeUndefined();
  });
});

describe('lens sets and stepping', () => {
  it('every set is ascending with no duplicates', () => {
    for (const s of LENS_SETS) {
      for (let i = 1; i < s.focalLengthsMm.length; i++) expect(s.focalLengthsMm[i]!).toBeGreaterThan(s.focalLengthsMm[i - 1]!);
    }
  });
  it('] and [ walk the listed values exactly, and stop at the ends', () => {
    const set = lensSet('primes-s35')!;
    const up: number[] = [];
    let f = set.focalLengthsMm[0]!;
    for (let i = 0; i < set.focalLengthsMm.length + 3; i++) {
      up.push(f);
      f = stepFocalLength(set, f, 1);
    }
    expect(up.slice(0, set.focalLengthsMm.length)).toEqual([...set.focalLengthsMm]);
    expect(f).toBe(180);
    let g = 180;
    const down: number[] = [];
    for (let i = 0; i < set.focalLengthsMm.length; i++) {
      down.push(g);
      g = stepFocalLength(set, g, -1);
    }
    expect(down).toEqual([...set.focalLengthsMm].reverse());
    expect(g).toBe(14);
  });
  it('from between marks a zoom steps to the neighbouring mark', () => {
    const z = lensSet('zoom-24-290')!;
    expect(stepFocalLength(z, 37.3, 1)).toBe(40);
    expect(stepFocalLength(z, 37.3, -1)).toBe(35);
    // a value that drifted through a text field still counts as its mark
    expect(stepFocalLength(z, 34.9999999999, 1)).toBe(40);
  });
  it('stepLens refuses an unknown set and uses the standard primes when none is chosen', () => {
    expect(stepLens({ focalLengthMm: 35, lensSetId: 'bogus' }, 1).ok).toBe(false);
    expect(stepLens({ focalLengthMm: 32, lensSetId: null }, -1)).toMatchObject({ ok: true, focalLengthMm: 27, set: { id: 'primes-s35' } });
    expect(stepLens({ focalLengthMm: 50, lensSetId: null, kind: 'anamorphic', squeeze: 2 }, 1)).toMatchObject({ ok: true, focalLengthMm: 65, set: { id: 'anamorphic-2x' } });
    const ok = stepLens({ focalLengthMm: 35, lensSetId: 'primes-s35' }, 1);
    expect(ok).toMatchObject({ ok: true, focalLengthMm: 40, changed: true });
  });
  it('switching to an anamorphic set brings its squeeze', () => {
    expect(switchLensSet({ focalLengthMm: 35, lensSetId: null }, 'anamorphic-2x')).toEqual({
      focalLengthMm: 32,
      squeeze: 2,
      kind: 'anamorphic',
    });
  });
});

describe('depth of field', () => {
  it('circle of confusion from the diagonal: 0.0288 mm for full frame', () => {
    expect(circleOfConfusionMm(FF)).toBeCloseTo(0.028844, 5);
  });
  it('matches the published 50 mm f/2.8 at 4 m table (CoC 0.030): H 29.81 m, 3.53–4.61 m', () => {
    const d = depthOfField(50, 2.8, 4, 0.03);
    expect(d.hyperfocalM).toBeCloseTo(29.8119, 3);
    expect(d.nearM).toBeCloseTo(3.5313, 3);
    expect(d.farM).toBeCloseTo(4.6121, 3);
  });
  it('focused past the hyperfocal distance the far limit is infinity and near is ~H/2', () => {
    const d = depthOfField(24, 8, 100, 0.03);
    expect(d.farM).toBe(Infinity);
    expect(d.nearM).toBeLessThan(d.hyperfocalM);
  });
  it('blur circle is zero at focus and grows away from it', () => {
    expect(blurCircleMm(50, 2.8, 4, 4)).toBeCloseTo(0, 12);
    const nearBlur = blurCircleMm(50, 2.8, 4, 2);
    const farBlur = blurCircleMm(50, 2.8, 4, 8);
    expect(nearBlur).toBeGreaterThan(farBlur);
    // at the DOF near limit the blur equals the circle of confusion
    const d = depthOfField(50, 2.8, 4, 0.03);
    expect(blurCircleMm(50, 2.8, 4, d.nearM)).toBeCloseTo(0.03, 3);
  });
});

describe('cameraProjection', () => {
  const cam = (f: number, aspect: number, body = FF, kind: 'spherical' | 'anamorphic' = 'spherical', squeeze = 1) => ({
    body: { sensorWidthMm: body.sensorWidthMm, sensorHeightMm: body.sensorHeightMm },
    lens: { focalLengthMm: f, kind, squeeze },
    deliveryAspect: aspect,
  });
  it('letterboxes a 2.39 frame in a 16:9 viewport, full width', () => {
    const p = cameraProjection(cam(50, 2.39), 16 / 9);
    expect(p.frame.width).toBe(1);
    expect(p.frame.height).toBeCloseTo(16 / 9 / 2.39, 12);
    expect(p.frame.y).toBeCloseTo((1 - p.frame.height) / 2, 12);
    expect(p.aspect).toBe(16 / 9);
  });
  it('pillarboxes a 9:16 frame in a wide viewport', () => {
    const r = letterboxRect(9 / 16, 2);
    expect(r.height).toBe(1);
    expect(r.width).toBeCloseTo(9 / 32, 12);
  });
  it('the frame rect subtends exactly the lens angle of view', () => {
    for (const vpAspect of [1, 16 / 9, 2.5, 0.6]) {
      const c = cam(50, 16 / 9);
      const p = cameraProjection(c, vpAspect, 0.9);
      const tanHalfY = Math.tan((p.fovYDeg * Math.PI) / 360);
      // vertical: frame height fraction × viewport half-height
      const frameV = 2 * Math.atan(tanHalfY * p.frame.height);
      expect((frameV * 180) / Math.PI).toBeCloseTo(p.frameFovYDeg, 9);
      // horizontal: viewport half-width tan = tanHalfY × aspect
      const frameH = 2 * Math.atan(tanHalfY * vpAspect * p.frame.width);
      expect((frameH * 180) / Math.PI).toBeCloseTo(39.5978, 3);
    }
  });
  it('ignores squeeze on a spherical lens (a stale field cannot distort the picture)', () => {
    const a = cameraProjection(cam(50, 2.39, S35, 'spherical', 2), 16 / 9);
    const b = cameraProjection(cam(50, 2.39, S35, 'spherical', 1), 16 / 9);
    expect(a.frameFovXDeg).toBe(b.frameFovXDeg);
  });
  it('predicts the pinhole width of an object in pixels', () => {
    // 1 m wide at 5 m through 50 mm on 36 mm: image 10 mm of 36 → 10/36 of the frame width
    expect(predictedWidthPx(cam(50, 16 / 9), 1, 5, 1920)).toBeCloseTo((10 / 36) * 1920, 9);
    // 2× anamorphic: the object keeps its 10 mm (desqueezed) image, the frame is twice as wide
    expect(predictedWidthPx(cam(50, 3, FF, 'anamorphic', 2), 1, 5, 1920)).toBeCloseTo((10 / 72) * 1920, 9);
  });
});

describe('aspects', () => {
  it('names the standard ones and parses custom ones', () => {
    expect(namedAspect(16 / 9)?.id).toBe('16:9');
    expect(namedAspect(2.2)).toBeUndefined();
    expect(parseAspect('2.2')).toEqual({ ok: true, value: 2.2 });
    expect(parseAspect('17:9')).toEqual({ ok: true, value: 17 / 9 });
    expect(parseAspect('1920x1080')).toEqual({ ok: true, value: 1920 / 1080 });
    expect(parseAspect('wide').ok).toBe(false);
    expect(parseAspect('9:0').ok).toBe(false);
    expect(parseAspect('40:1').ok).toBe(false);
  });
});
