// Draws every object of the active scene through the renderer registry, wrapped in a group that carries
// the document transform and the click-to-select behaviour.
import { memo, useCallback } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { Object3D } from 'three';
import { useActiveScene } from '../store/projectStore';
import { editorStore, useEditor } from '../store/editorStore';
import type { SceneObject } from '../core/document';
import { objectRenderers } from './renderers';
import { registerObjectRef } from './objectRefs';

export function SceneObjects() {
  const scene = useActiveScene();
  const selection = useEditor((s) => s.selection);
  const roots = Object.values(scene.objects).filter((o) => o.parentId === null || !scene.objects[o.parentId]);
  return (
    <>
      {roots.map((o) => (
        <ObjectNode key={o.id} object={o} selected={selection.includes(o.id)} all={scene.objects} selection={selection} />
      ))}
    </>
  );
}

interface NodeProps {
  object: SceneObject;
  selected: boolean;
  all: Record<string, SceneObject>;
  selection: string[];
}

const ObjectNode = memo(function ObjectNode({ object, selected, all, selection }: NodeProps) {
  const Renderer = objectRenderers[object.type];
  const ref = useCallback((g: Object3D | null) => registerObjectRef(object.id, g), [object.id]);
  const onClick = useCallback(
    (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation();
      if (object.locked) return;
      const ed = editorStore.getState();
      if (e.shiftKey || e.ctrlKey || e.metaKey) ed.toggleSelect(object.id);
      else ed.select([object.id]);
    },
    [object.id, object.locked],
  );
  const children = Object.values(all).filter((c) => c.parentId === object.id);
  const t = object.transform;
  return (
    <group
      ref={ref}
      name={object.id}
      userData={{ documentId: object.id }}
      position={t.position}
      rotation={t.rotation}
      scale={t.scale}
      visible={object.visible}
      onClick={onClick}
    >
      {Renderer ? <Renderer object={object} selected={selected} /> : null}
      {children.map((c) => (
        <ObjectNode key={c.id} object={c} selected={selection.includes(c.id)} all={all} selection={selection} />
      ))}
    </group>
  );
});
