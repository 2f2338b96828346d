import { describe, expect, it } from 'vitest';
import { addObjects, createObject, newProject } from '../../core/document';
import { setKey } from '../../core/timeline';
import { aimChoices, setAim } from './aimCommands';

describe('aim commands', () => {
  it('lists each actor’s eyes and head and every other object, never the camera itself', () => {
    const ana = createObject('actor', { id: 'ana', name: 'ANA' });
    const car = createObject('setPiece', { id: 'car', name: 'Car' });
    const cam = createObject('camera', { id: 'cam' });
    const labels = aimChoices({ ana, car, cam }, 'cam').map((c) => c.label);
    expect(labels).toEqual(['ANA — eyes', 'ANA — head', 'Car']);
  });
  it('taking the aim away takes its on/off keys with it', () => {
    const p0 = newProject('t');
    const sid = p0.sceneOrder[0]!;
    const ana = createObject('actor', { id: 'ana' });
    const cam = createObject('camera', { id: 'cam', aim: { target: { kind: 'object', objectId: 'ana', mark: 'eyes' }, weight: 1, followFocus: true } });
    let p = addObjects(sid, [ana, cam])(p0);
    p = setKey(sid, 'cam', 'aim.weight', { frame: 10, value: 0, interp: 'step' })(p);
    const q = setAim(sid, 'cam', null)(p);
    expect(Object.values(q.scenes[sid]!.tracks)).toHaveLength(0);
    expect(q.scenes[sid]!.objects.cam).toMatchObject({ aim: null });
  });
});
