import { describe, expect, it } from 'vitest';
import { Euler, Matrix4, Object3D, Vector3 } from 'three';
import { parseModel } from './gltf';
import { crateGlb, personMmGlb, truncatedGlb } from '../../../tests/fixtures/models/makeModels';
import { JOINT_NAMES, PARENT, restOffsets, forwardKinematics, findPreset } from '../../core/rig';

describe('parseModel (three GLTFLoader on bytes)', () => {
  it('parses the crate fixture with its bounds in file units', async () => {
    const m = await parseModel(crateGlb());
    expect(m.meshCount).toBe(2);
    expect(m.triangleCount).toBe(24);
    m.min.forEach((v, i) => expect(v).toBeCloseTo([-0.4, -0.6, -0.3][i]!, 6));
    m.max.forEach((v, i) => expect(v).toBeCloseTo([0.4, 0.9, 0.3][i]!, 6));
  });

  it('the millimetre person is 1,700 units tall', async () => {
    const m = await parseModel(personMmGlb());
    expect(m.max[1] - m.min[1]).toBeCloseTo(1700, 3);
  });

  it('rejects a truncated file', async () => {
    await expect(parseModel(truncatedGlb())).rejects.toThrow();
  });
});

describe('core FK agrees with a three.js Object3D hierarchy using the same Euler angles', () => {
  it('every joint lands in the same place', () => {
    const pose = findPreset('fight-stance')!.pose;
    const off = restOffsets('female', 165);
    const nodes = new Map<string, Object3D>();
    const root = new Object3D();
    for (const j of JOINT_NAMES) {
      const n = new Object3D();
      n.position.set(...off[j]);
      const r = pose[j] ?? [0, 0, 0];
      n.rotation.copy(new Euler(r[0], r[1], r[2], 'XYZ'));
      (PARENT[j] ? nodes.get(PARENT[j]!)! : root).add(n);
      nodes.set(j, n);
    }
    root.updateMatrixWorld(true);
    const fig = forwardKinematics('female', 165, pose, { ground: false });
    for (const j of JOINT_NAMES) {
      const p = new Vector3().setFromMatrixPosition(nodes.get(j)!.matrixWorld);
      expect(p.x).toBeCloseTo(fig.joints[j].position[0], 9);
      expect(p.y).toBeCloseTo(fig.joints[j].position[1], 9);
      expect(p.z).toBeCloseTo(fig.joints[j].position[2], 9);
      const m = new Matrix4().extractRotation(nodes.get(j)!.matrixWorld).elements;
      const r = fig.joints[j].rotation;
      expect(m[0]).toBeCloseTo(r[0], 9);
      expect(m[4]).toBeCloseTo(r[1], 9);
      expect(m[1]).toBeCloseTo(r[3], 9);
    }
  });
});
