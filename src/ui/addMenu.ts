// "Add" menu entries. Each creates objects through one undoable command and selects them.
import { addObjects, createObject, type SceneObject } from '../core/document';
import { projectStore } from '../store/projectStore';
import { editorStore } from '../store/editorStore';

export interface AddMenuItem {
  id: string;
  label: string;
  group: string;
  create(): SceneObject[];
}

export const addMenuItems: AddMenuItem[] = [
  { id: 'box', label: 'Box', group: 'Set', create: () => [createObject('setPiece', { name: 'Box' })] },
  { id: 'building', label: 'Building', group: 'Set', create: () => [createObject('building')] },
  { id: 'actor', label: 'Actor', group: 'Cast', create: () => [createObject('actor')] },
  { id: 'camera', label: 'Camera', group: 'Camera', create: () => [createObject('camera')] },
  { id: 'sun', label: 'Sun', group: 'Light', create: () => [createObject('light')] },
];

export function runAddItem(item: AddMenuItem): string[] {
  const { activeSceneId, execute } = projectStore.getState();
  const objects = item.create();
  execute(`Add ${item.label}`, addObjects(activeSceneId, objects));
  const ids = objects.map((o) => o.id);
  editorStore.getState().select(ids);
  return ids;
}
