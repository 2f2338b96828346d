// The viewport's joint gizmo through the store, as PoseGizmo drives it: every move of a drag is one
// updateGesture of poseJointEdit, with the joint's parents read from the actor as drawn at the keyed frame.
import { describe, expect, it } from 'vitest';
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { newProject, createObject, addObjects, type Actor } from '../../core/document';
import { createProjectStore } from '../../store/projectStore';
import { setKey, findTrack, evaluateObject } from '../../core/timeline';
import { deg } from '../../core/rig';
import { poseJointEdit, shownActor } from './posing';
import { jointRotationFromGizmo, jointWorldMatrix } from './poseMath';

const STATIC_POSE = { kneeL: [0.1, 0, 0] as [number, number, number] };

function setup(keyed: boolean) {
  let p = newProject('pose', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  p = addObjects(sid, [
    createObject('actor', { id: 'act', pose: STATIC_POSE, transform: { position: [2, 0, -1], rotation: [0, deg(40), 0], scale: [1, 1, 1] } }),
  ])(p);
  if (keyed) {
    p = setKey(sid, 'act', 'pose', { frame: 0, value: { kneeL: [0.2, 0, 0], elbowR: [0, 0, 0.4] }, interp: 'linear' })(p);
    p = setKey(sid, 'act', 'pose', { frame: 48, value: { kneeL: [1.0, 0, 0], elbowR: [0, 0, 1.2] }, interp: 'linear' })(p);
  }
  return { store: createProjectStore(p), sid };
}

const worldOf = (a: Actor) =>
  new Matrix4().compose(new Vector3(...a.transform.position), new Quaternion().setFromEuler(new Euler(...a.transform.rotation, 'XYZ')), new Vector3(1, 1, 1));

/** A drag of the knee's gizmo at `frame`: `moves` steps of 0.5° about the joint's own X, one gesture. */
function dragKnee(store: ReturnType<typeof setup>['store'], sid: string, frame: number, moves: number): { euler: [number, number, number]; gizmo: Quaternion } {
  const start = shownActor(store.getState().project, sid, 'act', frame)!;
  const w = worldOf(start);
  const q0 = new Quaternion();
  jointWorldMatrix(start, 'kneeL', w).decompose(new Vector3(), q0, new Vector3());
  let euler: [number, number, number] = [0, 0, 0];
  const gizmo = q0.clone();
  store.getState().beginGesture('Pose: kneeL');
  for (let i = 1; i <= moves; i++) {
    gizmo.copy(q0).multiply(new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), deg(0.5 * i)));
    const current = shownActor(store.getState().project, sid, 'act', frame)!;
    euler = jointRotationFromGizmo(current, 'kneeL', w, gizmo);
    store.getState().updateGesture(poseJointEdit(sid, 'act', 'kneeL', euler, frame));
  }
  store.getState().endGesture();
  return { euler, gizmo };
}

const poseKeys = (store: ReturnType<typeof setup>['store'], sid: string) =>
  findTrack(store.getState().project.scenes[sid]!, 'act', 'pose')!.keys;
const shownPose = (store: ReturnType<typeof setup>['store'], sid: string, f: number) => (evaluateObject(store.getState().project, sid, 'act', f) as Actor).pose;

describe('posing a keyed actor with the viewport gizmo', () => {
  it('a 30-move drag is one undo step that keys the dragged pose at the playhead', () => {
    const { store, sid } = setup(true);
    const { euler, gizmo } = dragKnee(store, sid, 24, 30);
    expect(store.getState().history.past.map((s) => s.label)).toEqual(['Pose: kneeL']);
    // the knee bent 15° more than it was drawn at frame 24 (0.6 rad, halfway between the keys)
    expect(euler[0]).toBeCloseTo(0.6 + deg(15), 9);

    const keys = poseKeys(store, sid);
    expect(keys.map((k) => k.frame)).toEqual([0, 24, 48]);
    const k24 = keys[1]!.value as Record<string, number[]>;
    expect(k24.kneeL).toEqual(euler);
    // the joints not dragged keep the values drawn at the frame
    expect(k24.elbowR![2]).toBeCloseTo(0.8, 9);

    // evaluation at the playhead is the dragged pose, and the joint sits where the gizmo was let go
    const at24 = evaluateObject(store.getState().project, sid, 'act', 24) as Actor;
    expect(at24.pose.kneeL).toEqual(euler);
    const q = new Quaternion();
    jointWorldMatrix(at24, 'kneeL', worldOf(at24)).decompose(new Vector3(), q, new Vector3());
    expect(Math.abs(q.dot(gizmo))).toBeCloseTo(1, 9);

    // the static pose underneath the track is untouched
    const act = store.getState().project.scenes[sid]!.objects.act as Actor;
    expect(act.pose).toEqual(STATIC_POSE);
    expect(act.posePreset).toBeNull();

    // frames away from the key still interpolate: linear from frame 0's key, eased towards frame 48's
    expect(shownPose(store, sid, 0).kneeL![0]).toBeCloseTo(0.2, 9);
    expect(shownPose(store, sid, 12).kneeL![0]).toBeCloseTo((0.2 + euler[0]) / 2, 9);
    const k36 = shownPose(store, sid, 36).kneeL![0]!;
    expect(k36).toBeGreaterThan(Math.min(euler[0], 1.0));
    expect(k36).toBeLessThan(Math.max(euler[0], 1.0));
    expect(shownPose(store, sid, 48).kneeL![0]).toBeCloseTo(1.0, 9);

    // one undo takes the whole drag back
    store.getState().undo();
    expect(poseKeys(store, sid).map((k) => k.frame)).toEqual([0, 48]);
    expect(shownPose(store, sid, 24).kneeL![0]).toBeCloseTo(0.6, 9);
  });

  it('a drag on a key replaces that key (its interpolation kept), still one step', () => {
    const { store, sid } = setup(true);
    const { euler } = dragKnee(store, sid, 48, 10);
    expect(store.getState().history.past).toHaveLength(1);
    const keys = poseKeys(store, sid);
    expect(keys.map((k) => [k.frame, k.interp])).toEqual([[0, 'linear'], [48, 'linear']]);
    expect((keys[1]!.value as Record<string, number[]>).kneeL).toEqual(euler);
  });

  it('an actor without a pose track is posed statically, as before auto-key', () => {
    const { store, sid } = setup(false);
    const { euler } = dragKnee(store, sid, 24, 30);
    expect(store.getState().history.past).toHaveLength(1);
    expect(findTrack(store.getState().project.scenes[sid]!, 'act', 'pose')).toBeUndefined();
    expect((store.getState().project.scenes[sid]!.objects.act as Actor).pose.kneeL).toEqual(euler);
    expect(euler[0]).toBeCloseTo(0.1 + deg(15), 9);
  });
});
