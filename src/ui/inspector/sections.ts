// Per-type inspector sections. Features add entries; each renders below the common fields.
import type { ComponentType } from 'react';
import type { ObjectType, SceneObject } from '../../core/document';
import { SetPieceSection, BuildingSection, ActorSection, LightSection, EffectLayerSection } from './basicSections';
import { CameraSection } from '../camera';
import { ShotDesignerSection } from '../shotdesigner';
import { PoseSection } from '../build/PoseSection';
import { SetPieceShapeSection, BuildingStructureSection, LightSettingsSection } from '../build/BuildSections';
import { LayerDisclosureSection, PlateRightsSection } from '../review/InspectorSections';
import { LayerTakesSection, PlateViewSection } from '../viewer/sections';

export interface InspectorSection {
  id: string;
  title: string;
  types: ObjectType[];
  /** effect layers: restrict to one effect name */
  effect?: string;
  Component: ComponentType<{ object: SceneObject; sceneId: string }>;
}

export const inspectorSections: InspectorSection[] = [
  { id: 'setPiece', title: 'Set piece', types: ['setPiece'], Component: SetPieceSection as InspectorSection['Component'] },
  { id: 'building', title: 'Building', types: ['building'], Component: BuildingSection as InspectorSection['Component'] },
  { id: 'actor', title: 'Actor', types: ['actor'], Component: ActorSection as InspectorSection['Component'] },
  { id: 'pose', title: 'Pose', types: ['actor'], Component: PoseSection },
  { id: 'setPieceShape', title: 'Shape', types: ['setPiece'], Component: SetPieceShapeSection },
  { id: 'buildingStructure', title: 'Roof & structure', types: ['building'], Component: BuildingStructureSection },
  { id: 'lightSettings', title: 'Light settings', types: ['light'], Component: LightSettingsSection },
  { id: 'light', title: 'Light', types: ['light'], Component: LightSection as InspectorSection['Component'] },
  { id: 'camera', title: 'Camera', types: ['camera'], Component: CameraSection as InspectorSection['Component'] },
  { id: 'shotDesigner', title: 'Shot Designer', types: ['camera'], Component: ShotDesignerSection },
  { id: 'effectLayer', title: 'Effect layer', types: ['effectLayer'], Component: EffectLayerSection as InspectorSection['Component'] },
  { id: 'disclosure', title: 'Disclosure', types: ['effectLayer'], Component: LayerDisclosureSection },
  { id: 'plateRights', title: 'Rights & person', types: ['plate'], Component: PlateRightsSection as InspectorSection['Component'] },
  { id: 'takes', title: 'Takes', types: ['effectLayer'], Component: LayerTakesSection },
  { id: 'plateView', title: 'View', types: ['plate'], Component: PlateViewSection },
];
