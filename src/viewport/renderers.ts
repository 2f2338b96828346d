// Object type → the R3F component that draws it. Features replace or add entries here.
// A renderer draws the object in its local space; SceneObjects applies the transform.
import type { ComponentType } from 'react';
import type { ObjectType, SceneObject } from '../core/document';
import { SetPieceMesh, BuildingMesh, ActorMesh, CameraMesh, LightObject, PlaceholderMesh } from './objects/basic';
import { CameraGizmo } from './camera/CameraGizmo';
import { LookThroughView } from './camera/LookThrough';
import { EditorLayers } from './camera/EditorLayers';
import { ViewportAnimation } from '../ui/timeline/ViewportAnimation';
import { MotionPaths } from '../ui/timeline/MotionPaths';

export type ObjectRenderer = ComponentType<{ object: SceneObject; selected: boolean }>;

export const objectRenderers: Partial<Record<ObjectType, ObjectRenderer>> = {
  setPiece: SetPieceMesh as ObjectRenderer,
  building: BuildingMesh as ObjectRenderer,
  actor: ActorMesh as ObjectRenderer,
  camera: CameraGizmo as ObjectRenderer, // was CameraMesh
  light: LightObject as ObjectRenderer,
  plate: PlaceholderMesh as ObjectRenderer,
  asset: PlaceholderMesh as ObjectRenderer,
};

/** Components drawn inside the Canvas for a view mode or a feature (look-through, plan, labels…). */
export const viewportExtensions: { id: string; Component: ComponentType }[] = [
  { id: 'timeline-animation', Component: ViewportAnimation },
  { id: 'motion-paths', Component: MotionPaths },
  { id: 'editor-layers', Component: EditorLayers },
  { id: 'look-through', Component: LookThroughView },
];
