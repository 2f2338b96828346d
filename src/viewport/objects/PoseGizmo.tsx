// Bone-by-bone posing: a rotate gizmo on the joint picked in the pose panel (or by clicking a joint marker).
// Only a proxy object moves during the drag; each move writes the clamped joint rotation into the open
// gesture, and releasing closes it: one drag = one undo step.
import { useEffect, useMemo, useRef, useState } from 'react';
import { TransformControls } from '@react-three/drei';
import { Object3D, Vector3 } from 'three';
import { useStore } from 'zustand';
import { projectStore } from '../../store/projectStore';
import { useEditor } from '../../store/editorStore';
import { updateObject, type Actor } from '../../core/document';
import { objectRefs } from '../objectRefs';
import { posingStore, usePosing } from './posing';
import { jointRotationFromGizmo, jointWorldMatrix } from './poseMath';

export function PoseGizmo() {
  const actorId = usePosing((s) => s.actorId);
  const joint = usePosing((s) => s.joint);
  const viewMode = useEditor((s) => s.viewMode);
  const selection = useEditor((s) => s.selection);
  // posing ends when its actor is no longer the selection
  useEffect(() => {
    if (actorId && !selection.includes(actorId)) posingStore.getState().pick(null, null);
  }, [actorId, selection]);
  const actor = useStore(projectStore, (s) => {
    const o = actorId ? s.project.scenes[s.activeSceneId]?.objects[actorId] : undefined;
    return o?.type === 'actor' ? o : null;
  });
  const proxy = useMemo(() => new Object3D(), []);
  const dragging = useRef(false);
  const [, rerender] = useState(0);

  // put the proxy on the joint, in world space
  useEffect(() => {
    if (!actor || !joint || dragging.current) return;
    const group = objectRefs.get(actor.id);
    if (!group) return;
    group.updateWorldMatrix(true, false);
    jointWorldMatrix(actor, joint, group.matrixWorld).decompose(proxy.position, proxy.quaternion, new Vector3());
    proxy.updateMatrixWorld(true);
  });

  if (!actor || !joint || viewMode === 'lookThrough' || actor.locked) return null;

  const sceneId = projectStore.getState().activeSceneId;
  const onChange = () => {
    if (!dragging.current) return;
    const group = objectRefs.get(actor.id);
    const current = projectStore.getState().project.scenes[sceneId]?.objects[actor.id];
    if (!group || current?.type !== 'actor') return;
    const euler = jointRotationFromGizmo(current, joint, group.matrixWorld, proxy.quaternion);
    projectStore.getState().updateGesture(
      updateObject<Actor>(sceneId, actor.id, (a) => ({
        ...a,
        pose: { ...a.pose, [joint]: euler },
        posePreset: null,
        // turning the head by hand replaces the look-at target, or the drag would show nothing
        lookAt: joint === 'neck' || joint === 'head' ? null : a.lookAt,
      })),
    );
  };

  return (
    <>
      <primitive object={proxy} />
      <TransformControls
        object={proxy}
        mode="rotate"
        space="local"
        size={0.6}
        onMouseDown={() => {
          dragging.current = true;
          projectStore.getState().beginGesture(`Pose ${actor.name}: ${joint}`);
        }}
        onObjectChange={onChange}
        onMouseUp={() => {
          dragging.current = false;
          projectStore.getState().endGesture();
          rerender((n) => n + 1); // snap the proxy back onto the clamped joint

        }}
      />
    </>
  );
}
