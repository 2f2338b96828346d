// "Add" menu entries for set pieces, buildings, actors and lights (registered in ui/addMenu.ts).
import { createObject, type SceneObject } from '../../core/document';
import type { AddMenuItem } from '../addMenu';
import { pickAndImportModel } from './importModel';

const piece = (name: string, o: Partial<Extract<SceneObject, { type: 'setPiece' }>>) => () => [createObject('setPiece', { name, ...o })];

export const buildAddItems: AddMenuItem[] = [
  { id: 'box', label: 'Box', group: 'Set', create: piece('Box', { shape: 'box', size: [1, 1, 1] }) },
  { id: 'cylinder', label: 'Cylinder', group: 'Set', create: piece('Cylinder', { shape: 'cylinder', size: [0.6, 1, 0.6] }) },
  { id: 'plane', label: 'Plane', group: 'Set', create: piece('Plane', { shape: 'plane', size: [4, 0, 4], colour: '#7d7a70' }) },
  { id: 'stairs', label: 'Stairs', group: 'Set', create: piece('Stairs', { shape: 'stairs', size: [1.2, 1.8, 2.7], steps: 10 }) },
  {
    id: 'wall',
    label: 'Wall (door + window)',
    group: 'Set',
    create: piece('Wall', {
      shape: 'wall',
      size: [5, 3, 0.2],
      openings: [
        { offset: -1.2, sill: 0, width: 0.9, height: 2.1 },
        { offset: 1.1, sill: 0.9, width: 1.4, height: 1.2 },
      ],
      colour: '#c9c2b4',
    }),
  },
  { id: 'building', label: 'Building (flat roof)', group: 'Set', create: () => [createObject('building')] },
  {
    id: 'house',
    label: 'House (gable roof)',
    group: 'Set',
    create: () => [
      createObject('building', {
        name: 'House',
        footprint: { width: 10, depth: 8 },
        floors: 2,
        floorHeight: 3,
        bays: { x: 3, z: 2 },
        windowRatio: 0.3,
        roof: 'gable',
        material: 'brick',
        colour: '#a8664b',
      }),
    ],
  },
  {
    id: 'tower',
    label: 'Tower (hip roof)',
    group: 'Set',
    create: () => [createObject('building', { name: 'Tower', footprint: { width: 16, depth: 16 }, floors: 14, floorHeight: 3.4, bays: { x: 5, z: 5 }, windowRatio: 0.55, roof: 'hip', material: 'glass', colour: '#8a98a6' })],
  },
  { id: 'actor', label: 'Actor (male)', group: 'Cast', create: () => [createObject('actor', { name: 'Actor', build: 'male', heightCm: 180 })] },
  { id: 'actor-female', label: 'Actor (female)', group: 'Cast', create: () => [createObject('actor', { name: 'Actress', build: 'female', heightCm: 167, colour: '#b9788f' })] },
  { id: 'actor-child', label: 'Actor (child)', group: 'Cast', create: () => [createObject('actor', { name: 'Child', build: 'child', heightCm: 125, colour: '#7f9f5a' })] },
  { id: 'sun', label: 'Sun', group: 'Light', create: () => [createObject('light')] },
  {
    id: 'spot',
    label: 'Spot light',
    group: 'Light',
    create: () => [
      createObject('light', {
        name: 'Spot',
        kind: 'spot',
        intensity: 300,
        angle: 0.45,
        timeOfDay: undefined,
        colour: '#fff1d6',
        // 4 m up, tilted down 45° towards −z
        transform: { position: [0, 4, 3], rotation: [-Math.PI / 4, 0, 0], scale: [1, 1, 1] },
      }),
    ],
  },
  {
    id: 'point',
    label: 'Point light',
    group: 'Light',
    create: () => [createObject('light', { name: 'Practical', kind: 'point', intensity: 60, timeOfDay: undefined, colour: '#ffd9a8', transform: { position: [0, 2.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] } })],
  },
  {
    id: 'area',
    label: 'Area light',
    group: 'Light',
    create: () => [
      createObject('light', {
        name: 'Soft box',
        kind: 'area',
        intensity: 8,
        width: 2,
        height: 1.2,
        timeOfDay: undefined,
        colour: '#ffffff',
        transform: { position: [0, 2.5, 3], rotation: [-0.35, 0, 0], scale: [1, 1, 1] },
      }),
    ],
  },
  {
    id: 'import-model',
    label: 'Import glTF/GLB…',
    group: 'Import',
    create: () => {
      void pickAndImportModel();
      return [];
    },
  },
];
