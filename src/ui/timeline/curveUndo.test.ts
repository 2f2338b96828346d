// The curve editor's key drag through the store: every pointer move re-applies the absolute drag edit inside a
// gesture, so the drag is one undo step; interpolation changes from its buttons are one step each.
import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects } from '../../core/document';
import { createProjectStore } from '../../store/projectStore';
import { setKey, findTrack, dragKeyEdit, setKeyInterpolation, EASE_PRESETS } from '../../core/timeline';

function setup() {
  let p = newProject('c', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  p = addObjects(sid, [createObject('camera', { id: 'cam' })])(p);
  p = setKey(sid, 'cam', 'transform.position', { frame: 0, value: [0, 1.6, 6], interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'transform.position', { frame: 48, value: [0, 1.6, 2], interp: 'linear' })(p);
  return { store: createProjectStore(p), sid };
}

describe('curve key drag through the store', () => {
  it('a drag of time and value is one undo step; undo and redo restore both', () => {
    const { store, sid } = setup();
    const track = () => findTrack(store.getState().project.scenes[sid]!, 'cam', 'transform.position')!;
    const t = track();
    const drag = { sceneId: sid, trackId: t.id, component: 2, original: t.keys, from: 48 };
    store.getState().beginGesture('Move key');
    for (let i = 1; i <= 10; i++) store.getState().updateGesture(dragKeyEdit(drag, 48 - i, 2 + i * 0.1));
    store.getState().endGesture();
    expect(track().keys.map((k) => [k.frame, k.value])).toEqual([[0, [0, 1.6, 6]], [38, [0, 1.6, 3]]]);
    expect(store.getState().history.past.map((s) => s.label)).toEqual(['Move key']);
    store.getState().undo();
    expect(track().keys.map((k) => [k.frame, k.value])).toEqual([[0, [0, 1.6, 6]], [48, [0, 1.6, 2]]]);
    store.getState().redo();
    expect(track().keys.map((k) => k.frame)).toEqual([0, 38]);
  });
  it('a click without movement records nothing', () => {
    const { store, sid } = setup();
    const t = findTrack(store.getState().project.scenes[sid]!, 'cam', 'transform.position')!;
    store.getState().beginGesture('Move key');
    store.getState().updateGesture(dragKeyEdit({ sceneId: sid, trackId: t.id, component: 0, original: t.keys, from: 0 }, 0, 0));
    store.getState().endGesture();
    expect(store.getState().history.past).toHaveLength(0);
  });
  it('an interpolation preset is one step', () => {
    const { store, sid } = setup();
    const t = findTrack(store.getState().project.scenes[sid]!, 'cam', 'transform.position')!;
    store.getState().execute('Ease in', setKeyInterpolation(sid, t.id, 0, 'bezier', [...EASE_PRESETS.easeIn]));
    const k = findTrack(store.getState().project.scenes[sid]!, 'cam', 'transform.position')!.keys[0]!;
    expect([k.interp, k.ease]).toEqual(['bezier', [0.42, 0, 1, 1]]);
    expect(store.getState().history.past).toHaveLength(1);
  });
});
