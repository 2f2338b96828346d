// The move/rotate/scale gizmo commit (setTransformsAutoKey) is auto-key: it agrees with autoKey on what becomes
// a key, what is written statically and what is left alone.
import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, updateObject, type SceneObject } from '../document';
import { setKey, findTrack, setTransformsAutoKey } from './keys';
import { autoKey } from './autoKey';
import { evaluateObject } from './evaluate';

function fixture() {
  let p = newProject('g', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  p = addObjects(sid, [createObject('setPiece', { id: 'box' }), createObject('camera', { id: 'cam' })])(p);
  p = setKey(sid, 'box', 'transform.position', { frame: 0, value: [0, 0, 0], interp: 'linear' })(p);
  p = setKey(sid, 'box', 'transform.position', { frame: 48, value: [4, 0, 0], interp: 'linear' })(p);
  p = setKey(sid, 'box', 'transform.rotation', { frame: 0, value: [0, 2, 0], interp: 'linear' })(p);
  p = setKey(sid, 'box', 'transform.rotation', { frame: 48, value: [0, 2, 0], interp: 'linear' })(p);
  return { p, sid };
}
const frames = (p: ReturnType<typeof fixture>['p'], sid: string, prop: string) => findTrack(p.scenes[sid]!, 'box', prop)!.keys.map((k) => k.frame);

describe('gizmo commits are auto-key', () => {
  it('keys the moved part only: a rotation read back as other angles for the same turn is not keyed', () => {
    const { p, sid } = fixture();
    // what the gizmo hands back after a move at frame 24: the new position, the same rotation named as
    // three's Euler reads it back from a quaternion ([0, 2, 0] → [π, π − 2, π]), scale untouched
    const readBack = [Math.PI, Math.PI - 2, Math.PI];
    const out = setTransformsAutoKey(sid, { box: { position: [1, 0.5, 0], rotation: readBack, scale: [1, 1, 1] } }, 24)(p);
    expect(frames(out, sid, 'transform.position')).toEqual([0, 24, 48]);
    expect(frames(out, sid, 'transform.rotation')).toEqual([0, 48]);
    expect(evaluateObject(out, sid, 'box', 24)!.transform.position).toEqual([1, 0.5, 0]);
    expect(out.scenes[sid]!.objects.box!.transform).toEqual(p.scenes[sid]!.objects.box!.transform);
  });
  it('is the same edit the inspector makes for the same change', () => {
    const { p, sid } = fixture();
    const viaGizmo = setTransformsAutoKey(sid, { box: { position: [1, 0.5, 0], rotation: [0, 2, 0], scale: [2, 2, 2] } }, 24)(p);
    const viaInspector = autoKey(
      updateObject<SceneObject>(sid, 'box', (o) => ({ ...o, transform: { ...o.transform, position: [1, 0.5, 0], scale: [2, 2, 2] } })),
      sid,
      24,
    )(p);
    const ids = (x: typeof p) => Object.keys(x.scenes[sid]!.tracks).sort();
    expect(ids(viaGizmo)).toEqual(ids(viaInspector));
    expect(viaGizmo.scenes[sid]!.tracks).toEqual(viaInspector.scenes[sid]!.tracks);
    expect(viaGizmo.scenes[sid]!.objects).toEqual(viaInspector.scenes[sid]!.objects);
    // scale has no track: written statically
    expect(viaGizmo.scenes[sid]!.objects.box!.transform.scale).toEqual([2, 2, 2]);
  });
  it('a release without a change records nothing (same project back)', () => {
    const { p, sid } = fixture();
    const shown = evaluateObject(p, sid, 'box', 24)!.transform;
    const cam = p.scenes[sid]!.objects.cam!.transform;
    // values as toTransform rounds them (1e-6)
    const r = (v: number[]) => v.map((x) => Math.round(x * 1e6) / 1e6);
    expect(
      setTransformsAutoKey(sid, { box: { position: r(shown.position), rotation: r(shown.rotation), scale: shown.scale }, cam: { ...cam } }, 24)(p),
    ).toBe(p);
  });
});
