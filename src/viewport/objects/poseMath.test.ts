import { describe, expect, it } from 'vitest';
import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import { createObject } from '../../core/document';
import { findPreset, deg } from '../../core/rig';
import { jointRotationFromGizmo, jointWorldMatrix } from './poseMath';

const actorAt = () =>
  createObject('actor', {
    pose: findPreset('walk')!.pose as Record<string, [number, number, number]>,
    transform: { position: [3, 0, -2], rotation: [0, deg(70), 0], scale: [1, 1, 1] },
  });
const worldOf = (a: ReturnType<typeof actorAt>) =>
  new Matrix4().compose(new Vector3(...a.transform.position), new Quaternion().setFromEuler(new Euler(...a.transform.rotation, 'XYZ')), new Vector3(1, 1, 1));

describe('gizmo ↔ joint', () => {
  it('an untouched gizmo gives back the joint rotation it was placed with', () => {
    const a = actorAt();
    const w = worldOf(a);
    for (const j of ['elbowL', 'hipR', 'chest', 'hips'] as const) {
      const q = new Quaternion();
      jointWorldMatrix(a, j, w).decompose(new Vector3(), q, new Vector3());
      const r = jointRotationFromGizmo(a, j, w, q);
      const want = a.pose[j] ?? [0, 0, 0];
      r.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 9));
    }
  });

  it('turning the gizmo 20° about the joint\'s own X bends the knee 20° more', () => {
    const a = actorAt();
    const w = worldOf(a);
    const q = new Quaternion();
    jointWorldMatrix(a, 'kneeL', w).decompose(new Vector3(), q, new Vector3());
    q.multiply(new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), deg(20)));
    const r = jointRotationFromGizmo(a, 'kneeL', w, q);
    expect(r[0]).toBeCloseTo((a.pose.kneeL?.[0] ?? 0) + deg(20), 9);
  });

  it('a gizmo turned past the limit is clamped (a knee does not bend forwards)', () => {
    const a = actorAt();
    const w = worldOf(a);
    const q = new Quaternion();
    jointWorldMatrix(a, 'kneeL', w).decompose(new Vector3(), q, new Vector3());
    q.multiply(new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), deg(-60)));
    expect(jointRotationFromGizmo(a, 'kneeL', w, q)[0]).toBe(0);
  });
});
