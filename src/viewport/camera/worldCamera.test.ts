import { describe, expect, it } from 'vitest';
import { Group } from 'three';
import { createObject } from '../../core/document';
import { attitude } from '../../core/lens';
import { objectRefs } from '../objectRefs';
import { cameraInWorld } from './worldCamera';

describe('cameraInWorld', () => {
  it('leaves an unparented camera alone', () => {
    const c = createObject('camera');
    expect(cameraInWorld(c)).toBe(c);
  });
  it('composes with the live parent: a camera on a dolly turned 90° looks down −x', () => {
    const dolly = new Group();
    dolly.position.set(10, 0.5, 0);
    dolly.rotation.set(0, Math.PI / 2, 0);
    objectRefs.set('dolly', dolly);
    const c = createObject('camera', { parentId: 'dolly', transform: { position: [0, 1.2, -2], rotation: [-0.1, 0, 0], scale: [1, 1, 1] } });
    const w = cameraInWorld(c);
    expect(w.transform.position[0]).toBeCloseTo(8, 9);
    expect(w.transform.position[1]).toBeCloseTo(1.7, 9);
    expect(w.transform.position[2]).toBeCloseTo(0, 9);
    const a = attitude(w.transform.rotation);
    expect(a.pan).toBeCloseTo(Math.PI / 2, 9);
    expect(a.tilt).toBeCloseTo(-0.1, 9);
    expect(w.lens).toBe(c.lens);
    objectRefs.delete('dolly');
  });
});
