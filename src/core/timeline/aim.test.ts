import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, upsertTrack, removeObjects, loadProjectValue, serializeProject, checkReferences } from '../document';
import type { Camera, Project, Track } from '../document/schema';
import { evaluateScene, evaluateObject } from './evaluate';
import { autoKey } from './autoKey';
import { setKey } from './keys';
import { attitude, eulerXYZMatrix, forwardVector } from '../lens/framing';
import { bodyMarks } from '../shotgrammar/body';
import { aimTargetPoint } from './aim';
import { bakeFocusPull } from './focusPull';

const track = (id: string, targetId: string, property: string, keys: Track['keys']): Track => ({ id, targetId, property, keys });

/** Ana walks 6 m across the street in 48 frames; the camera, itself dollying, aims at her eyes with focus following. */
function walkingShot(): { p: Project; sid: string; cam: Camera } {
  const p0 = newProject('aim');
  const sid = p0.sceneOrder[0]!;
  const ana = createObject('actor', { id: 'ana', name: 'Ana', transform: { position: [-3, 0, 0], rotation: [0, 0.4, 0], scale: [1, 1, 1] } });
  const cam = createObject('camera', {
    id: 'cam',
    transform: { position: [1, 1.7, 8], rotation: [0, 0, 0], scale: [1, 1, 1] },
    aim: { target: { kind: 'object', objectId: 'ana', mark: 'eyes' }, weight: 1, followFocus: true },
  });
  let p = addObjects(sid, [ana, cam])(p0);
  p = upsertTrack(sid, track('t_walk', 'ana', 'transform.position', [
    { frame: 0, value: [-3, 0, 0], interp: 'linear' },
    { frame: 48, value: [3, 0, 1], interp: 'linear' },
  ]))(p);
  p = upsertTrack(sid, track('t_dolly', 'cam', 'transform.position', [
    { frame: 0, value: [1, 1.7, 8], interp: 'linear' },
    { frame: 48, value: [-2, 1.2, 6], interp: 'linear' },
  ]))(p);
  return { p, sid, cam };
}

const angle = (a: readonly number[], b: readonly number[]) => {
  const [ax, ay, az] = a as [number, number, number];
  const [bx, by, bz] = b as [number, number, number];
  return Math.atan2(Math.hypot(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx), ax * bx + ay * by + az * bz);
};

describe('camera aim constraint', () => {
  it('follows a walking actor’s eyes through a moving shot, roll level, focus on her eyes', () => {
    const { p, sid } = walkingShot();
    for (const f of [0, 7, 19.5, 30, 48]) {
      const e = evaluateScene(p, sid, f);
      const c = e.objects.cam as Camera;
      const ana = e.objects.ana!;
      if (ana.type !== 'actor') throw new Error('actor');
      const eyes = bodyMarks(ana).points.eyes;
      const d = [eyes[0] - c.transform.position[0], eyes[1] - c.transform.position[1], eyes[2] - c.transform.position[2]];
      expect(angle(forwardVector(c.transform.rotation), d)).toBeLessThan(1e-9);
      expect(Math.abs(attitude(c.transform.rotation).dutch)).toBeLessThan(1e-9);
      expect(c.lens.focusDistanceM).toBeCloseTo(Math.hypot(d[0]!, d[1]!, d[2]!), 9);
      expect(e.animatedIds).toContain('cam');
      // a panel evaluating the camera alone sees the same camera
      expect(evaluateObject(p, sid, 'cam', f)).toEqual(c);
    }
  });

  it('keyed off (step keys on the aim weight) gives back the camera’s own rotation and keyed on again aims', () => {
    const { p: p0, sid } = walkingShot();
    let p = setKey(sid, 'cam', 'aim.weight', { frame: 0, value: 1, interp: 'step' })(p0);
    p = setKey(sid, 'cam', 'aim.weight', { frame: 20, value: 0, interp: 'step' })(p);
    p = setKey(sid, 'cam', 'aim.weight', { frame: 30, value: 1, interp: 'step' })(p);
    const at = (f: number) => evaluateScene(p, sid, f).objects.cam as Camera;
    expect(at(25).transform.rotation).toEqual([0, 0, 0]);
    expect(at(19).transform.rotation).not.toEqual([0, 0, 0]);
    expect(at(30).transform.rotation).toEqual(at(30).transform.rotation);
    expect(at(35).transform.rotation).toEqual(evaluateScene(p0, sid, 35).objects.cam!.transform.rotation);
  });

  it('aims a camera riding a turned dolly in world space', () => {
    const { p: p0, sid } = walkingShot();
    const dolly = createObject('setPiece', { id: 'dolly', transform: { position: [4, 0.5, 4], rotation: [0, 1.1, 0], scale: [1, 1, 1] } });
    let p = addObjects(sid, [dolly])(p0);
    const cam = { ...(p.scenes[sid]!.objects.cam as Camera), parentId: 'dolly', transform: { position: [0, 1.2, 0] as [number, number, number], rotation: [0.2, 0, 0.1] as [number, number, number], scale: [1, 1, 1] as [number, number, number] } };
    p = addObjects(sid, [cam])(p);
    p = { ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid]!, tracks: { t_walk: p.scenes[sid]!.tracks.t_walk! } } } };
    const e = evaluateScene(p, sid, 24);
    const c = e.objects.cam as Camera;
    // compose by hand: world = dolly (turned 1.1 about y) · camera
    const cy = Math.cos(1.1), sy = Math.sin(1.1);
    const toWorld = (v: readonly number[]) => [cy * v[0]! + sy * v[2]!, v[1]!, -sy * v[0]! + cy * v[2]!];
    const camW = toWorld(c.transform.position).map((v, i) => v + [4, 0.5, 4][i]!);
    const fW = toWorld(forwardVector(c.transform.rotation));
    const eyes = aimTargetPoint(e.objects, { kind: 'object', objectId: 'ana', mark: 'eyes' })!;
    expect(angle(fW, [eyes[0] - camW[0]!, eyes[1] - camW[1]!, eyes[2] - camW[2]!])).toBeLessThan(1e-9);
    // level in the world: the camera's right vector has no height
    const m = eulerXYZMatrix(c.transform.rotation);
    expect(Math.abs(toWorld([m[0], m[3], m[6]])[1]!)).toBeLessThan(1e-9);
  });

  it('a fixed point and a set piece’s centre are targets too', () => {
    const { p: p0, sid } = walkingShot();
    const box = createObject('setPiece', { id: 'box', size: [1, 2, 1], transform: { position: [2, 0, -4], rotation: [0, 0, 0], scale: [1, 1, 1] } });
    let p = addObjects(sid, [box])(p0);
    const camObj = p.scenes[sid]!.objects.cam as Camera;
    p = addObjects(sid, [{ ...camObj, aim: { ...camObj.aim!, target: { kind: 'object', objectId: 'box', mark: 'centre' } } }])(p);
    expect(aimTargetPoint(p.scenes[sid]!.objects, { kind: 'object', objectId: 'box', mark: 'centre' })).toEqual([2, 1, -4]);
    p = addObjects(sid, [{ ...camObj, aim: { ...camObj.aim!, target: { kind: 'point', point: [0, 1, -10] } } }])(p);
    const c = evaluateScene(p, sid, 0).objects.cam as Camera;
    expect(angle(forwardVector(c.transform.rotation), [0 - 1, 1 - 1.7, -10 - 8])).toBeLessThan(1e-9);
  });

  it('an edit of the position keys the position only: the aimed rotation and focus never become static values', () => {
    const { p, sid } = walkingShot();
    const moved = autoKey((q) => addObjects(sid, [{ ...(q.scenes[sid]!.objects.cam as Camera), transform: { ...q.scenes[sid]!.objects.cam!.transform, position: [0, 2, 7] } }])(q), sid, 10)(p);
    const stat = moved.scenes[sid]!.objects.cam as Camera;
    expect(stat.transform.rotation).toEqual([0, 0, 0]);
    expect(stat.lens.focusDistanceM).toBe(4);
  });

  it('files without aims migrate (3 → 4), a missing target is refused by name, removing the target removes the aim', () => {
    const { p, sid } = walkingShot();
    const raw = JSON.parse(serializeProject(p));
    raw.schemaVersion = 3;
    for (const o of Object.values(raw.scenes[sid].objects) as Record<string, unknown>[]) delete o.aim;
    const r = loadProjectValue(raw);
    if (!r.ok) throw new Error(r.error);
    expect(r.migrations.at(-1)).toMatch(/^3→4/);
    expect((r.project.scenes[sid]!.objects.cam as Camera).aim).toBeNull();

    const bad = JSON.parse(serializeProject(p));
    bad.scenes[sid].objects.cam.aim.target.objectId = 'nobody';
    const b = loadProjectValue(bad);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toContain('aim.target: object "nobody" does not exist');

    const withKeys = setKey(sid, 'cam', 'aim.weight', { frame: 0, value: 1, interp: 'step' })(p);
    const gone = removeObjects(sid, ['ana'])(withKeys);
    expect((gone.scenes[sid]!.objects.cam as Camera).aim).toBeNull();
    expect(Object.values(gone.scenes[sid]!.tracks).some((t) => t.property === 'aim.weight')).toBe(false);
    expect(checkReferences(gone)).toBeNull();
  });

  it('a followed focus bakes into a thinned linear focus pull that stays within 5 mm, follow turned off', () => {
    const { p, sid } = walkingShot();
    const live = [...Array(48).keys()].map((f) => (evaluateObject(p, sid, 'cam', f) as Camera).lens.focusDistanceM);
    const baked = bakeFocusPull(p, sid, 'cam', 0, 47)(p);
    const cam = baked.scenes[sid]!.objects.cam as Camera;
    expect(cam.aim!.followFocus).toBe(false);
    const keys = Object.values(baked.scenes[sid]!.tracks).find((t) => t.property === 'lens.focusDistanceM')!.keys;
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.length).toBeLessThan(48);
    let worst = 0;
    for (let f = 0; f < 48; f++) worst = Math.max(worst, Math.abs((evaluateObject(baked, sid, 'cam', f) as Camera).lens.focusDistanceM - live[f]!));
    console.log(`focus pull: ${keys.length} keys for 48 frames, worst ${(worst * 1000).toFixed(2)} mm`);
    expect(worst).toBeLessThanOrEqual(0.005);
    expect(() => bakeFocusPull(baked, sid, 'cam', 0, 47)).toThrow(/follows/);
  });
});
