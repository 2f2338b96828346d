// A small set for the grammar's tests: two actors facing each other, a doorway, a table, a wall, and a shot
// camera on Cooke S4/i primes on Super 35 at 2.39:1 (the template new cameras copy).
import { createObject, newProject } from '../document/factory';
import type { Actor, Camera, Project, Scene, SceneObject, Vec3 } from '../document/schema';

export const T = (position: Vec3, rotY = 0) => ({ position, rotation: [0, rotY, 0] as Vec3, scale: [1, 1, 1] as Vec3 });

export function testScene(extra: SceneObject[] = []): { project: Project; sceneId: string; scene: Scene; template: Camera } {
  const p = newProject('grammar', '2026-12-07T00:00:00.000Z');
  const sceneId = p.sceneOrder[0]!;
  const template = createObject('camera', {
    id: 'cam_main',
    name: 'A camera',
    lens: { focalLengthMm: 35, kind: 'spherical', squeeze: 1, tStop: 2, focusDistanceM: 4, lensSetId: 'cooke-s4i' },
    transform: T([0, 1.6, 8]),
  });
  const objects: SceneObject[] = [
    // Ana faces +z (towards Ben), Ben faces −z (towards Ana)
    createObject('actor', { id: 'ana', name: 'Ana', build: 'female', heightCm: 168, transform: T([0, 0, 0]) }),
    createObject('actor', { id: 'ben', name: 'Ben', build: 'male', heightCm: 183, transform: T([0.4, 0, 2.4], Math.PI) }),
    createObject('setPiece', { id: 'door', name: 'Doorway', shape: 'wall', size: [1, 2.1, 0.1], transform: T([-5, 0, 3]) }),
    createObject('setPiece', { id: 'table', name: 'Table', shape: 'box', size: [1.2, 0.75, 0.8], transform: T([3, 0, -2]) }),
    template,
    ...extra,
  ];
  const scene: Scene = { ...p.scenes[sceneId]!, objects: Object.fromEntries(objects.map((o) => [o.id, o])) };
  return { project: { ...p, scenes: { [sceneId]: scene } }, sceneId, scene, template };
}

export const actor = (scene: Scene, id: string) => scene.objects[id] as Actor;
