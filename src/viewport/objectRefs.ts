// Live three.js objects by document id. The timeline and gizmos write per-frame values here,
// never through React state.
import type { Object3D } from 'three';

export const objectRefs = new Map<string, Object3D>();

export function registerObjectRef(id: string, obj: Object3D | null): void {
  if (obj) objectRefs.set(id, obj);
  else objectRefs.delete(id);
}
