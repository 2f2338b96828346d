// Constructors for new records with professional defaults (a 35 mm on Super 35, a 1.8 m actor…).
import { CURRENT_SCHEMA_VERSION, DOCUMENT_KIND } from './schema';
import type { Project, Scene, SceneObject, Transform, Vec3, ObjectOfType, Shot } from './schema';
import { newId } from './ids';

export const identityTransform = (position: Vec3 = [0, 0, 0]): Transform => ({
  position,
  rotation: [0, 0, 0],
  scale: [1, 1, 1],
});

export function newScene(name = 'Scene 1'): Scene {
  return {
    id: newId('scene'),
    name,
    environment: { skyColour: '#9db7cf', groundColour: '#6b6b63', groundSize: 200 },
    objects: {},
    shots: {},
    shotOrder: [],
    tracks: {},
  };
}

export function newProject(name = 'Untitled project', now = new Date().toISOString()): Project {
  const scene = newScene();
  return {
    kind: DOCUMENT_KIND,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId('proj'),
    name,
    createdAt: now,
    modifiedAt: now,
    settings: { fps: 24, frameIn: 0, frameOut: 240, author: '' },
    scenes: { [scene.id]: scene },
    sceneOrder: [scene.id],
    assets: {},
    ledger: [],
  };
}

const common = (name: string, position: Vec3) => ({
  id: '',
  name,
  parentId: null,
  transform: identityTransform(position),
  visible: true,
  locked: false,
});

type Defaults = { [T in Exclude<SceneObject['type'], 'plate' | 'asset' | 'effectLayer'>]: () => ObjectOfType<T> };

export const objectDefaults: Defaults = {
  setPiece: () => ({ ...common('Box', [0, 0, 0]), type: 'setPiece', shape: 'box', size: [1, 1, 1], colour: '#b8b2a7' }),
  building: () => ({
    ...common('Building', [0, 0, 0]),
    type: 'building',
    footprint: { width: 12, depth: 10 },
    floors: 5,
    floorHeight: 3.2,
    bays: { x: 4, z: 3 },
    windowRatio: 0.4,
    roof: 'flat',
    material: 'concrete',
    colour: '#a59d90',
  }),
  actor: () => ({
    ...common('Actor', [0, 0, 0]),
    type: 'actor',
    build: 'male',
    heightCm: 180,
    pose: {},
    posePreset: 'stand',
    lookAt: null,
    colour: '#d08a5b',
  }),
  camera: () => ({
    ...common('Camera', [0, 1.6, 6]),
    type: 'camera',
    body: { sensorPresetId: 'super35-4perf', sensorWidthMm: 24.89, sensorHeightMm: 18.66 },
    lens: { focalLengthMm: 35, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 4, lensSetId: null },
    deliveryAspect: 2.39,
    backgroundPlateId: null,
    aim: null,
  }),
  light: () => ({
    ...common('Sun', [10, 20, 10]),
    type: 'light',
    kind: 'sun',
    colour: '#fff4e0',
    intensity: 3,
    castShadow: true,
    timeOfDay: 15,
  }),
};

/** A new object of a type with defaults, a fresh id and overrides applied. */
export function createObject<T extends keyof Defaults>(type: T, overrides: Partial<ObjectOfType<T>> = {}): ObjectOfType<T> {
  const o = objectDefaults[type]() as ObjectOfType<T>;
  const id = (overrides as { id?: string }).id ?? newId(type);
  return { ...o, ...overrides, id } as ObjectOfType<T>;
}

export function createShot(cameraId: string, number: string, inFrame: number, outFrame: number): Shot {
  return {
    id: newId('shot'),
    number,
    name: `Shot ${number}`,
    cameraId,
    in: inFrame,
    out: outFrame,
    take: 1,
    size: null,
    angle: null,
    notes: '',
    description: '',
  };
}
