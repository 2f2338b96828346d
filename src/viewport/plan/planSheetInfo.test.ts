import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../core/document/demo';
import type { Camera } from '../../core/document';
import { planSheetCameras, planShotLabel } from './planSheetInfo';

const p = buildDemoProject();
const sceneId = p.sceneOrder[0]!;
const scene = p.scenes[sceneId]!;

describe('plan sheet text', () => {
  it('names the shot at the playhead, or all shots between them', () => {
    expect(planShotLabel(scene, 0)).toBe('1 — Wide — street');
    expect(planShotLabel(scene, 100)).toBe('2 — Over ANA to TOM');
    expect(planShotLabel(scene, 10_000)).toBe('All shots (1, 2)');
  });
  it('lists shot cameras in shot order with lens, true horizontal angle and height', () => {
    const cams = planSheetCameras(scene, (c) => c);
    expect(cams.map((c) => [c.shot, c.camera])).toEqual([['1', 'A camera'], ['2', 'B camera']]);
    const a = scene.objects.cam_a as Camera;
    expect(cams[0]!.lens.startsWith(`${a.lens.focalLengthMm} mm`)).toBe(true);
    expect(cams[0]!.heightM).toBeCloseTo(a.transform.position[1], 9);
    // 2·atan(w / 2f) on the delivery area's width: ALEXA Mini LF open gate 36.7 mm wide at 16:9 uses the full width
    expect(cams[0]!.horizontalFovDeg).toBeCloseTo((2 * Math.atan(a.body.sensorWidthMm / (2 * a.lens.focalLengthMm)) * 180) / Math.PI, 6);
  });
  it('reads each camera through the evaluator (the pose at the playhead), lens set named', () => {
    const cams = planSheetCameras(scene, (c) => (c.id === 'cam_a' ? { ...c, lens: { ...c.lens, focalLengthMm: 50 }, transform: { ...c.transform, position: [0, 2.5, 0] } } : c));
    expect(cams[0]!.lens).toBe('50 mm · FUJINON Premista 28–100');
    expect(cams[0]!.heightM).toBe(2.5);
    expect(cams[1]!.lens).toBe('75 mm · Cooke S4/i');
  });
});
