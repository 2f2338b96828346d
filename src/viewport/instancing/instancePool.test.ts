import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Matrix4, MeshStandardMaterial, Raycaster, Scene, Vector3, type BufferGeometry } from 'three';
import { InstancePool, InstanceStandIn, type BucketSpec } from './instancePool';
import { pieceBucket } from '../objects/SetPieceObject';
import { toBufferGeometry } from '../objects/meshData';
import { setPieceGeometry } from '../../core/geometry';

const spec = (): BucketSpec => ({ geometry: new BoxGeometry(1, 1, 1), material: new MeshStandardMaterial(), castShadow: true, receiveShadow: true });

/** A scene with the pool and n objects: a group per object (what SceneObjects renders) holding a stand-in. */
function setup(n: number, key = 'box') {
  const scene = new Scene();
  const pool = new InstancePool();
  scene.add(pool.root);
  const groups: Group[] = [];
  const standIns: InstanceStandIn[] = [];
  for (let i = 0; i < n; i++) {
    const g = new Group();
    g.name = `obj_${i}`;
    g.userData.documentId = g.name;
    g.position.set(i * 3, 0, 0);
    const s = new InstanceStandIn(new BoxGeometry(1, 1, 1), new MeshStandardMaterial({ color: 'red' }));
    g.add(s);
    scene.add(g);
    pool.attach(s, key, spec);
    groups.push(g);
    standIns.push(s);
  }
  return { scene, pool, groups, standIns, bucket: () => pool.bucket(key)! };
}

const slot = (s: InstanceStandIn) => new Matrix4().fromArray(s.bucket!.mesh.instanceMatrix.array, s.index * 16);

describe('instance pool bookkeeping', () => {
  it('draws every member through one InstancedMesh whose slots follow the world matrices', () => {
    const { scene, pool, standIns, bucket } = setup(3);
    scene.updateMatrixWorld();
    expect(pool.stats()).toEqual({ buckets: 1, instances: 3 });
    expect(pool.root.children).toHaveLength(1);
    expect(bucket().mesh.count).toBe(3);
    for (const s of standIns) {
      expect(s.visible).toBe(false);
      expect(slot(s).equals(s.matrixWorld)).toBe(true);
    }
  });

  it('writes a slot only when its matrix changed: a still scene uploads nothing', () => {
    const { scene, groups, standIns, bucket } = setup(3);
    scene.updateMatrixWorld();
    const v0 = bucket().mesh.instanceMatrix.version;
    scene.updateMatrixWorld();
    scene.updateMatrixWorld();
    expect(bucket().mesh.instanceMatrix.version).toBe(v0);
    groups[1]!.position.set(0, 5, 0);
    scene.updateMatrixWorld();
    expect(bucket().mesh.instanceMatrix.version).toBeGreaterThan(v0);
    expect(new Vector3().setFromMatrixPosition(slot(standIns[1]!)).toArray()).toEqual([0, 5, 0]);
    // bounds are recomputed for culling after a move
    expect(bucket().mesh.boundingSphere).toBeNull();
  });

  it('applies the local matrix (unit shape scaled to the piece)', () => {
    const { scene, standIns } = setup(1);
    standIns[0]!.setLocal(new Matrix4().makeScale(2, 3, 4));
    scene.updateMatrixWorld();
    const scale = new Vector3().setFromMatrixScale(slot(standIns[0]!));
    expect(scale.toArray().map((v) => Math.round(v * 1e6) / 1e6)).toEqual([2, 3, 4]);
  });

  it('empties the slot of a hidden object, a selected one (which draws itself) and a mirrored one', () => {
    const { scene, groups, standIns } = setup(3);
    scene.updateMatrixWorld();
    groups[0]!.visible = false;
    standIns[1]!.drawOwn = true;
    groups[2]!.scale.set(-1, 1, 1);
    scene.updateMatrixWorld();
    for (const s of standIns) expect(slot(s).elements.every((v) => v === 0)).toBe(true);
    expect(standIns[0]!.visible).toBe(false); // its parent hides it anyway
    expect(standIns[1]!.visible).toBe(true);
    expect(standIns[1]!.material).toBe(standIns[1]!.ownMaterial);
    expect(standIns[2]!.visible).toBe(true);
    // and back
    groups[0]!.visible = true;
    standIns[1]!.drawOwn = false;
    groups[2]!.scale.set(1, 1, 1);
    scene.updateMatrixWorld();
    for (const s of standIns) {
      expect(s.visible).toBe(false);
      expect(slot(s).equals(s.matrixWorld)).toBe(true);
    }
  });

  it('a detached object draws nothing', () => {
    const { scene, groups, standIns } = setup(2);
    scene.updateMatrixWorld();
    scene.remove(groups[0]!);
    groups[0]!.updateMatrixWorld();
    expect(slot(standIns[0]!).elements.every((v) => v === 0)).toBe(true);
  });

  it('removing a member moves the last into its slot; the last one out disposes the bucket', () => {
    const { scene, pool, standIns, bucket } = setup(4);
    scene.updateMatrixWorld();
    const b = bucket();
    let disposed = false;
    b.spec.geometry.addEventListener('dispose', () => (disposed = true));
    pool.detach(standIns[1]!);
    expect(b.mesh.count).toBe(3);
    expect(standIns[3]!.index).toBe(1);
    expect(b.members[1]).toBe(standIns[3]);
    expect(slot(standIns[3]!).equals(standIns[3]!.matrixWorld)).toBe(true);
    // out of the pool, the stand-in draws itself again
    expect(standIns[1]!.visible).toBe(true);
    expect(standIns[1]!.index).toBe(-1);
    for (const s of [standIns[0]!, standIns[2]!, standIns[3]!]) pool.detach(s);
    expect(disposed).toBe(true);
    expect(pool.stats()).toEqual({ buckets: 0, instances: 0 });
    expect(pool.root.children).toHaveLength(0);
  });

  it('grows past its capacity keeping every slot and colour', () => {
    const { scene, pool, standIns, bucket } = setup(40);
    standIns[7]!.setColour('#ff0000');
    scene.updateMatrixWorld();
    expect(pool.root.children).toHaveLength(1);
    expect(bucket().capacity).toBeGreaterThanOrEqual(40);
    expect(bucket().mesh.count).toBe(40);
    for (const s of standIns) expect(slot(s).equals(s.matrixWorld)).toBe(true);
    const c = bucket().mesh.instanceColor!.array;
    expect([c[21], c[22], c[23]]).toEqual([1, 0, 0]);
    expect([c[0], c[1], c[2]]).toEqual([1, 1, 1]);
  });

  it('a ray hits the object through its stand-in (so clicks reach its node), never the instances', () => {
    const { scene, pool, groups, bucket } = setup(3);
    scene.updateMatrixWorld();
    const ray = new Raycaster(new Vector3(6, 0.2, 10), new Vector3(0, 0, -1));
    const hits = ray.intersectObject(scene, true);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => !(h.object as { isInstancedMesh?: boolean }).isInstancedMesh)).toBe(true);
    expect(hits[0]!.object.parent).toBe(groups[2]);
    // and an instance id (from any other picking) maps back to its object
    expect(pool.standInAt(bucket().mesh, 2)!.parent!.userData.documentId).toBe('obj_2');
    expect(pool.standInAt(bucket().mesh, 9)).toBeNull();
  });

  it('moving a stand-in to another bucket frees its old slot', () => {
    const { scene, pool, standIns } = setup(2, 'a');
    pool.attach(standIns[0]!, 'b', spec);
    scene.updateMatrixWorld();
    expect(pool.bucket('a')!.mesh.count).toBe(1);
    expect(pool.bucket('b')!.mesh.count).toBe(1);
    expect(pool.stats()).toEqual({ buckets: 2, instances: 2 });
  });
});

describe('set-piece buckets', () => {
  const positions = (g: BufferGeometry, m: Matrix4 | null) => {
    const p = g.getAttribute('position');
    const out: number[] = [];
    const v = new Vector3();
    for (let i = 0; i < p.count; i++) {
      v.fromBufferAttribute(p, i);
      if (m) v.applyMatrix4(m);
      out.push(...v.toArray().map((x) => Math.round(x * 1e5) / 1e5));
    }
    return out;
  };
  for (const shape of ['box', 'cylinder', 'plane'] as const) {
    it(`a ${shape} is its unit shape scaled: the same vertices`, () => {
      const piece = { shape, size: [2.5, 1.3, 0.7] as [number, number, number] };
      const b = pieceBucket(piece);
      expect(b.key).toBe(`setPiece:${shape}:unit`);
      const unit = b.make();
      const exact = toBufferGeometry(setPieceGeometry(piece).mesh, ['solid']);
      expect(positions(unit.geometry, b.local)).toEqual(positions(exact, null));
      expect(unit.castShadow).toBe(shape !== 'plane');
    });
  }
  it('stairs, walls and odd sizes share a mesh only with identical geometry', () => {
    const a = pieceBucket({ shape: 'stairs', size: [1, 1, 2], steps: 6 });
    expect(pieceBucket({ shape: 'stairs', size: [1, 1, 2], steps: 6 }).key).toBe(a.key);
    expect(pieceBucket({ shape: 'stairs', size: [1, 1, 2], steps: 7 }).key).not.toBe(a.key);
    expect(a.local).toBeNull();
    expect(pieceBucket({ shape: 'box', size: [-1, 1, 1] }).local).toBeNull();
  });
});

describe('draw order', () => {
  it('sorts slots nearest-first from the eye, keeping each member with its matrix and colour', () => {
    const { scene, pool, standIns, bucket } = setup(5);
    standIns.forEach((s, i) => s.setColour(`rgb(${i * 50}, 0, 0)`));
    scene.updateMatrixWorld();
    // the eye beyond the last object: the order reverses
    pool.sortFrom(new Vector3(100, 0, 0));
    const b = bucket();
    expect(b.members.map((s) => s.parent!.name)).toEqual(['obj_4', 'obj_3', 'obj_2', 'obj_1', 'obj_0']);
    for (const s of standIns) {
      expect(b.members[s.index]).toBe(s);
      expect(slot(s).equals(s.matrixWorld)).toBe(true);
    }
    const col = b.mesh.instanceColor!.array;
    expect(col[standIns[4]!.index * 3]).toBeCloseTo(standIns[4]!.colour.r, 6);
    // a still eye sorts once; moving a little does not re-sort
    const v = b.mesh.instanceMatrix.version;
    pool.sortFrom(new Vector3(100.1, 0, 0));
    scene.updateMatrixWorld();
    expect(b.mesh.instanceMatrix.version).toBe(v);
  });
});
