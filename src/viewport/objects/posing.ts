// Which actor joint is being posed in the viewport (editor state, not part of the document, not undoable),
// and the document edit one move of the joint gizmo makes.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { JointName } from '../../core/rig';
import { updateObject, type Actor, type Edit, type Project } from '../../core/document';
import { autoKey, evaluateObject } from '../../core/timeline';

export interface PosingState {
  actorId: string | null;
  joint: JointName | null;
  pick(actorId: string | null, joint: JointName | null): void;
}

export const posingStore = createStore<PosingState>()((set) => ({
  actorId: null,
  joint: null,
  pick: (actorId, joint) => set({ actorId, joint: actorId ? joint : null }),
}));

export function usePosing<T>(selector: (s: PosingState) => T): T {
  return useStore(posingStore, selector);
}

/** The actor as the viewport draws it at `frame` (keyed pose and transform evaluated), or null. */
export function shownActor(project: Project, sceneId: string, actorId: string, frame: number): Actor | null {
  const o = evaluateObject(project, sceneId, actorId, frame);
  return o?.type === 'actor' ? o : null;
}

/**
 * One move of the joint gizmo: the joint's new rotation (Euler XYZ relative to rest), through auto-key, so
 * an actor whose pose is keyed gets a pose key at `frame` (the rest of that pose as shown there) instead of a
 * static pose its track would override. The same edit re-applied on every move replaces its own key, so the
 * drag stays one gesture, one undo step.
 */
export function poseJointEdit(sceneId: string, actorId: string, joint: JointName, euler: readonly [number, number, number], frame: number): Edit {
  return autoKey(
    updateObject<Actor>(sceneId, actorId, (a) => ({
      ...a,
      pose: { ...a.pose, [joint]: [euler[0], euler[1], euler[2]] },
      posePreset: null,
      // turning the head by hand replaces the look-at target, or the drag would show nothing
      lookAt: joint === 'neck' || joint === 'head' ? null : a.lookAt,
    })),
    sceneId,
    frame,
  );
}
