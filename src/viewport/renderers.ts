// Object type → the R3F component that draws it. Features replace or add entries here.
// A renderer draws the object in its local space; SceneObjects applies the transform.
import { createElement, type ComponentType } from 'react';
import type { ObjectType, SceneObject } from '../core/document';
import { PlaceholderMesh } from './objects/basic';
import { SetPieceObject } from './objects/SetPieceObject';
import { BuildingObject } from './objects/BuildingObject';
import { ActorObject } from './objects/ActorObject';
import { LightObject } from './objects/LightObject';
import { AssetObject } from './objects/AssetObject';
import { PlateObject } from './plates/PlateObject';
import { PoseGizmo } from './objects/PoseGizmo';
import { CameraGizmo } from './camera/CameraGizmo';
import { LookThroughView } from './camera/LookThrough';
import { EditorLayers } from './camera/EditorLayers';
import { PlanViewExtension } from './plan/PlanView';
import { ViewportAnimation } from './render/ViewportAnimation';
import { MotionPaths } from './render/MotionPaths';
import { DisclosureLabels } from './labels/DisclosureLabels';
import { CollapseLayer } from '../effects/collapse/view/CollapseLayer';
import { PeerCameras } from './PeerCameras';

export type ObjectRenderer = ComponentType<{ object: SceneObject; selected: boolean }>;

/** Effect layers draw by their effect: effect id → renderer (an effect without one draws nothing). */
export const effectLayerRenderers: Record<string, ObjectRenderer> = {
  collapse: CollapseLayer,
};

function EffectLayerObject(props: { object: SceneObject; selected: boolean }) {
  const R = props.object.type === 'effectLayer' ? effectLayerRenderers[props.object.effect] : undefined;
  return R ? createElement(R, props) : null;
}

export const objectRenderers: Partial<Record<ObjectType, ObjectRenderer>> = {
  setPiece: SetPieceObject as ObjectRenderer,
  building: BuildingObject as ObjectRenderer,
  actor: ActorObject as ObjectRenderer,
  camera: CameraGizmo as ObjectRenderer, // was CameraMesh
  light: LightObject as ObjectRenderer,
  plate: PlateObject as ObjectRenderer,
  asset: AssetObject as ObjectRenderer,
  effectLayer: EffectLayerObject,
};

/** Components drawn inside the Canvas for a view mode or a feature (look-through, plan, labels…). */
export const viewportExtensions: { id: string; Component: ComponentType }[] = [
  { id: 'timeline-animation', Component: ViewportAnimation },
  { id: 'motion-paths', Component: MotionPaths },
  { id: 'editor-layers', Component: EditorLayers },
  { id: 'look-through', Component: LookThroughView },
  { id: 'plan-view', Component: PlanViewExtension },
  { id: 'peer-presence', Component: PeerCameras },
  { id: 'pose-gizmo', Component: PoseGizmo },
  { id: 'disclosure-labels', Component: DisclosureLabels },
];
