// The demo street set that opens on first start: buildings on both sides of a road, two actors,
// two shot cameras on real lenses (A: a FUJINON Premista 28–100 zoom on an ALEXA Mini LF; B: Cooke S4/i
// primes on Super 35), shots, a sun. Camera A pushes in on a dolly over shot 1 with a focus pull to match.
// Ids are fixed so the file is stable across rebuilds.
import { createObject, createShot, newProject } from './factory';
import type { Project, SceneObject, Track, Vec3 } from './schema';

const T = (position: Vec3, rotY = 0) => ({ position, rotation: [0, rotY, 0] as Vec3, scale: [1, 1, 1] as Vec3 });

export function buildDemoProject(now = '2026-11-30T00:00:00.000Z'): Project {
  const p = newProject('Demo — Street set', now);
  const sceneId = 'scene_street';
  const scene = p.scenes[p.sceneOrder[0]!]!;
  const objects: SceneObject[] = [
    createObject('setPiece', { id: 'road', name: 'Road', shape: 'plane', size: [12, 0, 120], colour: '#3b3b3d', transform: T([0, 0, 0]) }),
    createObject('setPiece', { id: 'kerb_l', name: 'Pavement left', size: [4, 0.15, 120], colour: '#8d8a84', transform: T([-8, 0, 0]) }),
    createObject('setPiece', { id: 'kerb_r', name: 'Pavement right', size: [4, 0.15, 120], colour: '#8d8a84', transform: T([8, 0, 0]) }),
    createObject('building', { id: 'bldg_tower', name: 'Office block', floors: 8, footprint: { width: 14, depth: 12 }, bays: { x: 5, z: 4 }, transform: T([-17, 0, -10]) }),
    createObject('building', { id: 'bldg_brick', name: 'Brick terrace', floors: 4, floorHeight: 3, material: 'brick', colour: '#8a5a44', roof: 'gable', transform: T([-16, 0, 14]) }),
    createObject('building', { id: 'bldg_glass', name: 'Glass tower', floors: 12, footprint: { width: 12, depth: 12 }, material: 'glass', colour: '#7f98a8', windowRatio: 0.8, transform: T([17, 0, -6]) }),
    createObject('building', { id: 'bldg_corner', name: 'Corner shop', floors: 2, footprint: { width: 10, depth: 8 }, bays: { x: 3, z: 2 }, colour: '#b59b74', transform: T([16, 0, 16]) }),
    createObject('setPiece', { id: 'lamp_1', name: 'Street lamp', shape: 'cylinder', size: [0.18, 5, 0.18], colour: '#2c2f33', transform: T([-6.2, 0.15, 4]) }),
    createObject('setPiece', { id: 'car_1', name: 'Parked car (stand-in)', size: [1.8, 1.45, 4.4], colour: '#7a2226', transform: T([-4.5, 0, -4]) }),
    createObject('actor', { id: 'actor_ana', name: 'ANA', build: 'female', heightCm: 168, colour: '#c7764c', transform: T([-1.2, 0, 2], 0.4) }),
    createObject('actor', { id: 'actor_tom', name: 'TOM', build: 'male', heightCm: 183, colour: '#4f7fb0', transform: T([1.4, 0, 1], -2.6) }),
    createObject('camera', {
      id: 'cam_a',
      name: 'A camera',
      body: { sensorPresetId: 'alexa-mini-lf-og', sensorWidthMm: 36.7, sensorHeightMm: 25.54 },
      lens: { focalLengthMm: 32, kind: 'spherical', squeeze: 1, tStop: 2.9, focusDistanceM: 7.5, lensSetId: 'fujinon-premista-28-100' },
      transform: { position: [0.5, 1.65, 9], rotation: [-0.05, 0, 0], scale: [1, 1, 1] },
    }),
    createObject('camera', {
      id: 'cam_b',
      name: 'B camera',
      lens: { focalLengthMm: 75, kind: 'spherical', squeeze: 1, tStop: 2, focusDistanceM: 4.2, lensSetId: 'cooke-s4i' },
      deliveryAspect: 2.39,
      transform: { position: [-4.5, 1.55, 4.5], rotation: [-0.03, -0.95, 0], scale: [1, 1, 1] },
    }),
    createObject('light', { id: 'sun', name: 'Sun', timeOfDay: 16, intensity: 3, transform: T([25, 40, 20]) }),
  ];
  // Shot 1's push-in: camera A holds its mark at frame 0 (the storyboard frame), dollies 3.5 m toward ANA
  // and TOM with an ease in and out, and settles at frame 72 for the rest of the shot; the focus puller
  // follows from 7.5 m to 4 m on the same curve.
  const EASE_IN_OUT: [number, number, number, number] = [0.42, 0, 0.58, 1];
  const tracks: Track[] = [
    {
      id: 'trk_cam_a_dolly',
      targetId: 'cam_a',
      property: 'transform.position',
      keys: [
        { frame: 0, value: [0.5, 1.65, 9], interp: 'bezier', ease: EASE_IN_OUT },
        { frame: 72, value: [0.5, 1.65, 5.5], interp: 'linear' },
      ],
    },
    {
      id: 'trk_cam_a_focus',
      targetId: 'cam_a',
      property: 'lens.focusDistanceM',
      keys: [
        { frame: 0, value: 7.5, interp: 'bezier', ease: EASE_IN_OUT },
        { frame: 72, value: 4, interp: 'linear' },
      ],
    },
  ];
  const shot1 = { ...createShot('cam_a', '1', 0, 96), id: 'shot_1', name: 'Wide — street', size: 'WS' as const, angle: 'eye level', notes: 'Establish the street, ANA and TOM meet. Slow push-in on the dolly, landing on the two-shot by frame 72.' };
  const shot2 = { ...createShot('cam_b', '2', 96, 168), id: 'shot_2', name: 'Over ANA to TOM', size: 'MS' as const, angle: 'eye level', notes: '' };
  return {
    ...p,
    id: 'proj_demo_street',
    settings: { ...p.settings, fps: 24, frameIn: 0, frameOut: 240, author: 'Previs Sandbox demo' },
    scenes: {
      [sceneId]: {
        ...scene,
        id: sceneId,
        name: 'Street',
        objects: Object.fromEntries(objects.map((o) => [o.id, o])),
        shots: { shot_1: shot1, shot_2: shot2 },
        shotOrder: ['shot_1', 'shot_2'],
        tracks: Object.fromEntries(tracks.map((t) => [t.id, t])),
      },
    },
    sceneOrder: [sceneId],
  };
}
