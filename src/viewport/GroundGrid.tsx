// Ground, grid and metre labels. Labels are canvas-texture sprites: no font is fetched from anywhere.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Grid } from '@react-three/drei/core/Grid';
import { CanvasTexture, SRGBColorSpace, type Group } from 'three';
import { EDITOR_ONLY_LAYER } from './camera/layers';
import { useActiveScene } from '../store/projectStore';

function labelTexture(text: string): CanvasTexture {
  const c = document.createElement('canvas');
  c.width = 128;
  c.height = 64;
  const g = c.getContext('2d')!;
  g.font = '600 34px system-ui, sans-serif';
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(text, 64, 32);
  const t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  return t;
}

const LABEL_STEP = 10;
const LABEL_RANGE = 50;

export function GroundGrid() {
  const scene = useActiveScene();
  const env = scene.environment;
  // grid and labels are editor furniture: the editor camera sees them, a shot camera (look-through,
  // stills, animatics) does not
  const furniture = useRef<Group>(null);
  useLayoutEffect(() => furniture.current?.traverse((o) => o.layers.set(EDITOR_ONLY_LAYER)));
  const labels = useMemo(() => {
    const out: { key: string; pos: [number, number, number]; tex: CanvasTexture }[] = [];
    for (let v = -LABEL_RANGE; v <= LABEL_RANGE; v += LABEL_STEP) {
      if (v === 0) continue;
      out.push({ key: `x${v}`, pos: [v, 0.05, 0.6], tex: labelTexture(`${v} m`) });
      out.push({ key: `z${v}`, pos: [0.8, 0.05, v], tex: labelTexture(`${v} m`) });
    }
    return out;
  }, []);
  return (
    <>
      {/* drawn after the set (renderOrder 1): the depth test then spares the ground's shading wherever a
          prop stands in front of it, the dearest fragments of a software-GL frame */}
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, -0.002, 0]} receiveShadow name="ground" renderOrder={1}>
        <planeGeometry args={[env.groundSize, env.groundSize]} />
        <meshStandardMaterial color={env.groundColour} />
      </mesh>
      <group ref={furniture}>
      <Grid
        position={[0, 0.001, 0]}
        args={[LABEL_RANGE * 2, LABEL_RANGE * 2]}
        cellSize={1}
        sectionSize={LABEL_STEP}
        cellColor="#5a5a55"
        sectionColor="#8a8a80"
        fadeDistance={120}
        infiniteGrid
      />
      {labels.map((l) => (
        <sprite key={l.key} position={l.pos} scale={[1.6, 0.8, 1]}>
          <spriteMaterial map={l.tex} transparent depthWrite={false} />
        </sprite>
      ))}
      </group>
    </>
  );
}
