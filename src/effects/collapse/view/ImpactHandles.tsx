// Handles for a collapse layer's blow, drawn while the layer is selected: a ball at the impact point (drag
// it over the building's faces or the ground: it sticks to the first surface under the mouse) and an arrow
// for the direction (drag its tip). They sit in the layer's space — the building's frame, the frame the
// parameters are written in — on the editor-only layer, drawn over the set. Each drag is one gesture: one
// undo step, with the panel's numbers following it live.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Plane, Quaternion, Raycaster, Vector2, Vector3, type Group, type Object3D } from 'three';
import type { EffectLayer } from '../../../core/document';
import { projectStore } from '../../../store/projectStore';
import { EDITOR_ONLY_LAYER } from '../../../viewport/camera/layers';
import { registerTestHook } from '../../../testHook';
import { arrowLength, arrowTip, directionToward, setImpactParam, toCm, vecParam, type Vec } from './impactHandles';

const POINT_COLOUR = '#ff5a36';
const ARROW_COLOUR = '#ffd23a';

/** The live handle objects of the selected collapse layer, for tests (their world positions give the screen spots). */
export const impactHandleLive: { layerId: string | null; point: Object3D | null; tip: Object3D | null } = { layerId: null, point: null, tip: null };
registerTestHook('collapseHandles', impactHandleLive);

export function ImpactHandles({ layer }: { layer: EffectLayer }) {
  const { camera, gl, scene, controls } = useThree();
  const root = useRef<Group>(null);
  const pointRef = useRef<Group>(null);
  const tipRef = useRef<Group>(null);
  const point = vecParam(layer.params, 'impactPoint', [0, 2, 5]);
  const direction = vecParam(layer.params, 'impactDirection', [0, 0, -1]);
  const length = arrowLength(layer.params.impactRadius);
  const tip = arrowTip(point, direction, length);

  useLayoutEffect(() => {
    root.current?.traverse((o) => o.layers.set(EDITOR_ONLY_LAYER));
  });
  useEffect(() => {
    impactHandleLive.layerId = layer.id;
    impactHandleLive.point = pointRef.current;
    impactHandleLive.tip = tipRef.current;
    return () => {
      if (impactHandleLive.layerId === layer.id) Object.assign(impactHandleLive, { layerId: null, point: null, tip: null });
    };
  }, [layer.id]);

  const helpers = useMemo(() => ({ ray: new Raycaster(), ndc: new Vector2(), v: new Vector3(), plane: new Plane() }), []);

  const start = (which: 'point' | 'tip', e: { stopPropagation(): void; pointerId: number }) => {
    e.stopPropagation();
    const orbit = controls as unknown as { enabled: boolean } | null;
    if (orbit) orbit.enabled = false;
    const { activeSceneId } = projectStore.getState();
    projectStore.getState().beginGesture(which === 'point' ? `Move impact of ${layer.name}` : `Aim impact of ${layer.name}`);
    const space = root.current!.parent!;
    const move = (ev: PointerEvent) => {
      const r = gl.domElement.getBoundingClientRect();
      helpers.ndc.set(((ev.clientX - r.left) / r.width) * 2 - 1, 1 - ((ev.clientY - r.top) / r.height) * 2);
      helpers.ray.setFromCamera(helpers.ndc, camera);
      space.updateWorldMatrix(true, false);
      const current = projectStore.getState().project.scenes[activeSceneId]?.objects[layer.id];
      if (current?.type !== 'effectLayer') return;
      const p = vecParam(current.params, 'impactPoint', point);
      if (which === 'point') {
        // the set's own surfaces (layer 0: never the handles, grid or camera bodies), else the ground plane
        helpers.ray.layers.set(0);
        const hit = helpers.ray.intersectObjects(scene.children, true).find((h) => h.object.visible && (h.object as { isMesh?: boolean }).isMesh && !isUnder(h.object, root.current));
        const world = hit ? hit.point : helpers.ray.ray.intersectPlane(helpers.plane.set(new Vector3(0, 1, 0), 0), helpers.v);
        if (!world) return;
        const local = space.worldToLocal(world.clone());
        projectStore.getState().updateGesture(setImpactParam(activeSceneId, layer.id, 'impactPoint', toCm([local.x, local.y, local.z])));
      } else {
        // the tip moves on the plane through the impact point that faces the viewer
        const pw = space.localToWorld(new Vector3(p[0], p[1], p[2]));
        helpers.plane.setFromNormalAndCoplanarPoint(camera.getWorldDirection(new Vector3()).negate(), pw);
        const world = helpers.ray.ray.intersectPlane(helpers.plane, helpers.v);
        if (!world) return;
        const local = space.worldToLocal(world.clone());
        const d = directionToward(p, [local.x, local.y, local.z]);
        if (d) projectStore.getState().updateGesture(setImpactParam(activeSceneId, layer.id, 'impactDirection', d));
      }
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (orbit) orbit.enabled = true;
      projectStore.getState().endGesture();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  // the arrow's shaft from the point to just short of the tip, its head a cone pointing along the direction
  const shaft = new Vector3(tip[0] - point[0], tip[1] - point[1], tip[2] - point[2]);
  const mid: Vec = [(point[0] + tip[0]) / 2, (point[1] + tip[1]) / 2, (point[2] + tip[2]) / 2];
  const up = new Vector3(0, 1, 0);
  const quat = new Quaternion().setFromUnitVectors(up, shaft.clone().normalize());
  const overlay = { depthTest: false, depthWrite: false, transparent: true, toneMapped: false } as const;

  return (
    <group ref={root} userData={{ kind: 'collapse-handles', layerId: layer.id }}>
      <group ref={pointRef} position={point} userData={{ handle: 'impact-point' }}>
        <mesh renderOrder={1000} onPointerDown={(e) => start('point', e)}>
          <sphereGeometry args={[0.35, 20, 14]} />
          <meshBasicMaterial color={POINT_COLOUR} {...overlay} opacity={0.95} />
        </mesh>
      </group>
      <mesh position={mid} quaternion={quat} renderOrder={999}>
        <cylinderGeometry args={[0.05, 0.05, length, 8]} />
        <meshBasicMaterial color={ARROW_COLOUR} {...overlay} opacity={0.9} />
      </mesh>
      <group ref={tipRef} position={tip} quaternion={quat} userData={{ handle: 'impact-direction' }}>
        <mesh renderOrder={1000} onPointerDown={(e) => start('tip', e)}>
          <coneGeometry args={[0.25, 0.6, 16]} />
          <meshBasicMaterial color={ARROW_COLOUR} {...overlay} opacity={0.95} />
        </mesh>
      </group>
    </group>
  );
}

function isUnder(o: Object3D, root: Object3D | null): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (p === root) return true;
  return false;
}
