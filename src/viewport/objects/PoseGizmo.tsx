// Bone-by-bone posing: a rotate gizmo on the joint picked in the pose panel (or by clicking a joint marker).
// Only a proxy object moves during the drag; each move writes the clamped joint rotation into the open
// gesture, and releasing closes it: one drag = one undo step.
import { useEffect, useMemo, useRef, useState } from 'react';
import { TransformControls } from '@react-three/drei';
import { Matrix4, Object3D, Quaternion, Vector3 } from 'three';
import { useStore } from 'zustand';
import { projectStore } from '../../store/projectStore';
import { useEditor } from '../../store/editorStore';
import { updateObject, type Actor } from '../../core/document';
import { clampJoint, effectivePose, forwardKinematics, mul, toEulerXYZ, transpose, PARENT, IDENTITY, type Mat3 } from '../../core/rig';
import { objectRefs } from '../objectRefs';
import { usePosing } from './posing';

const toMat3 = (m: Matrix4): Mat3 => {
  const e = m.elements; // column-major
  return [e[0]!, e[4]!, e[8]!, e[1]!, e[5]!, e[9]!, e[2]!, e[6]!, e[10]!];
};
const fromMat3 = (r: Mat3, p: readonly [number, number, number]): Matrix4 =>
  new Matrix4().set(r[0], r[1], r[2], p[0], r[3], r[4], r[5], p[1], r[6], r[7], r[8], p[2], 0, 0, 0, 1);

export function PoseGizmo() {
  const actorId = usePosing((s) => s.actorId);
  const joint = usePosing((s) => s.joint);
  const viewMode = useEditor((s) => s.viewMode);
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
    const fig = forwardKinematics(actor.build, actor.heightCm, effectivePose(actor));
    const f = fig.joints[joint];
    const world = group.matrixWorld.clone().multiply(fromMat3(f.rotation, f.position));
    const s = new Vector3();
    world.decompose(proxy.position, proxy.quaternion, s);
    proxy.updateMatrixWorld(true);
  });

  if (!actor || !joint || viewMode === 'lookThrough' || actor.locked) return null;

  const sceneId = projectStore.getState().activeSceneId;
  const onChange = () => {
    if (!dragging.current) return;
    const group = objectRefs.get(actor.id);
    const current = projectStore.getState().project.scenes[sceneId]?.objects[actor.id];
    if (!group || current?.type !== 'actor') return;
    // the joint's orientation in actor space = actor world rotation⁻¹ × proxy rotation
    const actorQ = new Quaternion();
    group.matrixWorld.decompose(new Vector3(), actorQ, new Vector3());
    const local = actorQ.clone().invert().multiply(proxy.quaternion);
    const jointActor = toMat3(new Matrix4().makeRotationFromQuaternion(local));
    const pose = effectivePose(current);
    const parent = PARENT[joint];
    const fig = forwardKinematics(current.build, current.heightCm, pose);
    const parentRot = parent ? fig.joints[parent].rotation : IDENTITY;
    const euler = clampJoint(joint, toEulerXYZ(mul(transpose(parentRot), jointActor)));
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
