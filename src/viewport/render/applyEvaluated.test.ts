import { describe, expect, it } from 'vitest';
import { DirectionalLight, Group, PointLight, type Object3D } from 'three';
import { sunAt } from '../../core/geometry';
import { newProject, createObject, addObjects, upsertTrack, type Project } from '../../core/document';
import { evaluateScene } from '../../core/timeline';
import { applyEvaluated, applyAll } from './applyEvaluated';

function setup() {
  let p: Project = newProject('a', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  const lamp = createObject('light', { id: 'lamp', kind: 'point', intensity: 10 });
  const actor = createObject('actor', { id: 'ana' });
  const box = createObject('setPiece', { id: 'box' });
  p = addObjects(sid, [lamp, actor, box])(p);
  p = upsertTrack(sid, { id: 't1', targetId: 'lamp', property: 'intensity', keys: [
    { frame: 0, value: 10, interp: 'linear' },
    { frame: 10, value: 20, interp: 'linear' },
  ] })(p);
  p = upsertTrack(sid, { id: 't2', targetId: 'ana', property: 'transform.position', keys: [
    { frame: 0, value: [0, 0, 0], interp: 'linear' },
    { frame: 10, value: [4, 0, 0], interp: 'linear' },
  ] })(p);
  p = upsertTrack(sid, { id: 't3', targetId: 'ana', property: 'pose', keys: [
    { frame: 0, value: { elbowL: [0, 0, 0] }, interp: 'linear' },
    { frame: 10, value: { elbowL: [0, 0, 1] }, interp: 'linear' },
  ] })(p);
  // what the renderers would have built: a group per object; the lamp renders at 2.5× the document value
  const refs = new Map<string, Object3D>();
  const lampGroup = new Group();
  const light = new PointLight('#fff', 25);
  lampGroup.add(light);
  const actorGroup = new Group();
  const body = new Group();
  const posed: unknown[] = [];
  body.userData.poseActor = (a: unknown) => posed.push(a);
  actorGroup.add(body);
  refs.set('lamp', lampGroup).set('ana', actorGroup).set('box', new Group());
  return { p, sid, refs, light, actorGroup, posed };
}

describe('applying an evaluated scene to live objects', () => {
  it('moves keyed objects, scales rendered light intensity, hands the actor its pose', () => {
    const { p, sid, refs, light, actorGroup, posed } = setup();
    const doc = p.scenes[sid]!.objects;
    const written = applyEvaluated(refs, evaluateScene(p, sid, 5), new Set(), doc);
    expect([...written].sort()).toEqual(['ana', 'lamp']);
    expect(actorGroup.position.x).toBeCloseTo(2);
    expect(light.intensity).toBeCloseTo(25 * 1.5);
    expect(posed).toHaveLength(1);
    expect((posed[0] as { pose: Record<string, number[]> }).pose.elbowL![2]).toBeCloseTo(0.5);
    applyEvaluated(refs, evaluateScene(p, sid, 10), written, doc);
    expect(light.intensity).toBeCloseTo(50);
  });
  it('restores objects whose tracks were deleted to the document value', () => {
    const { p, sid, refs, actorGroup } = setup();
    const written = applyEvaluated(refs, evaluateScene(p, sid, 10), new Set(), p.scenes[sid]!.objects);
    expect(actorGroup.position.x).toBeCloseTo(4);
    const s = p.scenes[sid]!;
    const q = { ...p, scenes: { [sid]: { ...s, tracks: {} } } };
    const again = applyEvaluated(refs, evaluateScene(q, sid, 10), written, q.scenes[sid]!.objects);
    expect(again.size).toBe(0);
    expect(actorGroup.position.x).toBe(0);
  });
  it('applyAll writes every object, animated or not', () => {
    const { p, sid, refs } = setup();
    refs.get('box')!.position.set(9, 9, 9);
    applyAll(refs, evaluateScene(p, sid, 0), p.scenes[sid]!.objects);
    expect(refs.get('box')!.position.toArray()).toEqual([0, 0, 0]);
  });
  it('moves the sun with a keyed time of day: direction, daylight and a warm low sun', () => {
    let p: Project = newProject('a', '2026-01-01T00:00:00.000Z');
    const sid = p.sceneOrder[0]!;
    p = addObjects(sid, [createObject('light', { id: 'sun', kind: 'sun', intensity: 3, timeOfDay: 12, colour: '#ffffff' })])(p);
    p = upsertTrack(sid, { id: 'tod', targetId: 'sun', property: 'timeOfDay', keys: [
      { frame: 0, value: 9, interp: 'linear' },
      { frame: 10, value: 19, interp: 'linear' },
    ] })(p);
    // as the sun renderer builds it: a directional light 80 m out along the document direction
    const group = new Group();
    const light = new DirectionalLight('#ffffff', 3);
    const noon = sunAt(12).direction;
    light.position.set(noon[0] * 80, noon[1] * 80, noon[2] * 80);
    group.add(light);
    const refs = new Map<string, Object3D>([['sun', group]]);
    const doc = p.scenes[sid]!.objects;
    const written = applyEvaluated(refs, evaluateScene(p, sid, 0), new Set(), doc);
    expect([...written]).toEqual(['sun']);
    const morning = sunAt(9);
    expect(light.position.toArray().map((v) => v / 80)).toEqual(morning.direction.map((v) => expect.closeTo(v, 9)));
    expect(light.intensity).toBeCloseTo(3 * morning.daylight);
    expect(light.castShadow).toBe(true);
    // frame 10 is 19:00, after sunset: no light, no shadow, and the low sun warmed towards red
    applyEvaluated(refs, evaluateScene(p, sid, 10), written, doc);
    expect(sunAt(19).daylight).toBe(0);
    expect(light.intensity).toBe(0);
    expect(light.castShadow).toBe(false);
    expect(light.position.length()).toBeCloseTo(80);
    // 17:00, about 11° up: still lit, and warmed
    applyEvaluated(refs, evaluateScene(p, sid, 8), written, doc);
    expect(light.intensity).toBeGreaterThan(0);
    expect(light.color.b).toBeLessThan(light.color.r * 0.9);
  });
});
