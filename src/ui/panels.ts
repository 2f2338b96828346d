// The panel registry: each feature adds one entry; App lays them out by area and order.
import type { ComponentType } from 'react';
import { Outliner } from './Outliner';
import { Inspector } from './inspector/Inspector';
import { HistoryPanel } from './HistoryPanel';
import { ModelsPanel } from './models/ModelsPanel';
import { TimelinePanel } from './timeline/TimelinePanel';
import { ShotsPanel } from './shots/ShotsPanel';
import { ExportPanel } from './export/ExportPanel';
import { DeagePanel } from './deage/DeagePanel';
import { ReviewPanel } from './review/ReviewPanel';
import { ReviewTabBadge } from './review/NeedsApprovalBadge';
import { ConsentPanel } from './consent/ConsentPanel';
import { CollapsePanel } from '../effects/collapse/view/CollapsePanel';
import { EnvironmentPanel } from './build/EnvironmentPanel';
import { StudioPanel } from './studio/StudioPanel';
import { StudioServerPanel } from './studio/StudioServerPanel';

export interface PanelDef {
  id: string;
  title: string;
  area: 'left' | 'right' | 'bottom';
  order: number;
  Component: ComponentType;
  /** a small live count beside the tab's title */
  Badge?: ComponentType;
}

export const panels: PanelDef[] = [
  { id: 'outliner', title: 'Outliner', area: 'left', order: 0, Component: Outliner },
  { id: 'environment', title: 'Environment', area: 'left', order: 50, Component: EnvironmentPanel },
  { id: 'history', title: 'History', area: 'left', order: 90, Component: HistoryPanel },
  { id: 'inspector', title: 'Inspector', area: 'right', order: 0, Component: Inspector },
  { id: 'models', title: 'Models', area: 'right', order: 80, Component: ModelsPanel },
  { id: 'export', title: 'Export', area: 'right', order: 85, Component: ExportPanel },
  { id: 'deage', title: 'De-age', area: 'right', order: 50, Component: DeagePanel },
  { id: 'review', title: 'Review', area: 'right', order: 50, Component: ReviewPanel, Badge: ReviewTabBadge },
  { id: 'consent', title: 'Consent', area: 'right', order: 55, Component: ConsentPanel },
  { id: 'studio', title: 'Studio', area: 'right', order: 58, Component: StudioPanel },
  { id: 'collapse', title: 'Collapse', area: 'right', order: 45, Component: CollapsePanel },
  { id: 'studio-server', title: 'Studio server', area: 'right', order: 90, Component: StudioServerPanel },
  { id: 'timeline', title: 'Timeline', area: 'bottom', order: 0, Component: TimelinePanel },
  { id: 'shots', title: 'Shots', area: 'bottom', order: 1, Component: ShotsPanel },
];
