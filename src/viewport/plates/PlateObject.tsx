// A plate in the set: an image plane 2 m tall with the plate's aspect, showing the plate — or, when a
// finished, visible de-age layer targets it, that layer's output (the layer is the plate as the shot uses it).
import { useMemo } from 'react';
import * as THREE from 'three';
import type { Plate, SceneObject } from '../../core/document';
import { useActiveScene } from '../../store/projectStore';
import { usePlateTexture } from './plateTexture';

export const PLATE_HEIGHT_M = 2;

/** The output asset of the topmost finished, visible effect layer on a plate, if any. */
export function plateOutputHash(objects: Record<string, SceneObject>, plateId: string): string | null {
  let hit: string | null = null;
  for (const o of Object.values(objects)) {
    if (o.type === 'effectLayer' && o.visible && o.status === 'done' && o.output && o.targetIds.includes(plateId)) hit = o.output.assetId;
  }
  return hit;
}

export function PlateObject({ object, selected }: { object: SceneObject; selected: boolean }) {
  const plate = object as Plate;
  const scene = useActiveScene();
  const shown = plateOutputHash(scene.objects, plate.id) ?? plate.assetId;
  const tex = usePlateTexture(shown);
  const width = (PLATE_HEIGHT_M * plate.widthPx) / plate.heightPx;
  const frame = useMemo(() => new THREE.EdgesGeometry(new THREE.PlaneGeometry(width, PLATE_HEIGHT_M)), [width]);
  return (
    <group>
      <mesh userData={{ plateId: plate.id }}>
        <planeGeometry args={[width, PLATE_HEIGHT_M]} />
        {tex ? <meshBasicMaterial map={tex} toneMapped={false} side={THREE.DoubleSide} /> : <meshBasicMaterial color="#444" side={THREE.DoubleSide} />}
      </mesh>
      <lineSegments geometry={frame} position={[0, 0, 0.002]}>
        <lineBasicMaterial color={selected ? '#ffb020' : '#202020'} />
      </lineSegments>
    </group>
  );
}
