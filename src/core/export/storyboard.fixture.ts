// A small scene shared by the export tests: two cameras, three shots, a dolly and a zoom.
import { newProject, createObject, createShot, addObjects, upsertShot, upsertTrack } from '../document';
import type { FrameRate, Project } from '../document/schema';

export function exportFixture(fps: FrameRate = 24): { p: Project; sceneId: string } {
  let p = newProject('Street chase', '2026-01-01T00:00:00.000Z');
  p = { ...p, settings: { ...p.settings, fps } };
  const sceneId = p.sceneOrder[0]!;
  const a = createObject('camera', { id: 'cam_a', name: 'A cam' });
  const b = createObject('camera', {
    id: 'cam_b',
    name: 'B cam',
    lens: { focalLengthMm: 75, kind: 'anamorphic', squeeze: 2, tStop: 2, focusDistanceM: 3, lensSetId: null },
    transform: { position: [2, 0.6, 4], rotation: [0.2, 0, 0], scale: [1, 1, 1] },
  });
  p = addObjects(sceneId, [a, b])(p);
  p = upsertTrack(sceneId, { id: 'trk_dolly', targetId: 'cam_a', property: 'transform.position', keys: [
    { frame: 0, value: [0, 1.6, 6], interp: 'linear' },
    { frame: 47, value: [0, 1.6, 1.3], interp: 'linear' },
  ] })(p);
  p = upsertTrack(sceneId, { id: 'trk_zoom', targetId: 'cam_b', property: 'lens.focalLengthMm', keys: [
    { frame: 48, value: 75, interp: 'linear' },
    { frame: 71, value: 100, interp: 'linear' },
  ] })(p);
  const s1 = { ...createShot('cam_a', '10', 0, 48), id: 'shot_1', size: 'WS' as const, angle: 'eye level', notes: 'Dolly in, "slow"' };
  const s2 = { ...createShot('cam_b', '20', 48, 72), id: 'shot_2', size: 'CU' as const, take: 3, notes: '=cmd|calc' };
  const s3 = { ...createShot('cam_a', '30', 100, 112), id: 'shot_3' };
  p = upsertShot(sceneId, s1)(p);
  p = upsertShot(sceneId, s2)(p);
  p = upsertShot(sceneId, s3)(p);
  return { p, sceneId };
}
