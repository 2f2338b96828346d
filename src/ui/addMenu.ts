// "Add" menu entries. Each creates objects through one undoable command and selects them.
import { addObjects, createObject, type SceneObject } from '../core/document';
import { projectStore } from '../store/projectStore';
import { editorStore } from '../store/editorStore';
import { buildAddItems } from './build/addItems';
import { placeAtView, type ScreenPoint } from '../viewport/placement/viewPlacement';

export interface AddMenuItem {
  id: string;
  label: string;
  group: string;
  create(): SceneObject[];
}

export const addMenuItems: AddMenuItem[] = [
  ...buildAddItems.filter((i) => i.group !== 'Light' && i.group !== 'Import'),
  { id: 'camera', label: 'Camera', group: 'Camera', create: () => [createObject('camera')] },
  ...buildAddItems.filter((i) => i.group === 'Light' || i.group === 'Import'),
];

/** Adds what `item` makes where the view looks (or under `at`), clear of what already stands there. */
export function runAddItem(item: AddMenuItem, at?: ScreenPoint): string[] {
  const { activeSceneId, execute, project } = projectStore.getState();
  const made = item.create();
  // an entry that works asynchronously (a file picker) adds nothing here and makes no undo step
  if (made.length === 0) return [];
  const objects = placeAtView(project.scenes[activeSceneId]?.objects ?? {}, made, at);
  execute(`Add ${item.label}`, addObjects(activeSceneId, objects));
  const ids = objects.map((o) => o.id);
  editorStore.getState().select(ids);
  return ids;
}
