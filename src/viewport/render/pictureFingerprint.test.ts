import { describe, expect, it } from 'vitest';
import { Bone, BoxGeometry, CanvasTexture, Color, DataTexture, DirectionalLight, Group, HemisphereLight, InstancedMesh, Matrix4, Mesh, MeshStandardMaterial, PerspectiveCamera, Scene, ShaderMaterial, Vector4 } from 'three';
import { PictureFingerprint } from './pictureFingerprint';
import { onBeforeSceneRender } from '../performance/beforeSceneRender';

function stage() {
  const scene = new Scene();
  scene.background = new Color('#88aacc');
  const sun = new DirectionalLight('#fff', 2);
  sun.castShadow = true;
  const sky = new HemisphereLight('#fff', '#444', 1);
  const tex = new DataTexture(new Uint8Array(4), 1, 1);
  const mat = new MeshStandardMaterial({ color: '#ff0000', map: tex });
  const box = new Mesh(new BoxGeometry(), mat);
  const crowd = new InstancedMesh(new BoxGeometry(), new MeshStandardMaterial(), 3);
  const plate = new Mesh(new BoxGeometry(), new ShaderMaterial({ uniforms: { rect: { value: new Vector4(-1, -1, 1, 1) }, map: { value: null } } }));
  scene.add(sun, sun.target, sky, box, crowd, plate);
  const camera = new PerspectiveCamera(40, 16 / 9, 0.1, 100);
  camera.position.set(0, 2, 10);
  const settle = () => {
    scene.updateMatrixWorld(true);
    camera.updateMatrixWorld(true);
  };
  settle();
  return { scene, sun, sky, box, mat, tex, crowd, plate, camera, settle };
}

const SETTINGS = [1920, 1080, 0, 0, 1920, 1080];

describe('picture fingerprint', () => {
  it('says "new" first, then "same" for as long as nothing the picture depends on changes', () => {
    const { scene, camera } = stage();
    const f = new PictureFingerprint();
    expect(f.changed(scene, camera, SETTINGS)).toBe(true);
    expect(f.changed(scene, camera, SETTINGS)).toBe(false);
    expect(f.changed(scene, camera, SETTINGS)).toBe(false);
    f.reset();
    expect(f.changed(scene, camera, SETTINGS)).toBe(true);
  });

  it('sees every kind of change a frame can bring', () => {
    const s = stage();
    const f = new PictureFingerprint();
    const steps: [string, () => void][] = [
      ['camera dollies', () => s.camera.position.set(0, 2, 9)],
      ['lens zooms', () => ((s.camera.fov = 30), s.camera.updateProjectionMatrix())],
      ['object moves', () => s.box.position.set(1, 0, 0)],
      ['object hidden', () => (s.box.visible = false)],
      ['object shown', () => (s.box.visible = true)],
      ['material colour keyed', () => s.mat.color.set('#00ff00')],
      ['opacity keyed', () => (s.mat.opacity = 0.5)],
      ['texture replaced', () => (s.mat.map = new DataTexture(new Uint8Array(4), 1, 1))],
      ['texture updated (a plate seeks)', () => (s.mat.map!.needsUpdate = true)],
      ['shader uniform (backdrop placement)', () => (s.plate.material as ShaderMaterial).uniforms.rect!.value.set(-1, -0.8, 1, 0.8)],
      ['instance moves', () => (s.crowd.setMatrixAt(1, new Matrix4().makeTranslation(0, 0, 2)), (s.crowd.instanceMatrix.needsUpdate = true))],
      ['sun intensity (time of day)', () => (s.sun.intensity = 1.5)],
      ['sun colour', () => s.sun.color.set('#ffddaa')],
      ['sky colour', () => s.sky.groundColor.set('#222222')],
      ['background colour', () => (s.scene.background as Color).set('#000000')],
      ['geometry edited', () => (s.box.geometry.attributes.position!.needsUpdate = true)],
    ];
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
    for (const [what, change] of steps) {
      change();
      s.settle();
      expect(f.changed(s.scene, s.camera, SETTINGS), what).toBe(true);
      expect(f.changed(s.scene, s.camera, SETTINGS), `${what}, then held`).toBe(false);
    }
    // the picture's size or placement in the frame
    expect(f.changed(s.scene, s.camera, [960, 540, 0, 0, 960, 540])).toBe(true);
  });

  it('reads a group through what it holds: moving an empty group is no change, moving a filled one is', () => {
    const s = stage();
    const empty = new Group();
    const rig = new Group();
    const prop = new Mesh(new BoxGeometry(), new MeshStandardMaterial());
    rig.add(prop);
    s.scene.add(empty, rig);
    s.settle();
    const f = new PictureFingerprint();
    f.changed(s.scene, s.camera, SETTINGS);
    empty.position.set(5, 0, 0);
    s.settle();
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(false);
    rig.position.set(0, 0, -3);
    s.settle();
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
    // a group's draw order decides the order of what it holds
    rig.renderOrder = 2;
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
    rig.visible = false;
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
    // a skinned mesh draws where its bones are, though they draw nothing themselves
    const bone = new Bone();
    s.scene.add(bone);
    s.settle();
    f.changed(s.scene, s.camera, SETTINGS);
    bone.rotation.z = 0.4;
    s.settle();
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
  });

  it('treats what it cannot see into as new every frame', () => {
    const s = stage();
    const f = new PictureFingerprint();
    const video = new CanvasTexture(null as unknown as HTMLCanvasElement) as CanvasTexture & { isVideoTexture?: boolean };
    video.isVideoTexture = true;
    s.mat.map = video;
    f.changed(s.scene, s.camera, SETTINGS);
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
    s.mat.map = null;
    f.changed(s.scene, s.camera, SETTINGS);
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(false);
    // a per-draw hook may change anything at draw time
    s.box.onBeforeRender = () => {};
    f.changed(s.scene, s.camera, SETTINGS);
    expect(f.changed(s.scene, s.camera, SETTINGS)).toBe(true);
  });

  it("holds a frame although the viewport's shared scene hook is on the scene, but not a foreign hook", () => {
    const { scene, camera } = stage();
    const f = new PictureFingerprint();
    const off = onBeforeSceneRender(scene, () => undefined);
    expect(f.changed(scene, camera, SETTINGS)).toBe(true);
    expect(f.changed(scene, camera, SETTINGS)).toBe(false);
    off();
    // someone else's hook wrapped around ours: its effects cannot be seen from here
    const shared = scene.onBeforeRender;
    scene.onBeforeRender = (...a) => shared.apply(scene, a);
    expect(f.changed(scene, camera, SETTINGS)).toBe(true);
    expect(f.changed(scene, camera, SETTINGS)).toBe(true);
  });
});
