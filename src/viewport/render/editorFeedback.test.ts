import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, LineBasicMaterial, LineSegments, Mesh, MeshBasicMaterial, MeshStandardMaterial, Object3D, Scene } from 'three';
import { suppressEditorFeedback } from './editorFeedback';

describe('editor feedback in rendered frames', () => {
  it('neutralises the selection tint, box and frame line and hides the gizmo, then puts them back', () => {
    const scene = new Scene();
    const actor = new Group();
    const body = new MeshStandardMaterial({ color: '#3366aa', emissive: '#7a4a00' });
    actor.add(new Mesh(new BoxGeometry(), body));
    const box = new Mesh(new BoxGeometry(), new MeshBasicMaterial({ color: '#ffb020', wireframe: true }));
    actor.add(box);
    const frameLine = new LineSegments(new BoxGeometry(), new LineBasicMaterial({ color: '#ffb020' }));
    actor.add(frameLine);
    // an unselected object with the same amber is left as it is
    const other = new Group();
    const otherMat = new MeshStandardMaterial({ emissive: '#7a4a00' });
    other.add(new Mesh(new BoxGeometry(), otherMat));
    // drei's gizmo (three-stdlib) and three's own, each nested somewhere in the scene
    const gizmo = Object.assign(new Object3D(), { isTransformControls: true });
    const gizmo3 = Object.assign(new Object3D(), { isTransformControlsRoot: true });
    const rig = new Group();
    rig.add(gizmo, gizmo3);
    scene.add(actor, other, rig);

    const restore = suppressEditorFeedback(scene, [actor]);
    expect(body.emissive.getHex()).toBe(0x000000);
    expect(box.visible).toBe(false);
    expect((frameLine.material as LineBasicMaterial).color.getHex()).toBe(0x202020);
    expect(gizmo.visible).toBe(false);
    expect(gizmo3.visible).toBe(false);
    expect(otherMat.emissive.getHex()).toBe(0x7a4a00);
    expect(body.color.getHexString()).toBe('3366aa');
    restore();
    expect(body.emissive.getHex()).toBe(0x7a4a00);
    expect(box.visible).toBe(true);
    expect((frameLine.material as LineBasicMaterial).color.getHex()).toBe(0xffb020);
    expect(gizmo.visible).toBe(true);
    expect(gizmo3.visible).toBe(true);
  });
});
