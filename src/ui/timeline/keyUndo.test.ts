import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects } from '../../core/document';
import { createProjectStore } from '../../store/projectStore';
import { setKey, moveKey, findTrack } from '../../core/timeline';

function setup() {
  let p = newProject('k', '2026-01-01T00:00:00.000Z');
  const sceneId = p.sceneOrder[0]!;
  p = addObjects(sceneId, [createObject('camera', { id: 'cam' })])(p);
  return { p, sceneId };
}

describe('keyframe edits through the store', () => {
  it('each keyframe edit is one undo step in the store', () => {
    const { p, sceneId } = setup();
    const store = createProjectStore(p);
    store.getState().execute('Add key', setKey(sceneId, 'cam', 'lens.focalLengthMm', { frame: 0, value: 35 }));
    store.getState().execute('Add key', setKey(sceneId, 'cam', 'lens.focalLengthMm', { frame: 24, value: 50 }));
    const id = findTrack(store.getState().project.scenes[sceneId]!, 'cam', 'lens.focalLengthMm')!.id;
    store.getState().execute('Move key', moveKey(sceneId, id, 24, 30));
    store.getState().undo();
    expect(findTrack(store.getState().project.scenes[sceneId]!, 'cam', 'lens.focalLengthMm')!.keys.map((k) => k.frame)).toEqual([0, 24]);
    store.getState().undo();
    expect(findTrack(store.getState().project.scenes[sceneId]!, 'cam', 'lens.focalLengthMm')!.keys).toHaveLength(1);
  });
});
