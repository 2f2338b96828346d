// Where the others in a shared project are looking: each colleague who looks through a camera gets that
// camera's frustum drawn in their colour, with a ring around the body, and what they have selected is
// outlined with a ring in their colour too. Editor layer only: never in renders or exports.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { Group } from 'three';
import type { Camera } from '../core/document';
import { useActiveScene } from '../store/projectStore';
import { studioStatus } from '../sync/studioSession';
import { frustumGeometry } from './camera/CameraGizmo';
import { EDITOR_ONLY_LAYER } from './camera/layers';
import { cameraInWorld } from './camera/worldCamera';

function PeerFrustum({ cam, colour }: { cam: Camera; colour: string }) {
  const w = cameraInWorld(cam);
  const geom = useMemo(() => frustumGeometry(w, Math.min(20, w.lens.focusDistanceM * 1.5)), [w]);
  return (
    <group position={w.transform.position} rotation={w.transform.rotation}>
      <lineSegments geometry={geom}>
        <lineBasicMaterial color={colour} depthTest={false} transparent opacity={0.9} />
      </lineSegments>
      <mesh>
        <torusGeometry args={[0.45, 0.03, 8, 32]} />
        <meshBasicMaterial color={colour} depthTest={false} />
      </mesh>
    </group>
  );
}

export function PeerCameras() {
  const peers = useStore(studioStatus, (s) => s.peers);
  const scene = useActiveScene();
  const root = useRef<Group>(null);
  useLayoutEffect(() => {
    root.current?.traverse((o) => o.layers.set(EDITOR_ONLY_LAYER));
  });
  return (
    <group ref={root} name="peer-presence">
      {peers.map((p) => {
        const cam = p.lookThrough ? scene.objects[p.lookThrough] : undefined;
        return (
          <group key={p.clientId}>
            {cam?.type === 'camera' && <PeerFrustum cam={cam} colour={p.colour} />}
            {p.selection.map((id) => {
              const o = scene.objects[id];
              if (!o || o.parentId) return null;
              return (
                <mesh key={id} position={[o.transform.position[0], 0.02, o.transform.position[2]]} rotation={[-Math.PI / 2, 0, 0]}>
                  <ringGeometry args={[0.9, 1, 40]} />
                  <meshBasicMaterial color={p.colour} transparent opacity={0.8} depthTest={false} />
                </mesh>
              );
            })}
          </group>
        );
      })}
    </group>
  );
}
