// Two people, two stores, one shared document (synced directly here; through the server in server tests).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addObjects, createObject, newProject, patchObject, removeObjects, setTransforms, identityTransform, type Project } from '../core/document';
import { generateSigner } from '../core/disclosure/crypto';
import { sealAfter, verifyChain } from '../core/disclosure/ledger';
import { ledgerHeads } from '../core/document/ledgerOrder';
import { createProjectStore } from '../store/projectStore';
import { bindStore } from './storeBinding';
import { roots } from './projectDoc';

/** Two docs wired together; `online` false holds updates back (a cut cable) until it is set again. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let online = true;
  const held: [Y.Doc, Uint8Array][] = [];
  const send = (to: Y.Doc) => (u: Uint8Array, origin: unknown) => {
    if (origin === 'wire') return;
    if (online) Y.applyUpdate(to, u, 'wire');
    else held.push([to, u]);
  };
  a.on('update', send(b));
  b.on('update', send(a));
  return {
    a,
    b,
    setOnline(v: boolean) {
      online = v;
      if (v) for (const [to, u] of held.splice(0)) Y.applyUpdate(to, u, 'wire');
    },
  };
}

function setup() {
  const base = newProject('Street');
  const sceneId = base.sceneOrder[0]!;
  const box = createObject('setPiece', { name: 'Crate' });
  const cam = createObject('camera', { name: 'A cam' });
  const seeded: Project = addObjects(sceneId, [box, cam])(base);
  const sa = createProjectStore(seeded);
  const sb = createProjectStore(newProject('empty'));
  const wire = pair();
  // remote edits at once here, so each expectation can follow its edit; the batched default has its own tests
  const ba = bindStore(sa, wire.a, { apply: 'sync' });
  const bb = bindStore(sb, wire.b, { apply: 'sync' });
  return { sa, sb, ba, bb, wire, sceneId, box, cam };
}

/** As setup(), but B reads remote edits at its next frame, as the app does (flushed by hand here). */
function setupFramed() {
  const base = newProject('Street');
  const sceneId = base.sceneOrder[0]!;
  const box = createObject('setPiece', { name: 'Crate' });
  const cam = createObject('camera', { name: 'A cam' });
  const sa = createProjectStore(addObjects(sceneId, [box, cam])(base));
  const sb = createProjectStore(newProject('empty'));
  const wire = pair();
  bindStore(sa, wire.a, { apply: 'sync' });
  const bb = bindStore(sb, wire.b, { apply: 'frame' });
  return { sa, sb, bb, wire, sceneId, box, cam };
}

const obj = (s: ReturnType<typeof createProjectStore>, sceneId: string, id: string) => s.getState().project.scenes[sceneId]!.objects[id]!;

describe('store ↔ shared document', () => {
  it('the second person joins with the first one\'s project, validated', () => {
    const { sa, sb } = setup();
    expect(sb.getState().project.id).toBe(sa.getState().project.id);
    expect(sb.getState().project).toEqual(sa.getState().project);
  });

  it('an edit on one store appears on the other, and unchanged objects keep their identity', () => {
    const { sa, sb, sceneId, box, cam } = setup();
    const camBefore = obj(sb, sceneId, cam.id);
    sa.getState().execute('move', setTransforms(sceneId, { [box.id]: identityTransform([3, 0, 1]) }));
    expect(obj(sb, sceneId, box.id).transform.position).toEqual([3, 0, 1]);
    expect(obj(sb, sceneId, cam.id)).toBe(camBefore);
  });

  it('two people editing different fields of one object while apart both keep their edit', () => {
    const { sa, sb, wire, sceneId, box } = setup();
    wire.setOnline(false);
    sa.getState().execute('move', setTransforms(sceneId, { [box.id]: identityTransform([5, 0, 0]) }));
    sb.getState().execute('rename', patchObject(sceneId, box.id, { name: 'Apple cart' }));
    wire.setOnline(true);
    for (const s of [sa, sb]) {
      expect(obj(s, sceneId, box.id).name).toBe('Apple cart');
      expect(obj(s, sceneId, box.id).transform.position).toEqual([5, 0, 0]);
    }
  });

  it('a remote delete still waiting for my next frame is not undone by a local edit made before that frame', () => {
    const { sa, sb, bb, wire, sceneId, box, cam } = setupFramed();
    sa.getState().execute('remove', removeObjects(sceneId, [box.id]));
    // the delete has reached B's doc, not yet B's store; B moves the camera before its frame
    expect(obj(sb, sceneId, box.id)).toBeDefined();
    sb.getState().execute('move', setTransforms(sceneId, { [cam.id]: identityTransform([0, 2, 0]) }));
    bb.flush();
    for (const s of [sa, sb]) {
      expect(s.getState().project.scenes[sceneId]!.objects[box.id]).toBeUndefined();
      expect(obj(s, sceneId, cam.id).transform.position).toEqual([0, 2, 0]);
    }
    expect(roots(wire.a).scenes.get(sceneId)!.get('objects') instanceof Y.Map).toBe(true);
    expect((roots(wire.a).scenes.get(sceneId)!.get('objects') as Y.Map<unknown>).has(box.id)).toBe(false);
  });

  it('a remote change of one field still waiting for my frame is not reverted by my edit of another field or object', () => {
    const { sa, sb, bb, sceneId, box } = setupFramed();
    sa.getState().execute('rename', patchObject(sceneId, box.id, { name: 'Apple cart' }));
    sb.getState().execute('move', setTransforms(sceneId, { [box.id]: identityTransform([4, 0, 0]) }));
    bb.flush();
    for (const s of [sa, sb]) {
      expect(obj(s, sceneId, box.id).name).toBe('Apple cart');
      expect(obj(s, sceneId, box.id).transform.position).toEqual([4, 0, 0]);
    }
  });

  it('undo is per person: my undo takes back my edit, never yours', () => {
    const { sa, sb, sceneId, box, cam } = setup();
    sa.getState().execute('move crate', setTransforms(sceneId, { [box.id]: identityTransform([2, 0, 0]) }));
    sb.getState().execute('rename cam', patchObject(sceneId, cam.id, { name: 'B cam' }));
    sa.getState().undo();
    for (const s of [sa, sb]) {
      expect(obj(s, sceneId, box.id).transform.position).toEqual([0, 0, 0]);
      expect(obj(s, sceneId, cam.id).name).toBe('B cam');
    }
    // B has nothing of A's to undo: B's undo takes back only the rename
    sb.getState().undo();
    expect(obj(sa, sceneId, cam.id).name).toBe('A cam');
    sb.getState().undo();
    expect(obj(sa, sceneId, cam.id).name).toBe('A cam');
    sa.getState().redo();
    expect(obj(sb, sceneId, box.id).transform.position).toEqual([2, 0, 0]);
    expect(sa.getState().history.past.map((h) => h.label)).toEqual(['move crate']);
  });

  it('a drag is one undo step, seen live by the other person; cancelling takes back only mine', () => {
    const { sa, sb, sceneId, box, cam } = setup();
    sa.getState().beginGesture('drag');
    for (let i = 1; i <= 5; i++) {
      sa.getState().updateGesture(setTransforms(sceneId, { [box.id]: identityTransform([i, 0, 0]) }));
      expect(obj(sb, sceneId, box.id).transform.position[0]).toBe(i);
    }
    sa.getState().endGesture();
    sa.getState().undo();
    expect(obj(sb, sceneId, box.id).transform.position).toEqual([0, 0, 0]);

    sa.getState().beginGesture('drag again');
    sa.getState().updateGesture(setTransforms(sceneId, { [box.id]: identityTransform([9, 0, 0]) }));
    sb.getState().execute('rename', patchObject(sceneId, cam.id, { name: 'during drag' }));
    sa.getState().cancelGesture();
    expect(obj(sb, sceneId, box.id).transform.position).toEqual([0, 0, 0]);
    expect(obj(sa, sceneId, cam.id).name).toBe('during drag');
  });

  it('concurrent ledger appends are both kept, never undone, and merged by the next append', async () => {
    const { sa, sb, wire } = setup();
    const alice = await generateSigner();
    const bob = await generateSigner();
    const append = async (s: typeof sa, signer: typeof alice, who: string, payload: Record<string, unknown>) => {
      const items = await sealAfter(s.getState().project.ledger, [{ kind: 'review', payload }], signer, who, '2026-12-07T00:00:00Z');
      s.getState().execute('sign', (p) => ({ ...p, ledger: [...p.ledger, ...items] }));
    };
    wire.setOnline(false);
    await append(sa, alice, 'Alice', { recordId: 'r1', action: 'approve' });
    await append(sb, bob, 'Bob', { recordId: 'r1', action: 'reject' });
    wire.setOnline(true);
    const la = sa.getState().project.ledger;
    expect(la.map((e) => e.hash)).toEqual(sb.getState().project.ledger.map((e) => e.hash));
    expect(la).toHaveLength(4);
    expect(ledgerHeads(la)).toHaveLength(2);
    expect((await verifyChain(la)).ok).toBe(true);
    // undoing my signing step leaves the shared entries where they are
    sa.getState().undo();
    expect(sa.getState().project.ledger).toHaveLength(4);
    await append(sb, bob, 'Bob', { recordId: 'r1', action: 'submit' });
    const merged = sa.getState().project.ledger;
    expect(merged.map((e) => e.kind).slice(-2)).toEqual(['merge', 'review']);
    expect(ledgerHeads(merged)).toHaveLength(1);
    expect((await verifyChain(merged)).ok).toBe(true);
  });

  it('an invalid shared doc is refused and the store keeps its last good project', () => {
    const problems: string[] = [];
    const { sa, wire, sceneId, box } = setup();
    const b2 = bindStore(createProjectStore(newProject()), new Y.Doc(), {});
    b2.detach();
    const good = sa.getState().project;
    const bound = bindStore(sa, wire.a, { apply: 'sync', onProblem: (m) => problems.push(m) });
    const yBox = (roots(wire.b).scenes.get(sceneId)!.get('objects') as Y.Map<Y.Map<unknown>>).get(box.id)!;
    yBox.set('transform', { position: ['not', 'a', 'number'] });
    expect(problems[0]).toMatch(/transform/);
    expect(sa.getState().project.scenes[sceneId]!.objects[box.id]).toEqual(good.scenes[sceneId]!.objects[box.id]);
    expect(bound.problem).toMatch(/transform/);
  });

  it('detaching keeps the project and local undo; opening another project detaches by itself', () => {
    const { sa, sb, ba, sceneId, box } = setup();
    ba.detach();
    sa.getState().execute('move alone', setTransforms(sceneId, { [box.id]: identityTransform([7, 0, 0]) }));
    expect(obj(sb, sceneId, box.id).transform.position).toEqual([0, 0, 0]);
    sa.getState().undo();
    expect(obj(sa, sceneId, box.id).transform.position).toEqual([0, 0, 0]);
    let detached = false;
    const { sb: other, wire } = setup();
    const again = bindStore(other, wire.b, { apply: 'sync', onDetached: () => (detached = true) });
    other.getState().load(newProject('Another'));
    expect(detached).toBe(true);
    expect(other.getState().shared).toBe(null);
    expect(again.problem).toBe(null);
  });
});
