import { describe, expect, it } from 'vitest';
import { newProject, createObject, createShot, addObjects, upsertShot, upsertTrack } from '../document';
import type { EffectLayer, Project, Track } from '../document/schema';
import { Project as ProjectSchema } from '../document/schema';
import { evaluateScene, evaluateObject } from './evaluate';
import { timelineRows } from './rows';

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function layer(id: string, range: { start: number; end: number } | null): EffectLayer {
  return {
    id,
    name: `Collapse ${id}`,
    parentId: null,
    transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'effectLayer',
    effect: 'collapse',
    targetIds: [],
    params: {},
    seed: 1,
    models: [],
    status: 'done',
    inputHashes: {},
    output: null,
    runReport: null,
    frameRange: range,
    intendedUse: 'previs-only',
    thirdPartyIp: false,
    consentId: null,
    runCount: 1,
  };
}

function fixture(): { p: Project; sceneId: string } {
  let p = newProject('t', '2026-01-01T00:00:00.000Z');
  const sceneId = p.sceneOrder[0]!;
  const cam = createObject('camera', { id: 'cam_a' });
  const cam2 = createObject('camera', { id: 'cam_b' });
  const box = createObject('setPiece', { id: 'box_1' });
  const actor = createObject('actor', { id: 'act_1' });
  p = addObjects(sceneId, [cam, cam2, box, actor, layer('fx_1', { start: 10, end: 20 }), layer('fx_2', null)])(p);
  const tracks: Track[] = [
    { id: 'trk_pos', targetId: 'cam_a', property: 'transform.position', keys: [
      { frame: 0, value: [0, 1.6, 6], interp: 'linear' },
      { frame: 47, value: [0, 1.6, 1.3], interp: 'linear' },
    ] },
    { id: 'trk_focal', targetId: 'cam_a', property: 'lens.focalLengthMm', keys: [
      { frame: 0, value: 35, interp: 'bezier', ease: [0.42, 0, 0.58, 1] },
      { frame: 10, value: -40, interp: 'linear' },
    ] },
    { id: 'trk_pose', targetId: 'act_1', property: 'pose', keys: [
      { frame: 0, value: { elbowL: [0, 0, 0] }, interp: 'linear' },
      { frame: 10, value: { elbowL: [0, 0, 1] }, interp: 'linear' },
    ] },
    { id: 'trk_bad', targetId: 'box_1', property: 'colour', keys: [{ frame: 0, value: 1, interp: 'linear' }] },
    { id: 'trk_gone', targetId: 'nobody', property: 'transform.position', keys: [{ frame: 0, value: [0, 0, 0], interp: 'linear' }] },
  ];
  for (const t of tracks) p = upsertTrack(sceneId, t)(p);
  const s1 = { ...createShot('cam_a', '10', 0, 24), id: 'shot_1' };
  const s2 = { ...createShot('cam_b', '20', 24, 48), id: 'shot_2' };
  p = upsertShot(sceneId, s1)(p);
  p = upsertShot(sceneId, s2)(p);
  return { p, sceneId };
}

describe('evaluateScene', () => {
  it('is pure: same input, same output, input untouched (frozen)', () => {
    const { p, sceneId } = fixture();
    const before = JSON.stringify(p);
    deepFreeze(p);
    const a = evaluateScene(p, sceneId, 24);
    const b = evaluateScene(p, sceneId, 24);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(p)).toBe(before);
    // and frame order does not matter (no hidden state between calls)
    const c = evaluateScene(p, sceneId, 5);
    expect(JSON.stringify(evaluateScene(p, sceneId, 24))).toBe(JSON.stringify(a));
    expect(c.frame).toBe(5);
  });
  it('applies keyed values at the frame', () => {
    const { p, sceneId } = fixture();
    const e = evaluateScene(p, sceneId, 23.5);
    const cam = e.objects.cam_a!;
    expect(cam.transform.position[2]).toBeCloseTo(6 - (4.7 * 23.5) / 47, 10);
    const actor = e.objects.act_1!;
    expect(actor.type === 'actor' && actor.pose.elbowL![2]).toBeCloseTo(1);
    expect(e.animatedIds).toEqual(['act_1', 'cam_a']);
  });
  it('returns untouched objects as the same references', () => {
    const { p, sceneId } = fixture();
    const e = evaluateScene(p, sceneId, 3);
    expect(e.objects.box_1).toBe(p.scenes[sceneId]!.objects.box_1);
    expect(e.objects.cam_b).toBe(p.scenes[sceneId]!.objects.cam_b);
  });
  it('clamps interpolated values into the schema range and keeps the result valid', () => {
    const { p, sceneId } = fixture();
    const e = evaluateScene(p, sceneId, 10);
    const cam = e.objects.cam_a!;
    expect(cam.type === 'camera' && cam.lens.focalLengthMm).toBe(1);
    const scene = { ...p.scenes[sceneId]!, objects: e.objects as Project['scenes'][string]['objects'] };
    expect(ProjectSchema.safeParse({ ...p, scenes: { [sceneId]: scene } }).success).toBe(true);
  });
  it('reports tracks that cannot apply instead of throwing', () => {
    const { p, sceneId } = fixture();
    const e = evaluateScene(p, sceneId, 0);
    expect(e.problems.map((x) => x.trackId).sort()).toEqual(['trk_bad', 'trk_gone']);
  });
  it('picks the shot and camera covering the frame', () => {
    const { p, sceneId } = fixture();
    expect(evaluateScene(p, sceneId, 0).cameraId).toBe('cam_a');
    expect(evaluateScene(p, sceneId, 23).shot?.id).toBe('shot_1');
    expect(evaluateScene(p, sceneId, 24).cameraId).toBe('cam_b');
    expect(evaluateScene(p, sceneId, 48).shot).toBeNull();
  });
  it('treats effect layers as timeline tracks: live inside their frame range', () => {
    const { p, sceneId } = fixture();
    expect(evaluateScene(p, sceneId, 9).activeLayerIds).toEqual(['fx_2']);
    expect(evaluateScene(p, sceneId, 10).activeLayerIds).toEqual(['fx_1', 'fx_2']);
    expect(evaluateScene(p, sceneId, 20).activeLayerIds).toEqual(['fx_2']);
    const rows = timelineRows(p.scenes[sceneId]!);
    expect(rows.filter((r) => r.kind === 'effectLayer').map((r) => [r.objectId, r.kind === 'effectLayer' && r.start])).toEqual([
      ['fx_1', 10],
      ['fx_2', null],
    ]);
    expect(rows.filter((r) => r.kind === 'property')).toHaveLength(4);
  });
  it('evaluateObject agrees with evaluateScene', () => {
    const { p, sceneId } = fixture();
    for (const f of [0, 12, 30.25, 47]) {
      expect(evaluateObject(p, sceneId, 'cam_a', f)).toEqual(evaluateScene(p, sceneId, f).objects.cam_a);
    }
  });
});
