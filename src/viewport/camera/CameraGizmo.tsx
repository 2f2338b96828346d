// The camera object in the scene: a small body with lens and magazine, and the frustum drawn to the
// lens's true angle of view (delivery frame) out to the focus distance, where the focus plane is outlined.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BufferGeometry, Float32BufferAttribute, type Object3D } from 'three';
import type { Camera } from '../../core/document';
import { frameCornersAt } from '../../core/lens';
import { useEditor } from '../../store/editorStore';
import { EDITOR_ONLY_LAYER } from './layers';

const selColour = '#ffb020';

/** Puts an object and its children on the editor-only layer (and only it). */
function useEditorLayer(ref: React.RefObject<Object3D | null>, deps: unknown[]) {
  useLayoutEffect(() => {
    ref.current?.traverse((o) => o.layers.set(EDITOR_ONLY_LAYER));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

export function frustumGeometry(cam: Camera, farM: number): BufferGeometry {
  const near = frameCornersAt(cam, Math.min(0.25, farM));
  const far = frameCornersAt(cam, farM);
  const pts: number[] = [];
  const seg = (a: readonly number[], b: readonly number[]) => pts.push(a[0]!, a[1]!, a[2]!, b[0]!, b[1]!, b[2]!);
  for (let i = 0; i < 4; i++) {
    seg([0, 0, 0], far[i]!);
    seg(near[i]!, near[(i + 1) % 4]!);
    seg(far[i]!, far[(i + 1) % 4]!);
  }
  // an "up" tick over the far frame, so a rolled (dutch) camera reads at a glance
  const tl = far[0]!, tr = far[1]!;
  const apex = [(tl[0] + tr[0]) / 2, tl[1] + (tr[0] - tl[0]) * 0.12, tl[2]];
  seg(tl.map((v, i) => (i === 0 ? v * 0.15 : v)), apex);
  seg(apex, tr.map((v, i) => (i === 0 ? v * 0.15 : v)));
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pts, 3));
  return g;
}

export function CameraGizmo({ object, selected }: { object: Camera; selected: boolean }) {
  const root = useRef<Object3D>(null);
  const lookingThrough = useEditor((s) => s.viewMode === 'lookThrough' && s.lookThroughCameraId === object.id);
  // the plan draws its own wedge to the horizontal angle of view; a 3D frustum seen from above would disagree when tilted
  const inPlan = useEditor((s) => s.viewMode === 'plan');
  const far = Math.min(Math.max(object.lens.focusDistanceM, 0.5), 60);
  const geom = useMemo(
    () => frustumGeometry(object, far),
    [object.body.sensorWidthMm, object.body.sensorHeightMm, object.lens.focalLengthMm, object.lens.kind, object.lens.squeeze, object.deliveryAspect, far],
  );
  useEditorLayer(root, [geom, lookingThrough, inPlan]);
  if (lookingThrough) return null;
  const body = selected ? selColour : '#2b2f34';
  return (
    <group ref={root} userData={{ cameraGizmo: object.id }}>
      <mesh position={[0, 0, 0.16]}>
        <boxGeometry args={[0.14, 0.2, 0.3]} />
        <meshStandardMaterial color={body} />
      </mesh>
      <mesh position={[0, 0, -0.04]} rotation={[Math.PI / 2, 0, 0]}>
        <cylinderGeometry args={[0.045, 0.055, 0.12, 16]} />
        <meshStandardMaterial color="#15171a" />
      </mesh>
      <mesh position={[0, 0.16, 0.1]} rotation={[0, 0, Math.PI / 2]}>
        <cylinderGeometry args={[0.08, 0.08, 0.05, 20]} />
        <meshStandardMaterial color={body} />
      </mesh>
      <mesh position={[0, 0.16, 0.27]} rotation={[0, 0, Math.PI / 2]}>
        <cylinderGeometry args={[0.08, 0.08, 0.05, 20]} />
        <meshStandardMaterial color={body} />
      </mesh>
      {inPlan ? null : (
        <lineSegments geometry={geom} raycast={() => null}>
          <lineBasicMaterial color={selected ? selColour : '#9fd0ff'} transparent opacity={selected ? 1 : 0.7} />
        </lineSegments>
      )}
    </group>
  );
}
