// Per-render culling and level of detail in the instance pool: what each pass draws, for which camera.
import { describe, expect, it } from 'vitest';
import { BoxGeometry, DirectionalLight, Group, Matrix4, MeshStandardMaterial, PerspectiveCamera, Scene, SphereGeometry, Vector2, type WebGLRenderer } from 'three';
import { InstancePool, InstanceStandIn, type BucketSpec } from './instancePool';
import { ShadowFingerprint } from '../render/shadowCasters';

// prepare reads only the render size (for level of detail) off the renderer
const renderer = { getRenderTarget: () => null, getSize: (v: Vector2) => v.set(1280, 720) } as unknown as WebGLRenderer;

const spec = (): BucketSpec => ({
  geometry: new SphereGeometry(0.5, 24, 16),
  lodGeometry: new SphereGeometry(0.5, 6, 4),
  lodKind: 'prop',
  material: new MeshStandardMaterial(),
  castShadow: true,
  receiveShadow: true,
});

/** A row of n unit balls along +x (x = 0, 3, 6 …), a camera at the origin's side looking at the first few. */
function stage(n: number, quality = { cull: true, lod: true, actorLodPx: 90, propLodPx: 40 }) {
  const scene = new Scene();
  const pool = new InstancePool(quality);
  scene.add(pool.root);
  const standIns: InstanceStandIn[] = [];
  for (let i = 0; i < n; i++) {
    const g = new Group();
    g.name = `obj_${i}`;
    g.position.set(i * 3, 0, 0);
    const s = new InstanceStandIn(new BoxGeometry(), new MeshStandardMaterial());
    g.add(s);
    scene.add(g);
    pool.attach(s, 'ball', spec);
    standIns.push(s);
  }
  // looking down -z at x = 0…6 from 10 m: a 40° lens sees about ±3.6 m
  const camera = new PerspectiveCamera(40, 1, 0.1, 1000);
  camera.position.set(3, 0, 10);
  camera.updateMatrixWorld();
  scene.updateMatrixWorld();
  return { scene, pool, standIns, camera, bucket: () => pool.bucket('ball')! };
}

const drawn = (pool: InstancePool, count: number) =>
  pool
    .bucket('ball')!
    .members.slice(0, count)
    .map((s) => s.parent!.name)
    .sort();

describe('per-instance culling', () => {
  it('the camera pass draws only the members inside its frustum, nearest first; every member keeps its slot', () => {
    const { scene, pool, standIns, camera, bucket } = stage(10);
    pool.prepare(renderer, scene, camera);
    const b = bucket();
    expect(drawn(pool, b.cameraCount)).toEqual(['obj_0', 'obj_1', 'obj_2']);
    expect(b.mesh.count).toBe(3);
    // no light casts: the shadow pass draws what the camera sees (no culling of casters by a light)
    for (const s of standIns) expect(new Matrix4().fromArray(b.mesh.instanceMatrix.array, s.index * 16).equals(s.matrixWorld)).toBe(true);
    // the middle one is nearest the eye (x = 3)
    expect(b.members[0]!.parent!.name).toBe('obj_1');
  });

  it('the shadow pass draws the casters inside the light frustum, including those the camera does not see', () => {
    const { scene, pool, camera, bucket } = stage(10);
    const sun = new DirectionalLight();
    sun.castShadow = true;
    sun.position.set(12, 30, 0);
    sun.target.position.set(12, 0, 0);
    Object.assign(sun.shadow.camera, { left: -7, right: 7, top: 7, bottom: -7, near: 1, far: 100 });
    sun.shadow.camera.updateProjectionMatrix();
    scene.add(sun, sun.target);
    scene.updateMatrixWorld();
    pool.prepare(renderer, scene, camera);
    const b = bucket();
    // the light sees x = 5…19 (obj_2 … obj_6), the camera obj_0 … obj_2
    expect(b.shadowCount).toBeGreaterThan(b.cameraCount);
    const shadowDrawn = drawn(pool, b.shadowCount);
    for (const name of ['obj_2', 'obj_3', 'obj_4', 'obj_5', 'obj_6']) expect(shadowDrawn).toContain(name);
    expect(shadowDrawn).not.toContain('obj_9');
    // one buffer, two counts: the shadow pass switches the count and puts it back
    b.mesh.onBeforeShadow(null as never, scene, camera, sun.shadow.camera, b.mesh.geometry, b.mesh.material as never, null as never);
    expect(b.mesh.count).toBe(b.shadowCount);
    b.mesh.onAfterShadow(null as never, scene, camera, sun.shadow.camera, b.mesh.geometry, b.mesh.material as never, null as never);
    expect(b.mesh.count).toBe(b.cameraCount);
  });

  it('with culling off every shown member is drawn (the old path)', () => {
    const { scene, pool, camera, bucket } = stage(10, { cull: false, lod: false, actorLodPx: 90, propLodPx: 40 });
    pool.prepare(renderer, scene, camera);
    expect(bucket().cameraCount).toBe(10);
    expect(bucket().mesh.frustumCulled).toBe(true);
  });

  it('a member coming into view is drawn on the next render', () => {
    const { scene, pool, standIns, camera, bucket } = stage(10);
    pool.prepare(renderer, scene, camera);
    standIns[9]!.parent!.position.set(3, 0, -5);
    scene.updateMatrixWorld();
    pool.prepare(renderer, scene, camera);
    expect(drawn(pool, bucket().cameraCount)).toContain('obj_9');
  });

  it('a re-sort or re-cull leaves the shadow maps alone; a moved member redraws them', () => {
    const { scene, pool, standIns, camera } = stage(10);
    const sun = new DirectionalLight();
    sun.castShadow = true;
    scene.add(sun, sun.target);
    scene.updateMatrixWorld();
    const f = new ShadowFingerprint();
    pool.prepare(renderer, scene, camera);
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
    // the camera turns round: a new order and new counts, the same casters
    camera.position.set(27, 0, 10);
    camera.updateMatrixWorld();
    pool.prepare(renderer, scene, camera);
    expect(pool.bucket('ball')!.members[0]!.parent!.name).toBe('obj_9');
    expect(f.changed(scene)).toBe(false);
    standIns[4]!.parent!.position.y = 2;
    scene.updateMatrixWorld();
    expect(f.changed(scene)).toBe(true);
  });
});

describe('level of detail', () => {
  /** the camera far down the row: near members big, far ones small */
  function far() {
    const st = stage(30);
    st.camera.position.set(0, 0, 6);
    st.camera.lookAt(80, 0, 0);
    st.camera.fov = 60;
    st.camera.updateProjectionMatrix();
    st.camera.updateMatrixWorld();
    return st;
  }

  it('only the editor camera draws far members with the simplified mesh; they never cast from it', () => {
    const { scene, pool, camera, bucket } = far();
    pool.lodCamera = camera;
    pool.prepare(renderer, scene, camera);
    const b = bucket();
    const lod = b.lodMesh!;
    expect(lod.count).toBeGreaterThan(0);
    expect(lod.castShadow).toBe(false);
    expect(b.cameraCount + lod.count).toBe(pool.last.cameraInstances + pool.last.lodInstances);
    // the simplified ones are the far ones
    const nearestSimplified = Math.min(...b.lodMembers.map((s) => s.parent!.position.x));
    const farthestFull = Math.max(...b.members.slice(0, b.cameraCount).map((s) => s.parent!.position.x));
    expect(nearestSimplified).toBeGreaterThan(farthestFull);
    // an instance id of the simplified mesh maps back to its object
    expect(pool.standInAt(lod, 0)).toBe(b.lodMembers[0]);
    for (let k = 0; k < lod.count; k++) {
      expect(new Matrix4().fromArray(lod.instanceMatrix.array, k * 16).equals(b.lodMembers[k]!.matrixWorld)).toBe(true);
    }
  });

  it('a picture-making camera (look-through, still, animatic) gets full detail from the same pool', () => {
    const { scene, pool, camera, bucket } = far();
    pool.lodCamera = new PerspectiveCamera();
    pool.prepare(renderer, scene, camera);
    expect(bucket().lodMesh!.count).toBe(0);
    expect(pool.last.lodCamera).toBe(false);
    // and with level of detail switched off, the editor camera too
    const off = far();
    off.pool.quality.lod = false;
    off.pool.lodCamera = off.camera;
    off.pool.prepare(renderer, off.scene, off.camera);
    expect(off.bucket().lodMesh!.count).toBe(0);
  });
});
