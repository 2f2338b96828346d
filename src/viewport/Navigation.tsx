// Orbit/pan/zoom (OrbitControls) and fly navigation (drag to look, WASD/QE to move, Shift for speed).
import { useEffect, useRef } from 'react';
import { OrbitControls } from '@react-three/drei/core/OrbitControls';
import { useFrame, useThree } from '@react-three/fiber';
import { Box3, Euler, Vector3 } from 'three';
import type { OrbitControls as OrbitImpl } from 'three-stdlib';
import { useEditor, editorStore } from '../store/editorStore';
import { objectRefs } from './objectRefs';
import { viewportCommands } from './viewportCommands';
import { orbitView, placeOrbitView } from './camera/orbitView';

export function Navigation() {
  const nav = useEditor((s) => s.navMode);
  const viewMode = useEditor((s) => s.viewMode);
  const controls = useRef<OrbitImpl>(null);
  const { camera } = useThree();

  useEffect(
    () =>
      viewportCommands.register('frameSelection', () => {
        const box = new Box3();
        for (const id of editorStore.getState().selection) {
          const o = objectRefs.get(id);
          if (o) box.expandByObject(o);
        }
        if (box.isEmpty()) return;
        const centre = box.getCenter(new Vector3());
        const radius = Math.max(box.getSize(new Vector3()).length() / 2, 0.5);
        const dir = camera.position.clone().sub(controls.current?.target ?? centre).normalize();
        camera.position.copy(centre).addScaledVector(dir, radius * 2.5);
        controls.current?.target.copy(centre);
        controls.current?.update();
      }),
    [camera],
  );

  // the editor's camera stays reachable while a shot camera is looked through (camera ↔ view commands)
  useEffect(() => {
    if (viewMode !== 'perspective') return;
    orbitView.camera = camera;
    orbitView.controls = nav === 'orbit' ? controls.current : null;
    if (orbitView.pending) {
      placeOrbitView(orbitView.pending);
      orbitView.pending = null;
    }
  }, [viewMode, camera, nav]);

  if (viewMode !== 'perspective') return null;
  return nav === 'orbit' ? <OrbitControls ref={controls as never} makeDefault enableDamping={false} /> : <FlyNavigation />;
}

function FlyNavigation() {
  const { camera, gl } = useThree();
  const keys = useRef(new Set<string>());
  useEffect(() => {
    const euler = new Euler(0, 0, 0, 'YXZ').setFromQuaternion(camera.quaternion);
    let dragging = false;
    const down = (e: KeyboardEvent) => keys.current.add(e.code);
    const up = (e: KeyboardEvent) => keys.current.delete(e.code);
    const pdown = () => (dragging = true);
    const pup = () => (dragging = false);
    const move = (e: PointerEvent) => {
      if (!dragging) return;
      euler.y -= e.movementX * 0.003;
      euler.x = Math.max(-1.5, Math.min(1.5, euler.x - e.movementY * 0.003));
      camera.quaternion.setFromEuler(euler);
    };
    const el = gl.domElement;
    // one signal takes every listener down with the effect
    const off = new AbortController();
    window.addEventListener('keydown', down, { signal: off.signal });
    window.addEventListener('keyup', up, { signal: off.signal });
    el.addEventListener('pointerdown', pdown, { signal: off.signal });
    window.addEventListener('pointerup', pup, { signal: off.signal });
    window.addEventListener('pointermove', move, { signal: off.signal });
    return () => {
      off.abort();
    };
  }, [camera, gl]);
  useFrame((_, dt) => {
    const k = keys.current;
    const speed = (k.has('ShiftLeft') || k.has('ShiftRight') ? 20 : 5) * dt;
    const v = new Vector3(
      (k.has('KeyD') ? 1 : 0) - (k.has('KeyA') ? 1 : 0),
      (k.has('KeyE') ? 1 : 0) - (k.has('KeyQ') ? 1 : 0),
      (k.has('KeyS') ? 1 : 0) - (k.has('KeyW') ? 1 : 0),
    );
    if (v.lengthSq() > 0) camera.position.add(v.normalize().multiplyScalar(speed).applyQuaternion(camera.quaternion));
  });
  return null;
}
