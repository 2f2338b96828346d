// Move/rotate/scale gizmo on the selection. During a drag only the three.js objects move (refs);
// releasing commits all selected transforms as ONE undoable command.
import { useEffect, useRef, useState } from 'react';
import { TransformControls } from '@react-three/drei/core/TransformControls';
import { Matrix4, Object3D, Vector3, Quaternion, Euler } from 'three';
import { useEditor } from '../store/editorStore';
import { projectStore, useActiveScene } from '../store/projectStore';
import { type Transform } from '../core/document';
import { setTransformsAutoKey } from '../core/timeline';
import { playhead } from '../store/playhead';
import { objectRefs } from './objectRefs';

export function SelectionGizmo() {
  const selection = useEditor((s) => s.selection);
  const mode = useEditor((s) => s.transformMode);
  const viewMode = useEditor((s) => s.viewMode);
  const scene = useActiveScene();
  const [target, setTarget] = useState<Object3D | null>(null);
  const start = useRef<Map<string, Matrix4> | null>(null);
  const primaryId = selection.find((id) => scene.objects[id] && !scene.objects[id]!.locked) ?? null;

  useEffect(() => {
    // refs register during commit; look them up after render
    setTarget(primaryId ? (objectRefs.get(primaryId) ?? null) : null);
  }, [primaryId, scene]);

  if (!target || !primaryId || viewMode === 'lookThrough') return null;

  const begin = () => {
    const m = new Map<string, Matrix4>();
    for (const id of selection) {
      const o = objectRefs.get(id);
      if (o) m.set(id, o.matrix.clone());
    }
    start.current = m;
  };
  const change = () => {
    const s = start.current;
    if (!s) return;
    const p0 = s.get(primaryId);
    if (!p0) return;
    target.updateMatrix();
    const delta = target.matrix.clone().multiply(p0.clone().invert());
    for (const [id, m0] of s) {
      if (id === primaryId) continue;
      const o = objectRefs.get(id);
      if (!o) continue;
      delta.clone().multiply(m0).decompose(o.position, o.quaternion, o.scale);
    }
  };
  const end = () => {
    const s = start.current;
    start.current = null;
    if (!s) return;
    const transforms: Record<string, Transform> = {};
    for (const id of s.keys()) {
      const o = objectRefs.get(id);
      if (o) transforms[id] = toTransform(o);
    }
    const { activeSceneId, execute } = projectStore.getState();
    const label = mode === 'translate' ? 'Move' : mode === 'rotate' ? 'Rotate' : 'Scale';
    execute(`${label} ${s.size > 1 ? `${s.size} objects` : (scene.objects[primaryId]?.name ?? '')}`, setTransformsAutoKey(activeSceneId, transforms, playhead.frame));
  };

  return <TransformControls object={target} mode={mode} onMouseDown={begin} onObjectChange={change} onMouseUp={end} />;
}

// "|| 0" folds -0 into 0 so a saved and reloaded transform compares equal
const round = (v: number) => Math.round(v * 1e6) / 1e6 || 0;

export function toTransform(o: Object3D): Transform {
  const e = new Euler().setFromQuaternion(new Quaternion().copy(o.quaternion), 'XYZ');
  const p = new Vector3().copy(o.position);
  return {
    position: [round(p.x), round(p.y), round(p.z)],
    rotation: [round(e.x), round(e.y), round(e.z)],
    scale: [round(o.scale.x), round(o.scale.y), round(o.scale.z)],
  };
}
