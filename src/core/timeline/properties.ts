// The animatable properties of each object type: what the timeline offers to key and how values are kept
// inside the ranges the document schema accepts (a bezier overshoot must never yield a 0.3 mm lens).
import type { ObjectType } from '../document/schema';

export interface AnimatableProperty {
  path: string;
  label: string;
  /** inclusive bounds applied to every component after interpolation */
  min?: number;
  max?: number;
}

const transform: AnimatableProperty[] = [
  { path: 'transform.position', label: 'Position' },
  { path: 'transform.rotation', label: 'Rotation' },
  { path: 'transform.scale', label: 'Scale' },
];

export const ANIMATABLE: Record<ObjectType, AnimatableProperty[]> = {
  setPiece: transform,
  building: transform,
  actor: [...transform, { path: 'pose', label: 'Pose' }],
  camera: [
    ...transform,
    { path: 'lens.focalLengthMm', label: 'Focal length', min: 1, max: 2000 },
    { path: 'lens.focusDistanceM', label: 'Focus distance', min: 0.05, max: 100000 },
    { path: 'lens.tStop', label: 'T-stop', min: 0.5, max: 64 },
    // the look-at constraint's weight: step keys 1 / 0 switch the aim on and off, linear keys hand over smoothly
    { path: 'aim.weight', label: 'Aim', min: 0, max: 1 },
  ],
  light: [
    ...transform,
    { path: 'intensity', label: 'Intensity', min: 0, max: 1e6 },
    { path: 'timeOfDay', label: 'Time of day', min: 0, max: 24 },
  ],
  plate: transform,
  asset: transform,
  effectLayer: [],
};

export function animatableProperty(type: ObjectType, path: string): AnimatableProperty | undefined {
  return ANIMATABLE[type].find((p) => p.path === path);
}

export function clampNumber(v: number, p: AnimatableProperty | undefined): number {
  if (!p) return v;
  if (p.min !== undefined && v < p.min) return p.min;
  if (p.max !== undefined && v > p.max) return p.max;
  return v;
}
