import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, createShot, upsertShot } from '../document';
import { setKey, moveKey, deleteKey, keyCurrentValue, findTrack, keyFrames, setKeyInterpolation, setTransformsAutoKey } from './keys';
import { evaluateScene } from './evaluate';
import { renumberShots, duplicateShot, moveShot, cutList, cutFrameSource, validateShot } from './shots';

function setup() {
  let p = newProject('k', '2026-01-01T00:00:00.000Z');
  const sceneId = p.sceneOrder[0]!;
  p = addObjects(sceneId, [createObject('camera', { id: 'cam' }), createObject('light', { id: 'sun' })])(p);
  return { p, sceneId };
}

describe('keyframe edits', () => {
  it('creates a track on first key, keeps keys sorted and unique per frame', () => {
    const { p, sceneId } = setup();
    let q = setKey(sceneId, 'cam', 'transform.position', { frame: 47, value: [0, 1.6, 1] })(p);
    q = setKey(sceneId, 'cam', 'transform.position', { frame: 0, value: [0, 1.6, 6], interp: 'linear' })(q);
    q = setKey(sceneId, 'cam', 'transform.position', { frame: 47, value: [0, 1.6, 2] })(q);
    const t = findTrack(q.scenes[sceneId]!, 'cam', 'transform.position')!;
    expect(t.keys.map((k) => k.frame)).toEqual([0, 47]);
    expect(t.keys[1]!.value).toEqual([0, 1.6, 2]);
    expect(t.keys[1]!.interp).toBe('bezier');
    expect(keyFrames(q.scenes[sceneId]!)).toEqual([0, 47]);
  });
  it('refuses non-animatable properties and wrong shapes with a reason', () => {
    const { p, sceneId } = setup();
    expect(() => setKey(sceneId, 'cam', 'name', { frame: 0, value: 1 })(p)).toThrow(/no animatable property/);
    expect(() => setKey(sceneId, 'cam', 'transform.position', { frame: 0, value: 1 })(p)).toThrow(/wrong shape/);
    expect(() => setKey(sceneId, 'ghost', 'transform.position', { frame: 0, value: [0, 0, 0] })(p)).toThrow(/no object/);
  });
  it('moves and deletes keys; the last delete removes the track', () => {
    const { p, sceneId } = setup();
    let q = setKey(sceneId, 'sun', 'intensity', { frame: 0, value: 1, interp: 'linear' })(p);
    q = setKey(sceneId, 'sun', 'intensity', { frame: 10, value: 5 })(q);
    const id = findTrack(q.scenes[sceneId]!, 'sun', 'intensity')!.id;
    q = moveKey(sceneId, id, 10, 20)(q);
    expect(evaluateScene(q, sceneId, 10).objects.sun).toMatchObject({ intensity: 3 });
    q = deleteKey(sceneId, id, 0)(q);
    q = deleteKey(sceneId, id, 20)(q);
    expect(q.scenes[sceneId]!.tracks[id]).toBeUndefined();
  });
  it('keys the current evaluated value', () => {
    const { p, sceneId } = setup();
    let q = setKey(sceneId, 'sun', 'intensity', { frame: 0, value: 0, interp: 'linear' })(p);
    q = setKey(sceneId, 'sun', 'intensity', { frame: 10, value: 10 })(q);
    q = keyCurrentValue(q, sceneId, 'sun', 'intensity', 4)(q);
    const t = findTrack(q.scenes[sceneId]!, 'sun', 'intensity')!;
    expect(t.keys.find((k) => k.frame === 4)!.value).toBeCloseTo(4);
    q = setKeyInterpolation(sceneId, t.id, 4, 'step')(q);
    expect(evaluateScene(q, sceneId, 9).objects.sun).toMatchObject({ intensity: 4 });
  });
});

describe('shot list edits', () => {
  it('renumbers, duplicates, reorders and builds the cut', () => {
    const { p, sceneId } = setup();
    let q = upsertShot(sceneId, { ...createShot('cam', '1', 0, 24), id: 'a' })(p);
    q = upsertShot(sceneId, { ...createShot('cam', '2', 30, 60), id: 'b' })(q);
    const dup = duplicateShot(sceneId, 'a');
    q = dup.edit(q);
    expect(q.scenes[sceneId]!.shotOrder).toEqual(['a', dup.newShotId, 'b']);
    q = moveShot(sceneId, 'b', 0)(q);
    q = renumberShots(sceneId)(q);
    const s = q.scenes[sceneId]!;
    expect(s.shotOrder.map((id) => s.shots[id]!.number)).toEqual(['10', '20', '30']);
    expect(s.shots.b!.name).toBe('Shot 10');
    const cut = cutList(s);
    expect(cut.map((c) => [c.recordIn, c.length])).toEqual([[0, 30], [30, 24], [54, 24]]);
    expect(cutFrameSource(cut, 31)).toMatchObject({ sceneFrame: 1 });
    expect(cutFrameSource(cut, 78)).toBeNull();
  });
  it('validates shots', () => {
    const { p, sceneId } = setup();
    expect(validateShot(p, sceneId, { ...createShot('cam', '1', 10, 10) })).toMatch(/after in/);
    expect(validateShot(p, sceneId, { ...createShot('sun', '1', 0, 10) })).toMatch(/not a camera/);
    expect(validateShot(p, sceneId, { ...createShot('cam', '1', 0, 10) })).toBeNull();
  });
});

describe('auto-key on gizmo commits', () => {
  it('keys animated parts at the frame and sets static parts', () => {
    const { p, sceneId } = setup();
    let q = setKey(sceneId, 'cam', 'transform.position', { frame: 0, value: [0, 1.6, 6], interp: 'linear' })(p);
    q = setKey(sceneId, 'cam', 'transform.position', { frame: 48, value: [0, 1.6, 1] })(q);
    const moved = { position: [1, 2, 3], rotation: [0, 0.5, 0], scale: [1, 1, 1] };
    q = setTransformsAutoKey(sceneId, { cam: moved }, 24)(q);
    const t = findTrack(q.scenes[sceneId]!, 'cam', 'transform.position')!;
    expect(t.keys.map((k) => k.frame)).toEqual([0, 24, 48]);
    expect(evaluateScene(q, sceneId, 24).objects.cam!.transform.position).toEqual([1, 2, 3]);
    // rotation has no track: written to the document
    expect(q.scenes[sceneId]!.objects.cam!.transform.rotation).toEqual([0, 0.5, 0]);
    // position stays the static value underneath the track
    expect(q.scenes[sceneId]!.objects.cam!.transform.position).toEqual(p.scenes[sceneId]!.objects.cam!.transform.position);
  });
});
