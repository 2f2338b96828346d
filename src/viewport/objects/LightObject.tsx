// Lights: the sun from time of day (direction, daylight fade, warm low sun; the object's Y rotation sets
// north), spot and point lights with shadows, and an area light (RectAreaLight for the soft light plus a
// wide shadow-casting spot for its shadows, since three's RectAreaLight casts none). Their helpers live on
// the editor-only layer, so they never show in a look-through or an export.
import { useEffect, useMemo, useRef } from 'react';
import { Color, Object3D, type DirectionalLight, type SpotLight } from 'three';
import { RectAreaLightUniformsLib } from 'three/examples/jsm/lights/RectAreaLightUniformsLib.js';
import type { Light } from '../../core/document';
import { sunAt, sunTint } from '../../core/geometry';
import { EDITOR_ONLY_LAYER } from '../camera/layers';

let rectLibReady = false;
const SUN_DISTANCE = 80;
const SHADOW_EXTENT = 40;

function editorOnly(o: Object3D | null) {
  o?.traverse((c) => c.layers.set(EDITOR_ONLY_LAYER));
}

function useTarget(position: [number, number, number]) {
  const target = useMemo(() => new Object3D(), []);
  target.position.set(...position);
  return target;
}

export function LightObject({ object, selected }: { object: Light; selected: boolean }) {
  const helperColour = selected ? '#ffb020' : object.colour;
  switch (object.kind) {
    case 'sun':
      return <Sun object={object} helperColour={helperColour} />;
    case 'spot':
      return <Spot object={object} helperColour={helperColour} />;
    case 'point':
      return (
        <group>
          <pointLight color={object.colour} intensity={object.intensity} decay={2} castShadow={object.castShadow} shadow-bias={-0.0005} />
          <mesh ref={editorOnly}>
            <sphereGeometry args={[0.12, 12, 8]} />
            <meshBasicMaterial color={helperColour} />
          </mesh>
        </group>
      );
    case 'area':
      return <Area object={object} helperColour={helperColour} />;
  }
}

function Sun({ object, helperColour }: { object: Light; helperColour: string }) {
  const sun = sunAt(object.timeOfDay ?? 12);
  const tint = sunTint(sun.elevationDeg);
  const colour = new Color(object.colour).multiply(new Color(tint[0], tint[1], tint[2]));
  const target = useTarget([0, 0, 0]);
  const light = useRef<DirectionalLight>(null);
  const [dx, dy, dz] = sun.direction;
  useEffect(() => {
    if (light.current) light.current.target = target;
  }, [target]);
  return (
    <group>
      <primitive object={target} />
      <directionalLight
        ref={light}
        position={[dx * SUN_DISTANCE, dy * SUN_DISTANCE, dz * SUN_DISTANCE]}
        color={colour}
        intensity={object.intensity * sun.daylight}
        castShadow={object.castShadow && sun.daylight > 0}
        shadow-mapSize={[2048, 2048]}
        shadow-bias={-0.0004}
        shadow-normalBias={0.03}
        shadow-camera-left={-SHADOW_EXTENT}
        shadow-camera-right={SHADOW_EXTENT}
        shadow-camera-top={SHADOW_EXTENT}
        shadow-camera-bottom={-SHADOW_EXTENT}
        shadow-camera-near={1}
        shadow-camera-far={SUN_DISTANCE * 2.5}
      />
      <group ref={editorOnly} userData={{ sunElevation: sun.elevationDeg }}>
        <mesh position={[dx * 2, dy * 2, dz * 2]}>
          <sphereGeometry args={[0.25, 16, 10]} />
          <meshBasicMaterial color={sun.daylight > 0 ? helperColour : '#445'} />
        </mesh>
        <mesh position={[dx, dy, dz]} quaternion={quatFromY([dx, dy, dz])}>
          <cylinderGeometry args={[0.02, 0.02, 2, 6]} />
          <meshBasicMaterial color={helperColour} />
        </mesh>
      </group>
    </group>
  );
}

function Spot({ object, helperColour }: { object: Light; helperColour: string }) {
  const target = useTarget([0, 0, -1]);
  const light = useRef<SpotLight>(null);
  const angle = object.angle ?? 0.5;
  useEffect(() => {
    if (light.current) light.current.target = target;
  }, [target]);
  const length = 1.2;
  return (
    <group>
      <primitive object={target} />
      <spotLight ref={light} color={object.colour} intensity={object.intensity} angle={angle} penumbra={0.35} decay={2} castShadow={object.castShadow} shadow-mapSize={[1024, 1024]} shadow-bias={-0.0005} />
      <mesh ref={editorOnly} position={[0, 0, -length / 2]} rotation={[-Math.PI / 2, 0, 0]}>
        <coneGeometry args={[Math.tan(angle) * length, length, 16, 1, true]} />
        <meshBasicMaterial color={helperColour} wireframe />
      </mesh>
    </group>
  );
}

function Area({ object, helperColour }: { object: Light; helperColour: string }) {
  if (!rectLibReady) {
    RectAreaLightUniformsLib.init();
    rectLibReady = true;
  }
  const w = object.width ?? 2;
  const h = object.height ?? 1;
  const target = useTarget([0, 0, -1]);
  const spot = useRef<SpotLight>(null);
  useEffect(() => {
    if (spot.current) spot.current.target = target;
  }, [target]);
  return (
    <group>
      <primitive object={target} />
      {/* RectAreaLight shines along its −Z, like the spot; it carries most of the light, the spot the shadow */}
      <rectAreaLight color={object.colour} intensity={object.intensity * 0.75} width={w} height={h} />
      <spotLight
        ref={spot}
        color={object.colour}
        intensity={object.intensity * 0.25 * w * h}
        angle={1.2}
        penumbra={1}
        decay={2}
        castShadow={object.castShadow}
        shadow-radius={8}
        shadow-mapSize={[1024, 1024]}
        shadow-bias={-0.0005}
      />
      <mesh ref={editorOnly}>
        <planeGeometry args={[w, h]} />
        <meshBasicMaterial color={helperColour} wireframe />
      </mesh>
    </group>
  );
}

/** Quaternion turning +Y onto a direction (for the sun's pointer). */
function quatFromY(d: [number, number, number]): [number, number, number, number] {
  const [x, y, z] = d;
  const n = Math.hypot(x, y, z) || 1;
  const ux = x / n, uy = y / n, uz = z / n;
  // axis = ŷ × u, angle = acos(ŷ·u)
  const ax = uz, az = -ux;
  const s = Math.hypot(ax, az);
  if (s < 1e-9) return uy > 0 ? [0, 0, 0, 1] : [1, 0, 0, 0];
  const angle = Math.acos(Math.max(-1, Math.min(1, uy)));
  const k = Math.sin(angle / 2) / s;
  return [ax * k, 0, az * k, Math.cos(angle / 2)];
}
