// Draws every object of the active scene through the renderer registry, wrapped in a group that carries
// the document transform and click-to-select. Each node subscribes to its own object only, so an edit
// re-renders the edited object, not the whole set (1,000 props stay cheap).
import { memo, useCallback } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { Object3D } from 'three';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { projectStore, type ProjectState } from '../store/projectStore';
import { editorStore, useEditor } from '../store/editorStore';
import { objectRenderers } from './renderers';
import { registerObjectRef } from './objectRefs';

const childIds = (parent: string | null) => (s: ProjectState) => {
  const objects = s.project.scenes[s.activeSceneId]!.objects;
  const out: string[] = [];
  for (const o of Object.values(objects)) {
    const p = o.parentId !== null && objects[o.parentId] ? o.parentId : null;
    if (p === parent) out.push(o.id);
  }
  return out;
};

function useChildIds(parent: string | null): string[] {
  return useStore(projectStore, useShallow(childIds(parent)));
}

export function SceneObjects() {
  const roots = useChildIds(null);
  return (
    <>
      {roots.map((id) => (
        <ObjectNode key={id} id={id} />
      ))}
    </>
  );
}

const ObjectNode = memo(function ObjectNode({ id }: { id: string }) {
  const object = useStore(projectStore, (s) => s.project.scenes[s.activeSceneId]!.objects[id]);
  const selected = useEditor((s) => s.selection.includes(id));
  const children = useChildIds(id);
  const ref = useCallback((g: Object3D | null) => registerObjectRef(id, g), [id]);
  const locked = object?.locked ?? true;
  const onClick = useCallback(
    (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation();
      if (locked) return;
      const ed = editorStore.getState();
      if (e.shiftKey || e.ctrlKey || e.metaKey) ed.toggleSelect(id);
      else ed.select([id]);
    },
    [id, locked],
  );
  if (!object) return null;
  const Renderer = objectRenderers[object.type];
  const t = object.transform;
  return (
    <group ref={ref} name={id} userData={{ documentId: id }} position={t.position} rotation={t.rotation} scale={t.scale} visible={object.visible} onClick={onClick}>
      {Renderer ? <Renderer object={object} selected={selected} /> : null}
      {children.map((c) => (
        <ObjectNode key={c} id={c} />
      ))}
    </group>
  );
});
