// Auto-key through the store, the way NumberField drives it: a typed value is one step, a label scrub is one
// gesture however many values it sweeps through; undo and redo restore the track and the static value.
import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, updateObject, type Camera } from '../../core/document';
import { createProjectStore } from '../../store/projectStore';
import { autoKey, setKey, findTrack, evaluateObject, toggleKeyAt } from '../../core/timeline';

function setup() {
  let p = newProject('k', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  p = addObjects(sid, [createObject('camera', { id: 'cam' })])(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 0, value: 35, interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 48, value: 85, interp: 'linear' })(p);
  return { store: createProjectStore(p), sid };
}
const focal = (sid: string, v: number) => updateObject<Camera>(sid, 'cam', (c) => ({ ...c, lens: { ...c.lens, focalLengthMm: v } }));

describe('auto-key through the store', () => {
  it('a typed value at frame 24 is one undo step that adds a key there', () => {
    const { store, sid } = setup();
    const keys = () => findTrack(store.getState().project.scenes[sid]!, 'cam', 'lens.focalLengthMm')!.keys.map((k) => [k.frame, k.value]);
    store.getState().execute('Set Focal length', autoKey(focal(sid, 50), sid, 24));
    expect(keys()).toEqual([[0, 35], [24, 50], [48, 85]]);
    expect((evaluateObject(store.getState().project, sid, 'cam', 24) as Camera).lens.focalLengthMm).toBe(50);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(keys()).toEqual([[0, 35], [48, 85]]);
    store.getState().redo();
    expect(keys()).toEqual([[0, 35], [24, 50], [48, 85]]);
  });
  it('a scrub sweeping many values is one gesture: one undo step, one key', () => {
    const { store, sid } = setup();
    const staticFocal = (store.getState().project.scenes[sid]!.objects.cam as Camera).lens.focalLengthMm;
    store.getState().beginGesture('Set Focal length');
    for (let v = 40; v <= 70; v += 2.5) store.getState().updateGesture(autoKey(focal(sid, v), sid, 24));
    store.getState().endGesture();
    const scene = store.getState().project.scenes[sid]!;
    expect(findTrack(scene, 'cam', 'lens.focalLengthMm')!.keys.map((k) => [k.frame, k.value])).toEqual([[0, 35], [24, 70], [48, 85]]);
    expect((scene.objects.cam as Camera).lens.focalLengthMm).toBe(staticFocal);
    expect(store.getState().history.past.map((s) => s.label)).toEqual(['Set Focal length']);
    store.getState().undo();
    expect(findTrack(store.getState().project.scenes[sid]!, 'cam', 'lens.focalLengthMm')!.keys).toHaveLength(2);
  });
  it('the diamond adds and removes a key, one step each', () => {
    const { store, sid } = setup();
    const run = (label: string) => {
      const p = store.getState().project;
      store.getState().execute(label, toggleKeyAt(p, sid, 'cam', 'lens.focalLengthMm', 12));
    };
    run('Set key');
    run('Delete key');
    expect(store.getState().history.past.map((s) => s.label)).toEqual(['Set key', 'Delete key']);
    store.getState().undo();
    expect(findTrack(store.getState().project.scenes[sid]!, 'cam', 'lens.focalLengthMm')!.keys.map((k) => k.frame)).toEqual([0, 12, 48]);
  });
});
