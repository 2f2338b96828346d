export * from './schema';
export * from './ids';
export * from './factory';
export * from './commands';
export * from './load';
export * from './migrations';
export { checkReferences, checkTouchedReferences, type TouchedRecords } from './references';

import type { Project } from './schema';
/** The canonical text of a project file (.previs.json). */
export function serializeProject(p: Project): string {
  return JSON.stringify(p, null, 1);
}
export { checkHierarchy, MAX_PARENT_DEPTH } from './references';
export { isReservedName, own, hasOwn } from './names';
export * from './takes';
