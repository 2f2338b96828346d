// One studio client's CPU per edit, without a server or sockets: a sending client's store bound to one Yjs doc, a
// receiving client's to another, the sender's updates applied to the receiver and flushed a frame's worth at a time,
// as the load run's clients do. The receiver pays for every other person's edit (nineteen of them in a 20-client
// session), so its cost per remote edit, and how it grows with the scene, is what loads a client most.
import * as Y from 'yjs';
import { addObjects, createObject, identityTransform, setTransforms } from '../../src/core/document';
import { buildDemoProject } from '../../src/core/document/demo';
import { createProjectStore } from '../../src/store/projectStore';
import { bindStore } from '../../src/sync/storeBinding';

/** CPU time of this process so far, ms (user and system: a loaded machine does not stretch it as it does wall time). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface ClientCost {
  /** objects in the scene when the edits begin (they end with edits / 2 more) */
  objects: number;
  /** sender: the store's edit, its diff into the doc and the update's encoding, ms CPU per edit */
  localMs: number;
  /** receiver: applying the update, patching the store a frame at a time, ms CPU per edit */
  remoteMs: number;
}

/**
 * `edits` edits in a scene of `objects` objects, alternately adding a set piece and moving the one just added;
 * the receiver flushes after every `perFrame` updates.
 */
export function clientCost(objects: number, edits: number, perFrame: number): ClientCost {
  const demo = buildDemoProject();
  const sceneId = demo.sceneOrder[0]!;
  const have = Object.keys(demo.scenes[sceneId]!.objects).length;
  const extra = Array.from({ length: Math.max(0, objects - have) }, (_, i) => createObject('setPiece', { id: `extra_${i}`, name: `Extra ${i}` }));
  const project = addObjects(sceneId, extra)(demo);
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sender = createProjectStore(project);
  const receiver = createProjectStore(project);
  bindStore(sender, a, { apply: 'sync' });
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const binding = bindStore(receiver, b, { apply: 'frame' });
  // a provider listens for updates on both docs, so Yjs encodes every transaction's update
  b.on('update', () => undefined);
  const updates: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => updates.push(u));

  const t0 = cpuMs();
  for (let k = 0; k < edits; k++) {
    const id = `crate_${k}`;
    if (k % 2 === 0) sender.getState().execute('add', addObjects(sceneId, [createObject('setPiece', { id, name: `Crate ${k}` })]));
    else sender.getState().execute('move', setTransforms(sceneId, { [`crate_${k - 1}`]: identityTransform([k, 0, 0]) }));
  }
  const t1 = cpuMs();
  for (let i = 0; i < updates.length; i++) {
    Y.applyUpdate(b, updates[i]!, 'wire');
    if (i % perFrame === perFrame - 1) binding.flush();
  }
  binding.flush();
  const t2 = cpuMs();
  binding.detach();
  if (binding.problem) throw new Error(binding.problem);
  const last = `crate_${edits - 2}`;
  if (!receiver.getState().project.scenes[sceneId]!.objects[last]) throw new Error(`the receiver lacks ${last}`);
  return { objects: have + extra.length, localMs: (t1 - t0) / edits, remoteMs: (t2 - t1) / edits };
}
