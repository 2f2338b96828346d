// Remote edits as patches: the patched store must equal a full read of the doc after every kind of edit, keep
// untouched records' identity, gather a burst into one store update, and refuse what the whole check refuses.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addObjects,
  createObject,
  createShot,
  identityTransform,
  patchObject,
  removeObjects,
  removeShot,
  renameProject,
  setSettings,
  setShotOrder,
  setTransforms,
  upsertShot,
  type Project,
} from '../core/document';
import { buildDemoProject } from '../core/document/demo';
import { createProjectStore } from '../store/projectStore';
import { bindStore } from './storeBinding';
import { ProjectReader, roots } from './projectDoc';

const tick = () => new Promise((r) => setTimeout(r, 40));

function wired() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  const demo = buildDemoProject();
  const sa = createProjectStore(demo);
  const sb = createProjectStore(buildDemoProject());
  bindStore(sa, a, { apply: 'sync' });
  const bb = bindStore(sb, b); // the app's default: gathered until the next frame
  let updates = 0;
  sb.subscribe(() => updates++);
  return { a, b, sa, sb, bb, sceneId: demo.sceneOrder[0]!, updates: () => updates };
}

const fullRead = (doc: Y.Doc): Project => {
  const reader = new ProjectReader(doc);
  const r = reader.read()!;
  reader.destroy();
  if (!r.ok) throw new Error(r.error);
  return r.project;
};

describe('remote edits as patches', () => {
  it('a burst of remote edits reaches the store as one update, equal to a full read, untouched objects kept', async () => {
    const { sa, sb, b, sceneId, updates } = wired();
    const roadBefore = sb.getState().project.scenes[sceneId]!.objects.road;
    const n0 = updates();
    for (let i = 0; i < 10; i++) sa.getState().execute('add', addObjects(sceneId, [createObject('setPiece', { id: `crate_${i}`, name: `Crate ${i}` })]));
    sa.getState().execute('move', setTransforms(sceneId, { crate_3: identityTransform([3, 0, 1]) }));
    expect(updates()).toBe(n0); // nothing yet: gathered for the next frame
    await tick();
    expect(updates()).toBe(n0 + 1);
    const p = sb.getState().project;
    expect(p).toEqual(fullRead(b));
    expect(p).toEqual(sa.getState().project);
    expect(p.scenes[sceneId]!.objects.road).toBe(roadBefore);
    expect(p.scenes[sceneId]!.objects.crate_3!.transform.position).toEqual([3, 0, 1]);
  });

  it('in a scene of 640 objects a remote move changes that object alone; every other record keeps its identity', async () => {
    const { sa, sb, b, sceneId } = wired();
    const crates = Array.from({ length: 640 - 14 }, (_, i) => createObject('setPiece', { id: `crate_${i}`, name: `Crate ${i}` }));
    sa.getState().execute('add', addObjects(sceneId, crates));
    await tick();
    const before = sb.getState().project;
    const was = before.scenes[sceneId]!.objects;
    expect(Object.keys(was)).toHaveLength(640);
    sa.getState().execute('move', setTransforms(sceneId, { crate_300: identityTransform([3, 0, 0]) }));
    await tick();
    const after = sb.getState().project;
    const now = after.scenes[sceneId]!.objects;
    expect(now).not.toBe(was);
    expect(Object.getPrototypeOf(now)).toBe(Object.prototype);
    expect(Object.keys(now)).toEqual(Object.keys(was));
    const changed = Object.keys(now).filter((id) => now[id] !== was[id]);
    expect(changed).toEqual(['crate_300']);
    expect(now.crate_300!.transform.position).toEqual([3, 0, 0]);
    expect(was.crate_300!.transform.position).toEqual([0, 0, 0]); // the earlier project is not mutated
    for (const k of ['shots', 'tracks'] as const) expect(after.scenes[sceneId]![k]).toBe(before.scenes[sceneId]![k]);
    expect(after.assets).toBe(before.assets);
    expect(after.ledger).toBe(before.ledger);
    expect(after).toEqual(fullRead(b));
  });

  it('every kind of edit (fields, shots, order, settings, name, deletes, reparenting) patches to the full read', async () => {
    const { sa, sb, b, sceneId } = wired();
    const edits: ((p: Project) => Project)[] = [
      patchObject(sceneId, 'car_1', { name: 'Taxi' }),
      upsertShot(sceneId, { ...createShot('cam_b', '3', 168, 200), id: 'shot_3' }),
      setShotOrder(sceneId, ['shot_3', 'shot_1', 'shot_2']),
      setSettings({ frameOut: 400 }),
      renameProject('Street, day two'),
      patchObject(sceneId, 'lamp_1', { parentId: 'kerb_l' }),
      removeShot(sceneId, 'shot_2'),
      removeObjects(sceneId, ['bldg_corner']),
    ];
    for (const e of edits) {
      sa.getState().execute('edit', e);
      await tick();
      expect(sb.getState().project).toEqual(fullRead(b));
      expect(sb.getState().project).toEqual(sa.getState().project);
    }
  });

  it('my own edit between a remote edit and the frame keeps both', async () => {
    const { sa, sb, sceneId } = wired();
    sa.getState().execute('rename', patchObject(sceneId, 'car_1', { name: 'Taxi' }));
    sb.getState().execute('move', setTransforms(sceneId, { car_1: identityTransform([1, 2, 3]) }));
    await tick();
    for (const s of [sa, sb]) {
      const car = s.getState().project.scenes[sceneId]!.objects.car_1!;
      expect(car.name).toBe('Taxi');
      expect(car.transform.position).toEqual([1, 2, 3]);
    }
  });

  it('a remote delete that leaves a shot without its camera is refused, like opening such a file', async () => {
    const { a, sb, bb, sceneId } = wired();
    const good = sb.getState().project;
    // written straight into the doc, as a client that skips the store's rules could
    (roots(a).scenes.get(sceneId)!.get('objects') as Y.Map<unknown>).delete('cam_b');
    await tick();
    expect(bb.problem).toMatch(/cameraId: "cam_b" is not a camera/);
    expect(sb.getState().project).toBe(good);
  });

  it('a remote parent link that closes a cycle is refused; the repair that follows is applied', async () => {
    const { a, sb, bb, sceneId } = wired();
    const objects = roots(a).scenes.get(sceneId)!.get('objects') as Y.Map<Y.Map<unknown>>;
    a.transact(() => {
      objects.get('lamp_1')!.set('parentId', 'car_1');
      objects.get('car_1')!.set('parentId', 'lamp_1');
    });
    await tick();
    expect(bb.problem).toMatch(/cycle/);
    expect(sb.getState().project.scenes[sceneId]!.objects.car_1!.parentId).toBe(null);
    objects.get('car_1')!.set('parentId', null);
    await tick();
    expect(bb.problem).toBe(null);
    expect(sb.getState().project.scenes[sceneId]!.objects.lamp_1!.parentId).toBe('car_1');
  });

  it('a remote object that fails its schema is refused and names the field', async () => {
    const { a, sb, bb, sceneId } = wired();
    const objects = roots(a).scenes.get(sceneId)!.get('objects') as Y.Map<Y.Map<unknown>>;
    objects.get('road')!.set('transform', { position: 'up' });
    await tick();
    expect(bb.problem).toMatch(/objects\.road.*transform/);
    expect(sb.getState().project.scenes[sceneId]!.objects.road!.transform.position).toEqual([0, 0, 0]);
  });
});
