import { describe, expect, it } from 'vitest';
import { createProjectStore } from './projectStore';
import {
  addObjects,
  createObject,
  createShot,
  duplicateObjects,
  newProject,
  patchObject,
  removeObjects,
  removeShot,
  setShotOrder,
  setTransforms,
  upsertShot,
  upsertTrack,
  removeTrack,
  addAsset,
  setSettings,
  renameProject,
  editEnvironment,
  type Edit,
  type Project,
} from '../core/document';

function setup() {
  const p = newProject('History');
  const sid = p.sceneOrder[0]!;
  const store = createProjectStore(p);
  const cam = createObject('camera', { id: 'cam1' });
  const box = createObject('setPiece', { id: 'box1' });
  store.getState().execute('seed', addObjects(sid, [cam, box]));
  store.getState().execute('shot', upsertShot(sid, { ...createShot('cam1', '1', 0, 24), id: 'sh1' }));
  return { store, sid };
}

describe('history', () => {
  const cases: [string, (sid: string) => Edit][] = [
    ['addObjects', (sid) => addObjects(sid, [createObject('actor', { id: 'a1' })])],
    ['removeObjects (camera takes its shot)', (sid) => removeObjects(sid, ['cam1'])],
    ['patchObject', (sid) => patchObject(sid, 'box1', { name: 'Crate' })],
    ['setTransforms', (sid) => setTransforms(sid, { box1: { position: [1, 2, 3], rotation: [0, 1, 0], scale: [2, 2, 2] } })],
    ['duplicateObjects', (sid) => duplicateObjects(sid, ['box1']).edit],
    ['upsertShot', (sid) => upsertShot(sid, { ...createShot('cam1', '2', 24, 48), id: 'sh2' })],
    ['removeShot', (sid) => removeShot(sid, 'sh1')],
    ['setShotOrder', (sid) => setShotOrder(sid, [])],
    ['upsertTrack', (sid) => upsertTrack(sid, { id: 't1', targetId: 'box1', property: 'transform.position', keys: [] })],
    ['removeTrack', (sid) => (p: Project) => removeTrack(sid, 't1')(upsertTrack(sid, { id: 't1', targetId: 'box1', property: 'x', keys: [] })(p))],
    ['addAsset', () => addAsset({ id: 'a'.repeat(64), name: 'plate.png', mime: 'image/png', byteLength: 10, kind: 'plate' })],
    ['setSettings', () => setSettings({ fps: 25 })],
    ['renameProject', () => renameProject('Renamed')],
    ['editEnvironment', (sid) => editEnvironment(sid, { skyColour: '#000000' })],
  ];
  for (const [name, make] of cases) {
    it(`undo/redo of ${name}`, () => {
      const { store, sid } = setup();
      const before = store.getState().project;
      store.getState().execute(name, make(sid));
      const after = store.getState().project;
      expect(after).not.toBe(before);
      store.getState().undo();
      expect(store.getState().project).toBe(before);
      store.getState().redo();
      expect(store.getState().project).toBe(after);
    });
  }

  it('a simulated drag of 60 updates is one undo step', () => {
    const { store, sid } = setup();
    const steps = store.getState().history.past.length;
    const before = store.getState().project;
    store.getState().beginGesture('Move box');
    for (let i = 1; i <= 60; i++) {
      store.getState().updateGesture(setTransforms(sid, { box1: { position: [i / 10, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] } }));
    }
    store.getState().endGesture();
    expect(store.getState().history.past.length).toBe(steps + 1);
    expect(store.getState().history.past.at(-1)!.label).toBe('Move box');
    expect(store.getState().project.scenes[sid]!.objects.box1!.transform.position[0]).toBeCloseTo(6);
    store.getState().undo();
    expect(store.getState().project).toBe(before);
  });

  it('cancelling a gesture bails back to the mark with no step', () => {
    const { store, sid } = setup();
    const before = store.getState().project;
    const steps = store.getState().history.past.length;
    store.getState().beginGesture('Scrub');
    store.getState().updateGesture(patchObject(sid, 'box1', { name: 'x' }));
    store.getState().cancelGesture();
    expect(store.getState().project).toBe(before);
    expect(store.getState().history.past.length).toBe(steps);
  });

  it('loading a project is not an undo step and clears history', () => {
    const { store } = setup();
    store.getState().load(newProject('Other'));
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().history.future).toHaveLength(0);
  });

  it('a new edit after undo clears the redo stack', () => {
    const { store, sid } = setup();
    store.getState().execute('a', patchObject(sid, 'box1', { name: 'a' }));
    store.getState().undo();
    store.getState().execute('b', patchObject(sid, 'box1', { name: 'b' }));
    expect(store.getState().history.future).toHaveLength(0);
  });
});
