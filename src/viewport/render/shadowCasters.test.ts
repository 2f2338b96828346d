import { describe, expect, it } from 'vitest';
import { BatchedMesh, BoxGeometry, DirectionalLight, InstancedMesh, Matrix4, Mesh, MeshStandardMaterial, Scene } from 'three';
import { ShadowFingerprint } from './shadowCasters';

function stage() {
  const scene = new Scene();
  const sun = new DirectionalLight('#fff', 2);
  sun.castShadow = true;
  sun.position.set(10, 20, 5);
  const box = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
  box.castShadow = true;
  const ghost = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
  const debris = new InstancedMesh(new BoxGeometry(), new MeshStandardMaterial(), 4);
  debris.castShadow = true;
  scene.add(sun, sun.target, box, ghost, debris);
  const settle = () => scene.updateMatrixWorld(true);
  settle();
  return { scene, sun, box, ghost, debris, settle };
}

describe('shadow fingerprint', () => {
  it('asks for a redraw first, then only when a caster or a light changed', () => {
    const { scene, sun, box, ghost, debris, settle } = stage();
    const f = new ShadowFingerprint();
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
    // a mesh that casts nothing may move freely
    ghost.position.x = 3;
    settle();
    expect(f.changed(scene)).toBe(false);
    box.position.x = 1;
    settle();
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
    debris.setMatrixAt(2, new Matrix4().makeTranslation(0, 1, 0));
    debris.instanceMatrix.needsUpdate = true;
    expect(f.changed(scene)).toBe(true);
    sun.position.set(-10, 20, 5);
    settle();
    expect(f.changed(scene)).toBe(true);
    box.visible = false;
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
    sun.shadow.mapSize.set(1024, 1024);
    expect(f.changed(scene)).toBe(true);
    f.reset();
    expect(f.changed(scene)).toBe(true);
  });
  it('sees collapse fragments moved inside a BatchedMesh', () => {
    const { scene } = stage();
    const fragments = new BatchedMesh(2, 64, 128, new MeshStandardMaterial());
    fragments.castShadow = true;
    const g = fragments.addGeometry(new BoxGeometry());
    const a = fragments.addInstance(g);
    fragments.addInstance(g);
    scene.add(fragments);
    scene.updateMatrixWorld(true);
    const f = new ShadowFingerprint();
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
    fragments.setMatrixAt(a, new Matrix4().makeTranslation(0, -2, 0));
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
  });
  it('grows past its first buffer without losing track', () => {
    const { scene, settle } = stage();
    const many: Mesh[] = [];
    for (let i = 0; i < 400; i++) {
      const m = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
      m.castShadow = true;
      many.push(m);
      scene.add(m);
    }
    settle();
    const f = new ShadowFingerprint();
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
    many[399]!.position.y = 2;
    settle();
    expect(f.changed(scene)).toBe(true);
    expect(f.changed(scene)).toBe(false);
  });
});
