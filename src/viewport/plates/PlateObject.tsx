// A plate in the set: an image plane 2 m tall with the plate's aspect. A still shows its image — or, when a
// finished, visible de-age layer targets it, that layer's output (the layer is the plate as the shot uses
// it). A video plays: each viewport frame asks its screen (plateScreen.ts) for the plate frame at the
// playhead, with the de-aged patch over it where a layer's range covers that frame.
import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import * as THREE from 'three';
import type { Plate, SceneObject } from '../../core/document';
import { projectStore, useActiveScene } from '../../store/projectStore';
import { playhead } from '../../store/playhead';
import { usePlateTexture } from './plateTexture';
import { PlateScreen, plateScreens, requestAt } from './plateScreen';

export const PLATE_HEIGHT_M = 2;

/** The output asset of the topmost finished, visible effect layer on a plate, if any. */
export function plateOutputHash(objects: Record<string, SceneObject>, plateId: string): string | null {
  let hit: string | null = null;
  for (const o of Object.values(objects)) {
    if (o.type === 'effectLayer' && o.visible && o.status === 'done' && o.output && o.targetIds.includes(plateId)) hit = o.output.assetId;
  }
  return hit;
}

function useVideoScreen(plate: Plate): PlateScreen | null {
  const video = plate.mediaKind === 'video';
  const screen = useMemo(() => (video ? new PlateScreen(plate.widthPx, plate.heightPx) : null), [video, plate.id, plate.widthPx, plate.heightPx]);
  useEffect(() => {
    if (!screen) return;
    plateScreens.set(plate.id, { plate, screen });
    return () => {
      if (plateScreens.get(plate.id)?.screen === screen) plateScreens.delete(plate.id);
      screen.dispose();
    };
  }, [screen, plate.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useFrame(() => {
    // a render awaiting its own frame holds the screen until it has drawn
    if (!screen || screen.holds > 0) return;
    const { project, activeSceneId } = projectStore.getState();
    const current = project.scenes[activeSceneId]?.objects[plate.id];
    if (current?.type !== 'plate') return;
    const req = requestAt(project, activeSceneId, current, playhead.frame);
    if (req.key !== screen.wantKey) void screen.show(req);
  });
  return screen;
}

export function PlateObject({ object, selected }: { object: SceneObject; selected: boolean }) {
  const plate = object as Plate;
  const scene = useActiveScene();
  const screen = useVideoScreen(plate);
  const shown = screen ? null : (plateOutputHash(scene.objects, plate.id) ?? plate.assetId);
  const still = usePlateTexture(shown);
  const tex = screen ? screen.texture : still;
  const width = (PLATE_HEIGHT_M * plate.widthPx) / plate.heightPx;
  const frame = useMemo(() => new THREE.EdgesGeometry(new THREE.PlaneGeometry(width, PLATE_HEIGHT_M)), [width]);
  return (
    <group>
      <mesh userData={{ plateId: plate.id }}>
        <planeGeometry args={[width, PLATE_HEIGHT_M]} />
        {/* keyed, so the picture arriving makes a new material: R3F "resets" a prop that disappears (the
            placeholder's colour) to 0 — black — for classes whose constructor takes arguments, and three
            does not recompile a material whose map goes from none to one (the still plate drew black) */}
        {tex ? (
          <meshBasicMaterial key={tex.uuid} map={tex} color="#ffffff" toneMapped={false} side={THREE.DoubleSide} polygonOffset polygonOffsetFactor={-1} polygonOffsetUnits={-1} />
        ) : (
          <meshBasicMaterial key="placeholder" color="#444" side={THREE.DoubleSide} polygonOffset polygonOffsetFactor={-1} polygonOffsetUnits={-1} />
        )}
      </mesh>
      <lineSegments geometry={frame} position={[0, 0, 0.002]}>
        <lineBasicMaterial color={selected ? '#ffb020' : '#202020'} />
      </lineSegments>
    </group>
  );
}
