// Plain first renderers for each object type, so every document object is visible from day one.
// Features replace them in renderers.ts with full ones (mannequin rig, building generator, lens frustum).
import type { Actor, Building, Camera, Light, SceneObject, SetPiece } from '../../core/document';

const selColour = '#ffb020';

export function SetPieceMesh({ object, selected }: { object: SetPiece; selected: boolean }) {
  const [w, h, d] = object.size;
  const colour = selected ? selColour : object.colour;
  if (object.shape === 'cylinder') {
    return (
      <mesh position={[0, h / 2, 0]} castShadow receiveShadow>
        <cylinderGeometry args={[w / 2, w / 2, h, 32]} />
        <meshStandardMaterial color={colour} />
      </mesh>
    );
  }
  if (object.shape === 'plane') {
    return (
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.001, 0]} receiveShadow>
        <planeGeometry args={[w, d]} />
        <meshStandardMaterial color={colour} />
      </mesh>
    );
  }
  return (
    <mesh position={[0, h / 2, 0]} castShadow receiveShadow>
      <boxGeometry args={[w, h, d]} />
      <meshStandardMaterial color={colour} />
    </mesh>
  );
}

export function BuildingMesh({ object, selected }: { object: Building; selected: boolean }) {
  const h = object.floors * object.floorHeight;
  return (
    <mesh position={[0, h / 2, 0]} castShadow receiveShadow>
      <boxGeometry args={[object.footprint.width, h, object.footprint.depth]} />
      <meshStandardMaterial color={selected ? selColour : object.colour} />
    </mesh>
  );
}

export function ActorMesh({ object, selected }: { object: Actor; selected: boolean }) {
  const h = object.heightCm / 100;
  return (
    <mesh position={[0, h / 2, 0]} castShadow>
      <capsuleGeometry args={[h * 0.13, h * 0.74, 4, 12]} />
      <meshStandardMaterial color={selected ? selColour : object.colour} />
    </mesh>
  );
}

export function CameraMesh({ selected }: { object: Camera; selected: boolean }) {
  return (
    <mesh>
      <boxGeometry args={[0.2, 0.25, 0.4]} />
      <meshStandardMaterial color={selected ? selColour : '#303438'} />
    </mesh>
  );
}

export function LightObject({ object }: { object: Light; selected: boolean }) {
  if (object.kind === 'sun') {
    return <directionalLight color={object.colour} intensity={object.intensity} castShadow={object.castShadow} />;
  }
  if (object.kind === 'spot') {
    return <spotLight color={object.colour} intensity={object.intensity} angle={object.angle ?? 0.5} castShadow={object.castShadow} />;
  }
  return <pointLight color={object.colour} intensity={object.intensity} castShadow={object.castShadow} />;
}

export function PlaceholderMesh({ selected }: { object: SceneObject; selected: boolean }) {
  return (
    <mesh position={[0, 0.5, 0]}>
      <boxGeometry args={[1, 1, 1]} />
      <meshStandardMaterial color={selected ? selColour : '#888'} wireframe />
    </mesh>
  );
}
