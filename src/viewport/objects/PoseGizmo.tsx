// Bone-by-bone posing: a rotate gizmo on the joint picked in the pose panel (or by clicking a joint marker).
// Only a proxy object moves during the drag; each move writes the clamped joint rotation into the open
// gesture, and releasing closes it: one drag = one undo step. The gizmo works on the actor as drawn at the
// playhead, and a keyed pose gets a key there (auto-key, as the inspector's pose controls do).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { TransformControls } from '@react-three/drei/core/TransformControls';
import { Matrix4, Object3D, Vector3 } from 'three';
import { useStore } from 'zustand';
import { projectStore } from '../../store/projectStore';
import { useEditor } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import type { Project } from '../../core/document';
import { objectRefs } from '../objectRefs';
import { posingStore, usePosing, poseJointEdit, shownActor } from './posing';
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
  /** the frame the open drag keys (the playhead's when it began), null when not dragging */
  const dragFrame = useRef<number | null>(null);
  // what the proxy was last placed for, so it is placed again only when the drawn joint can have moved
  const placed = useRef<{ project: Project | null; frame: number; joint: string; world: Matrix4 }>({ project: null, frame: NaN, joint: '', world: new Matrix4() });
  const [, rerender] = useState(0);

  // put the proxy on the joint as drawn at the playhead, in world space. Runs after the timeline has posed
  // the live objects this frame (ViewportAnimation is mounted first), so keyed poses and moves are followed.
  useFrame(() => {
    if (!actor || !joint || dragFrame.current !== null) return;
    const group = objectRefs.get(actor.id);
    if (!group) return;
    group.updateWorldMatrix(true, false);
    const { project, activeSceneId } = projectStore.getState();
    const l = placed.current;
    if (l.project === project && l.frame === playhead.frame && l.joint === joint && l.world.equals(group.matrixWorld)) return;
    const shown = shownActor(project, activeSceneId, actor.id, playhead.frame);
    if (!shown) return;
    jointWorldMatrix(shown, joint, group.matrixWorld).decompose(proxy.position, proxy.quaternion, new Vector3());
    proxy.updateMatrixWorld(true);
    placed.current = { project, frame: playhead.frame, joint, world: group.matrixWorld.clone() };
  });

  if (!actor || !joint || viewMode === 'lookThrough' || actor.locked) return null;

  const sceneId = projectStore.getState().activeSceneId;
  const onChange = () => {
    const frame = dragFrame.current;
    if (frame === null) return;
    const group = objectRefs.get(actor.id);
    // the joint's parents as drawn at the keyed frame (this drag's earlier moves included)
    const current = shownActor(projectStore.getState().project, sceneId, actor.id, frame);
    if (!group || !current) return;
    const euler = jointRotationFromGizmo(current, joint, group.matrixWorld, proxy.quaternion);
    projectStore.getState().updateGesture(poseJointEdit(sceneId, actor.id, joint, euler, frame));
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
          // a key lands on the frame the viewport shows, and stays there for the whole drag
          dragFrame.current = Math.round(playhead.frame);
          projectStore.getState().beginGesture(`Pose ${actor.name}: ${joint}`);
        }}
        onObjectChange={onChange}
        onMouseUp={() => {
          dragFrame.current = null;
          projectStore.getState().endGesture();
          placed.current = { ...placed.current, project: null }; // snap the proxy back onto the clamped joint
          rerender((n) => n + 1);
        }}
      />
    </>
  );
}
