import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, updateObject, type Camera, type Project, type SceneObject, type Actor } from '../document';
import { autoKey, keyState, toggleKeyAt, sameValue } from './autoKey';
import { setKey, findTrack } from './keys';
import { evaluateObject } from './evaluate';

function fixture() {
  let p = newProject('a', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  p = addObjects(sid, [createObject('camera', { id: 'cam' }), createObject('actor', { id: 'act' }), createObject('light', { id: 'lamp' })])(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 0, value: 35, interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 48, value: 85, interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'transform.position', { frame: 0, value: [0, 1.6, 6], interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'transform.position', { frame: 48, value: [2, 1.6, 2], interp: 'linear' })(p);
  return { p, sid };
}

const lens = (sid: string, patch: Partial<Camera['lens']>) =>
  updateObject<Camera>(sid, 'cam', (c) => ({ ...c, lens: { ...c.lens, ...patch } }));
const cam = (p: Project, sid: string) => p.scenes[sid]!.objects.cam as Camera;
const focalKeys = (p: Project, sid: string) => findTrack(p.scenes[sid]!, 'cam', 'lens.focalLengthMm')!.keys.map((k) => [k.frame, k.value]);

describe('autoKey', () => {
  it('an edit of a keyed lens value sets a key at the playhead and leaves the static value alone', () => {
    const { p, sid } = fixture();
    const out = autoKey(lens(sid, { focalLengthMm: 50 }), sid, 24)(p);
    expect(focalKeys(out, sid)).toEqual([[0, 35], [24, 50], [48, 85]]);
    expect(cam(out, sid).lens.focalLengthMm).toBe(cam(p, sid).lens.focalLengthMm);
    const e = evaluateObject(out, sid, 'cam', 24) as Camera;
    expect(e.lens.focalLengthMm).toBe(50);
    // the new key takes the default bezier, as a key set with ◆ does
    expect(findTrack(out.scenes[sid]!, 'cam', 'lens.focalLengthMm')!.keys[1]!.interp).toBe('bezier');
  });
  it('replaces a key already at the frame, keeping its interpolation', () => {
    const { p, sid } = fixture();
    const out = autoKey(lens(sid, { focalLengthMm: 40 }), sid, 48)(p);
    expect(focalKeys(out, sid)).toEqual([[0, 35], [48, 40]]);
    expect(findTrack(out.scenes[sid]!, 'cam', 'lens.focalLengthMm')!.keys[1]!.interp).toBe('linear');
  });
  it('a vector edit starts from the evaluated vector: X changes, Y and Z are the values at the frame', () => {
    const { p, sid } = fixture();
    const edit = updateObject<SceneObject>(sid, 'cam', (o) => ({ ...o, transform: { ...o.transform, position: [5, o.transform.position[1], o.transform.position[2]] } }));
    const out = autoKey(edit, sid, 24)(p);
    const k = findTrack(out.scenes[sid]!, 'cam', 'transform.position')!.keys.find((x) => x.frame === 24)!;
    expect(k.value).toEqual([5, 1.6, 4]);
    // the focal length was not touched: no key appears on it
    expect(focalKeys(out, sid)).toEqual([[0, 35], [48, 85]]);
  });
  it('writes unkeyed properties statically, next to keyed ones in the same object', () => {
    const { p, sid } = fixture();
    const out = autoKey(lens(sid, { tStop: 5.6 }), sid, 24)(p);
    expect(cam(out, sid).lens.tStop).toBe(5.6);
    expect(cam(out, sid).lens.focalLengthMm).toBe(cam(p, sid).lens.focalLengthMm);
    expect(focalKeys(out, sid)).toEqual([[0, 35], [48, 85]]);
    expect(findTrack(out.scenes[sid]!, 'cam', 'lens.tStop')).toBeUndefined();
  });
  it('objects without tracks behave exactly as the plain edit', () => {
    const { p, sid } = fixture();
    const edit = updateObject<SceneObject>(sid, 'lamp', (o) => (o.type === 'light' ? { ...o, intensity: 3 } : o));
    expect(autoKey(edit, sid, 10)(p)).toEqual(edit(p));
  });
  it('a no-op returns the same project (no undo step), also when the edit rewrites a keyed value to what is shown', () => {
    const { p, sid } = fixture();
    expect(autoKey((x) => x, sid, 24)(p)).toBe(p);
    expect(autoKey(lens(sid, { focalLengthMm: 60 }), sid, 24)(p)).toBe(p); // 60 is the value at 24
  });
  it('keys a pose preset as a whole when the pose is keyed', () => {
    let { p, sid } = fixture();
    p = setKey(sid, 'act', 'pose', { frame: 0, value: { elbowL: [0, 0, 0.2] } })(p);
    const preset: Record<string, [number, number, number]> = { kneeR: [0.5, 0, 0], elbowL: [0, 0, 1] };
    const out = autoKey(updateObject<Actor>(sid, 'act', (a) => ({ ...a, pose: preset, posePreset: 'walk' })), sid, 12)(p);
    const keys = findTrack(out.scenes[sid]!, 'act', 'pose')!.keys;
    expect(keys.map((k) => k.frame)).toEqual([0, 12]);
    expect(keys[1]!.value).toEqual(preset);
    const a = out.scenes[sid]!.objects.act as Actor;
    expect(a.pose).toEqual({});
    expect(a.posePreset).toBe('walk');
  });
  it('re-applied during a sweep, it replaces its own key (what a gesture does)', () => {
    const { p, sid } = fixture();
    let cur = p;
    for (const v of [40, 45, 52, 57]) cur = autoKey(lens(sid, { focalLengthMm: v }), sid, 24)(cur);
    expect(focalKeys(cur, sid)).toEqual([[0, 35], [24, 57], [48, 85]]);
  });
  it('rounds a fractional playhead to the frame it shows', () => {
    const { p, sid } = fixture();
    const out = autoKey(lens(sid, { focalLengthMm: 70 }), sid, 23.6)(p);
    expect(focalKeys(out, sid).map((k) => k[0])).toEqual([0, 24, 48]);
  });
});

describe('key state and the field diamond', () => {
  it('tells static, animated and on-key apart', () => {
    const { p, sid } = fixture();
    const s = p.scenes[sid]!;
    expect(keyState(s, 'cam', 'lens.tStop', 0)).toBe('static');
    expect(keyState(s, 'cam', 'lens.focalLengthMm', 0)).toBe('onKey');
    expect(keyState(s, 'cam', 'lens.focalLengthMm', 12)).toBe('animated');
  });
  it('adds the shown value on a frame without a key and removes the key on a frame with one', () => {
    const { p, sid } = fixture();
    const added = toggleKeyAt(p, sid, 'cam', 'lens.focalLengthMm', 12)(p);
    expect(focalKeys(added, sid)).toEqual([[0, 35], [12, 47.5], [48, 85]]);
    const removed = toggleKeyAt(added, sid, 'cam', 'lens.focalLengthMm', 12)(added);
    expect(focalKeys(removed, sid)).toEqual([[0, 35], [48, 85]]);
    // a static property gets its first key (and a track)
    const first = toggleKeyAt(p, sid, 'cam', 'lens.tStop', 5)(p);
    expect(findTrack(first.scenes[sid]!, 'cam', 'lens.tStop')!.keys.map((k) => [k.frame, k.value])).toEqual([[5, 2.8]]);
  });
  it('compares values deeply', () => {
    expect(sameValue([1, 2], [1, 2])).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [2] })).toBe(false);
    expect(sameValue(1, [1])).toBe(false);
  });
});
