// The stored truth of a camera is its focal length; it must come back from a saved file bit for bit.
import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, loadProjectText, serializeProject, objectDefaults } from '../document';
import { sensorPreset, fieldOfView } from './index';

describe('lens data through save and load', () => {
  it('focal length, squeeze, stop, focus and sensor survive exactly', () => {
    const p0 = newProject('rt');
    const sceneId = p0.sceneOrder[0]!;
    const focals = [35, 27.5, 34.98, 0.1 + 0.2 + 49.7, 1 / 3 + 100, 12.000000000000002];
    const cams = focals.map((f, i) =>
      createObject('camera', {
        id: `cam${i}`,
        body: { sensorPresetId: 'alexa35-og', sensorWidthMm: 27.99, sensorHeightMm: 19.22 },
        lens: { focalLengthMm: f, kind: 'anamorphic', squeeze: 1.8, tStop: 2.3, focusDistanceM: 3.7 + i / 7, lensSetId: 'anamorphic-1.8x' },
        deliveryAspect: 2.39,
      }),
    );
    const p = addObjects(sceneId, cams)(p0);
    const r = loadProjectText(serializeProject(p));
    if (!r.ok) throw new Error(r.error);
    for (let i = 0; i < focals.length; i++) {
      const c = r.project.scenes[sceneId]!.objects[`cam${i}`];
      if (c?.type !== 'camera') throw new Error('camera lost');
      expect(c.lens.focalLengthMm).toBe(focals[i]);
      expect(c.lens).toEqual(cams[i]!.lens);
      expect(c.body).toEqual(cams[i]!.body);
      expect(Object.is(fieldOfView(c.body, c.lens, c.deliveryAspect).horizontalDeg, fieldOfView(cams[i]!.body, cams[i]!.lens, 2.39).horizontalDeg)).toBe(true);
    }
  });
  it("the document's default camera names a sensor preset that exists, with its dimensions", () => {
    const cam = objectDefaults.camera();
    const s = sensorPreset(cam.body.sensorPresetId);
    expect(s).toBeDefined();
    expect([cam.body.sensorWidthMm, cam.body.sensorHeightMm]).toEqual([s!.widthMm, s!.heightMm]);
  });
});
